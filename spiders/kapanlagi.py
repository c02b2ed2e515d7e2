"""kapanlagi.com: the RSS feed of the latest stories (``/feed/``, items dated
"Thu, 05 Nov 2015 12:45:00 +0700"); backfills read the sitemaps the site names in its
robots.txt (no dated index is known). Pages print WIB times without the zone."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers import kapanlagi

OUTLET = Outlet(
    name="kapanlagi",
    domains=("kapanlagi.com",),
    parser=kapanlagi.PARSERS,
    sources=(Feed("{base}/feed/"), Site("{base}", when="backfill")),
    not_people=("KapanLagi.com", "Kapanlagi"),
    title_suffix=r"\s+-\s+KapanLagi\.com®?$",
    article_url=r"/[\w-]+-[0-9a-f]{6}\.html$",
)
