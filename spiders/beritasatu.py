"""BeritaSatu (beritasatu.com): per-kanal Google News sitemaps listed in ``/sitemap.xml`` for
what is new, the paged ``/terkini/indeks/<N>`` (about seven pages deep) for short backfills.
Dates print as "Sabtu, 31 Oktober 2026 | 10:24 WIB"; the editor shows as initials, the
``dataLayer`` names them."""

import re

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers.generic import GenericParser

_DATALAYER_EDITOR = re.compile(r'"editor"\s*:\s*"([^"]+)"')


class BeritasatuParser(GenericParser):
    """The tag badges sit inside the body box; the byline's editor is initials ("HS")."""

    # No agency form in its datelines ("Jakarta, Beritasatu.com -"); with one, the generic
    # dateline pattern would ask for "(ANTARA)" after every place.
    agencies = ""
    body_skip_css = "h3.fs-tag"
    image_caption_css = "img + figcaption"

    def editors(self) -> list[str]:
        for script in self.page.css("script:not([src])::text").getall():
            found = _DATALAYER_EDITOR.search(script)
            if found:
                return self._people([found.group(1)])
        return super().editors()


OUTLET = Outlet(
    name="beritasatu",
    domains=("beritasatu.com",),
    parser=BeritasatuParser,
    sources=(
        Sitemap("https://www.beritasatu.com/sitemap.xml", follow=r"/news\.xml$"),
        Index(
            "https://www.beritasatu.com/terkini/indeks/{page}",
            first="https://www.beritasatu.com/terkini/indeks",
            max_pages=8,
        ),
    ),
    not_people=("Beritasatu", "Beritasatu.com", "BeritaSatu.com"),
    title_suffix=r"\s*[-|]\s*Beritasatu(?:\.com)?\s*$",
    article_url=r"^/[a-z-]+/\d{5,}/",
)
