"""Alinea.id: news and long reads. The ``/indeks`` list (and the home page's feeds) for what
is new, the same list paged for backfills. Dates print as "Minggu, 01 Nov 2026 08:10" (WIB);
each person in the byline box carries a role line ("Reporter", "Editor")."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import clean_text


class AlineaParser(GenericParser):
    """The byline box names each person with a role beneath."""

    image_caption_css = "figure.detail-foto figcaption"

    def people_with_role(self, *roles: str) -> list[str]:
        names = []
        for box in self.page.css("div.written__reporter"):
            role = clean_text(" ".join(box.css(".reporter__jabatan ::text").getall())).lower()
            if any(r in role for r in roles):
                names.append(" ".join(box.css(".reporter__nama ::text").getall()))
        return self._people(names)

    def authors(self) -> list[str]:
        return self.people_with_role("reporter", "penulis") or super().authors()

    def editors(self) -> list[str]:
        return self.people_with_role("editor") or super().editors()


OUTLET = Outlet(
    name="alinea",
    domains=("alinea.id",),
    parser=AlineaParser,
    sources=(
        Index("https://www.alinea.id/indeks", when="latest", max_pages=1),
        Index("https://www.alinea.id/indeks?page={page}", max_pages=30),
    ),
    not_people=("Alinea", "Alinea.id"),
    title_suffix=r"\s*[-|]\s*Alinea(?:\.id)?\s*$",
    article_url=r"^/(?:peristiwa|politik|bisnis|kolom|gaya-hidup|[a-z-]+)/[a-z0-9-]+-b\w+$",
)
