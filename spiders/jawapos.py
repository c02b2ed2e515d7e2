"""Jawa Pos (jawapos.com): the RSS of its main sections (``/<section>/rss``) for what is new.
Article URLs are ``/<section>/<9-digit id>/<slug>``; long articles go on at ``?page=2`` (the
paging bar). Dates are ISO in JSON-LD and "Jumat, 31 Oktober 2026 | 19:30 WIB" on the page;
the text opens with "JawaPos.com – "."""

from newscrawl.outlet import Feed, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser

#: The sections the home page menu links, each with its own feed.
SECTIONS = ("nasional", "ekonomi", "olahraga", "entertainment", "surabaya-raya", "internasional")


class JawaposParser(GenericParser):
    """The ``read__`` template: text block, paging bar, photo caption, tag list."""

    body_css = "div.read__content"
    body_skip_css = ".ads, .read__paging"
    tags_css = "ul.tag__article__wrap a"
    pages_css = "div.read__paging a.paging__link"
    image_caption_css = "div.photo div.photo__caption"
    drop_url_params = ("page",)
    dateline = dateline_pattern(brand=r"JawaPos\.com|JAWAPOS\.COM")

    def page_urls(self) -> list[str]:
        # Later pages link back to page 1: only page 1 lists pages to fetch.
        if "page=" in self.page.url:
            return []
        return [url for url in super().page_urls() if "page=" in url]


OUTLET = Outlet(
    name="jawapos",
    domains=("jawapos.com",),
    parser=JawaposParser,
    sources=tuple(Feed(f"https://www.jawapos.com/{section}/rss") for section in SECTIONS),
    not_people=("Jawa Pos", "JawaPos.com", "JawaPos", "Tim Jawa Pos"),
    title_suffix=r"(?:\s*-\s*Halaman \d+)?\s*[-|]\s*Jawa\s*Pos(?:\.com)?$",
    article_url=r"^/[a-z-]+/\d{9}/[a-z0-9-]+$",
)
