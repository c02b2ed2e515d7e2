"""swa.co.id (SWA business magazine; a SvelteKit site rendered on the server): the latest list
of the home page, then ``/latest?page=N``; articles are ``/read/<id>/<slug>``, dated in
JSON-LD (WIB)."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser


class SwaParser(GenericParser):
    """The article page: ``div.article-content``."""

    body_css = "div.article-content"
    author_css = ".article-meta .article-author"
    image_caption_css = "figure.article-image figcaption"


OUTLET = Outlet(
    name="swa",
    domains=("swa.co.id",),
    base_url="https://swa.co.id",
    parser=SwaParser,
    sources=(Index("{base}/latest?page={page}", first="{base}/", max_pages=10, when="always"),),
    not_people=("SWA", "SWA Online", "SWA.co.id", "Tim SWA"),
    title_suffix=r"\s+[-|]\s+SWA(?:\.co\.id)?$",
    article_url=r"^/read/\d+/[\w-]+",
)
