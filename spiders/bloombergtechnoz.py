"""Bloomberg Technoz (bloombergtechnoz.com): economy and market news. The sitemaps robots.txt
names and the home page's feeds for what is new, the kanal pages for backfills. Dates print
as "31 October 2026 15:48" (WIB); long articles continue on a "next" page, merged."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers.generic import GenericParser


class BloombergTechnozParser(GenericParser):
    """The crumbs are ``ul.sitemap``; "Pilihan" boxes of other stories sit in the text."""

    agencies = ""  # "Bloomberg Technoz, Jakarta -": no agency form
    section_css = "ul.sitemap li a"
    body_css = "div.detail-in"
    body_skip_css = "div[class^=smallbox-pilihan]"
    image_caption_css = "div.img-detail .text-caption"
    pages_css = "a.pager__next"


OUTLET = Outlet(
    name="bloombergtechnoz",
    domains=("bloombergtechnoz.com",),
    parser=BloombergTechnozParser,
    sources=(
        Site("https://www.bloombergtechnoz.com", when="latest"),
        *(
            Index(f"https://www.bloombergtechnoz.com/kanal/{kanal}?page={{page}}", max_pages=20)
            for kanal in ("economic", "market", "finansial", "technology")
        ),
    ),
    not_people=("Bloomberg Technoz", "Bloomberg", "Tim Bloomberg Technoz"),
    title_suffix=r"\s*[-|]\s*Bloomberg Technoz\s*$",
    article_url=r"^/detail-news/\d+/",
)
