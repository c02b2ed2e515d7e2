"""Investor.id (investor.id, BeritaSatu Media Holdings; capital-market news): the home page's
latest list for what is new. Article URLs are ``/<channel>/<numeric id>/<slug>``. Dates are ISO
in JSON-LD and "Jumat, 31 Oktober 2026 | 16:18 WIB" on the page; the byline names the writer
and "Editor : ..."; the text opens with "JAKARTA, investor.id – "."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.credits import credits
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import person_names


class InvestorParser(GenericParser):
    """The BeritaSatu template's byline line and text block."""

    date_css = "span.text-muted.small"
    body_css = "div.body-content"
    body_skip_css = ".ads-inarticle"
    tags_css = "div.tags a"
    image_caption_css = "figure.figure figcaption"
    dateline = dateline_pattern(brand=r"[Ii]nvestor\.id|INVESTOR\.ID|Investor Daily")

    def editors(self) -> list[str]:
        lines = self.css_texts("div.col.small.pt-1")
        return person_names(credits(lines)["red"], drop=self.not_people) or super().editors()


OUTLET = Outlet(
    name="investor",
    domains=("investor.id",),
    parser=InvestorParser,
    base_url="https://investor.id",
    sources=(Index("https://investor.id/", max_pages=1, when="always"),),
    not_people=("Investor.id", "Investor Daily", "Redaksi Investor"),
    title_suffix=r"\s*[-|]\s*Investor(?:\.id| Daily)$",
    article_url=r"^/[a-z-]+/\d{5,}/[a-z0-9-]+$",
)
