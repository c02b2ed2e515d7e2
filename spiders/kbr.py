"""KBR (kbr.id, Kantor Berita Radio; Next.js): the news index (``/articles/indeks?page=N``,
newest first, each card with its ``<time datetime>``) for what is new and for backfills.
Dates are ISO with +07:00 and "Sabtu, 01 Nov 2026 08:15 WIB" on the page; the text opens with
"KBR, Jakarta - "; the page names the writer ("Penulis:") and the editor ("Editor:")."""

from newscrawl.outlet import Index, Outlet
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class KbrParser(GenericParser):
    """The editor line beside the byline, and the "KBR, Jakarta - " dateline."""

    editor_css = ".article-meta .editor a"
    body_css = "article div.article-content"
    tags_css = "article div.tags a"
    image_caption_css = "article figure.article-image figcaption"
    dateline = dateline_pattern(brand=r"KBR(?:\.id)?")


OUTLET = Outlet(
    name="kbr",
    domains=("kbr.id",),
    parser=KbrParser,
    base_url="https://kbr.id",
    sources=(
        Index(
            "https://kbr.id/articles/indeks?page={page}",
            first="https://kbr.id/articles/indeks",
            when="always",
            max_pages=20,
        ),
    ),
    not_people=("KBR", "KBR.id", "Redaksi KBR"),
    title_suffix=r"\s*[|-]\s*KBR(?:\.id)?$",
    article_url=r"^/articles/[a-z-]+/[a-z0-9]+(?:-[a-z0-9]+){2,}$",
)
