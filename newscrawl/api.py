"""The parsing API: page bytes and URL in, one schema-valid record out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newscrawl.errors import ArticleError, IncompleteArticle, NotAnArticle, UnsupportedSite
from newscrawl.page import Page
from newscrawl.parsers import registry
from newscrawl.parsers.base import ArticleParser
from newscrawl.record import schema_errors
from newscrawl.urls import host_matches


def outlet_for_url(url: str) -> str:
    """The outlet whose domain serves ``url``; :class:`UnsupportedSite` if none."""
    for outlet, versions in registry().items():
        if host_matches(url, versions[-1].domains):
            return outlet
    raise UnsupportedSite(f"no parser for {url}")


def choose_parser(page: Page, outlet: str | None = None) -> type[ArticleParser] | None:
    """The newest version of the outlet's parser that recognises ``page``'s layout."""
    versions = registry()[outlet or outlet_for_url(page.url)]
    for version in reversed(versions):
        if version.detect(page):
            return version
    return None


def parse_pages(pages: Sequence[Page], outlet: str | None = None) -> dict[str, Any]:
    """One record from an article's pages (page 1 first); later pages add body text.

    A refusal carries the parser version that made it (``ArticleError.parser``).
    """
    first = pages[0]
    outlet = outlet or outlet_for_url(first.url)
    parser_cls = choose_parser(first, outlet)
    newest = registry()[outlet][-1]
    try:
        if parser_cls is not None:
            record = parser_cls(first, pages[1:]).parse()
        elif not newest.looks_like_article(first):
            # No layout of the outlet and no article markup: a category, tag or search page.
            raise NotAnArticle(f"{first.url}: no article layout of {outlet} and no article markup")
        else:
            # Article markup in a layout no version knows: a redesign. Try the newest.
            try:
                record = newest(first, pages[1:]).parse()
            except IncompleteArticle as exc:
                raise ArticleError(
                    f"layout not recognised by {newest.version} ({exc.detail})",
                    reason="unknown_layout",
                ) from exc
        errors = schema_errors(record)
        if errors:
            raise ArticleError("; ".join(errors), reason="schema_invalid")
    except ArticleError as exc:
        exc.parser = (parser_cls or newest).version
        raise
    return record


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
