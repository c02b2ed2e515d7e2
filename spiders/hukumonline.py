"""hukumonline.com: the news sitemap (``/berita/sitemap.xml``, a plain urlset with lastmod);
articles are ``/berita/a/<slug>-lt<hex>/`` (photo and stories pages are not). Times are WIB;
the page may sit behind a bot check that answers with a challenge page (not HTML news)."""

from newscrawl.outlet import Outlet, Sitemap
from newscrawl.parsers.generic import GenericParser


class HukumonlineParser(GenericParser):
    """The news page: the lead under the headline, ``div.article-content``."""

    body_css = "article .article-content, div.article-content"
    subheadline_css = ".article-lead"
    author_css = ".article-author"
    image_caption_css = "article figure figcaption"


OUTLET = Outlet(
    name="hukumonline",
    domains=("hukumonline.com",),
    parser=HukumonlineParser,
    sources=(Sitemap("{base}/berita/sitemap.xml"),),
    not_people=("Hukumonline", "hukumonline.com", "Redaksi Hukumonline"),
    title_suffix=r"\s+[-|]\s+[Hh]ukumonline(?:\.com)?$",
    article_url=r"^/berita/a/[\w-]+-lt[0-9a-f]+/?$",
)
