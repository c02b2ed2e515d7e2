"""Bounds on the work one page can cause: pages are written by others, some of them hostile.

libxml2 compares each attribute of an element with every earlier one (100,000 attributes on one
element took 41 s), refuses nothing of what lxml later cannot hand back (a control character in
an attribute name raises ``ValueError`` when a parser reads the element's attributes), and
reads binary garbage as a page. These checks run before the tree is built, in one pass each at
C speed; :func:`time_limit` stops Python-level work (regexes, tree walks) that still runs long.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newscrawl.errors import ArticleError

#: More tags than this refuses the page: every element costs the parsers' walks a few µs, so
#: half a million 18-byte paragraphs (5 MB) took 2.4 s, 25,000 links with broken URLs 1.4 s;
#: the largest real page seen has ~4,300.
MAX_TAGS = 50_000
#: More attributes than this on one element refuses the page: real pages stay under a hundred,
#: and libxml2's cost grows with the square of the count (5,000 distinct ones: 0.2 s).
MAX_ATTRIBUTES = 1000

#: A start tag followed by more than MAX_ATTRIBUTES attributes, as HTML's tokenizer (libxml2
#: 2.14's) reads them: a tag or attribute name runs to whitespace, ``/`` or ``>`` (quotes and
#: ``<`` are part of it, a name may start with ``=``); a value is quoted (``<`` and ``>``
#: inside; a quote never closed runs to the end of the page, as in a cut one) or runs to
#: whitespace or ``>``; after a quoted value the next attribute may follow with no space.
#: Reading names as ending at a quote or ``<`` (as this did before) let ``<div "x b0 b1 ...>``
#: or ``a0="1"a1="1"...`` through: 30,000 attributes behind one ``"x`` held libxml2 for
#: 1.25 s on a 199 kB page. Possessive quantifiers keep each attempt linear; attempts start
#: at every ``<`` followed by a letter (a tag inside what was read as a name is tried too, as
#: libxml2 may see one there), so a page built for it costs at most MAX_TAGS attempts of
#: MAX_ATTRIBUTES attributes (about 1 s in the fuzz benchmark), under the parse time limit. On the
#: 330 saved pages the longest attempt (inline JavaScript after ``x<y``) reads 200-300.
#: Whitespace is HTML's five characters written out, not ``\s``: sre tests a category per
#: character but a set in one lookup, and the search is 20-25% faster (0.37 -> 0.29 ms a page
#: on the 34 real pages of outlets with a dedicated parser). They differ only on vertical tab,
#: which is a control turned into a space before the search.
_CROWDED_TAG = re.compile(
    rb"<[A-Za-z][^%(s)s/>]*+(?:[%(s)s/]*+[^%(s)s/>][^%(s)s/>=]*+"
    rb"(?:[%(s)s]*+=[%(s)s]*+(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^%(s)s>]++))?+){%(n)d}"
    % {b"s": b"\t\n\f\r ", b"n": MAX_ATTRIBUTES + 1}
)
#: C0 controls other than tab, newline, form feed and carriage return: HTML text never needs
#: them, and lxml refuses to hand back an attribute name that holds one.
_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
_CONTROLS_TO_SPACE = bytes.maketrans(_CONTROLS, b" " * len(_CONTROLS))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
#: Binary formats sent where a page was expected.
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


class TimeLimitExceeded(Exception):
    """The work under :func:`time_limit` ran past its limit."""


def markup_for_lxml(body: bytes) -> bytes:
    """``body`` (UTF-8) with the controls lxml cannot hand back turned into spaces (U+FFFE and
    U+FFFF are replaced in the text, :func:`newscrawl.page.html_root`); refuses a page of
    more than :data:`MAX_TAGS` tags, or with an element of more than :data:`MAX_ATTRIBUTES`
    attributes, as ``page_too_complex``."""
    tags = body.count(b"<")
    if tags > MAX_TAGS:
        raise ArticleError(f"{tags} tags, more than {MAX_TAGS}", reason="page_too_complex")
    clean = body.translate(_CONTROLS_TO_SPACE)
    if _CROWDED_TAG.search(clean):
        raise ArticleError(
            f"an element has more than {MAX_ATTRIBUTES} attributes", reason="page_too_complex"
        )
    return clean


def binary_signature(raw: bytes) -> bool:
    """Whether response bytes start with a binary format's signature (an image, a PDF, an
    archive, a gzip stream nobody undid)."""
    return raw[:64].lstrip().startswith(_MAGIC)


def looks_binary(text: str) -> bool:
    """Whether decoded text is binary garbage rather than markup: control characters fill more
    than 5% of its first 2,048 characters (markup has none)."""
    head = text[:2048]
    return len(_CONTROL_CHARS.findall(head)) * 20 > len(head)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds`` (0: no limit).

    A real-time timer interrupts Python code, regexes included, between bytecodes; one call
    into libxml2 runs to its end (the checks above keep those short). Only the main thread can
    take signals, and only one limit at a time: elsewhere, or inside another limit, the block
    runs unlimited.
    """
    usable = (
        seconds > 0
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
