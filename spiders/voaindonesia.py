"""VOA Indonesia (voaindonesia.com), on the Pangea CMS of the US broadcasters: the main feed
(``/api/zmgqoe$moi``) and the sitemaps robots.txt names list the articles at
``/a/<slug>/<id>.html``. Machine dates are UTC; records show them in WIB."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class VoaIndonesiaParser(GenericParser):
    """Pangea's ``wsw`` text block and author links."""

    body_css = "div.body-container div.wsw, div#article-content .wsw"
    author_css = ".authors .links__item-link"


OUTLET = Outlet(
    name="voaindonesia",
    domains=("voaindonesia.com",),
    parser=VoaIndonesiaParser,
    sources=(Feed("{base}/api/zmgqoe$moi"), Site("{base}")),
    not_people=("VOA", "VOA Indonesia", "Voice of America"),
    title_suffix=r"\s*[|-]\s*VOA(?:\s+Indonesia)?\s*$",
    article_url=r"^/a/[\w-]+/\d+\.html$",
)
