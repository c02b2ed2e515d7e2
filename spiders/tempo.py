"""tempo.co: the sitemap index (its news and dated children) and the kanal RSS feeds for what
is new; the sitemap's dated children for backfills. Dates print as "24 Juli 2026 | 09.00 WIB";
the English edition (en.tempo.co) has its own feed and keeps ``"language": "en"``."""

from newscrawl.outlet import Feed, Outlet, Sitemap
from newscrawl.parsers import tempo

OUTLET = Outlet(
    name="tempo",
    domains=("tempo.co",),
    parser=tempo.PARSERS,
    sources=(
        Sitemap("https://www.tempo.co/sitemap.xml"),
        *(Feed(f"https://rss.tempo.co/{kanal}") for kanal in ("nasional", "bisnis", "metro")),
        Feed("https://rss.tempo.co/en"),
    ),
    not_people=("Tempo", "Tempo.co", "TEMPO.CO", "Tempo English"),
    title_suffix=r"\s*[|:-]+\s*Tempo(?:\.co)?\b.*$",
    article_url=r"^/(?:read/(?:news/)?\d|[\w-]+/[\w-]+-\d{6,}$)",
    note="Tempo Plus articles behind the paywall give their teaser only",
)
