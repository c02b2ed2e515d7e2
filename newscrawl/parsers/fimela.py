"""fimela.com (KLY): women's lifestyle, fashion and entertainment news on the KMK platform
liputan6.com runs.

Article URLs are ``/<channel>/read/<id>/<slug>`` (``/lifestyle/read/4687504/...``), bodies
open with "Fimela.com, Jakarta - " and use liputan6's layouts: v1 is the 2016-17 BEM page
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

BRAND = r"Fimela\.com"


class Fimela(KmkOutlet):
    """fimela.com's names, shared by its versions."""

    outlet = "fimela"
    domains = ("fimela.com",)
    not_people: ClassVar[tuple[str, ...]] = ("Fimela.com", "Tim Fimela.com", "Fimela")
    title_suffix = brand_suffix([BRAND])
    drop_url_params = ("page", "photo")
    not_article_url = re.compile(
        r"^https?://(?:[\w-]+\.)*fimela\.com/(?:[\w-]+/)*"
        r"(?:foto|photo|video|tag|infografis|zodiak|quiz)(?:/|$)"
        r"|^https?://(?:[\w-]+\.)*fimela\.com/(?:[\w-]+/)*read/\d+/infografis-",
        re.IGNORECASE,
    )
    dateline = dateline_pattern(brand=BRAND)
    dashless_lead = dashless_lead_pattern(BRAND)


class FimelaV1(Fimela, Liputan6V2):
    """2016-17: the BEM read page."""

    version = "fimela/v1"
    body_skip_css = EMBEDS


class FimelaV2(Fimela, Liputan6V3):
    """Today: ``article-content-body`` pages, editors in the page info."""

    version = "fimela/v2"
    body_skip_css = f"{Liputan6V3.body_skip_css}, {EMBEDS}"


PARSERS = (FimelaV1, FimelaV2)
