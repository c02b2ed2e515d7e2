"""Why a page did not become a record.

Every refusal carries a short machine-friendly ``reason`` (used as the stats key
``newscrawl/dropped/<reason>``) and a human ``detail``.
"""

from __future__ import annotations


class ArticleError(Exception):
    """A page that could not be turned into a complete record."""

    reason = "unparseable"
    #: The parser version that refused the page ("detik/v3"), when one was chosen.
    parser: str | None = None

    def __init__(self, detail: str, reason: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if reason is not None:
            self.reason = reason

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"


class NotAnArticle(ArticleError):
    """The page is a gallery, video, index or other non-article page."""

    reason = "not_an_article"


class IncompleteArticle(ArticleError):
    """An article page missing a required field (date, headline, body)."""

    reason = "incomplete"


class UnsupportedSite(ArticleError):
    """No parser is registered for the URL's domain."""

    reason = "unsupported_site"
