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

from newscrawl.parsers.anyof import AnyOf, any_search
from newscrawl.parsers.text import Block, clean_text

_DASH = r"[-–—]"
#: A place name in a dateline: up to four capitalised words ("JAKARTA", "Banda Aceh").
_PLACE = r"[A-Z][\w.'’]*(?:\s+[A-Z(][\w.'’)]*){0,3}"

#: "Baca juga:", "BACA JUGA :", "Simak juga:", "Lihat juga:", "Baca:", "Berita terkait:".
_RELATED_LABEL = (
    r"(?:(?:baca|simak|lihat)\s+(?:juga|pula)(?:\s+(?:artikel|berita)(?:\s+ini)?)?|baca(?=\s*:)"
    r"|(?:berita|artikel)\s+(?:terkait|lainnya)(?=\s*[:：>»]|\s*$)|(?:berita|artikel)\s+terkait"
    r"|jangan\s+lewatkan(?=\s*(?:[:：>»!]|$))|pilihan\s+editor(?=\s*[:：>»])"
    # English editions (en.antaranews.com, Tempo English): "Related news:", "Also read:".
    r"|related\s+(?:news|articles?|stories)(?=\s*:)|(?:also\s+read|read\s+also|read\s+more)"
    r"(?=\s*:))"
    r"\s*(?:[:：>»]+|\s-\s)?\s*"
)
RELATED_LABEL = re.compile(r"^[\W_]*" + _RELATED_LABEL, re.IGNORECASE)
#: A label after a sentence's end, inside a paragraph. The sentence's last character is part
#: of the match (the label starts one after it), not a lookbehind: a leading character class
#: lets sre skip to the candidates instead of trying every position.
_RELATED_INSIDE = re.compile(r"[.!?\"”’)]\s+" + _RELATED_LABEL, re.IGNORECASE)

#: A caption line: short, ending in a photo credit, "(Foto: Dok. Humas)".
CAPTION = re.compile(
    r"^.{0,300}\((?:foto|photo|ilustrasi|dok(?:umentasi)?)\b\.?\s*[:.]?[^()]*\)\W*$", re.I
)

#: Ad labels and reading prompts, alone or several in one block ("ADVERTISEMENT SCROLL TO
#: CONTINUE WITH CONTENT"): detik, CNN Indonesia, liputan6 2019-22 and most CMS ad slots.
_PROMPT = (
    r"advertisement|advertising|iklan|sponsored|scroll to (?:continue|resume)(?: with)? content"
    r"|scroll(?: down)? (?:untuk|to) (?:melanjutkan|lanjut|continue)(?: membaca| reading)?"
    r"|(?:gulir|scroll)(?: ke bawah)? untuk (?:melanjutkan|lanjut)(?: membaca)?"
    r"|lanjutkan membaca(?: artikel)?(?: di bawah(?: ini)?)?|continue reading(?: below)?"
    r"|loading|memuat|perbesar"
)
#: A tweet's attribution line: "— Name (@handle) February 16, 2016".
TWEET_CREDIT = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\W*$")

#: Blocks that are never body text, whatever the outlet.
CLUTTER = (
    re.compile(rf"^\W*(?:(?:{_PROMPT})\W*)+$", re.IGNORECASE),
    re.compile(r"^\W*(?:simak|tonton|saksikan|lihat)\s+(?:juga\s+)?(?:video|vidio)\b", re.I),
    re.compile(r"^\W*(?:video|foto|infografis)\s+pilihan\b", re.IGNORECASE),
    re.compile(r"^\[Gambas:[^\]]*\]$", re.IGNORECASE),
    # Channel and app promotions: Google News, WhatsApp/Telegram channels, newsletters.
    re.compile(
        r"^\W*(?:dapatkan|ikuti|follow|gabung|bergabung|download|unduh|klik|cek|simak|yuk|"
        r"mari|jangan lupa|akses|kunjungi|daftar|berlangganan|subscribe|update)\b.{0,200}"
        r"(?:google news|whatsapp|telegram|instagram|saluran|channel|newsletter|aplikasi|"
        r"play store|app store|email kamu|email anda|surel)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:foto|photo|ilustrasi|sumber foto|infografis|grafis|gambar(?: header)?)\s*:",
        re.IGNORECASE,
    ),
    # A caption ending in its credit without brackets: "... di Jakarta. Foto: Grammy".
    # (The lookahead is for speed: a block with no colon fails at once instead of trying the
    # credit's start at each of 300 positions: 1.8 -> 1.1 µs a block on average.)
    re.compile(r"^(?=[^:]*+:).{0,300}\b(?:foto|photo)\s*:\s*[\w .,/'&-]{2,60}$", re.I),
    CAPTION,
    # A caption ending in the "enlarge" button (liputan6 2019-22: "... (Liputan6.com)Perbesar").
    re.compile(r"^.{0,400}Perbesar\W*$"),
    # A photo credit alone: "(Liputan6.com/Faizal Fanani)", "Foto: Antara/Aditya".
    re.compile(r"^\W*[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)\s*/\s*[\w .,'-]{2,60}\W*$", re.I),
    # An infographic's title over its picture: short, no sentence.
    re.compile(r"^\W*infografis\b[^.!?]{0,160}$", re.IGNORECASE),
    # What embedded posts leave as text when their markup is gone (two patterns, not one
    # alternation: alone, the link's literal start lets sre skip to it instead of trying
    # every position: 0.3 µs on a 300-character paragraph instead of 3.1).
    re.compile(r"pic\.twitter\.com/\w+"),
    re.compile(r"^\W*[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}"),
    re.compile(
        r"^\W*(?:a post shared by|sebuah kiriman dibagikan oleh|view this post on instagram|"
        r"lihat postingan ini di instagram|lihat kiriman ini di instagram|♬)",
        re.IGNORECASE,
    ),
    # Paging of a multi-page article: "2 dari 5 halaman", "Halaman 2", "Selanjutnya", a bar.
    re.compile(r"^\W*(?:halaman\s+)?\d{1,2}\s+(?:dari|of|/)\s+\d{1,2}(?:\s+halaman)?\W*$", re.I),
    re.compile(r"^\W*(?:halaman|hal\.?|laman|page)\s*:?\s*\d{1,2}\W*$", re.IGNORECASE),
    re.compile(
        r"^\W*(?:(?:halaman|hal\.?)\s*:?\s*)?(?:(?:\d{1,2}|«|»|‹|›|first|last|"
        r"selanjutnya|berikutnya|sebelumnya|next|prev(?:ious)?|tampilkan semua|"
        r"lihat semua|semua)\W*){1,12}$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:(?:(?:baca|simak|lanjut\w*)\s+)?(?:selengkapnya\s+)?(?:(?:di|ke)\s+)?halaman\s+"
        r"(?:selanjutnya|berikutnya)\W*$|(?:selanjutnya|berikutnya)\s*:.{0,160}$)",
        re.IGNORECASE,
    ),
    # A link to the rest or the source of the text: "Baca artikel selengkapnya di sini",
    # "Klik di sini untuk ...", "Baca berita lainnya di Google News".
    re.compile(
        r"^\W*(?:(?:baca|lihat|simak) (?:artikel |berita )?selengkapnya|selengkapnya baca)\b"
        r".{0,40}$",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*klik (?:di ?sini|link (?:ini|berikut))\b.{0,120}$", re.IGNORECASE),
    re.compile(r"^\W*baca\b.{0,120}\bdi google news\W*$", re.IGNORECASE),
    # A rule of dashes or stars between the text and what follows it.
    re.compile(r"^(?!\W*\(\s*\*\s*\)\W*$)[\W_]+$"),  # but "(*)" is an editor code
    # The legal notice under wire copy: "Dilarang keras mengambil konten ...".
    re.compile(r"^\W*dilarang (?:keras )?(?:mengambil|mengutip|menyalin|memperbanyak)\b", re.I),
    # A table of contents' title; a teaser of a video or photo story under the text.
    re.compile(r"^\W*daftar isi\W*$", re.IGNORECASE),
    re.compile(r"^\W*(?:video|foto|infografis)\s*:\s*[^.!?]{0,200}$", re.IGNORECASE),
    # Counters and labels of widgets that slip in as text.
    re.compile(r"^\W*\d*\s*(?:komentar|comments?)\W*$", re.IGNORECASE),
    re.compile(r"^\W*(?:tags?|topik|topic|kata kunci)\s*:.{0,300}$", re.IGNORECASE),
)

#: A button's text glued to the last line: "(dmh/dmi) Add as a preferred source on Google".
_PROMPT_PHRASES = (
    "add as a preferred source on google",
    *(
        f"tambahkan sebagai sumber {kind}{where}"
        for kind in ("pilihan", "favorit")
        for where in ("", " di google")
    ),
)
#: The phrases, reversed, matched at the start of a block's reversed tail: a phrase followed
#: by nothing but punctuation ends the block, so one match attempt there finds what a search
#: for ``phrase\W*$`` finds trying each of the tail's 200 positions (0.6 µs against 6.1 a
#: paragraph over 200 characters, of which a real page has ten or more).
_TRAILING_PROMPT_REVERSED = re.compile(
    r"\W*(?:" + "|".join(re.escape(phrase[::-1]) for phrase in _PROMPT_PHRASES) + ")",
    re.IGNORECASE,
)

#: A credit line: "Penulis: X", "Reporter: X | Editor: Y", "Editor : Andhika".
CREDIT = re.compile(
    r"^\W*(?:(?:penulis|reporter|wartawan|pewarta|editor|redaktur|penyunting|kontributor|"
    r"fotografer|videografer|penerjemah|translator|writer)\s*:\s*\S"
    r"|laporan\s+(?:reporter|wartawan|koresponden|kontributor)\b)",
    re.IGNORECASE,
)
#: "Laporan Reporter POS-KUPANG.COM, Yohanes Bere Nahak": the name after the last comma.
_REPORTED_BY = re.compile(r"^\W*laporan\s+\w+\s+.*,\s*(?P<names>[^,]{2,80})$", re.IGNORECASE)
_CREDIT_PART = re.compile(
    r"(?P<label>penulis|reporter|wartawan|pewarta|editor|redaktur|penyunting|kontributor|"
    r"writer)\s*:\s*(?P<names>[^|:]+?)(?=\s*(?:\||\b\w+\s*:|$))",
    re.IGNORECASE,
)
_EDITOR_LABELS = frozenset({"editor", "redaktur", "penyunting"})

#: Blocks that end the body: syndication footers and what follows them.
STOP = (
    re.compile(
        r"^\W*(?:sebagian\s+)?(?:artikel|berita) ini (?:telah |sudah )?(?:tayang|terbit|dimuat|"
        r"diterbitkan|naik)\b",
        re.IGNORECASE,
    ),
    # The site's footer: "Copyright © ANTARA 2026", "Hak cipta dilindungi undang-undang".
    re.compile(r"^\W*(?:copyright|hak cipta)\b", re.IGNORECASE),
    re.compile(r"^\W*rekomendasi untuk (?:anda|kamu)\W*$", re.IGNORECASE),
    # "Baca berikutnya": the next story's teaser after the article (kompas, KLY).
    re.compile(r"^\W*baca berikutnya\W*$", re.IGNORECASE),
)

#: A trailing editor code: "(ant)", "(mdk/ded)", "(ap/wan)", "(*)", "(T.K011/B/A029)",
#: merdeka's "[ian]"; and, only alone or after a sentence (an acronym ends sentences too),
#: upper-case desks: "(FHM)", "(H-4)", "(Ant/P-5)".
_EDITOR_CODE = re.compile(
    r"(?:\(\s*(\*|(?=[^)]*[A-Za-z])(?:[a-z0-9]{1,8}(?:\s*/\s*[a-z0-9]{1,8})*"
    r"|[A-Za-z0-9.]{1,8}(?:\s*/\s*[A-Za-z0-9.]{1,8})+))\s*\)"
    r"|\[\s*([a-z]{2,8}(?:\s*/\s*[a-z]{2,8})*)\s*\]"
    r"|(?:^|(?<=[.!?\"”’]))\s*\(\s*([\w-]+\.(?:com|co\.id|id)\s*/\s*[\w .,'-]{2,60}?)\s*\)"
    r"|(?:^|(?<=[.!?\"”’]))\s*\(\s*([A-Z][A-Za-z]{0,4}(?:-\d{1,3})?(?:\s*/\s*[A-Z][A-Za-z]{0,4}"
    r"(?:-\d{1,3})?)*)\s*\))[\s.]*$"
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
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()  # a comment or processing instruction between them
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
    #: Names from credit lines taken out of the body ("Penulis: X", "Editor: Y").
    credited_authors: list[str] = field(default_factory=list)
    credited_editors: list[str] = field(default_factory=list)

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


#: The shared patterns, each set tried as one (:class:`AnyOf`); an outlet's own few are
#: searched one by one.
_CLUTTER = AnyOf(CLUTTER)
_STOP = AnyOf(STOP)


def clean_body(
    blocks: Sequence[Block],
    dateline: re.Pattern[str] | None = None,
    clutter: Sequence[re.Pattern[str]] = (),
    stop: Sequence[re.Pattern[str]] = (),
) -> Body:
    """Sort ``blocks`` into body paragraphs, related links and clutter."""
    body = Body()
    label_pending = False
    for number, block in enumerate(blocks):
        text = block.text
        if _STOP.found_in(text) or any_search(stop, text):
            # A footer may still be followed by the desk's code on a line of its own.
            for later in blocks[number + 1 :]:
                rest, code = _cut_editor_code(later.text)
                if code and not rest:
                    body.editor_code = code
            break
        if _CLUTTER.found_in(text) or any_search(clutter, text):
            label_pending = False
            continue
        if len(text) <= 200 and CREDIT.match(text):
            _add_credits(body, text)
            label_pending = False
            continue
        label = RELATED_LABEL.match(text)
        if label:
            links = [
                _unlabelled(link)
                for link, at in zip(block.links, block.link_offsets, strict=True)
                # The label may sit inside the link: <a><b>Baca Juga: Judul</b></a>.
                if at >= label.end() - 1 or RELATED_LABEL.match(link[0])
            ]
            _add_links(body, links)
            label_pending = not links and not re.search(r"\w", text[label.end() :])
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
            text = text[: inside.start() + 1].rstrip()
        text = _cut_trailing_prompt(text)
        if block.section_end and text:
            # A page or revealed section may end in its own editor code: not text.
            text, code = _cut_editor_code(text)
            body.editor_code = code or body.editor_code
        if text:
            body.paragraphs.append(text)
    peel_dateline(body, dateline)
    _peel_editor_code(body)
    _dedupe_links(body)
    return body


def _unlabelled(link: tuple[str, str]) -> tuple[str, str]:
    """A link's title without a read-also label it carries ("Baca Juga: Judul")."""
    title, url = link
    label = RELATED_LABEL.match(title)
    return (title[label.end() :].strip() or title, url) if label else link


def _add_credits(body: Body, line: str) -> None:
    reported = _REPORTED_BY.match(line)
    if reported:
        body.credited_authors.append(reported["names"].strip())
        return
    for part in _CREDIT_PART.finditer(line):
        names = body.credited_editors if part["label"].lower() in _EDITOR_LABELS else None
        (names if names is not None else body.credited_authors).append(part["names"].strip())


def _dedupe_links(body: Body) -> None:
    """One entry per linked article, in first-seen order."""
    seen: set[str] = set()
    kept = []
    for link in body.baca_juga:
        if link["url"] not in seen:
            seen.add(link["url"])
            kept.append(link)
    body.baca_juga = kept


def peel_dateline(body: Body, pattern: re.Pattern[str] | None) -> None:
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


_CREDITED_CODE = re.compile(r"^[\w-]+\.(?:com|co\.id|id)\s*/", re.IGNORECASE)


#: How far from a block's end its trailing prompt or editor code may start: both are a few
#: dozen characters. Searching only there keeps the editor code's regex, which sre tries at
#: every position, from costing 10-20 µs on each long paragraph.
_TAIL = 200


def _cut_trailing_prompt(text: str) -> str:
    """``text`` without a button's text glued to its end (:data:`_PROMPT_PHRASES`), when
    it ends within the last :data:`_TAIL` characters."""
    match = _TRAILING_PROMPT_REVERSED.match(text[: -_TAIL - 1 : -1])
    return text[: len(text) - match.end()].rstrip() if match else text


def _cut_editor_code(text: str) -> tuple[str, str | None]:
    """``text`` without its trailing editor code, and the code (None when it has none)."""
    # Lookbehinds see the text before the window; "^" matches only the text's real start.
    match = _EDITOR_CODE.search(text, max(0, len(text) - _TAIL))
    if not match:
        return text, None
    code = next(group for group in match.groups() if group)
    # "(mdk / ded)" is one code; "(Pos-Kupang.com/Yohanes Bere Nahak)" keeps a name's spaces.
    code = clean_text(code) if _CREDITED_CODE.match(code) else re.sub(r"\s+", "", code)
    return text[: match.start()].rstrip(), code


def _peel_editor_code(body: Body) -> None:
    if not body.paragraphs:
        return
    rest, code = _cut_editor_code(body.paragraphs[-1])
    if code is None:
        return
    body.editor_code = code
    if rest:
        body.paragraphs[-1] = rest
    else:
        del body.paragraphs[-1]
