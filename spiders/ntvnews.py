"""NTVNews (ntvnews.id): the Google News sitemap lists the articles at
``/<kanal>/<8-digit id>/<slug>``; dates are WIB, printed "31/10/2026 14:05"."""

from newscrawl.outlet import Outlet, Sitemap
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import clean_text, person_names


class NtvNewsParser(GenericParser):
    """The people block names each person with a role under the name ("Penulis", "Editor")."""

    body_css = "div.article-content"
    image_caption_css = "figure.image-article figcaption"
    dateline = dateline_pattern(brand=r"NTVNews\.id")

    def credits(self, role: str) -> list[str]:
        names = []
        for block in self.page.css("div.penulis"):
            name = clean_text(" ".join(block.css(".nama ::text").getall()))
            kind = clean_text(" ".join(block.css(".detail ::text").getall())).lower()
            if name and role in kind:
                names.append(name)
        return person_names(names, drop=self.not_people)

    def authors(self) -> list[str]:
        return self.credits("penulis") or self.credits("reporter") or super().authors()

    def editors(self) -> list[str]:
        return self.credits("editor") or super().editors()


OUTLET = Outlet(
    name="ntvnews",
    domains=("ntvnews.id",),
    parser=NtvNewsParser,
    sources=(Sitemap("{base}/sitemap-news.xml"),),
    not_people=("NTVNews", "NTVNews.id", "ntvnews.id"),
    title_suffix=r"\s*[|-]\s*NTVNews(?:\.id)?\s*$",
    article_url=r"^/[a-z][a-z0-9-]*/\d{8}/[a-z0-9][a-z0-9-]*$",
)
