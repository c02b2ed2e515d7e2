"""The parsing API: page bytes and URL in, one schema-valid record out."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from newscrawl.crosscheck import generic_agreement, sampled
from newscrawl.errors import ArticleError, IncompleteArticle, NotAnArticle
from newscrawl.outlet import Outlet, outlet_for_url, registry
from newscrawl.page import Page
from newscrawl.parsers.base import ArticleParser
from newscrawl.record import repair_record, schema_errors


def find_outlet(url: str, outlet: str | None = None) -> Outlet:
    """The declared outlet named ``outlet``, else the outlet of ``url`` (see
    :func:`~newscrawl.outlet.outlet_for_url`): a spider knows its outlet, a saved page has
    only its URL."""
    declared = registry().get(outlet) if outlet else None
    return declared or outlet_for_url(url)


def detected_versions(page: Page, outlet: str | None = None) -> list[type[ArticleParser]]:
    """The outlet's parser versions that recognise ``page``'s layout, newest first."""
    return list(_detect(page, find_outlet(page.url, outlet)))


def _detect(page: Page, outlet: Outlet) -> Iterator[type[ArticleParser]]:
    """:func:`detected_versions`, one at a time: the newest usually completes the record, so
    older versions need not run their detection queries at all."""
    return (version for version in reversed(outlet.versions) if version.detect(page))


def choose_parser(page: Page, outlet: str | None = None) -> type[ArticleParser] | None:
    """The newest version of the outlet's parser that recognises ``page``'s layout: the
    one a crawl asks first (:class:`_Layout`)."""
    return _Layout(page, find_outlet(page.url, outlet)).newest


class _Layout:
    """The versions of ``outlet`` that recognise ``page``, asked once for an article
    (the newest now, older ones when needed), and the parsers made of page 1 alone.

    A crawl asks page 1's parser for later pages, then parses: the same parser does both,
    so detection, the class index and the generic parser's survey run once a page, not
    twice (re-parsing the real pages of ../shared/pages: 3.93 ms of CPU a page, 4.12 before).
    """

    def __init__(self, page: Page, outlet: Outlet) -> None:
        self._detected = _detect(page, outlet)
        self.newest = next(self._detected, None)
        self.outlet = outlet
        self._made: dict[type[ArticleParser], ArticleParser] = {}

    def candidates(self) -> Iterator[type[ArticleParser]]:
        """Newest first: the versions that recognise the page, else every version."""
        if self.newest is None:
            return reversed(self.outlet.versions)
        return itertools.chain([self.newest], self._detected)

    def first_choice(self) -> type[ArticleParser]:
        return self.newest or self.outlet.versions[-1]

    def parser(self, version: type[ArticleParser], pages: Sequence[Page]) -> ArticleParser:
        if len(pages) > 1:
            return version(pages[0], pages[1:])
        made = self._made.get(version)
        if made is None:
            made = self._made[version] = version(pages[0])
        return made


def parse_pages(pages: Sequence[Page], outlet: str | None = None) -> dict[str, Any]:
    """One record from an article's pages (page 1 first); later pages add body text.

    The newest version that recognises the layout parses the page; if it cannot complete
    the record, older versions that also recognise it try. A page no version of a dedicated
    parser recognises but that carries article markup (a redesign) is tried by every
    version, newest first, then by the generic parser: its record says ``generic/v1`` and
    the refusal of the dedicated parser stays on the exception chain for the crawl to count
    (:class:`Fallback`). A refusal carries the parser version that made it
    (``ArticleError.parser``).
    """
    found = find_outlet(pages[0].url, outlet)
    return _parse_pages(pages, found, None)


def _parse_pages(pages: Sequence[Page], found: Outlet, layout: _Layout | None) -> dict[str, Any]:
    """:func:`parse_pages` with the page's layout already asked, when it was."""
    first = pages[0]
    if not found.articles:
        raise NotAnArticle(f"{first.url}: {found.name} publishes no articles ({found.note})")
    layout = layout or _Layout(first, found)
    newest = layout.newest
    refuser = layout.first_choice()
    try:
        if newest is None and not refuser.looks_like_article(first):
            # No layout of the outlet and no article markup: a category, tag or search page.
            raise NotAnArticle(
                f"{first.url}: no article layout of {found.name} and no article markup"
            )
        try:
            record = _first_complete(layout, pages)
        except ArticleError as exc:
            if not found.dedicated or exc.reason not in FALLBACK_REASONS:
                raise
            record = _fallback(found, pages, exc)
        # A bad image or tag costs the image or tag, not the article.
        first.notes.extend(f"repaired/{field}" for field in repair_record(record))
        errors = schema_errors(record)
        if errors:
            raise ArticleError("; ".join(errors), reason="schema_invalid")
    except ArticleError as exc:
        exc.parser = exc.parser or refuser.version
        raise
    return record


#: Refusals of a dedicated parser that the generic parser may still turn into a record.
FALLBACK_REASONS = frozenset({"unknown_layout", "no_headline", "no_date", "empty_body"})


class Fallback(dict[str, Any]):
    """A record the generic parser made after the dedicated one refused the page
    (``refusal``): the crawl counts that refusal against the dedicated parser's health."""

    refusal: ArticleError


def _fallback(outlet: Outlet, pages: Sequence[Page], refusal: ArticleError) -> dict[str, Any]:
    try:
        record = Fallback(outlet.fallback(pages[0], pages[1:]).parse())
    except ArticleError:
        raise refusal from None
    record.refusal = refusal
    return record


def _first_complete(layout: _Layout, pages: Sequence[Page]) -> dict[str, Any]:
    known_layout = layout.newest is not None
    first_error: IncompleteArticle | None = None
    first_version: type[ArticleParser] | None = None
    for version in layout.candidates():
        first_version = first_version or version
        try:
            return layout.parser(version, pages).parse()
        except IncompleteArticle as exc:
            exc.parser = version.version
            first_error = first_error or exc
    assert first_error is not None and first_version is not None
    if known_layout:
        raise first_error
    error = ArticleError(
        f"layout not recognised by any {first_version.outlet} version ({first_error.detail})",
        reason="unknown_layout",
    )
    error.parser = first_version.version
    raise error from first_error


def parse_article(
    html: bytes | str,
    url: str,
    fetched_at: datetime | None = None,
    *,
    content_type: str | None = None,
    more_pages: Sequence[tuple[bytes | str, str]] = (),
) -> dict[str, Any]:
    """Parse one article page into a record.

    The parser is chosen from ``url``'s domain, its version from the page itself.
    ``fetched_at`` (default: now) anchors relative dates and fills ``fetched_at``.
    ``more_pages`` are the (html, url) of a multi-page article's later pages.
    Raises :class:`~newscrawl.errors.NotAnArticle` for non-article pages and
    another :class:`~newscrawl.errors.ArticleError` for pages it cannot complete.
    """
    fetched = fetched_at or datetime.now(UTC)
    if fetched.tzinfo is None:
        raise ValueError("fetched_at must be timezone-aware")
    outlet = find_outlet(url).name
    pages = [
        _page(body, page_url, fetched, content_type)
        for body, page_url in [(html, url), *more_pages]
    ]
    return parse_pages(pages, outlet)


def _page(body: bytes | str, url: str, fetched: datetime, content_type: str | None) -> Page:
    if isinstance(body, str):
        return Page(body, url, fetched)
    return Page.from_bytes(body, url, fetched, content_type)


class RawPage(NamedTuple):
    """A fetched page as the spider got it."""

    body: bytes
    url: str
    content_type: str | None


class Outcome(NamedTuple):
    """What an article's pages became: a record, later pages to fetch first, or a refusal.

    A record *with* a refusal is a fallback: the dedicated parser refused the page (a
    redesign) and the generic parser made the record.
    """

    record: dict[str, Any] | None = None
    #: URLs of a multi-page article's later pages, to fetch before it can be parsed.
    more: tuple[str, ...] = ()
    #: A refusal: its reason (``newscrawl/dropped/<reason>``), what went wrong, which page.
    reason: str = ""
    detail: str = ""
    url: str = ""
    #: The parser version that refused (None when the response was not a usable page).
    parser: str | None = None
    #: The generic parser's agreement with the dedicated parser's body (shingle F1), when
    #: the page was in the cross-check sample.
    crosscheck: float | None = None
    #: Stats keys under ``newscrawl/`` to count once each (:attr:`Page.notes`).
    counts: tuple[str, ...] = ()

    @property
    def fallback(self) -> bool:
        """The generic parser made the record after the dedicated one refused the page."""
        return self.record is not None and bool(self.reason)

    @property
    def not_article(self) -> bool:
        """The page is no article (a gallery, an index): not worth fetching again."""
        return self.reason == NotAnArticle.reason


def parse_fetched(
    pages: list[RawPage],
    outlet: str,
    fetched_at: datetime,
    find_more: bool,
    crosscheck_rate: float = 0.0,
) -> Outcome:
    """The outcome for an article's fetched pages, page 1 first.

    With ``find_more`` (only page 1 fetched so far), a multi-page article answers with
    the URLs of its later pages instead of a record. A share ``crosscheck_rate`` of the
    records a dedicated parser makes is read by the generic parser too
    (:mod:`newscrawl.crosscheck`).
    """
    parsed: list[Page] = []
    for raw in pages:
        try:
            parsed.append(Page.from_bytes(raw.body, raw.url, fetched_at, raw.content_type))
        except ArticleError as exc:
            return Outcome(reason=exc.reason, detail=exc.detail, url=raw.url)
    found = find_outlet(pages[0].url, outlet)
    layout = None
    if find_more:
        layout = _Layout(parsed[0], found)
        more = layout.parser(layout.first_choice(), parsed[:1]).page_urls()
        if more:
            return Outcome(more=tuple(more))
    try:
        record = _parse_pages(parsed, found, layout)
    except ArticleError as exc:
        return Outcome(
            reason=exc.reason,
            detail=exc.detail,
            url=pages[-1].url,
            parser=exc.parser,
            counts=_notes(parsed),
        )
    if isinstance(record, Fallback):
        refusal = record.refusal
        return Outcome(
            record=dict(record),
            reason=refusal.reason,
            detail=refusal.detail,
            url=pages[-1].url,
            parser=refusal.parser,
            counts=_notes(parsed),
        )
    agreement = None
    if found.dedicated and sampled(record["url"], crosscheck_rate):
        agreement = generic_agreement(found, parsed, record["body"])
    return Outcome(record=record, crosscheck=agreement, counts=_notes(parsed))


def _notes(pages: Sequence[Page]) -> tuple[str, ...]:
    return tuple(note for page in pages for note in page.notes)
