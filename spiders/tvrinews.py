"""TVRI News (tvrinews.com, one subdomain per desk: nasional., ekonomi., daerah.; the older
tvrinews.id redirects there): each desk's Google News sitemap (``/sitemap/news.xml``) lists its
articles. Dates are WIB (``article:published_time``)."""

from newscrawl.outlet import Outlet, Sitemap
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class TvriNewsParser(GenericParser):
    """The article text is the blog template's ``div.blog-content``."""

    body_css = "div.blog-content"
    #: The text opens with a bare place: "Medan - ".
    dateline = dateline_pattern()


#: Desks with a news sitemap of their own.
DESKS = ("nasional", "ekonomi", "daerah")

OUTLET = Outlet(
    name="tvrinews",
    domains=("tvrinews.com", "tvrinews.id"),
    parser=TvriNewsParser,
    base_url="https://tvrinews.com",
    sources=tuple(Sitemap(f"https://{desk}.tvrinews.com/sitemap/news.xml") for desk in DESKS),
    not_people=("TVRI", "TVRI News", "tvrinews", "Redaksi TVRI News"),
    title_suffix=r"\s*[|-]\s*TVRI\s*News\s*$",
    article_url=r"^/\w[\w-]*/[\w-]{12,}",
)
