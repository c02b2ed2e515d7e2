"""How parse_article picks a parser version and says why it refuses a page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl import ArticleError, NotAnArticle, UnsupportedSite, parse_article
from newscrawl.parsers.nusadaily import PARSERS

URL = "https://www.nusadaily.com/uji"
NOW = datetime(2026, 7, 1, tzinfo=UTC)
LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul Uji",'
    ' "datePublished": "2026-06-30T08:00:00+0700"}</script>'
)


def page(body: str, head: str = LD) -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_redesigned_page_is_parsed_by_a_version_that_completes_it() -> None:
    # Neither version recognises this layout (no Varient post-content, no WordPress
    # entry-content), but the Varient version's body selector still finds the text.
    record = parse_article(
        page('<main><div class="post-text"><p>Isi berita.</p></div></main>'), URL, NOW
    )
    assert record["parser"] == "nusadaily/v2"
    assert record["body"] == "Isi berita."
    assert record["published_at"] == "2026-06-30T08:00:00+07:00"


def test_redesign_that_no_version_can_read_is_unknown_layout() -> None:
    with pytest.raises(ArticleError) as info:
        parse_article(page('<main><div class="konten-baru"><p>Isi.</p></div></main>'), URL, NOW)
    assert info.value.reason == "unknown_layout"
    assert info.value.parser == PARSERS[-1].version  # the newest version tried first


def test_page_without_article_markup_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        parse_article(page("<ul><li>Kategori</li></ul>", head=""), URL, NOW)


def test_known_layout_missing_a_field_names_the_version() -> None:
    body = '<div class="post-content"><h1 class="post-title">Judul</h1><div class="post-text"><p>Isi.</p></div></div>'
    with pytest.raises(ArticleError) as info:
        parse_article(page(body, head=""), URL, NOW)
    assert (info.value.reason, info.value.parser) == ("no_date", "nusadaily/v2")


def test_non_http_urls_excluded_hosts_and_naive_fetch_time() -> None:
    for url in ("file:///etc/hostname", "ftp://example.org/a", "https://www.youtube.com/watch"):
        with pytest.raises(UnsupportedSite):
            parse_article(page("<p>x</p>"), url, NOW)
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_article(page("<p>x</p>"), URL, datetime(2026, 7, 1))


def test_machine_date_takes_the_zone_the_page_prints() -> None:
    from datetime import timedelta, timezone

    from newscrawl.parsers.base import in_stated_zone

    wib, wita = timezone(timedelta(hours=7)), timezone(timedelta(hours=8))
    machine = datetime(2026, 6, 30, 8, 15, 42, tzinfo=wib)  # CMS writes WIB with seconds
    shown = datetime(2026, 6, 30, 9, 15, tzinfo=wita)  # "30 Juni 2026 09:15 WITA"
    assert in_stated_zone(machine, shown) == machine
    assert in_stated_zone(machine, shown).utcoffset() == timedelta(hours=8)  # type: ignore[union-attr]
    # Dates that disagree: the machine date stands, in its own zone.
    other = datetime(2026, 6, 30, 11, 0, tzinfo=wita)
    assert in_stated_zone(machine, other).utcoffset() == timedelta(hours=7)  # type: ignore[union-attr]
    assert in_stated_zone(None, shown) is shown
    assert in_stated_zone(machine, None) is machine
