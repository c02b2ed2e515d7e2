"""fimela.com (KLY): women's lifestyle, fashion and entertainment news on the KMK platform
liputan6.com runs.

Article URLs are ``/<channel>/read/<id>/<slug>`` (``/lifestyle/read/4687504/...``), bodies
open with "Fimela.com, Jakarta - " and use liputan6's layouts: v1 is the 2016-17 BEM page
(``read-page__content-body``), v2 today's ``article-content-body`` pages with the
``window.kmklabs`` page info (see :mod:`newscrawl.parsers.liputan6`). Galleries
(``/foto/``), videos and infographics are refused.
"""

from __future__ import annotations

from typing import ClassVar

from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import (
    KmkOutlet,
    brand_suffix,
    dashless_lead_pattern,
    kmk_versions,
    section_urls,
)

BRAND = r"Fimela\.com"


class Fimela(KmkOutlet):
    """fimela.com's names, shared by its versions."""

    outlet = "fimela"
    domains = ("fimela.com",)
    not_people: ClassVar[tuple[str, ...]] = ("Fimela.com", "Tim Fimela.com", "Fimela")
    title_suffix = brand_suffix([BRAND])
    drop_url_params = ("page", "photo")
    not_article_url = section_urls(
        "fimela.com", "foto|photo|video|tag|infografis|zodiak|quiz", r"read/\d+/infografis-"
    )
    dateline = dateline_pattern(brand=BRAND)
    dashless_lead = dashless_lead_pattern(BRAND)


FimelaV1, FimelaV2 = PARSERS = kmk_versions(Fimela)
