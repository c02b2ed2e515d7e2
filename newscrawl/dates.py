"""Turn the dates Indonesian news sites print into timezone-aware datetimes.

The sites print dates in a handful of shapes ("Kamis, 05/11/2015 09:25 WIB",
"Sep 14, 2023 - 13:49", "Jum'at, 17 Februari 2017 - 13:30", "10 menit yang lalu"), so the
parser is a few explicit tables (month names with every abbreviation in use, zones, relative
units) feeding regexes compiled once at import. The date is *searched for* inside the string:
labels ("Diperbarui", "Kompas.com -") and day names need no handling of their own. A time and
zone are read only right after the date, so a number later in a sentence is never a time.

Order of attempts, cheapest and most certain first:

1. ISO 8601 (machine dates from ``<meta>`` and JSON-LD), also via :func:`parse_iso_datetime`;
2. day + month + year from the tables, then a time and zone right after it;
3. relative forms ("2 jam lalu", "kemarin 13:00"), resolved against ``now``, the page's fetch
   time, so a saved page always parses the same way (``datetime.now()`` is never called);
4. dateparser, imported lazily, only for strings nothing above recognised. It is slow,
   converts WITA times to Jakarta time and misreads "Ags", "Jum'at" and "sejam".

Every result is aware: a printed zone (WIB/WITA/WIT, GMT+7, +0700, Z) keeps its own offset;
otherwise ``default_tz`` (Asia/Jakarta) applies. Invalid or unrecognised text gives None:
:func:`parse_indonesian_datetime` never raises for str input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")

_MONTH_NAMES = (
    "januari january jan",
    "februari pebruari february feb peb",
    "maret march mar mrt",
    "april apr",
    "mei may",
    "juni june jun",
    "juli july jul",
    "agustus august agust agus agu agt ags aug",
    "september sept sep",
    "oktober october okt oct",
    "november nopember nov nop",
    "desember december des dec",
)
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
_ZONES: dict[str, tzinfo] = {
    "wib": timezone(timedelta(hours=7)),
    "wita": timezone(timedelta(hours=8)),
    "wit": timezone(timedelta(hours=9)),
    **dict.fromkeys(("gmt", "utc", "z"), UTC),
}
_UNITS: dict[str, timedelta] = {
    **dict.fromkeys(("detik", "sec", "secs", "second", "seconds"), timedelta(seconds=1)),
    **dict.fromkeys(("menit", "min", "mins", "minute", "minutes"), timedelta(minutes=1)),
    **dict.fromkeys(("jam", "hour", "hours", "hr", "hrs"), timedelta(hours=1)),
    **dict.fromkeys(("hari", "day", "days"), timedelta(days=1)),
    **dict.fromkeys(("minggu", "pekan", "week", "weeks"), timedelta(weeks=1)),
    **dict.fromkeys(("bulan", "month", "months"), timedelta(days=30)),
    **dict.fromkeys(("tahun", "year", "years"), timedelta(days=365)),
}
_NUMBER_WORDS = {
    **{"se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7},
    **{"delapan": 8, "sembilan": 9, "sepuluh": 10, "a": 1, "an": 1, "one": 1},
}
# Day names only matter for dateparser, which does not know "Jum'at" or "Ahad"; the table
# search skips them on its own.
_DAY_NAMES = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b,?"
)


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "sept" is tried before "sep" and "wita" before "wit".
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MONTH = _alternation(_MONTHS)
_SUFFIX = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    # 14 September 2023 / 16 Jun 2015 / 04 November, 2015; a 2-digit year only in RFC 822
    # feed dates ("Thu, 05 Nov 15 12:58:01 +0700"), i.e. when a time follows.
    rf"(?<!\d)(?P<d1>\d{{1,2}}){_SUFFIX}[\s.,/-]*(?P<m1>{_MONTH})\b\.?[\s.,/-]*"
    rf"(?P<y1>\d{{4}}|\d\d(?=\s+\d{{1,2}}[:.]\d\d))(?!\d)"
    # Sep 14, 2023 (nusadaily's Varient CMS prints "M j, Y")
    rf"|\b(?P<m2>{_MONTH})\b\.?\s*(?P<d2>\d{{1,2}}){_SUFFIX},?\s*(?P<y2>\d{{4}})(?!\d)"
    # 2023-09-14, 2023/09/14; then 14/09/2023, 14-09-2023, 14.09.2023, 16/02/15: day first.
    r"|(?<![\d/.-])(?:(?P<y3>\d{4})(?P<s3>[/.-])(?P<m3>\d{1,2})(?P=s3)(?P<d3>\d{1,2})"
    r"|(?P<d4>\d{1,2})(?P<s4>[/.-])(?P<m4>\d{1,2})(?P=s4)(?P<y4>\d{4}|\d\d))(?!\d|[/.-]\d)"
)
_TIME = re.compile(
    # Separators seen between date and time: , | - / ( ), en/em dash, bullet, ISO's "T".
    r"[\s,|/()\u2013\u2014\u2022t-]*(?:(?:pukul|pkl|jam|at)\.?\s*)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d\d)(?:[:.](?P<s>\d\d)(?:\.\d+)?)?(?!\d)"
    r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?"
    rf"(?:\s*(?P<name>{_alternation(_ZONES)})\b)?"
    r"(?:\s*(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?)?"
)
_RELATIVE = re.compile(
    rf"(?:(?<![\w.])(?P<n>\d{{1,4}})\s*|\bse\s?|\b(?P<word>{_alternation(_NUMBER_WORDS)})\s+)"
    rf"(?P<unit>{_alternation(_UNITS)})\b\s*(?:yang\s+)?(?:lalu|silam|ago)\b"
    r"|\b(?P<day>kemarin|yesterday|hari\s+ini|today|baru\s+saja|barusan|just\s+now)\b"
)
_ISO = re.compile(
    r"\s*(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)"
    r"(?:\s*[t ]\s*(?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<f>\d+))?)?)?"
    # merdeka printed "+07:00Z": the offset is the truth, the Z a template slip.
    r"\s*(?:(?P<z>z)|(?P<sign>[+-])(?P<oh>\d\d)(?::?(?P<om>\d\d))?)?z?\s*",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d+")
#: A machine date is at most ~35 characters ("2015-11-05T14:56:43.123456+07:00"); longer text
#: (a template that padded it with 32,000 spaces) is not read: the regex would backtrack over
#: every space for every position, quadratic in the length.
MAX_ISO_TEXT = 64
#: Printed dates sit at the start of their element ("Kamis, 05/11/2015 09:25 WIB"; with a
#: byline before it, still within this many characters): only they are searched, whitespace
#: runs collapsed, so no regex ever walks a huge string.
MAX_DATE_TEXT = 300


def _as_tz(tz: tzinfo | str) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


@lru_cache(maxsize=256)  # a handful of offsets ("+07:00") recur on every page
def _offset(sign: str, hours: str, minutes: str | None) -> tzinfo:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14) or int(minutes or 0) >= 60:
        raise ValueError("offset out of range")
    return timezone(-delta if sign == "-" else delta)


def _in_range(dt: datetime | None) -> datetime | None:
    return dt if dt is not None and 1990 <= dt.year <= 2100 else None


def _clock(m: re.Match[str], tz: tzinfo) -> tuple[int, int, int, tzinfo]:
    """Hour, minute, second and zone of a _TIME match; ValueError when out of range."""
    hour, name = int(m["h"]), m["name"] or ""
    if m["ampm"] and 1 <= hour <= 12:
        hour = hour % 12 + (12 if m["ampm"] == "p" else 0)
    # A bare "-12:00" after a time is more likely a range ("10:00-12:00") unless 2-digit.
    if m["sign"] and (name in ("gmt", "utc") or (not name and len(m["oh"]) == 2)):
        tz = _offset(m["sign"], m["oh"], m["om"])
    elif name:
        tz = _ZONES[name]
    return hour, int(m["mi"]), int(m["s"] or 0), tz


def _build(year: int, month: int, day: int, text: str, pos: int, tz: tzinfo) -> datetime | None:
    """The date at midnight, or at the time printed at ``text[pos:]``; None if invalid."""
    try:
        clock = _TIME.match(text, pos)
        hour, minute, second, zone = _clock(clock, tz) if clock else (0, 0, 0, tz)
        return _in_range(datetime(year, month, day, hour, minute, second, tzinfo=zone))
    except ValueError:
        return None


def _absolute(m: re.Match[str], text: str, tz: tzinfo) -> datetime | None:
    if m["m1"] or m["m2"]:
        month = _MONTHS[m["m1"] or m["m2"]]
        day, year = (m["d1"], m["y1"]) if m["m1"] else (m["d2"], m["y2"])
    elif m["y3"]:
        day, month, year = m["d3"], int(m["m3"]), m["y3"]
    else:
        day, month, year = m["d4"], int(m["m4"]), m["y4"]
    full_year = int(year) + (0 if len(year) == 4 else 1900 if int(year) >= 90 else 2000)
    return _build(full_year, month, int(day), text, m.end(), tz)


def _relative(m: re.Match[str], text: str, now: datetime, tz: tzinfo) -> datetime | None:
    clock = _TIME.match(text, m.end())
    try:
        local_now = (now if now.tzinfo else now.replace(tzinfo=tz)).astimezone(tz)
        if m["unit"]:
            count = int(m["n"]) if m["n"] else _NUMBER_WORDS[m["word"] or "se"]
            return _in_range(local_now - _UNITS[m["unit"]] * count)
        if m["day"].startswith(("baru", "just")):
            return _in_range(local_now)
        days_back = timedelta(days=1 if m["day"] in ("kemarin", "yesterday") else 0)
        if clock is None:  # "kemarin" alone: same clock time, a day earlier
            return _in_range(local_now - days_back)
        day = local_now.astimezone(_clock(clock, tz)[3]).date() - days_back
    except (ValueError, OverflowError):  # "9999 tahun lalu" is before year 1
        return None
    return _build(day.year, day.month, day.day, text, m.end(), tz)


def _dateparser_fallback(text: str, now: datetime | None, tz: tzinfo) -> datetime | None:
    # A date needs day, month and year, so at least two numbers unless a month name is
    # involved, and the tables already know every month name in use.
    if len(text) > 80 or len(_DIGIT_RUN.findall(text)) < 2:
        return None
    import dateparser  # lazy: ~40 ms to import and almost never needed

    minutes = int((tz.utcoffset(None) or timedelta()).total_seconds()) // 60
    offset = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    settings: dict[str, Any] = {
        "TIMEZONE": getattr(tz, "key", None) or offset,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        # A fixed base keeps results reproducible; the year check below rejects relatives.
        "RELATIVE_BASE": now or datetime(2000, 1, 1),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        found = dateparser.parse(
            _DAY_NAMES.sub(" ", text), languages=["id", "en"], settings=settings
        )
    except Exception:  # dateparser raises assorted errors on odd input; we promise not to
        return None
    # dateparser happily reads "tanggal 5 bulan 11 tahun 2023" as 2014-05-01: insist that
    # the year it found is printed in the text.
    if not isinstance(found, datetime) or found.tzinfo is None or str(found.year) not in text:
        return None
    return _in_range(found.astimezone(tz))


def parse_iso_datetime(
    text: str | None, default_tz: tzinfo | str = "Asia/Jakarta"
) -> datetime | None:
    """Parse a machine date ("2015-11-05T14:56:43+07:00", "2017-02-17 13:30:08", ...).

    Naive values get ``default_tz``; anything that is not ISO-like gives None.
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    m = _ISO.fullmatch(text) if len(text) <= MAX_ISO_TEXT else None
    if m is None:
        return None
    try:
        tz = _as_tz(default_tz)
        if m["z"]:
            tz = UTC
        elif m["sign"]:
            tz = _offset(m["sign"], m["oh"], m["om"])
        micro = int((m["f"] or "0")[:6].ljust(6, "0"))
        parts = (int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0), micro)
        return _in_range(datetime(int(m["y"]), int(m["mo"]), int(m["d"]), *parts, tzinfo=tz))
    except ValueError:
        return None


def parse_indonesian_datetime(
    text: str | None, now: datetime | None = None, default_tz: tzinfo | str = "Asia/Jakarta"
) -> datetime | None:
    """Find the date printed in ``text`` and return it as an aware datetime, or None.

    ``now`` (aware; the fetch time) anchors relative forms; without it they give None.
    """
    if not isinstance(text, str):
        return None
    text = " ".join(text[:65536].split())[:MAX_DATE_TEXT]
    if not text:
        return None
    tz = _as_tz(default_tz)
    iso = parse_iso_datetime(text, tz)
    if iso is not None:
        return iso
    # Lower-case once so the tables' regexes need no IGNORECASE and every matched word is
    # literally a table key.
    text = text.lower()
    recognised = False
    for m in _DATE.finditer(text):
        recognised = True
        found = _absolute(m, text, tz)
        if found is not None:
            return found
    if recognised:  # "32 Januari 2020" is a date, just not a valid one: no guessing
        return None
    rel = _RELATIVE.search(text)
    if rel is not None:
        return _relative(rel, text, now, tz) if now is not None else None
    return _dateparser_fallback(text.replace("\u2019", "'"), now, tz)


def to_iso(dt: datetime) -> str:
    """``2023-09-14T13:49:00+07:00``; a naive datetime is a bug upstream, so ValueError."""
    if dt.utcoffset() is None:
        raise ValueError(f"to_iso needs an aware datetime, got {dt!r}")
    return dt.isoformat(timespec="seconds")
