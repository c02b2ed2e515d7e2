"""Hostile mutations of saved pages and date strings, for the fuzz test and the fuzz benchmark.

A mutation is a pure function of its inputs (a page, a position, a payload, a count), so the
suite's hypothesis test and ``benchmarks/fuzz.py``'s seeded random run draw the same kinds of
damage: bytes cut, flipped or repeated, hostile markup inserted, every URL or date of the page
replaced, the body wrapped in unclosed tags, JSON-LD nested deep. What the faults found by
hand looked like is what the payloads are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Snippets of hostile markup and text, inserted anywhere.
PAYLOADS: tuple[bytes, ...] = (
    b'<p a\x01b="1" \x02="y">teks</p>',
    b'<img src="javascript:alert(1)"><img src="file:///etc/passwd">',
    b'<img src="http://[::1/x.jpg"><img data-src="https://a.]]/x.jpg">',
    b'<meta property="og:image" content="https://www.nusadaily.com:undefined/x.jpg">',
    b'<a href="http://127.0.0.1:99999/x">x</a><a href="javascript:void(0)">y</a>',
    b"\xff\xfe\xc3\x28\xe2\x82",
    b"\x00\x00\x01\x1b",
    "\ufffe\uffff".encode(),
    b"</html></body>",
    b"<!--",
    b"<![CDATA[",
    b"<svg><foreignObject><math><mi><table><tr><td>",
    b"&#0;&#x110000;&#xD800;&amp",
    b'<time datetime="9999-99-99T99:99:99+99:99">Senin, 32 Januari 2026 25:61 WIB</time>',
    b'<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-06-28'
    + b" " * 5000
    + b'x", "author": [[[[[[["A"]]]]]]]}</script>',
    b'<script type="application/ld+json">' + b"[" * 3000 + b"]" * 3000 + b"</script>",
    b"<div " + b" ".join(b'a%d="x"' % n for n in range(1500)) + b">x</div>",
    b"<b><i><u><span><em>" * 40,
    b"Baca juga: <a>",
    b"\r\n\t\x0c\x0b" * 200,
)
#: Values put in place of every URL attribute of a page (href, src, content of og:image).
URLS: tuple[bytes, ...] = (
    b"javascript:void(0)",
    b"file:///etc/hostname",
    b"http://[::1/x",
    b"https://a.]]/x.jpg",
    b"https://www.nusadaily.com:undefined/x.jpg",
    b"http://127.0.0.1:99999/x",
    b"",
    b"//",
    b"data:image/png;base64,AAAA",
    b"https://" + b"a" * 9000 + b".com/x",
)
#: Values put in place of every machine date of a page (metas, JSON-LD, <time datetime>).
DATES: tuple[bytes, ...] = (
    b"2026-06-28" + b" " * 16000 + b"x",
    b"2026-02-30T25:61:61+99:99",
    b"0000-00-00 00:00:00",
    b"9999999999",
    b"Kamis, 05/11/2015 09:25 WIB" * 500,
    b"",
    b"kemarin",
    b"2026-06-28T10:05:00+07:00Z",
)

_URL_ATTRIBUTE = re.compile(rb'((?:href|src|data-src|content)=")(https?:)?//[^"]*(")')
_MACHINE_DATE = re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?(?:[+-]\d\d:?\d\d|Z)?")
_BODY_START = re.compile(rb"<(?:article|div)\b[^>]*>")


def _at(page: bytes, at: int) -> int:
    return at % (len(page) + 1)


def insert(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    where = _at(page, at)
    return page[:where] + payload * max(1, count % 4) + page[where:]


def replace_range(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    where = _at(page, at)
    return page[:where] + payload + page[where + count % 4096 :]


def delete_range(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    where = _at(page, at)
    return page[:where] + page[where + 1 + count % 65536 :]


def truncate(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    return page[: _at(page, at)]


def flip_bytes(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    data = bytearray(page)
    for step in range(1 + count % 64):
        if data:
            where = (at + step * 7919) % len(data)
            data[where] ^= 0x80 | (step % 0x7F)
    return bytes(data)


def repeat_slice(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    where = _at(page, at)
    piece = page[where : where + 1 + count % 512]
    return page[:where] + piece * (2 + count % 200) + page[where:]


def every_url(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    value = URLS[(at + count) % len(URLS)]
    return _URL_ATTRIBUTE.sub(lambda m: m.group(1) + value + m.group(3), page)


def every_date(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    value = DATES[(at + count) % len(DATES)]
    return _MACHINE_DATE.sub(lambda m: value, page)


def unclosed_tags(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    """The body's first block wrapped in ``count`` (at most 300) unclosed inline tags: many
    more raise RecursionError in the text walk (the lead's fix; see tests/test_limits.py)."""
    found = _BODY_START.search(page, _at(page, at) // 2) or _BODY_START.search(page)
    where = found.end() if found else _at(page, at)
    return page[:where] + b"<b>" * (count % 301) + page[where:]


def deep_json_ld(page: bytes, at: int, payload: bytes, count: int) -> bytes:
    depth = 100 + count % 900
    nested = b'"author": ' + b"[" * depth + b'{"name": "A"}' + b"]" * depth + b","
    return page.replace(b'"author":', nested[:-1] + b', "was_author":', 1)


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[bytes, int, bytes, int], bytes]


MUTATIONS: tuple[Mutation, ...] = tuple(
    Mutation(function.__name__, function)
    for function in (
        insert,
        replace_range,
        delete_range,
        truncate,
        flip_bytes,
        repeat_slice,
        every_url,
        every_date,
        unclosed_tags,
        deep_json_ld,
    )
)

#: Pieces of printed and machine dates, joined at random into date strings.
DATE_TOKENS: tuple[str, ...] = (
    *("2026", "15", "05", "1", "31", "32", "99", "0", "9999", "00", "12", "24", "60", "2015"),
    *("-", "/", ".", ":", ",", " ", "  ", "T", "t", "Z", "+07:00", "-0800", "+99", "|", "(", ")"),
    *("Januari", "Ags", "Jum'at", "Kamis,", "Sep", "mei", "Nopember", "desember", "Des"),
    *("WIB", "WITA", "WIT", "GMT+7", "UTC", "pukul", "jam", "am", "PM", "lalu", "yang"),
    *("menit", "jam", "hari", "kemarin", "baru saja", "sejam", "dua", "se", "tahun", "minggu"),
    *("Diperbarui", "Kompas.com -", "\u00a0", "\u2013", "\u2022", "\u200b", "\ufffd", "\n"),
)
