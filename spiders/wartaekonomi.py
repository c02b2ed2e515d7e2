"""Warta Ekonomi (wartaekonomi.co.id): the site feed for what is new, the dated index
(``/indeks/YYYYMMDD?page=N``, ``a.articleListItem`` cards) for backfills. Articles live at
``/read<id>/<slug>``; dates are WIB."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class WartaEkonomiParser(GenericParser):
    """The ``articlePost*`` blocks."""

    headline_css = ".articlePostHeader h1"
    section_css = ".articlePostHeader ul li a"
    body_css = ".articlePostContent"
    dateline = dateline_pattern(brand=r"(?i:Warta\s*Ekonomi(?:\.co\.id)?)")


OUTLET = Outlet(
    name="wartaekonomi",
    domains=("wartaekonomi.co.id",),
    parser=WartaEkonomiParser,
    base_url="https://wartaekonomi.co.id",
    sources=(
        Feed("{base}/rss"),
        Index("{base}/indeks/{day:%Y%m%d}?page={page}"),
    ),
    not_people=("Warta Ekonomi", "WE Online", "Redaksi WE Online"),
    title_suffix=r"\s*[|-]\s*(?:Warta\s*Ekonomi|WE\s*Online)\b.*$",
    article_url=r"^/read\d+/[a-z0-9][a-z0-9-]*$",
)
