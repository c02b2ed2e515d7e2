"""dream.co.id: what the site names itself (robots.txt ``Sitemap:`` lines, the feeds its
home page advertises); no dated index is known. Article URLs end in the day they were
published (``-211018w.html``); times are WIB."""

from newscrawl.outlet import Outlet, Site
from newscrawl.parsers import dream

OUTLET = Outlet(
    name="dream",
    domains=("dream.co.id",),
    parser=dream.PARSERS,
    sources=(Site("{base}"),),
    not_people=("Dream.co.id", "Dream"),
    article_url=r"^/[\w-]+/[\w-]+-\d{6}[a-z0-9]\.html$",
)
