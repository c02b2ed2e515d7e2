"""Body hygiene shared by every outlet: "Baca juga" links, clutter, datelines, editor codes.

An outlet parser turns its body container into :class:`~newscrawl.parsers.text.Block`
paragraphs; :func:`clean_body` then sorts each block into body text, related links
or clutter, and peels the dateline off the first paragraph and the editor code off
the last one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from newscrawl.parsers.text import Block, clean_text

_DASH = r"[-–—]"
#: A place name in a dateline: up to four capitalised words ("JAKARTA", "Banda Aceh").
_PLACE = r"[A-Z][\w.'’]*(?:\s+[A-Z(][\w.'’)]*){0,3}"

#: "Baca juga:", "BACA JUGA :", "Simak juga:", "Lihat juga:", "Baca:", "Berita terkait:".
_RELATED_LABEL = (
    r"(?:(?:baca|simak|lihat)\s+(?:juga|pula)(?:\s+(?:artikel|berita)(?:\s+ini)?)?|baca(?=\s*:)"
    r"|(?:berita|artikel)\s+terkait"
    # English editions (en.antaranews.com, Tempo English): "Related news:", "Also read:".
    r"|related\s+(?:news|articles?|stories)(?=\s*:)|(?:also\s+read|read\s+also)(?=\s*:))"
    r"\s*(?:[:：>»]+|\s-\s)?\s*"
)
RELATED_LABEL = re.compile(r"^[\W_]*" + _RELATED_LABEL, re.IGNORECASE)
_RELATED_INSIDE = re.compile(r"(?<=[.!?\"”’)])\s+" + _RELATED_LABEL, re.IGNORECASE)

#: A caption line: short, ending in a photo credit, "(Foto: Dok. Humas)".
CAPTION = re.compile(
    r"^.{0,300}\((?:foto|photo|ilustrasi|dok(?:umentasi)?)\b\.?\s*[:.]?[^()]*\)\W*$", re.I
)

#: Blocks that are never body text, whatever the outlet.
CLUTTER = (
    re.compile(
        r"^(?:advertisement|advertising|iklan|scroll to (?:continue|resume)(?: with)? content|"
        r"scroll untuk melanjutkan(?: membaca)?|lanjutkan membaca|continue reading)\W*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:simak|tonton|saksikan|lihat)\s+(?:juga\s+)?(?:video|vidio)\b", re.I),
    re.compile(r"^\W*(?:video|foto|infografis)\s+pilihan\b", re.IGNORECASE),
    re.compile(r"^\[Gambas:[^\]]*\]$", re.IGNORECASE),
    re.compile(
        r"^\W*(?:dapatkan|ikuti|follow|gabung|bergabung|download|unduh|klik)\b.{0,160}"
        r"(?:google news|whatsapp|telegram|instagram|saluran|channel|newsletter|aplikasi)",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:foto|photo|ilustrasi|sumber foto)\s*:", re.IGNORECASE),
    CAPTION,
)

#: Blocks that end the body: syndication footers and what follows them.
STOP = (
    re.compile(
        r"^\W*(?:sebagian\s+)?(?:artikel|berita) ini (?:telah |sudah )?(?:tayang|terbit|dimuat)\b",
        re.IGNORECASE,
    ),
)

#: A trailing editor code: "(ant)", "(mdk/ded)", "(ap/wan)", "(*)", "(T.K011/B/A029)".
_EDITOR_CODE = re.compile(
    r"\(\s*(\*|(?=[^)]*[A-Za-z])(?:[a-z0-9]{1,8}(?:\s*/\s*[a-z0-9]{1,8})*"
    r"|[A-Za-z0-9.]{1,8}(?:\s*/\s*[A-Za-z0-9.]{1,8})+))\s*\)[\s.]*$"
)


#: The caption text of a figure (or a WordPress ``wp-caption`` box).
_FIGURE_CAPTION_TEXT = etree.XPath(
    ".//figcaption//text() | .//*[contains(@class, 'wp-caption-text')]//text()",
    smart_strings=False,
)


def image_caption(img: etree._Element) -> str | None:
    """The caption of a body image: its figure's figcaption, or a credit line right after it."""
    for ancestor in img.iterancestors():
        if ancestor.tag == "figure" or "wp-caption" in (ancestor.get("class") or ""):
            return clean_text(" ".join(_FIGURE_CAPTION_TEXT(ancestor))) or None
    # TinyMCE bodies put the image in a paragraph and the caption in the next one.
    holder = img.getparent()
    following = holder.getnext() if holder is not None else None
    if following is not None:
        text = clean_text(" ".join(following.itertext()))
        if CAPTION.match(text):
            return text
    return None


def dateline_pattern(brand: str | None = None, agency: str | None = None) -> re.Pattern[str]:
    """A dateline regex with a ``place`` group.

    ``brand`` is a regex for the outlet's brand, before the place ("KOMPAS.com,
    JAKARTA - ") or after it ("JAKARTA, KOMPAS.com - "); ``agency`` one for a
    parenthesised agency after the place ("ANTARA" in "Jakarta (ANTARA) - ").
    With neither, the dateline is a bare "Jakarta - ".
    """
    agency_part = rf"\s*\((?:{agency})\)" if agency else ""
    if brand:
        # The place is optional after a brand: "KOMPAS.com - Presiden ..." has none.
        brand_first = (
            rf"(?:{brand})\s*[,.:]?\s*{_DASH}*\s*"
            rf"(?:(?P<place>{_PLACE}){agency_part}\s*{_DASH}+\s*)?"
        )
        place_first = rf"(?P<place2>{_PLACE})\s*,\s*(?:{brand}){agency_part}\s*{_DASH}+\s*"
        return re.compile(rf"^[\W_]*(?:{brand_first}|{place_first})")
    if agency:
        # Agencies name the region too: "Mataram, NTB (ANTARA News) - ".
        place = rf"{_PLACE}(?:,\s*{_PLACE})?"
        return re.compile(rf"^[\W_]*(?P<place>{place}),?{agency_part}\s*{_DASH}*\s*")
    return re.compile(rf"^[\W_]*(?P<place>{_PLACE})\s+{_DASH}+\s+")


@dataclass
class Body:
    """The cleaned body and what was peeled off it."""

    paragraphs: list[str] = field(default_factory=list)
    baca_juga: list[dict[str, str]] = field(default_factory=list)
    dateline: str | None = None
    editor_code: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def is_link_list(block: Block) -> bool:
    """A block that is (almost) only link titles: a related-links line."""
    linked = sum(len(title) for title, _ in block.links)
    return bool(block.links) and linked >= 0.6 * len(block.text)


def _add_links(body: Body, links: Sequence[tuple[str, str]]) -> None:
    for title, url in links:
        if url.startswith(("http://", "https://")) and title:
            body.baca_juga.append({"title": title, "url": url})


def _any_search(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    # A plain loop: any() over a generator costs more than the searches on short blocks.
    for pattern in patterns:  # noqa: SIM110
        if pattern.search(text):
            return True
    return False


def clean_body(
    blocks: Sequence[Block],
    dateline: re.Pattern[str] | None = None,
    clutter: Sequence[re.Pattern[str]] = (),
    stop: Sequence[re.Pattern[str]] = (),
) -> Body:
    """Sort ``blocks`` into body paragraphs, related links and clutter."""
    body = Body()
    clutter = (*CLUTTER, *clutter)
    stop = (*STOP, *stop)
    label_pending = False
    for block in blocks:
        text = block.text
        if _any_search(stop, text):
            break
        if _any_search(clutter, text):
            label_pending = False
            continue
        label = RELATED_LABEL.match(text)
        if label:
            links = [
                link
                for link, at in zip(block.links, block.link_offsets, strict=True)
                if at >= label.end() - 1
            ]
            _add_links(body, links)
            label_pending = not links and not text[label.end() :].strip()
            continue
        if label_pending and is_link_list(block):
            # A label over a list: every link line that follows belongs to it.
            _add_links(body, block.links)
            continue
        label_pending = False
        # Only a block with links can end in related links (and the search is costly).
        inside = _RELATED_INSIDE.search(text) if block.links else None
        if inside and max(block.link_offsets) >= inside.end():
            _add_links(
                body,
                [
                    link
                    for link, at in zip(block.links, block.link_offsets, strict=True)
                    if at >= inside.end()
                ],
            )
            text = text[: inside.start()].rstrip()
        if text:
            body.paragraphs.append(text)
    _peel_dateline(body, dateline)
    _peel_editor_code(body)
    return body


def _peel_dateline(body: Body, pattern: re.Pattern[str] | None) -> None:
    if pattern is None or not body.paragraphs:
        return
    match = pattern.match(body.paragraphs[0])
    if not match:
        return
    groups = match.groupdict()
    body.dateline = clean_text(groups.get("place") or groups.get("place2")) or None
    rest = body.paragraphs[0][match.end() :].strip()
    if rest:
        body.paragraphs[0] = rest
    else:
        del body.paragraphs[0]


def _peel_editor_code(body: Body) -> None:
    if not body.paragraphs:
        return
    match = _EDITOR_CODE.search(body.paragraphs[-1])
    if not match:
        return
    body.editor_code = re.sub(r"\s+", "", match.group(1))
    rest = body.paragraphs[-1][: match.start()].rstrip()
    if rest:
        body.paragraphs[-1] = rest
    else:
        del body.paragraphs[-1]
