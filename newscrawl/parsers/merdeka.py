"""merdeka.com (KLY): on the KapanLagi Network platform until 2023, then on KLY's new one.

Three layouts:

- v1 (to about 2016): ``#mdk-body-news`` with the body in ``#mdk-body-newsarea``, the
  reporter and date in one line ("Reporter : Ramadhian Fadillah | Jumat, 19 Juni 2015
  03:40", WIB), the desk code in square brackets in its own box (``#mdk-body-newsinit``:
  "[ian]"), the topic tags as "# Ramadan 2015" links under the article.
- v2 (2017 to 2023): ``div.mdk-body-detail`` (desktop ``.mdk-dt-headline h1``, mobile
  ``.mdk-news-head h1``), the body in ``div.mdk-body-paragraph`` (also misspelt
  ``mdk-body-paragpraph``), the desk code "(mdk/yan)" closing it and the "Baca juga:" list
  after it. Its machine dates carry a false offset ("2021-06-17T11:38:29-07:00" for 11:38
  WIB): their wall clock is WIB. Long articles are paged; ``?page=all`` shows them whole.
- v3 (2023 on): article URLs ``/<section>/<slug>-<id>-mvk.html``, images from
  ``cdns.klimg.com/mav-prod-resized/``, Tailwind markup (listing cards ``li.item`` with
  ``time[datetime="2025-05-30 16:29:00"]``); the article's JSON-LD and the generic survey
  read it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newscrawl.dates import parse_iso_datetime
from newscrawl.page import Page
from newscrawl.parsers.body import Body, dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KlnBody, KlnCurrent, brand_suffix
from newscrawl.parsers.text import clean_text

BRAND = r"Merdeka\.com"
#: v1's desk code: "[ian]", "[did/ren]".
#: Article URLs since the 2023 platform: "/peristiwa/<slug>-419585-mvk.html".
_MAV_URL = re.compile(r"-\d+-mvk\.html(?:$|[?#])")
_MINUTE = timedelta(minutes=1)
_BRACKET_CODE = re.compile(r"^\s*\[\s*([a-z0-9]{1,8}(?:\s*/\s*[a-z0-9]{1,8})*)\s*\]\s*$", re.I)


class MerdekaV1(KlnBody):
    """To about 2016: ``#mdk-body-news`` and ``#mdk-body-newsarea``."""

    outlet = "merdeka"
    version = "merdeka/v1"
    domains = ("merdeka.com",)
    not_people = ("merdeka.com", "Merdeka", "Tim merdeka.com", "Tim Merdeka")
    title_suffix = brand_suffix([r"merdeka\.com"])
    drop_url_params = ("page",)
    not_article_url = re.compile(
        r"^https?://(?:(?:[\w-]+\.)*merdeka\.com/(?:[\w-]+/)*"
        r"(?:foto|video|tag|topik|reporter|berita-hari-ini|indeks-berita|infografis)(?:/|$))",
        re.IGNORECASE,
    )

    headline_css = "#mdk-body-news h1"
    date_css = "#mdk-body-news-reporter"
    author_css = "#mdk-body-news-reporter a[href*='/reporter/']"
    section_css = "#mdk-nav-navtxt a"
    tags_css = ".found_tag_rel_det a"
    body_css = "#mdk-body-newsarea"
    body_skip_css = f".box_shortcut, #mdk-body-newsinit, {EMBEDS}"
    image_caption_css = "#mdk-body-news-caption"
    code_css = "#mdk-body-newsinit"
    dateline = dateline_pattern(brand=BRAND)

    def section(self) -> str | None:
        crumbs = [c for c in self.css_texts(self.section_css) if c.upper() != "MERDEKA.COM"]
        section = crumbs[-1] if crumbs else None
        return section.title() if section and section.isupper() else section

    def tags(self) -> list[str]:
        return [tag.lstrip("#").strip() for tag in super().tags()]

    def body(self) -> Body:
        body = super().body()
        if body.editor_code is None:
            code = _BRACKET_CODE.match(self.css_text(self.code_css) or "")
            body.editor_code = re.sub(r"\s+", "", code.group(1)) if code else None
        return body


class MerdekaV2(MerdekaV1):
    """2017 to 2023: ``div.mdk-body-paragraph`` under a desktop or mobile header."""

    version = "merdeka/v2"
    headline_css = ".mdk-dt-headline h1, .mdk-news-head h1"
    date_css = ".date-post, .mdk-date-reporter span"
    author_css = ".mdk-date-reporter a[href*='/reporter/'], .reporter a[href*='/reporter/']"
    section_css = ".mdk-breadcrumb a, .mdk-date-reporter span:first-child > a"
    tags_css = ".mdk-tag-list a, .tag-list a, .box-tag a"
    body_css = "div.mdk-body-paragraph, div.mdk-body-paragpraph"
    body_skip_css = (
        f".page-number, .title-section_terkait, #list-section_terkait, [id^='div-gpt-ad'], "
        f"[id^='dnative'], {EMBEDS}"
    )
    image_caption_css = ".mdk-news-img-copyright, .mdk-dt-img span, .mdk-dt-img figcaption"
    pages_css = ".page-number a, .mdk-pagination a"

    def published_at(self) -> datetime | None:
        shown = self.visible_date(self.date_css)
        for key in ("article:published_time", "og:article:published_time"):
            stated = parse_iso_datetime(self.page.meta(key))
            if stated is None:
                continue
            # The metas print the WIB wall clock with a false offset ("-07:00"); a meta whose
            # instant is the date line's as stated is taken as stated.
            wall = stated.replace(tzinfo=self.timezone)
            if shown is None or abs(wall - shown) < _MINUTE:
                return wall
            if abs(stated - shown) < _MINUTE:
                return stated.astimezone(self.timezone)
        return shown

    def updated_at(self) -> datetime | None:
        stated = parse_iso_datetime(self.page.meta("article:modified_time", "og:updated_time"))
        return stated.replace(tzinfo=self.timezone) if stated else None


class MerdekaV3(KlnCurrent):
    """2023 on: ``-mvk.html`` URLs and ``mav-prod`` images; JSON-LD NewsArticle, the text
    container the survey finds (the article markup is not known here in more detail)."""

    outlet = "merdeka"
    version = "merdeka/v3"
    domains = MerdekaV1.domains
    not_people = MerdekaV1.not_people
    title_suffix = MerdekaV1.title_suffix
    drop_url_params = MerdekaV1.drop_url_params
    not_article_url = MerdekaV1.not_article_url
    body_skip_css = f"[id^='div-gpt-ad'], {EMBEDS}"
    dateline = dateline_pattern(brand=BRAND)

    @classmethod
    def detect(cls, page: Page) -> bool:
        image = page.meta("og:image") or ""
        return bool(_MAV_URL.search(page.url) or "/mav-prod" in image)

    def section(self) -> str | None:
        section = super().section()
        return clean_text(section).title() if section and section.isupper() else section


PARSERS = (MerdekaV1, MerdekaV2, MerdekaV3)
