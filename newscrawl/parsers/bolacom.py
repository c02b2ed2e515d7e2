"""bola.com (KLY): football and sport news on the KMK platform liputan6.com runs.

Article URLs are ``/<channel>/read/<id>/<slug>`` (``/indonesia/read/4687504/...``), bodies
open with "Bola.com, Jakarta - " and use liputan6's layouts: v1 is the 2016-17 BEM page
(``read-page__content-body``), v2 today's ``article-content-body`` pages with the
``window.kmklabs`` page info (see :mod:`newscrawl.parsers.liputan6`). Galleries
(``/foto/``), videos and infographics are refused.
"""

from __future__ import annotations

import re
from typing import ClassVar

from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KmkOutlet, brand_suffix, dashless_lead_pattern
from newscrawl.parsers.liputan6 import Liputan6V2, Liputan6V3

BRAND = r"Bola\.com"


class Bolacom(KmkOutlet):
    """bola.com's names, shared by its versions."""

    outlet = "bolacom"
    domains = ("bola.com",)
    not_people: ClassVar[tuple[str, ...]] = ("Bola.com", "Tim Bola.com", "Bolacom")
    title_suffix = brand_suffix([BRAND])
    drop_url_params = ("page", "photo")
    not_article_url = re.compile(
        r"^https?://(?:[\w-]+\.)*bola\.com/(?:[\w-]+/)*"
        r"(?:foto|photo|video|tag|infografis|jadwal|klasemen|skor)(?:/|$)"
        r"|^https?://(?:[\w-]+\.)*bola\.com/(?:[\w-]+/)*read/\d+/infografis-",
        re.IGNORECASE,
    )
    dateline = dateline_pattern(brand=BRAND)
    dashless_lead = dashless_lead_pattern(BRAND)


class BolacomV1(Bolacom, Liputan6V2):
    """2016-17: the BEM read page."""

    version = "bolacom/v1"
    body_skip_css = EMBEDS


class BolacomV2(Bolacom, Liputan6V3):
    """Today: ``article-content-body`` pages, editors in the page info."""

    version = "bolacom/v2"
    body_skip_css = f"{Liputan6V3.body_skip_css}, {EMBEDS}"


PARSERS = (BolacomV1, BolacomV2)
