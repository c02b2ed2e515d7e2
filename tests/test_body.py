"""Body hygiene: blocks, related links, clutter, datelines, editor codes."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.parsers.body import clean_body, dateline_pattern
from newscrawl.parsers.text import person_names, text_blocks

BASE = "https://www.example.co.id/berita/1"
NUSADAILY = dateline_pattern(brand=r"NUSADAILY\.COM")


def blocks(html: str, skip_css: str = ""):
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    skip = root.cssselect(skip_css) if skip_css else []
    return text_blocks([root], BASE, skip)


def test_blocks_split_at_paragraphs_and_breaks_keeping_tail_text() -> None:
    found = blocks(
        "<p>Satu <b>dua</b></p>tiga<br><br>empat<script>x()</script> lima"
        "<figure><img src=a.jpg><figcaption>Foto</figcaption></figure>enam"
    )
    assert [b.text for b in found] == ["Satu dua", "tiga", "empat lima", "enam"]


def test_skipped_elements_lose_their_text_not_their_tail() -> None:
    found = blocks('<p>Awal <span class="ad">IKLAN</span> akhir</p>', ".ad")
    assert [b.text for b in found] == ["Awal akhir"]


def test_links_are_absolute_and_in_order() -> None:
    (block,) = blocks(
        '<p>Baca juga: <a href="/a">Satu</a> dan <a href="https://x.id/b">Dua</a></p>'
    )
    assert block.links == [("Satu", "https://www.example.co.id/a"), ("Dua", "https://x.id/b")]


@pytest.mark.parametrize(
    "html",
    [
        '<p><strong>Baca juga:</strong> <a href="/rel">Judul Terkait</a></p>',
        '<p>BACA JUGA : <a href="/rel">Judul Terkait</a></p>',
        '<p>Baca Juga</p><p><a href="/rel">Judul Terkait</a></p>',
        '<p>Simak juga: <a href="/rel">Judul Terkait</a></p>',
        '<p>Lihat juga:<br><a href="/rel">Judul Terkait</a></p>',
        '<div class="box"><span>Baca:</span> <a href="/rel">Judul Terkait</a></div>',
    ],
)
def test_related_links_leave_the_body(html: str) -> None:
    body = clean_body(blocks("<p>Paragraf pertama.</p>" + html + "<p>Paragraf kedua.</p>"))
    assert body.paragraphs == ["Paragraf pertama.", "Paragraf kedua."]
    assert body.baca_juga == [{"title": "Judul Terkait", "url": "https://www.example.co.id/rel"}]


def test_related_link_after_a_sentence_is_cut_from_its_paragraph() -> None:
    body = clean_body(blocks('<p>Kata dia. Baca juga: <a href="/r">Lain</a></p>'))
    assert body.paragraphs == ["Kata dia."]
    assert body.baca_juga == [{"title": "Lain", "url": "https://www.example.co.id/r"}]


def test_a_paragraph_merely_mentioning_baca_is_kept() -> None:
    text = "Dia suka baca juga menulis puisi di waktu luang."
    assert clean_body(blocks(f"<p>{text}</p>")).paragraphs == [text]


def test_a_label_without_links_does_not_swallow_the_next_paragraph() -> None:
    body = clean_body(blocks("<p>Baca juga:</p><p>Paragraf biasa tanpa tautan.</p>"))
    assert body.paragraphs == ["Paragraf biasa tanpa tautan."]
    assert body.baca_juga == []


@pytest.mark.parametrize(
    "clutter",
    [
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Simak Video 'Banjir di Jakarta'",
        "Saksikan Video Pilihan di Bawah Ini:",
        "[Gambas:Video CNN]",
        "Dapatkan update berita pilihan setiap hari di Google News",
        "Foto: Dok. Humas",
    ],
)
def test_clutter_blocks_are_dropped(clutter: str) -> None:
    body = clean_body(blocks(f"<p>Isi berita.</p><p>{clutter}</p><p>Lanjutan.</p>"))
    assert body.paragraphs == ["Isi berita.", "Lanjutan."]


def test_syndication_footer_ends_the_body() -> None:
    body = clean_body(
        blocks(
            "<p>Isi.</p><p>Artikel ini telah tayang di Tribunnews.com dengan judul X</p>"
            "<p>Penulis: Y</p>"
        )
    )
    assert body.paragraphs == ["Isi."]


@pytest.mark.parametrize(
    ("first", "place", "rest"),
    [
        (
            "NUSADAILY.COM -JAKARTA - Apa makna pertemuan itu?",
            "JAKARTA",
            "Apa makna pertemuan itu?",
        ),
        ("NUSADAILY.COM – MALANG - Kantor Imigrasi", "MALANG", "Kantor Imigrasi"),
        ("NUSADAILY.COM - BANDA ACEH - Warga", "BANDA ACEH", "Warga"),
        ("NUSADAILY.COM - Presiden berkata", None, "Presiden berkata"),
    ],
)
def test_dateline_is_peeled_off(first: str, place: str | None, rest: str) -> None:
    body = clean_body(blocks(f"<p>{first}</p><p>Dua.</p>"), dateline=NUSADAILY)
    assert body.dateline == place
    assert body.paragraphs[0] == rest


@pytest.mark.parametrize(
    ("brand", "agency", "text", "place"),
    [
        (r"KOMPAS\.com", None, "JAKARTA, KOMPAS.com — Menteri berkata", "JAKARTA"),
        (r"KOMPAS\.com", None, "KOMPAS.com, JAKARTA - Menteri berkata", "JAKARTA"),
        (None, r"ANTARA(?: News)?", "Jakarta (ANTARA News) - Sebanyak", "Jakarta"),
        (None, None, "Yogyakarta - Mahasiswa", "Yogyakarta"),
    ],
)
def test_dateline_shapes(brand: str | None, agency: str | None, text: str, place: str) -> None:
    body = clean_body(blocks(f"<p>{text}</p>"), dateline=dateline_pattern(brand, agency))
    assert body.dateline == place


def test_no_dateline_leaves_the_first_paragraph_alone() -> None:
    body = clean_body(blocks("<p>Pemerintah - kata dia - menolak.</p>"), dateline=NUSADAILY)
    assert body.dateline is None
    assert body.paragraphs == ["Pemerintah - kata dia - menolak."]


@pytest.mark.parametrize(
    ("last", "code", "rest"),
    [
        ("sebagai imbalannya.(*)", "*", "sebagai imbalannya."),
        ("di tingkat akar rumput. (ap/wan)", "ap/wan", "di tingkat akar rumput."),
        ("kata dia. (mdk/ded)", "mdk/ded", "kata dia."),
        ("(ant)", "ant", None),
        ("kata dia.(T.K011/B/A029)", "T.K011/B/A029", "kata dia."),
    ],
)
def test_editor_code_is_peeled_off(last: str, code: str, rest: str | None) -> None:
    body = clean_body(blocks(f"<p>Pertama.</p><p>{last}</p>"))
    assert body.editor_code == code
    assert body.paragraphs[-1] == (rest or "Pertama.")


@pytest.mark.parametrize(
    ("last", "kept", "code"),
    [
        # CNN Indonesia's button glued after the desk code, then the code peeled as usual.
        ("kata dia. (dmh/dmi) Add as a preferred source on Google", "kata dia.", "dmh/dmi"),
        ("Banjir surut.  Tambahkan sebagai sumber pilihan di Google.", "Banjir surut.", None),
        ("Banjir surut.TAMBAHKAN SEBAGAI SUMBER FAVORIT !", "Banjir surut.", None),
        ("Tambahkan sebagai sumber pilihan", None, None),
        # Named inside a sentence, or not at the very end: text.
        (
            "Tombol add as a preferred source on Google ada di bawah judul.",
            "Tombol add as a preferred source on Google ada di bawah judul.",
            None,
        ),
        ("tambahkan sebagai sumber pilihanmu", "tambahkan sebagai sumber pilihanmu", None),
    ],
)
def test_a_preferred_source_button_at_the_end_is_not_text(
    last: str, kept: str | None, code: str | None
) -> None:
    body = clean_body(blocks(f"<p>Pertama.</p><p>{last}</p>"))
    assert body.paragraphs == ["Pertama.", *([kept] if kept else [])]
    assert body.editor_code == code


def test_a_preferred_source_button_counts_only_in_the_last_200_characters() -> None:
    filler = "kata " * 50  # 250 characters
    near = clean_body(blocks(f"<p>{filler}Add as a preferred source on Google</p>"))
    assert near.paragraphs == [filler.strip()]
    # The button's text then 200 characters of punctuation: beyond the tail, kept.
    far = f"{filler}Add as a preferred source on Google{'.' * 200}"
    assert clean_body(blocks(f"<p>{far}</p>")).paragraphs == [far]


@pytest.mark.parametrize("last", ["di Amerika Serikat (AS)", "kata Ketua DPR (Puan)."])
def test_acronyms_in_parentheses_are_not_editor_codes(last: str) -> None:
    body = clean_body(blocks(f"<p>{last}</p>"))
    assert body.editor_code is None
    assert body.paragraphs == [last]


def test_person_names_split_and_clean_bylines() -> None:
    names = person_names(
        ["Penulis: Andi Wijaya, Budi", "Budi dan Citra", "Kompas.com"], drop=["kompas.com"]
    )
    assert names == ["Andi Wijaya", "Budi", "Citra"]


def test_person_names_drop_a_contributors_place() -> None:
    bylines = ["Kontributor Lhokseumawe, Masriadi", ": Kontributor Malang, Andi Wijaya"]
    assert person_names(bylines) == ["Masriadi", "Andi Wijaya"]


def test_person_names_drop_the_whole_byline_label() -> None:
    assert person_names(["Laporan Wartawan Budi Santoso", "Laporan: Citra"]) == [
        "Budi Santoso",
        "Citra",
    ]
