"""Mojok (mojok.co, WordPress): essays, reportage and readers' columns (Terminal, Esai,
Liputan). The RSS for what is new, the WordPress sitemap robots.txt names for backfills.
Dates are ISO (UTC in the metas, +07:00 in ``time.entry-date``); the text ends with "Penulis:
.. Editor: ..". Zone WIB."""

import re

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.credits import credits
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import person_names

#: The closing credit lines "Penulis: .." and "Editor: ..".
_CREDIT_LINE = re.compile(r"^\W*(?:Penulis|Editor|Reporter)\s*:\s*\S.{0,80}$", re.IGNORECASE)
#: Mojok's own paging prompt between paragraphs (the text is one page).
_NEXT_PAGE = re.compile(r"^\W*baca halaman selanjutnya\W*$", re.IGNORECASE)


class MojokParser(GenericParser):
    """The closing credits name the editor; the prompts between paragraphs are no text."""

    body_css = "article div.entry-content"
    tags_css = "footer.entry-footer .tags-links a"
    image_caption_css = "article figure.post-thumbnail figcaption"
    clutter = (_CREDIT_LINE, _NEXT_PAGE)

    def editors(self) -> list[str]:
        lines = self.css_texts("div.entry-content p em, div.entry-content p")
        return person_names(credits(lines)["red"], drop=self.not_people) or super().editors()


OUTLET = Outlet(
    name="mojok",
    domains=("mojok.co",),
    parser=MojokParser,
    base_url="https://mojok.co",
    sources=(Feed("https://mojok.co/feed/"), Site("https://mojok.co")),
    not_people=("Mojok", "Mojok.co", "Redaksi Mojok"),
    title_suffix=r"\s*[|-]\s*Mojok(?:\.co)?$",
    article_url=r"^/(?:[a-z-]+/){1,2}[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
