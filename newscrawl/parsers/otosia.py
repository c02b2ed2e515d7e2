"""otosia.com (KLY, KapanLagi Network platform): car and motorcycle news.

Article URLs are ``/berita/<slug>.html`` (no id); galleries (``/foto/``), videos, price
lists and tag pages are not articles. The body is one rich-text block in the group's
manner: it opens with the bold "Otosia.com - ", puts "Baca Juga" link lists between
paragraphs and ends with the desk code ("(kpl/nat)"). Today's markup is not known here
beyond that: the version reads the page's JSON-LD NewsArticle and lets the generic survey
find the text container.
"""

from __future__ import annotations

from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.kly import EMBEDS, KlnCurrent, brand_suffix, section_urls

BRAND = r"Otosia(?:\.com)?"


class OtosiaV1(KlnCurrent):
    """Today's article page: JSON-LD NewsArticle, the text container the survey finds."""

    outlet = "otosia"
    version = "otosia/v1"
    domains = ("otosia.com",)
    not_people = ("Otosia.com", "Otosia", "Tim Otosia")
    title_suffix = brand_suffix([r"Otosia(?:\.com)?"])
    drop_url_params = ("page",)
    not_article_url = section_urls(
        "otosia.com", r"video|foto|galeri|tag|harga[\w-]*|berita-otomotif-terbaru"
    )

    body_skip_css = EMBEDS
    dateline = dateline_pattern(brand=BRAND)


PARSERS = (OtosiaV1,)
