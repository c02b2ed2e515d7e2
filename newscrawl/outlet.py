"""Outlets as data: who an outlet is, where its articles are listed, which parser reads them.

Every module in ``spiders/`` declares one outlet as ``OUTLET = Outlet(...)`` (the way fundus
declares publishers): its name, domains, zone, brand names, discovery sources and parser. The
spider loader (:mod:`newscrawl.discover.loader`) makes a spider of each declaration and the
parsing API (:mod:`newscrawl.api`) finds an outlet by a URL's host. Nothing here imports Scrapy:
a saved page is parsed with no crawler.

A URL of a host no outlet declares still gets an outlet: :func:`outlet_for_url` names it after
its registered domain and gives it the generic parser.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from newscrawl.errors import UnsupportedSite
from newscrawl.parsers.base import ArticleParser
from newscrawl.parsers.generic import GenericParser
from newscrawl.urls import host_in, url_host

if TYPE_CHECKING:
    from newscrawl.discover.discovery import Link
    from newscrawl.page import Page

#: Which runs read a source: scheduled ones (no ``-a since``), backfills, or both.
When = Literal["latest", "backfill", "always"]

ZONES: dict[str, tzinfo] = {
    "WIB": ZoneInfo("Asia/Jakarta"),
    "WITA": ZoneInfo("Asia/Makassar"),
    "WIT": ZoneInfo("Asia/Jayapura"),
}

#: Hosts that are never news articles: social networks and players an article embeds.
EXCLUDED_HOSTS = (
    "facebook.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "whatsapp.com",
    "wa.me",
    "t.me",
    "linkedin.com",
    "google.com",
)


@dataclass(frozen=True)
class Feed:
    """An RSS or Atom feed of the latest articles."""

    url: str
    #: A reader for feeds the standard one misreads (body bytes -> links).
    read: Callable[[bytes], list[Link]] | None = None
    when: When = "always"


@dataclass(frozen=True)
class Sitemap:
    """A sitemap, sitemap index (``.xml`` or ``.xml.gz``) or Google News sitemap.

    Child sitemaps are followed when their URL matches ``follow`` (any, when empty) and their
    ``lastmod`` is not before the run's window.
    """

    url: str
    follow: str = ""
    when: When = "always"


@dataclass(frozen=True)
class Index:
    """An HTML listing walked page by page: an index, a category page, a dated archive.

    ``url`` is a template: ``{base}`` (the outlet's base URL, ``-a base_url`` overrides it),
    ``{host}`` (each of the outlet's hosts), ``{day:%Y-%m-%d}`` (each day of the run's window,
    today without ``-a since``) and ``{page}`` (1, 2, ...). ``first`` is page 1's URL when it
    carries no page number. Without ``{page}``, ``next_page`` finds the next page's link.
    Listings run newest first: the walk goes on while a page lists links and none of them is
    dated before the window (``keep_going`` decides instead when given), up to ``max_pages``.
    """

    url: str
    first: str = ""
    #: Article links on one listing page (default: links that look like the outlet's articles).
    links: Callable[[Page], list[Link]] | None = None
    next_page: Callable[[Page], str | None] | None = None
    #: The page at ``url`` is a hub: it lists listing pages (category menus) to walk.
    hub: Callable[[Page], list[str]] | None = None
    #: (the page's links, the listing's day or None) -> whether to read the next page.
    keep_going: Callable[[list[Link], date | None], bool] | None = None
    #: Skip links dated outside the window (off where listing dates are too coarse).
    by_date: bool = True
    max_pages: int = 50
    when: When = "backfill"


@dataclass(frozen=True)
class Site:
    """What a careful crawler finds on its own: robots.txt ``Sitemap:`` lines, ``/sitemap.xml``
    and the RSS/Atom feeds the home page advertises."""

    url: str
    when: When = "always"


Source = Feed | Sitemap | Index | Site


@dataclass(frozen=True)
class Outlet:
    """One news outlet. ``parser`` is a dedicated parser's versions (oldest first) or a
    :class:`~newscrawl.parsers.generic.GenericParser` subclass with the outlet's overrides."""

    name: str
    domains: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    parser: type[ArticleParser] | tuple[type[ArticleParser], ...] = GenericParser
    zone: str = "WIB"
    language: str = "id"
    #: Brand names in bylines that are not people ("Tempo.co", "Tim Redaksi").
    not_people: tuple[str, ...] = ()
    #: A regex for the site's suffix in titles (" - Tempo.co"); og:site_name is removed anyway.
    title_suffix: str = ""
    #: A regex that the path (and query) of article URLs match (``search``): links of
    #: listing pages, sitemaps and feeds that do not match are not fetched.
    article_url: str = ""
    #: Query parameters that ask for an article's one-page view (``{"page": "all"}``).
    single_page: dict[str, str] = field(default_factory=dict)
    #: Where discovery starts (default ``https://www.<first domain>``).
    base_url: str = ""
    #: A host template for ``-a regions=a,b`` (``"{region}.tribunnews.com"``).
    regions: str = ""
    #: False for sites that publish no articles (a video platform): every page is refused.
    articles: bool = True
    #: What a user should know (shown in the outlet table).
    note: str = ""

    def __post_init__(self) -> None:
        if self.zone not in ZONES:
            raise ValueError(f"{self.name}: zone {self.zone!r} is not one of {sorted(ZONES)}")
        if not re.fullmatch(r"[a-z][a-z0-9]*", self.name):
            raise ValueError(f"outlet name {self.name!r}: lower-case letters and digits")
        if not self.base_url:
            first = self.domains[0].split("/", 1)[0]
            www = "" if first.count(".") >= 2 and not first.endswith(".co.id") else "www."
            object.__setattr__(self, "base_url", f"https://{www}{first}")

    @property
    def timezone(self) -> tzinfo:
        return ZONES[self.zone]

    @property
    def dedicated(self) -> bool:
        return isinstance(self.parser, tuple)

    @cached_property
    def versions(self) -> tuple[type[ArticleParser], ...]:
        """The parser versions for this outlet's pages, oldest first."""
        if isinstance(self.parser, tuple):
            return self.parser
        return (self._generic(self.parser),)

    @cached_property
    def fallback(self) -> type[ArticleParser]:
        """The generic parser with this outlet's names and zone: it reads the pages a
        dedicated parser's versions all refuse (a redesign nobody has seen yet)."""
        return self.versions[0] if not self.dedicated else self._generic(GenericParser)

    def _generic(self, parser: type[ArticleParser]) -> type[ArticleParser]:
        newest = self.parser[-1] if isinstance(self.parser, tuple) else parser
        suffix = re.compile(self.title_suffix, re.IGNORECASE) if self.title_suffix else None
        attrs: dict[str, Any] = {
            "outlet": self.name,
            "domains": tuple(d.split("/", 1)[0] for d in self.domains),
            "language": self.language,
            "timezone": self.timezone,
            "not_people": (*self.not_people, *newest.not_people),
            "title_suffix": suffix or newest.title_suffix,
            "drop_url_params": (*self.single_page, *newest.drop_url_params),
            "__module__": parser.__module__,
        }
        return type(f"{parser.__name__}_{self.name}", (parser,), attrs)

    def claims(self, host: str, path: str) -> int:
        """How specifically this outlet claims a URL: the length of the matching domain entry
        (0 when none). ``theconversation.com/id`` claims only paths under ``/id``."""
        best = 0
        for entry in self.domains:
            domain, _, prefix = entry.partition("/")
            if host_in(host, (domain,)) and path.startswith(f"/{prefix}" if prefix else "/"):
                best = max(best, len(entry))
        return best


@cache
def registry() -> dict[str, Outlet]:
    """Every declared outlet by name: ``OUTLET`` of each module in the ``spiders`` package."""
    import spiders

    found: dict[str, Outlet] = {}
    for info in sorted(pkgutil.iter_modules(spiders.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"spiders.{info.name}")
        outlet = getattr(module, "OUTLET", None)
        if isinstance(outlet, Outlet):
            if outlet.name in found:
                raise ValueError(f"two modules declare the outlet {outlet.name!r}")
            found[outlet.name] = outlet
    return found


@cache
def _domains() -> Any:
    """tldextract's reader of the public suffix list (its bundled copy, never fetched),
    imported when first needed: it imports requests, 0.12 s of every process start."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(host: str) -> str:
    """``today.kapanlagi.com`` -> ``kapanlagi.com``; ``news.detik.co.id`` -> ``detik.co.id``."""
    parts = _domains()(host)
    return parts.top_domain_under_public_suffix or host


#: A page served from Google's AMP cache (web archives hold some): the publisher's URL follows
#: the content letter ("c" a document, "v" the viewer) and "s/" for https.
_AMP_CACHE = re.compile(
    r"^https?://[^/?#]+\.cdn\.ampproject\.org/[a-z]/(s/)?([^/?#]+\.[^?#]+)", re.I
)


def publisher_url(url: str) -> str:
    """``url``, or the publisher's URL of a page served from Google's AMP cache:
    ``https://www-suara-com.cdn.ampproject.org/c/s/www.suara.com/amp/news/x`` ->
    ``https://www.suara.com/amp/news/x``."""
    found = _AMP_CACHE.match(url)
    if found is None:
        return url
    return ("https://" if found.group(1) else "http://") + url[found.start(2) :]


def outlet_for_url(url: str) -> Outlet:
    """The outlet a URL belongs to: the declared one claiming its host most specifically, else
    one named after the host's registered domain, read by the generic parser. A page of
    Google's AMP cache belongs to its publisher's outlet (:func:`publisher_url`).

    :class:`~newscrawl.errors.UnsupportedSite` for non-http(s) URLs and excluded hosts
    (social networks, players).
    """
    url = publisher_url(url)
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1/x": urllib cannot take it apart
        raise UnsupportedSite(f"{url}: not a URL") from None
    host = url_host(url)
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise UnsupportedSite(f"{url}: not an http(s) URL")
    path = parts.path or "/"
    # The most specific claim: the longest domain entry ("galamedia.pikiran-rakyat.com" over
    # "pikiran-rakyat.com"), a path prefix ("theconversation.com/id") counting too.
    best: tuple[int, Outlet] | None = None
    for suffix in _suffixes(host):
        for entry, outlet in _claims().get(suffix, ()):
            prefix = entry.partition("/")[2]
            if path.startswith(f"/{prefix}" if prefix else "/") and (
                best is None or len(entry) > best[0]
            ):
                best = (len(entry), outlet)
    if best is not None:
        return best[1]
    if host_in(host, EXCLUDED_HOSTS):
        raise UnsupportedSite(f"{url}: {host} publishes no news articles")
    return _undeclared(registered_domain(host))


def _suffixes(host: str) -> list[str]:
    """``news.detik.com`` -> ``news.detik.com``, ``detik.com``, ``com``."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


@cache
def _claims() -> dict[str, list[tuple[str, Outlet]]]:
    """Domain -> the (domain entry, outlet) pairs claiming it: one lookup per host label
    instead of a scan of every outlet's domains for every URL."""
    found: dict[str, list[tuple[str, Outlet]]] = {}
    for outlet in registry().values():
        for entry in outlet.domains:
            found.setdefault(entry.partition("/")[0], []).append((entry, outlet))
    return found


@cache
def _undeclared(domain: str) -> Outlet:
    label = domain.split(".", 1)[0].lower()
    name = re.sub(r"[^a-z0-9]+", "", label) or "site"
    if not name[0].isalpha():
        name = f"site{name}"  # an address, not a name: 127.0.0.1
    return Outlet(name=name, domains=(domain,))


def outlet_named(name: str) -> Outlet:
    """The declared outlet called ``name`` (KeyError when none)."""
    return registry()[name]
