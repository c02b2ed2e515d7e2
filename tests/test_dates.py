"""Tests for newscrawl.dates: real date strings from Indonesian news pages, hand-checked.

Expected values are written by hand (not produced by running the parser). Relative forms are
resolved against NOW, a fixed fetch time. Strings marked "style" follow an outlet's printed
format with a month spelling the saved pages happen not to contain.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.dates import JAKARTA, parse_indonesian_datetime, parse_iso_datetime, to_iso

NOW = datetime(2025, 10, 27, 14, 30, tzinfo=JAKARTA)
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))
ISO_SHAPE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
PROPERTY = settings(derandomize=True, database=None, max_examples=200, deadline=None)

# (id, text as printed, expected ISO string). Source in the id: outlet or "style".
PRINTED = [
    # nusadaily (Varient CMS, "M j, Y - H:i"; listing cards without time)
    ("nusadaily-article", "Sep 14, 2023 - 13:49", "2023-09-14T13:49:00+07:00"),
    ("nusadaily-card-jun", "Jun 25, 2026", "2026-06-25T00:00:00+07:00"),
    ("nusadaily-card-may", "May 7, 2026", "2026-05-07T00:00:00+07:00"),
    ("nusadaily-card-mar", "Mar 26, 2026", "2026-03-26T00:00:00+07:00"),
    ("nusadaily-card-apr", "Apr 13, 2026", "2026-04-13T00:00:00+07:00"),
    # detik
    ("detik-2015-numeric", "Kamis, 05/11/2015 09:25 WIB", "2015-11-05T09:25:00+07:00"),
    ("detik-2015-jun", "Selasa 16 Jun 2015, 14:05 WIB", "2015-06-16T14:05:00+07:00"),
    ("detik-channel-label", "DETIKNEWS | Rabu 17 Jun 2015, 23:58 WIB", "2015-06-17T23:58:00+07:00"),
    ("detik-now", "Kamis, 02 Nov 2023 19:30 WIB", "2023-11-02T19:30:00+07:00"),
    ("detik-okt", "Jumat, 04 Okt 2024 18:12 WIB", "2024-10-04T18:12:00+07:00"),
    (
        "detik-index-attr",
        'Rabu, 02 Nov 2022 17:11 WIB">1 jam yang lalu',
        "2022-11-02T17:11:00+07:00",
    ),
    ("detik-double-wib", "Jumat, 30/10/2015 17:01 WIB WIB", "2015-10-30T17:01:00+07:00"),
    ("detik-at", "18 Jun 2015 at 06:25 WIB", "2015-06-18T06:25:00+07:00"),
    # kompas
    ("kompas-read-time", "Kompas.com - 02/11/2023, 21:34 WIB", "2023-11-02T21:34:00+07:00"),
    ("kompas-2016-pipe", "Selasa, 16 Februari 2016 | 14:38 WIB", "2016-02-16T14:38:00+07:00"),
    ("kompas-updated", "Diperbarui 02 Nov 2023, 21:00 WIB", "2023-11-02T21:00:00+07:00"),
    ("kompas-indeks-seconds", "Selasa, 26 Mei 2015 15:10:03", "2015-05-26T15:10:03+07:00"),
    # tribunnews
    ("tribun-mei", "Senin, 4 Mei 2020 19:01 WIB", "2020-05-04T19:01:00+07:00"),
    ("tribun-2017", "Senin, 15 Mei 2017 18:43 WIB", "2017-05-15T18:43:00+07:00"),
    # liputan6
    ("liputan6-now", "02 Nov 2023, 19:30 WIB", "2023-11-02T19:30:00+07:00"),
    ("liputan6-feb-dash", "Rabu, 17 Feb 2016 - 20:00 WIB", "2016-02-17T20:00:00+07:00"),
    ("liputan6-indeks", "18 Jan 2016 09:26", "2016-01-18T09:26:00+07:00"),
    ("liputan6-pipe", "19 Jun 2015 | 13:06", "2015-06-19T13:06:00+07:00"),
    # okezone, suara, merdeka, viva, kapanlagi
    ("okezone-jumat-apostrophe", "Jum'at, 17 Februari 2017 - 13:30", "2017-02-17T13:30:00+07:00"),
    ("okezone-wib-lower", "Jum'at, 17 Februari 2017 - 13:30 wib", "2017-02-17T13:30:00+07:00"),
    ("suara-curly-apostrophe", "Jum’at, 19 Juni 2015 | 12:58 WIB", "2015-06-19T12:58:00+07:00"),
    ("merdeka-jumat", "Jumat, 19 Juni 2015 03:40", "2015-06-19T03:40:00+07:00"),
    ("viva-wib-lower", "Kamis, 5 November 2015 - 15:56 wib", "2015-11-05T15:56:00+07:00"),
    ("viva-des", "30 Des 2015 14:18", "2015-12-30T14:18:00+07:00"),
    ("viva-des-2", "14 Des 2015 16:11", "2015-12-14T16:11:00+07:00"),
    ("kapanlagi-sabtu", "Sabtu, 25 April 2015 20:40:00", "2015-04-25T20:40:00+07:00"),
    (
        "kapanlagi-views",
        "Selasa, 23 Februari 2016 15:06 WIB | 998 Views",
        "2016-02-23T15:06:00+07:00",
    ),
    # republika, antaranews, tempo (some printed in English)
    ("republika-ahad", "Ahad, 21 Februari 2016", "2016-02-21T00:00:00+07:00"),
    (
        "republika-hijri-first",
        "Jumat, 20 Jumadil Awwal 1438 / 17 February 2017",
        "2017-02-17T00:00:00+07:00",
    ),
    ("republika-english-month", "Jumat , 17 February 2017, 13:16 WIB", "2017-02-17T13:16:00+07:00"),
    ("republika-senin", "Senin , 13 February 2017, 04:23 WIB", "2017-02-13T04:23:00+07:00"),
    ("antaranews-minggu", "Minggu, 14 Februari 2016 09:15", "2016-02-14T09:15:00+07:00"),
    ("antaranews-oktober", "Rabu, 7 Oktober 2015", "2015-10-07T00:00:00+07:00"),
    (
        "tempo-en-comma-month",
        "Wednesday, 04 November, 2015 |  07:28 WIB",
        "2015-11-04T07:28:00+07:00",
    ),
    ("tempo-en-numeric", "Wednesday, 04/11/2015 | 07:40 WIB", "2015-11-04T07:40:00+07:00"),
    ("tempo-last-update", "Last Update : Monday, 06 February 2017", "2017-02-06T00:00:00+07:00"),
    ("liputan6-kamis", "Kamis, 11 Februari 2016", "2016-02-11T00:00:00+07:00"),
    # mediaindonesia (2025-2026), d/m/yyyy with a one-digit month
    ("mediaindonesia-listing", "08/1/2026 20:19", "2026-01-08T20:19:00+07:00"),
    ("mediaindonesia-article", "22/10/2025 06:59", "2025-10-22T06:59:00+07:00"),
    # dates inside body text (date only: midnight)
    ("body-rabu", "Rabu (13/9/2023)", "2023-09-13T00:00:00+07:00"),
    ("body-jumat", "Jumat (12/2/2016). Marquez datang untuk acara", "2016-02-12T00:00:00+07:00"),
    ("body-minggu-malam", "Minggu (14/2/2016) malam WIB.", "2016-02-14T00:00:00+07:00"),
    ("body-selasa-padded", "Selasa (23/02/2016).", "2016-02-23T00:00:00+07:00"),
    # RSS pubDate (RFC 822)
    ("rss-gmt", "Thu, 05 Nov 2015 02:32:16 GMT", "2015-11-05T02:32:16+00:00"),
    ("rss-offset", "Thu, 05 Nov 2015 12:35:00 +0700", "2015-11-05T12:35:00+07:00"),
    ("rss-two-digit-year", "Thu, 05 Nov 15 12:58:01 +0700", "2015-11-05T12:58:01+07:00"),
    ("rss-fri", "Fri, 19 Jun 2015 02:40:30 GMT", "2015-06-19T02:40:30+00:00"),
    ("rss-mon", "Mon, 15 Feb 2016 11:31:00 +0700", "2016-02-15T11:31:00+07:00"),
    ("rss-tue", "Tue, 16 Feb 2016 06:35:00 +0700", "2016-02-16T06:35:00+07:00"),
    ("rss-wed", "Wed, 17 Jun 2015 17:27:00 +0700", "2015-06-17T17:27:00+07:00"),
    ("rss-sat", "Sat, 13 Feb 2016 10:00:00 GMT", "2016-02-13T10:00:00+00:00"),
    ("rss-sun", "Sun, 14 Feb 2016 09:15:00 +0000", "2016-02-14T09:15:00+00:00"),
    # meta/JSON-LD machine dates also reach this function
    ("meta-iso", "2015-11-05T14:56:43+07:00", "2015-11-05T14:56:43+07:00"),
    ("meta-iso-labelled", "datePublished: 2016-02-23T14:49:30+07:00", "2016-02-23T14:49:30+07:00"),
    # every month spelling, in the outlets' formats
    ("style-januari", "Rabu, 15 Januari 2025 08:00 WIB", "2025-01-15T08:00:00+07:00"),
    ("style-jan", "15 Jan 2025, 08:00 WIB", "2025-01-15T08:00:00+07:00"),
    ("style-pebruari", "Sabtu, 1 Pebruari 2020 | 10:00 WIB", "2020-02-01T10:00:00+07:00"),
    ("style-peb", "3 Peb 2020 09:00", "2020-02-03T09:00:00+07:00"),
    ("style-maret", "Kamis, 12 Maret 2020 07:30 WIB", "2020-03-12T07:30:00+07:00"),
    ("style-mrt", "12 Mrt 2020 07:30", "2020-03-12T07:30:00+07:00"),
    ("style-juli", "Rabu, 1 Juli 2015 10:00 WIB", "2015-07-01T10:00:00+07:00"),
    ("style-agustus", "Senin, 17 Agustus 2020 10:00 WIB", "2020-08-17T10:00:00+07:00"),
    ("style-agu", "Sabtu, 17 Agu 2024 10:00 WIB", "2024-08-17T10:00:00+07:00"),
    ("style-agt-dot", "17 Agt. 2024 10:00 WIB", "2024-08-17T10:00:00+07:00"),
    ("style-ags", "Kamis, 17 Ags 2023 | 10:00 WIB", "2023-08-17T10:00:00+07:00"),
    ("style-agus", "17 Agus 2022 10.00 WIB", "2022-08-17T10:00:00+07:00"),
    ("style-agust", "17 Agust 2021 pukul 10.00 WIB", "2021-08-17T10:00:00+07:00"),
    ("style-sept", "Kamis, 14 Sept 2023 13:49 WIB", "2023-09-14T13:49:00+07:00"),
    ("style-september", "Rabu, 13 September 2023 - 16:50 WIB", "2023-09-13T16:50:00+07:00"),
    ("style-nop", "Kamis, 05 Nop 2015 09:25 WIB", "2015-11-05T09:25:00+07:00"),
    ("style-nopember", "5 Nopember 2015", "2015-11-05T00:00:00+07:00"),
    ("style-desember", "Rabu, 30 Desember 2015", "2015-12-30T00:00:00+07:00"),
    ("style-juli-jul", "13 Jul 2025, 12:07", "2025-07-13T12:07:00+07:00"),
    ("style-en-january", "Monday, 06 January 2025", "2025-01-06T00:00:00+07:00"),
    ("style-en-march", "March 5, 2024", "2024-03-05T00:00:00+07:00"),
    ("style-en-june", "June 19, 2015", "2015-06-19T00:00:00+07:00"),
    ("style-en-july", "July 4, 2016 - 08:15", "2016-07-04T08:15:00+07:00"),
    ("style-en-august", "August 17, 2023", "2023-08-17T00:00:00+07:00"),
    ("style-en-aug", "Aug 17, 2025 - 10:00", "2025-08-17T10:00:00+07:00"),
    ("style-en-september", "September 14, 2023", "2023-09-14T00:00:00+07:00"),
    ("style-en-october", "October 1, 2024", "2024-10-01T00:00:00+07:00"),
    ("style-en-oct", "Oct 27, 2025 - 09:15", "2025-10-27T09:15:00+07:00"),
    ("style-en-dec-pm", "Dec 31, 2024 11:59 pm", "2024-12-31T23:59:00+07:00"),
    ("style-en-december", "December 1, 2024", "2024-12-01T00:00:00+07:00"),
    ("style-en-tuesday", "Tuesday, 03 November 2015 | 18:58", "2015-11-03T18:58:00+07:00"),
    ("style-en-thursday", "Thursday, 05 November 2015 | 11:13 WIB", "2015-11-05T11:13:00+07:00"),
    ("style-en-friday", "Friday, 19 June 2015 13:06", "2015-06-19T13:06:00+07:00"),
    ("style-en-saturday", "Saturday, 31 October 2015 13:28 WIB", "2015-10-31T13:28:00+07:00"),
    ("style-en-sunday", "Sunday, 14 February 2016 09:15", "2016-02-14T09:15:00+07:00"),
    # zones other than WIB keep their own offset
    ("zone-wita", "Rabu, 13 September 2023 pukul 13.49 WITA", "2023-09-13T13:49:00+08:00"),
    ("zone-wita-lower", "13 Sep 2023 13:49 wita", "2023-09-13T13:49:00+08:00"),
    ("zone-wit", "Sabtu, 17 Agustus 2024 10:00 WIT", "2024-08-17T10:00:00+09:00"),
    ("zone-gmt7", "13 Sep 2023 13:49 GMT+7", "2023-09-13T13:49:00+07:00"),
    ("zone-gmt0700", "13 Sep 2023 13:49 GMT+07:00", "2023-09-13T13:49:00+07:00"),
    ("zone-utc", "13 Sep 2023 06:49 UTC", "2023-09-13T06:49:00+00:00"),
    ("zone-offset-colon", "13/09/2023 13:49 +08:00", "2023-09-13T13:49:00+08:00"),
    ("zone-z", "13/09/2023 06:49:00Z", "2023-09-13T06:49:00+00:00"),
    # numeric forms and clock spellings
    ("numeric-slash", "14/09/2023", "2023-09-14T00:00:00+07:00"),
    ("numeric-dash", "14-09-2023 13:49", "2023-09-14T13:49:00+07:00"),
    ("numeric-dots", "14.09.2023 13.49", "2023-09-14T13:49:00+07:00"),
    ("numeric-iso-order", "2023-09-14", "2023-09-14T00:00:00+07:00"),
    ("numeric-ymd-slash", "2023/09/14 13:49", "2023-09-14T13:49:00+07:00"),
    ("numeric-two-digit-year", "16/02/15 14:38", "2015-02-16T14:38:00+07:00"),
    ("numeric-two-digit-1990s", "05/11/98 09:25", "1998-11-05T09:25:00+07:00"),
    ("clock-pukul", "Selasa, 16 Februari 2016 pukul 14.38 WIB", "2016-02-16T14:38:00+07:00"),
    ("clock-Pukul-colon", "16 Februari 2016, Pukul 14:38 WIB", "2016-02-16T14:38:00+07:00"),
    ("clock-jam", "16 Februari 2016 jam 14.38", "2016-02-16T14:38:00+07:00"),
    ("clock-pm", "Sep 14, 2023 1:49 PM", "2023-09-14T13:49:00+07:00"),
    ("clock-midnight-am", "Sep 14, 2023 12:05 AM", "2023-09-14T00:05:00+07:00"),
    ("clock-noon-pm", "Sep 14, 2023 12:05 pm", "2023-09-14T12:05:00+07:00"),
    ("separator-bullet", "Kamis, 02 Nov 2023 • 19:30 WIB", "2023-11-02T19:30:00+07:00"),
    ("separator-en-dash", "Kamis, 02 Nov 2023 – 19:30 WIB", "2023-11-02T19:30:00+07:00"),
    ("separator-em-dash", "Kamis, 02 Nov 2023 — 19:30 WIB", "2023-11-02T19:30:00+07:00"),
    ("separator-parens", "Rabu (13/9/2023) (10:00 WIB)", "2023-09-13T10:00:00+07:00"),
    ("label-diterbitkan", "Diterbitkan: 13 Jul 2025, 12:07", "2025-07-13T12:07:00+07:00"),
    ("label-published", "Published: Sep 14, 2023 - 13:49", "2023-09-14T13:49:00+07:00"),
    ("label-update", "Update: 02/11/2023, 21:34 WIB", "2023-11-02T21:34:00+07:00"),
    # relative forms against NOW = 2025-10-27 14:30 WIB
    ("cnn-index-10m", "10 menit yang lalu", "2025-10-27T14:20:00+07:00"),
    ("cnn-index-bullet", " • 55 menit yang lalu", "2025-10-27T13:35:00+07:00"),
    ("cnn-index-1h", " • 1 jam yang lalu", "2025-10-27T13:30:00+07:00"),
    ("rel-menit-lalu", "10 menit lalu", "2025-10-27T14:20:00+07:00"),
    ("rel-jam-lalu", "2 jam lalu", "2025-10-27T12:30:00+07:00"),
    ("rel-sejam", "sejam yang lalu", "2025-10-27T13:30:00+07:00"),
    ("rel-se-jam", "se jam lalu", "2025-10-27T13:30:00+07:00"),
    ("rel-semenit", "semenit yang lalu", "2025-10-27T14:29:00+07:00"),
    ("rel-detik", "30 detik yang lalu", "2025-10-27T14:29:30+07:00"),
    ("rel-hari", "3 hari yang lalu", "2025-10-24T14:30:00+07:00"),
    ("rel-sehari", "sehari lalu", "2025-10-26T14:30:00+07:00"),
    ("rel-minggu", "2 minggu lalu", "2025-10-13T14:30:00+07:00"),
    ("rel-bulan", "1 bulan lalu", "2025-09-27T14:30:00+07:00"),
    ("rel-dua-jam", "dua jam yang lalu", "2025-10-27T12:30:00+07:00"),
    ("rel-kemarin", "kemarin", "2025-10-26T14:30:00+07:00"),
    ("rel-kemarin-time", "kemarin 13:00", "2025-10-26T13:00:00+07:00"),
    ("rel-Kemarin-wib", "Kemarin, 13.00 WIB", "2025-10-26T13:00:00+07:00"),
    ("rel-kemarin-wita", "Kemarin 20.00 WITA", "2025-10-26T20:00:00+08:00"),
    ("rel-hari-ini", "hari ini 08:15", "2025-10-27T08:15:00+07:00"),
    ("rel-baru-saja", "baru saja", "2025-10-27T14:30:00+07:00"),
    ("rel-barusan", "Barusan", "2025-10-27T14:30:00+07:00"),
    ("rel-en-minutes", "10 minutes ago", "2025-10-27T14:20:00+07:00"),
    ("rel-en-hours", "2 hours ago", "2025-10-27T12:30:00+07:00"),
    ("rel-en-yesterday", "yesterday", "2025-10-26T14:30:00+07:00"),
]

NOT_DATES = [
    "",
    "   ",
    "Baca juga",
    "Baca juga: Di Depan Putin, Kim Jong Un Janji Akan Selalu Bersama Rusia",
    "Senin",
    "Jum'at",
    "2023",
    "Jakarta",
    "NUSADAILY.COM -JAKARTA - ",
    "13:49",
    "Pukul",
    "Pukul 09:49",
    "Tukang Pukul",
    "10 menit",
    "32 Januari 2020",
    "14/13/2023",
    "31/02/2023",
    "29 Februari 2023",
    "14 September 2023 24:00",
    "14 September 2023 13:60",
    "Rabu (13/9)",
    "Jumat (6/11) pukul 08.45 WITA.",
    "Sabtu, 15 November 1930",
    "Selasa, 16 Februari 2101",
    "Kamis dinihari diwarnai kekalahan telak Arsenal",
    "lorem ipsum dolor sit amet",
    "Mar Jun Des",
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PRINTED], ids=[c[0] for c in PRINTED]
)
def test_printed_dates(text: str, expected: str) -> None:
    parsed = parse_indonesian_datetime(text, now=NOW)
    assert parsed is not None, f"no date found in {text!r}"
    assert to_iso(parsed) == expected


def test_table_has_enough_real_strings() -> None:
    assert len(PRINTED) >= 70
    assert len({c[0] for c in PRINTED}) == len(PRINTED), "duplicate ids"


def test_tables_never_need_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    # With dateparser unimportable, any string that reached the fallback would raise.
    monkeypatch.setitem(sys.modules, "dateparser", None)
    for _, text, expected in PRINTED:
        parsed = parse_indonesian_datetime(text, now=NOW)
        assert parsed is not None and to_iso(parsed) == expected, text
    for text in NOT_DATES:
        if len(re.findall(r"\d+", text)) < 2:  # the ones dateparser is not even offered
            assert parse_indonesian_datetime(text, now=NOW) is None, text


def test_dateparser_fallback_covers_what_tables_do_not() -> None:
    parsed = parse_indonesian_datetime("the 5th of November, 2015")
    assert parsed is not None and to_iso(parsed) == "2015-11-05T00:00:00+07:00"


@pytest.mark.parametrize("text", NOT_DATES, ids=[repr(t) for t in NOT_DATES])
def test_not_dates(text: str) -> None:
    assert parse_indonesian_datetime(text, now=NOW) is None


def test_none_input() -> None:
    assert parse_indonesian_datetime(None) is None
    assert parse_indonesian_datetime(None, now=NOW) is None
    assert parse_iso_datetime(None) is None


@pytest.mark.parametrize(
    "text", ["10 menit yang lalu", "kemarin", "Kemarin, 13.00 WIB", "baru saja"]
)
def test_relative_without_now_is_none(text: str) -> None:
    assert parse_indonesian_datetime(text) is None


def test_relative_result_is_in_default_tz() -> None:
    parsed = parse_indonesian_datetime("10 menit yang lalu", now=NOW, default_tz="Asia/Makassar")
    assert parsed is not None and to_iso(parsed) == "2025-10-27T15:20:00+08:00"
    utc_now = datetime(2025, 10, 27, 7, 30, tzinfo=UTC)  # same instant as NOW
    parsed = parse_indonesian_datetime("2 jam lalu", now=utc_now)
    assert parsed is not None and to_iso(parsed) == "2025-10-27T12:30:00+07:00"


def test_default_tz_applies_only_without_a_printed_zone() -> None:
    naive = parse_indonesian_datetime("Senin, 15 Mei 2017 18:43", default_tz="Asia/Jayapura")
    assert naive is not None and to_iso(naive) == "2017-05-15T18:43:00+09:00"
    printed = parse_indonesian_datetime("Senin, 15 Mei 2017 18:43 WIB", default_tz=WITA)
    assert printed is not None and to_iso(printed) == "2017-05-15T18:43:00+07:00"
    wita = parse_indonesian_datetime("Senin, 15 Mei 2017 18:43 WITA")
    assert wita is not None and to_iso(wita) == "2017-05-15T18:43:00+08:00"


def test_default_is_jakarta() -> None:
    assert ZoneInfo("Asia/Jakarta") == JAKARTA
    parsed = parse_indonesian_datetime("14/09/2023 13:49")
    assert parsed is not None and parsed.utcoffset() == timedelta(hours=7)


ISO_CASES = [
    ("kompas-ld", "2015-11-05T14:56:43+07:00", "2015-11-05T14:56:43+07:00"),
    ("liputan6-ld-z", "2016-02-16T02:10:56Z", "2016-02-16T02:10:56+00:00"),
    ("kapanlagi-meta-no-colon", "2016-02-16T13:01:52+0700", "2016-02-16T13:01:52+07:00"),
    ("okezone-ld-naive", "2017-02-17 13:30:08", "2017-02-17T13:30:08+07:00"),
    ("detik-pubdate-space-t", "2015-11-05 T10:08:58Z", "2015-11-05T10:08:58+00:00"),
    ("millis-z", "2023-09-14T13:49:00.000Z", "2023-09-14T13:49:00+00:00"),
    ("merdeka-offset-then-z", "2015-06-19T03:40:00+07:00Z", "2015-06-19T03:40:00+07:00"),
    ("dotnet-7-digit-fraction", "2014-07-13T20:07:27.8200000", "2014-07-13T20:07:27+07:00"),
    ("wordpress-utc", "2015-06-19T00:23:23+00:00", "2015-06-19T00:23:23+00:00"),
    ("mediaindonesia-naive", "2025-10-22 06:59:00", "2025-10-22T06:59:00+07:00"),
    ("whitespace", "  2016-02-23T14:49:30+07:00\n", "2016-02-23T14:49:30+07:00"),
    ("date-only", "2015-11-05", "2015-11-05T00:00:00+07:00"),
    ("no-seconds", "2023-09-14T13:49+07:00", "2023-09-14T13:49:00+07:00"),
    ("wita-offset", "2023-09-14T13:49:00+08:00", "2023-09-14T13:49:00+08:00"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ISO_CASES], ids=[c[0] for c in ISO_CASES]
)
def test_iso(text: str, expected: str) -> None:
    parsed = parse_iso_datetime(text)
    assert parsed is not None and to_iso(parsed) == expected
    again = parse_indonesian_datetime(text)
    assert again is not None and to_iso(again) == expected


def test_iso_keeps_fraction_and_default_tz() -> None:
    parsed = parse_iso_datetime("2014-07-13T20:07:27.8200000", WITA)
    assert parsed == datetime(2014, 7, 13, 20, 7, 27, 820000, tzinfo=WITA)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Kamis, 05/11/2015 09:25 WIB",
        "2015-06-16T14-05-11Z",  # detik's "pubdate" with dashes in the time
        "2015-13-01T00:00:00",
        "2015-11-05T25:00:00",
        "0000-00-00 00:00:00",
        "2015-11-05T10:00:00+25:00",
        "2015-11-05T10:00:00 WIB",
    ],
)
def test_iso_rejects(text: str) -> None:
    assert parse_iso_datetime(text) is None


def test_to_iso() -> None:
    assert to_iso(datetime(2023, 9, 14, 13, 49, 5, 123456, tzinfo=JAKARTA)) == (
        "2023-09-14T13:49:05+07:00"
    )
    assert to_iso(datetime(2023, 9, 14, 6, 49, tzinfo=UTC)) == "2023-09-14T06:49:00+00:00"
    with pytest.raises(ValueError):
        to_iso(datetime(2023, 9, 14, 13, 49))


# --- properties -------------------------------------------------------------------------

DAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTH_SPELLINGS = [
    ["Januari", "Jan"],
    ["Februari", "Feb", "Peb", "Pebruari"],
    ["Maret", "Mar", "Mrt"],
    ["April", "Apr"],
    ["Mei"],
    ["Juni", "Jun"],
    ["Juli", "Jul"],
    ["Agustus", "Agu", "Agt", "Ags", "Agus", "Agust"],
    ["September", "Sep", "Sept"],
    ["Oktober", "Okt"],
    ["November", "Nov", "Nop", "Nopember"],
    ["Desember", "Des"],
]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ZONES: list[tuple[str, tzinfo]] = [("WIB", WIB), ("WITA", WITA), ("WIT", WIT)]
# Pieces of real date lines plus characters that case-fold or count as digits oddly.
# fmt: off
FRAGMENTS = [
    "Senin", "Jum'at", "Jum’at", ",", "|", "-", "–", "•", "(", ")", "/", ".", ":",
    "pukul", "jam", "WIB", "WITA", "WIT", "GMT+7", "+0700", "Z", "AM", "pm", "Agt.", "Nop",
    "Sept", "Mei", "lalu", "yang", "se", "menit", "kemarin", "hari ini", "ago", "2023", "15",
    "9", "13:49", "13.49", "99", "0", "00", "9999", "1930", "2101", "14/09/2023", "T",
    "ſ", "K", "İ", "٣", "\x00", " ",
]
# fmt: on
_fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=12)
fragment_text = _fragments.map("".join) | _fragments.map(" ".join)


def _check_result(parsed: datetime | None) -> None:
    assert parsed is None or (isinstance(parsed, datetime) and parsed.utcoffset() is not None)
    if parsed is not None:
        assert ISO_SHAPE.match(to_iso(parsed))


@PROPERTY
@given(st.text() | fragment_text, st.sampled_from([None, NOW]))
def test_never_raises(text: str, now: datetime | None) -> None:
    _check_result(parse_indonesian_datetime(text, now=now))
    _check_result(parse_iso_datetime(text))


@st.composite
def printed_datetimes(draw: st.DrawFn) -> tuple[str, datetime, tzinfo]:
    zone_name, zone = draw(st.sampled_from(ZONES))
    naive = draw(st.datetimes(datetime(1995, 1, 1), datetime(2090, 12, 31, 23, 59)))
    dt = naive.replace(second=0, microsecond=0, tzinfo=zone)
    month = draw(st.sampled_from(MONTH_SPELLINGS[dt.month - 1]))
    style = draw(st.sampled_from(["indonesian", "numeric", "english"]))
    if style == "indonesian":
        day_name = DAY_NAMES[dt.weekday()]
        text = f"{day_name}, {dt.day} {month} {dt.year} {dt:%H:%M} {zone_name}"
    elif style == "numeric":
        text = f"{dt:%d/%m/%Y %H.%M}"
    else:
        text = f"{EN_MONTHS[dt.month - 1]} {dt.day}, {dt.year} - {dt:%H:%M}"
    return text, dt, zone


@PROPERTY
@given(printed_datetimes())
def test_round_trip(case: tuple[str, datetime, tzinfo]) -> None:
    text, dt, zone = case
    # Strings without a zone are read in default_tz, here the zone they were printed in.
    parsed = parse_indonesian_datetime(text, default_tz=zone)
    assert parsed == dt, text
    assert parsed is not None and parsed.utcoffset() == dt.utcoffset(), text
    assert ISO_SHAPE.match(to_iso(parsed))


@PROPERTY
@given(
    st.datetimes(
        datetime(1995, 1, 1),
        datetime(2090, 12, 31),
        timezones=st.sampled_from([WIB, WITA, WIT, UTC, JAKARTA]),
    )
)
def test_to_iso_shape(dt: datetime) -> None:
    assert ISO_SHAPE.match(to_iso(dt))
    assert parse_iso_datetime(to_iso(dt)) == dt.replace(microsecond=0)
