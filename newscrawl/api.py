"""The parsing API: page bytes and URL in, one schema-valid record out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from newscrawl.errors import ArticleError, IncompleteArticle, NotAnArticle, UnsupportedSite
from newscrawl.page import Page
from newscrawl.parsers import outlet_versions, registry
from newscrawl.parsers.base import ArticleParser
from newscrawl.record import schema_errors
from newscrawl.urls import host_in, url_host


def outlet_for_url(url: str) -> str:
    """The outlet whose domain serves ``url``; :class:`UnsupportedSite` if none."""
    host = url_host(url)  # once, not once per outlet
    for outlet, versions in registry().items():
        if host_in(host, versions[-1].domains):
            return outlet
    raise UnsupportedSite(f"no parser for {url}")


def detected_versions(page: Page, outlet: str) -> list[type[ArticleParser]]:
    """The outlet's parser versions that recognise ``page``'s layout, newest first."""
    return list(_detect(page, outlet))


def _detect(page: Page, outlet: str) -> Iterator[type[ArticleParser]]:
    """:func:`detected_versions`, one at a time: the newest usually completes the record, so
    older versions need not run their detection queries at all."""
    return (version for version in reversed(registry()[outlet]) if version.detect(page))


def choose_parser(page: Page, outlet: str | None = None) -> type[ArticleParser] | None:
    """The newest version of the outlet's parser that recognises ``page``'s layout."""
    return next(_detect(page, outlet or outlet_for_url(page.url)), None)


def parse_pages(pages: Sequence[Page], outlet: str | None = None) -> dict[str, Any]:
    """One record from an article's pages (page 1 first); later pages add body text.

    The newest version that recognises the layout parses the page; if it cannot complete
    the record, older versions that also recognise it try. A page no version recognises
    but that carries article markup (a redesign) is tried by every version, newest first,
    and refused as ``unknown_layout`` if none completes it. A refusal carries the parser
    version that made it (``ArticleError.parser``).
    """
    first = pages[0]
    outlet = outlet or outlet_for_url(first.url)
    detected = _detect(first, outlet)
    newest = next(detected, None)
    candidates: Iterable[type[ArticleParser]]
    if newest is not None:
        candidates = itertools.chain([newest], detected)
    else:
        candidates = reversed(registry()[outlet])
    refuser = newest or registry()[outlet][-1]
    try:
        if newest is None and not refuser.looks_like_article(first):
            # No layout of the outlet and no article markup: a category, tag or search page.
            raise NotAnArticle(f"{first.url}: no article layout of {outlet} and no article markup")
        record = _first_complete(candidates, pages, known_layout=newest is not None)
        errors = schema_errors(record)
        if errors:
            raise ArticleError("; ".join(errors), reason="schema_invalid")
    except ArticleError as exc:
        exc.parser = exc.parser or refuser.version
        raise
    return record


def _first_complete(
    candidates: Iterable[type[ArticleParser]], pages: Sequence[Page], known_layout: bool
) -> dict[str, Any]:
    first_error: IncompleteArticle | None = None
    first_version: type[ArticleParser] | None = None
    for version in candidates:
        first_version = first_version or version
        try:
            return version(pages[0], pages[1:]).parse()
        except IncompleteArticle as exc:
            exc.parser = version.version
            first_error = first_error or exc
    assert first_error is not None and first_version is not None
    if known_layout:
        raise first_error
    raise ArticleError(
        f"layout not recognised by any {first_version.outlet} version ({first_error.detail})",
        reason="unknown_layout",
    ) from first_error


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
    outlet = outlet_for_url(url)
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
    """What an article's pages became: a record, later pages to fetch first, or a refusal."""

    record: dict[str, Any] | None = None
    #: URLs of a multi-page article's later pages, to fetch before it can be parsed.
    more: tuple[str, ...] = ()
    #: A refusal: its reason (``newscrawl/dropped/<reason>``), what went wrong, which page.
    reason: str = ""
    detail: str = ""
    url: str = ""
    #: The parser version that refused (None when the response was not a usable page).
    parser: str | None = None

    @property
    def not_article(self) -> bool:
        """The page is no article (a gallery, an index): not worth fetching again."""
        return self.reason == NotAnArticle.reason


def parse_fetched(
    pages: list[RawPage], outlet: str, fetched_at: datetime, find_more: bool
) -> Outcome:
    """The outcome for an article's fetched pages, page 1 first.

    With ``find_more`` (only page 1 fetched so far), a multi-page article answers with
    the URLs of its later pages instead of a record.
    """
    parsed: list[Page] = []
    for raw in pages:
        try:
            parsed.append(Page.from_bytes(raw.body, raw.url, fetched_at, raw.content_type))
        except ArticleError as exc:
            return Outcome(reason=exc.reason, detail=exc.detail, url=raw.url)
    if find_more:
        version = choose_parser(parsed[0], outlet) or outlet_versions(outlet)[-1]
        more = version(parsed[0]).page_urls()
        if more:
            return Outcome(more=tuple(more))
    try:
        return Outcome(record=parse_pages(parsed, outlet))
    except ArticleError as exc:
        return Outcome(
            reason=exc.reason,
            detail=exc.detail,
            url=pages[-1].url,
            parser=exc.parser,
        )
