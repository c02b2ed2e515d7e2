"""The drift alarm: a sample of the pages a dedicated parser reads is read by the generic
parser too, and their bodies compared.

A redesign rarely breaks a parser outright at first: a new box inside the body, a moved
container, and the dedicated parser's body quietly loses or gains text. The generic parser
does not depend on the old selectors, so a strong disagreement between the two on a page
(word-shingle F1 under :data:`DISAGREES_BELOW`) is counted
(``newscrawl/crosscheck/disagrees/<parser>``) and shown in the crawl report, before the
parser fails outright.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from newscrawl.errors import ArticleError
from newscrawl.outlet import Outlet
from newscrawl.page import Page

#: Bodies agreeing less than this (shingle F1) are a disagreement.
DISAGREES_BELOW = 0.8
_WORD = re.compile(r"\w+")
_SHINGLE = 3


def sampled(url: str, rate: float) -> bool:
    """Whether ``url`` is in the sample: a stable share ``rate`` of URLs, the same in every
    run and every process (a hash, not a random draw)."""
    if rate <= 0:
        return False
    if rate >= 1:
        return True
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < rate


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < _SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


def shingle_f1(one: str, other: str) -> float:
    """F1 of the two texts' word 3-gram multisets (1.0 for the same text, 0.0 for none)."""
    a, b = shingles(one), shingles(other)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def generic_agreement(outlet: Outlet, pages: Sequence[Page], body: str) -> float:
    """How far the generic parser's body of ``pages`` agrees with ``body`` (0.0 when it
    cannot read them at all)."""
    try:
        record = outlet.fallback(pages[0], pages[1:]).parse()
    except ArticleError:
        return 0.0
    return shingle_f1(record["body"], body)
