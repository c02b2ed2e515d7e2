"""kaltimkece.id (Samarinda, East Kalimantan): the home page's latest list for what is new.
Article URLs are ``/<rubric>/<region>/<slug>`` (``/warta/samarinda/...``). The page prints
"Jumat, 31 Oktober 2026 14:30 WITA" while JSON-LD writes the same minute in WIB
(13:30+07:00): records keep the WITA offset. Zone WITA."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.generic import GenericParser


class KaltimkeceParser(GenericParser):
    """The detail template's date line, body and tags."""

    date_css = "span.detail-date"
    body_css = "div.detail-content"
    tags_css = "div.detail-tags a"
    image_caption_css = "figure.detail-image figcaption"


OUTLET = Outlet(
    name="kaltimkece",
    domains=("kaltimkece.id",),
    parser=KaltimkeceParser,
    zone="WITA",
    base_url="https://kaltimkece.id",
    sources=(Index("https://kaltimkece.id/", max_pages=1, when="always"),),
    not_people=("kaltimkece.id", "Kaltimkece", "Redaksi kaltimkece.id"),
    title_suffix=r"\s*[|-]\s*kaltimkece\.id$",
    article_url=r"^/[a-z-]+/[a-z-]+/[a-z0-9]+(?:-[a-z0-9]+){3,}$",
)
