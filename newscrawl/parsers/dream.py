"""dream.co.id (KLY, KapanLagi Network platform): Muslim lifestyle and news.

Article URLs end in the publication day and a letter: ``/news/<slug>-211018w.html``
(``hijab.dream.co.id`` too); galleries, videos and the Quran pages are not articles. The
body is one rich-text block in the group's manner: it opens with the bold "Dream - " (or
"Dream.co.id - "), puts "Baca Juga" link lists between paragraphs and ends with the desk
code ("(ism)"). Today's markup is not known here beyond that: the version reads the page's
JSON-LD NewsArticle and lets the generic survey find the text container.
"""

from __future__ import annotations

from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KlnCurrent, brand_suffix, section_urls

BRAND = r"Dream(?:\.co\.id)?"


class DreamV1(KlnCurrent):
    """Today's article page: JSON-LD NewsArticle, the text container the survey finds."""

    outlet = "dream"
    version = "dream/v1"
    domains = ("dream.co.id",)
    not_people = ("Dream.co.id", "Dream", "Tim Dream", "Dream.co.id Team")
    title_suffix = brand_suffix([r"Dream(?:\.co\.id)?"])
    drop_url_params = ("page",)
    not_article_url = section_urls("dream.co.id", "video|foto|galeri|tag|quran|jadwal-sholat|hotd")

    body_skip_css = EMBEDS
    dateline = dateline_pattern(brand=BRAND)


PARSERS = (DreamV1,)
