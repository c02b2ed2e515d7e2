"""RMOL (rmol.id, Republik Merdeka Online): the latest-posts feed lists the articles at
``[/<kanal>]/read/YYYY/MM/DD/<id>/<slug>``; dates are WIB, printed "Sabtu, 31 Oktober 2026,
14:05 WIB"."""

from urllib.parse import urlsplit

from newscrawl.outlet import Feed, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class RmolParser(GenericParser):
    """The text sits in the font-resizable box under ``.single_post_heading``."""

    headline_css = ".single_post_heading h1"
    body_css = "#fontResizableText"
    dateline = dateline_pattern(brand=r"(?i:RMOL(?:\.ID)?)")

    def section(self) -> str | None:
        """The page shows no breadcrumb: the kanal opens the URL (``/politik/read/...``)."""
        kanal = urlsplit(self.page.url).path.strip("/").split("/")[0]
        return super().section() or (kanal.replace("-", " ").title() if kanal != "read" else None)


OUTLET = Outlet(
    name="rmol",
    domains=("rmol.id",),
    parser=RmolParser,
    base_url="https://rmol.id",
    sources=(Feed("{base}/rss/latest-posts"),),
    not_people=("RMOL", "RMOL.ID", "Redaksi RMOL"),
    title_suffix=r"\s*[|-]\s*RMOL(?:\.ID)?\s*$",
    article_url=r"^/(?:[a-z0-9-]+/)?read/\d{4}/\d\d/\d\d/\d+/[a-z0-9-]+$",
)
