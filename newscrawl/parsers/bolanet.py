"""bola.net (KLY, KapanLagi Network platform): football news since 1999.

Article URLs end in a 6-hex id: ``/inggris/<slug>-338e86.html`` (also ``/editorial/``,
``/bolatainment/``); match reports, schedules, tables, galleries and videos are not
articles. The body is one rich-text block in the group's manner: it opens with the bold
"Bola.net - ", puts "Baca Juga" link lists between paragraphs and ends with the desk code
("(bola/pra)"). Today's markup is not known here beyond that: the version reads the page's
JSON-LD NewsArticle and lets the generic survey find the text container.
"""

from __future__ import annotations

from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KlnCurrent, brand_suffix, section_urls

BRAND = r"Bola\.net"


class BolanetV1(KlnCurrent):
    """Today's article page: JSON-LD NewsArticle, the text container the survey finds."""

    outlet = "bolanet"
    version = "bolanet/v1"
    domains = ("bola.net",)
    not_people = ("Bola.net", "Tim Bola.net", "Bolanet")
    title_suffix = brand_suffix([BRAND])
    drop_url_params = ("page",)
    not_article_url = section_urls(
        "bola.net",
        r"video|foto|galeri|tag|jadwal[\w-]*|hasil-pertandingan|klasemen[\w-]*|live[\w-]*",
    )

    body_skip_css = EMBEDS
    dateline = dateline_pattern(brand=BRAND)


PARSERS = (BolanetV1,)
