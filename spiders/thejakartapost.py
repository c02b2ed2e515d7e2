"""The Jakarta Post (thejakartapost.com, English): its RSS (rss.thejakartapost.com) and the
sitemap robots.txt names. Article URLs carry the date (``/<section>/YYYY/MM/DD/<slug>.html``,
``/news/YYYY/MM/DD/`` until 2016). The 2015 template prints "Agence France-Presse, CHARLESTON,
South Carolina | World | Fri, June 19 2015, 7:36 AM" as its byline; today's template "Published
on Oct. 31, 2026" over ``div.tjp-single__content``. Zone WIB."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import Body
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import clean_text, person_names

#: Wire services sign stories without a person.
AGENCIES = (
    "Agence France-Presse",
    "AFP",
    "Reuters",
    "Associated Press",
    "AP",
    "Antara",
    "Xinhua",
    "Bloomberg",
    "Kyodo",
    "dpa",
    "The Jakarta Post",
    "JP",
    "The Washington Post",
)


class JakartaPostParser(GenericParser):
    """The 2015 byline ("who, where | section | when"), today's ``tjp-single`` blocks."""

    headline_css = "h1.tjp-title--single, div.story h1"
    date_css = "div.story div.byline, .tjp-single__head .created, .tjp-single__head .date"
    body_css = "div.tjp-single__content, div.story div.span-13.last, div.show-define-text"
    body_skip_css = (
        "span[class^='st_'], .tjp-newsletter, .tjp-related, .related-box, [id^='div-gpt-ad'], "
        ".ads, .adsense"
    )
    image_caption_css = ".tjp-single__image figcaption"

    def byline(self) -> list[str]:
        """The 2015 byline's parts: "who, where", the section, the date."""
        line = self.css_text("div.story div.byline") or ""
        return [clean_text(part) for part in line.split("|")] if line.count("|") >= 2 else []

    def authors(self) -> list[str]:
        parts = self.byline()
        if not parts:
            return super().authors()
        who = parts[0].split(",")[0]
        return person_names([who], drop=(*AGENCIES, *self.not_people))

    def section(self) -> str | None:
        parts = self.byline()
        return parts[1] if parts and parts[1] else super().section()

    def body(self) -> Body:
        found = super().body()
        parts = self.byline()
        if found.dateline is None and parts and "," in parts[0]:
            # The 2015 template prints the dateline in the byline, not in the text.
            found.dateline = clean_text(parts[0].split(",", 1)[1]) or None
        return found


OUTLET = Outlet(
    name="thejakartapost",
    domains=("thejakartapost.com",),
    parser=JakartaPostParser,
    language="en",
    sources=(Feed("https://rss.thejakartapost.com/home"), Site("https://www.thejakartapost.com")),
    not_people=("The Jakarta Post", "Jakarta Post", "JP", "thejakartapost.com"),
    title_suffix=r"\s*[-|]\s*(?:The\s+)?Jakarta\s+Post$",
    article_url=r"/(?:19|20)\d\d/\d\d/\d\d/[a-z0-9-]+\.html$",
)
