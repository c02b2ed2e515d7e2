"""grid.id (Kompas Gramedia's Grid network): the home page's latest list and its later pages
(``/page/N``); articles are ``/read/<id>/<slug>`` with the body in ``div.read__article``,
"Baca Juga" boxes between paragraphs and the desk mark "(*)". Dates are WIB."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser


class GridParser(GenericParser):
    """The network's read page."""

    body_css = "div.read__article"
    # Embedded posts keep their attribution text inside the blockquote.
    body_skip_css = "blockquote.instagram-media, blockquote.twitter-tweet"
    date_css = ".read__info__date"
    image_caption_css = ".photo__caption"
    tags_css = ".read__tags a"


OUTLET = Outlet(
    name="grid",
    domains=("grid.id",),
    parser=GridParser,
    sources=(Index("{base}/page/{page}", first="{base}/", max_pages=5, when="always"),),
    not_people=("Grid.ID", "Grid", "GridNetwork"),
    title_suffix=r"\s+[-|]\s+Grid\.ID$",
    article_url=r"^/read/\d+/[\w-]+",
)
