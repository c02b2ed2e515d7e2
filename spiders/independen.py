"""Independen.id (independen.id, AJI's outlet for independent journalism; Drupal): the home
page's latest stories, read on every run (the site offers no feed or dated index). Article URLs
are Drupal path aliases (``/<slug>``; ``/node/<id>``, ``/tags/``, ``/agenda/`` are not
articles). Dates are ISO in the ``article:*`` metas and "Kamis, 30 Oktober 2026 - 09:00" on the
page (WIB)."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser


class IndependenParser(GenericParser):
    """Drupal's node fields: author, body, tags, image caption."""

    author_css = ".node-article .field-name-author"
    body_css = ".node-article .field-name-body"
    tags_css = ".field-name-field-tags a"
    image_caption_css = ".field-name-field-image .image-field-caption"


OUTLET = Outlet(
    name="independen",
    domains=("independen.id",),
    parser=IndependenParser,
    base_url="https://independen.id",
    sources=(Index("https://independen.id/", max_pages=1, when="always"),),
    not_people=("Independen.id", "Redaksi Independen", "AJI Indonesia"),
    title_suffix=r"\s*[-|]\s*Independen\.id$",
    article_url=r"^/(?!node/|tags/|agenda/|user/|taxonomy/)[a-z0-9]+(?:-[a-z0-9]+){3,}$",
)
