"""Poskota (poskota.co.id): the site feed and the sitemaps robots.txt names list the articles at
``/YYYY/MM/DD/<slug>``; a paged article is fetched whole with ``?view=all``. Dates are WIB,
printed "Sabtu, 31 Oktober 2026 14:05 WIB"."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class PoskotaParser(GenericParser):
    """The text container and the "POSKOTA.CO.ID -" dateline."""

    body_css = "div[itemprop=articleBody]"
    dateline = dateline_pattern(brand=r"(?i:poskota\.co\.id|poskota)")


OUTLET = Outlet(
    name="poskota",
    domains=("poskota.co.id",),
    parser=PoskotaParser,
    single_page={"view": "all"},
    sources=(Feed("{base}/rss"), Site("{base}")),
    not_people=("Poskota", "Poskota.co.id", "Tim Poskota"),
    title_suffix=r"\s*[|-]\s*Poskota(?:\.co\.id)?\s*$",
    article_url=r"^/20\d\d/\d\d/\d\d/[a-z0-9-]+",
)
