"""Indopolitika (indopolitika.com, WordPress): the RSS for what is new, the paged news index
(``/indeks-berita/page/N/``) for backfills. Dates are ISO in the metas (UTC in Yoast's
graph) and "Jumat, 31 Oktober 2026 | 09:12 WIB" on the page."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import person_names


class IndopolitikaParser(GenericParser):
    """The theme's byline, text block and tag line."""

    author_css = ".post-meta .post-authorname a"
    body_css = ".post-body.post-article"
    tags_css = ".post-tags a[rel=tag]"
    body_skip_css = ".ads-inline, .adsbygoogle"
    image_caption_css = ".post-body figure figcaption"
    dateline = dateline_pattern(brand=r"INDOPOLITIKA\.COM|Indopolitika\.com")

    def authors(self) -> list[str]:
        # Yoast's graph names the desk account ("Redaksi"); the byline names the reporter.
        return (
            person_names(self.css_texts(self.author_css), drop=self.not_people) or super().authors()
        )


OUTLET = Outlet(
    name="indopolitika",
    domains=("indopolitika.com",),
    parser=IndopolitikaParser,
    base_url="https://indopolitika.com",
    sources=(
        Feed("https://indopolitika.com/feed/"),
        Index(
            "https://indopolitika.com/indeks-berita/page/{page}/",
            first="https://indopolitika.com/indeks-berita/",
            max_pages=30,
        ),
    ),
    not_people=("Redaksi", "Indopolitika", "Indopolitika.com"),
    title_suffix=r"\s*[-|]\s*Indopolitika(?:\.com)?$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
