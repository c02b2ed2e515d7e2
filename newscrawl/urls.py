"""Canonical article URLs: https, lower-case host, no fragment, no tracking parameters.

Pages and discovery documents are written by others: a link may be ``javascript:void(0)``,
``file:///etc/hostname``, ``http://[::1/x`` or carry port 99999. Nothing here raises on such
text: :func:`canonical_url` gives "" for what is no http(s) URL, and :func:`link_problem` names
what is wrong with a link before anything requests it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_HTTP = ("http", "https")
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|"
    r"ref|ref_src|src|source|from|tag_from|cx_testId|cx_testVariant|cx_artPos|cxrecs_s|amp|_branch_match_id)$",
    re.IGNORECASE,
)

#: An absolute http(s) URL that urllib would take apart without changing anything: a plain
#: host (no port, user or brackets), a path without whitespace or ";" (urljoin drops an empty
#: ";params"), and a query of name=value pairs that parse_qsl and urlencode give back as they
#: are (only the characters urlencode never escapes). Most links and image URLs look like this.
_PLAIN_URL = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?P<host>[A-Za-z0-9.-]+)(?P<path>/[^?#;\s]*)?"
    r"(?:\?(?P<query>(?:[\w.~-]+=[\w.~-]*(?:&[\w.~-]+=[\w.~-]*)*)?))?(?:#.*)?",
    re.ASCII | re.DOTALL,
)
#: An absolute http(s) URL that ``urljoin`` gives back unchanged: lower-case scheme, a host
#: urlsplit does not check, no whitespace (removed or stripped), no ";" in the path, and no
#: empty "?" or "#" (both dropped).
_JOINED_AS_IS = re.compile(
    r"https?://[A-Za-z0-9.:-]+(?:/[^?#;\s]*)?(?:\?[^#\s]+)?(?:#\S+)?", re.ASCII
)


def canonical_url(
    url: str, base: str | None = None, drop_params: Iterable[str] = (), https: bool = True
) -> str:
    """Normalise ``url`` (resolved against ``base``) into the form records carry.

    ``drop_params`` names outlet-specific view parameters (detik's ``single``,
    kompas' ``page``) that do not change which article the URL names. With
    ``https=False`` the scheme is kept (links to follow, e.g. on a local test server).

    "" when the result is no http(s) URL: another scheme (``javascript:``, ``file:``,
    ``mailto:``), or text urllib cannot take apart (``http://[::1/x``, a port that is no
    number or out of range). A record field holding "" fails the schema and is dropped there.
    """
    try:
        return _canonical(url, base, drop_params, https)
    except ValueError:
        return ""


def _canonical(url: str, base: str | None, drop_params: Iterable[str], https: bool) -> str:
    plain = _PLAIN_URL.fullmatch(url.strip())
    if plain is not None:
        if base:
            urlsplit(base)  # what urljoin would refuse (a broken base) is still refused
        return _plain_canonical(plain, drop_params, https)
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    if parts.scheme and parts.scheme.lower() not in _HTTP:
        return ""
    dropped = {p.lower() for p in drop_params}
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k) and k.lower() not in dropped
    ]
    scheme = parts.scheme or "https"
    if https and scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower()
    if not host:
        return ""
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def join_url(base: str, url: str) -> str:
    """``urljoin(base, url)``, without its parse and rebuild when ``url`` is already absolute;
    "" for what urllib cannot take apart (``http://[::1/x``)."""
    try:
        if base and _JOINED_AS_IS.fullmatch(url):
            urlsplit(base)  # what urljoin would refuse (a broken base) is still refused
            return url
        return urljoin(base, url)
    except ValueError:
        return ""


def _plain_canonical(plain: re.Match[str], drop_params: Iterable[str], https: bool) -> str:
    """:func:`canonical_url` of a :data:`_PLAIN_URL` match, without urllib's round trip."""
    scheme = plain["scheme"].lower()
    if https and scheme == "http":
        scheme = "https"
    url = f"{scheme}://{plain['host'].lower()}{plain['path'] or '/'}"
    if not plain["query"]:
        return url
    dropped = {p.lower() for p in drop_params}
    kept = [
        pair
        for pair in plain["query"].split("&")
        if not _TRACKING.match(name := pair.partition("=")[0]) and name.lower() not in dropped
    ]
    return f"{url}?{'&'.join(kept)}" if kept else url


def host_matches(url: str, domains: Iterable[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one."""
    return host_in(url_host(url), domains)


def url_host(url: str) -> str:
    """``url``'s host, lower-case ("" when it has none or urllib cannot split it)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def url_origin(url: str) -> tuple[str, str, int | None]:
    """``url``'s scheme, host and port (the port None when default or unreadable)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ("", "", None)
    scheme = parts.scheme.lower()
    default = {"http": 80, "https": 443}.get(scheme)
    return (scheme, (parts.hostname or "").lower(), None if port == default else port)


def host_in(host: str, domains: Iterable[str]) -> bool:
    """:func:`host_matches` for a host :func:`url_host` already took from its URL."""
    return any(host == d or host.endswith("." + d) for d in domains)


def link_url(url: str, base: str) -> str:
    """A discovered link to follow: absolute, without tracking parameters or fragment ("" when
    it is no http(s) URL)."""
    return canonical_url(url, base, https=False)


#: Longer than any URL a browser or CDN accepts: a sitemap entry this long is not a link.
MAX_URL_LENGTH = 8192


def link_problem(url: str, domains: Iterable[str] | None = None) -> str | None:
    """Why a link taken from a discovery document or page must not be requested, or None.

    ``not_http`` (another scheme: ``javascript:``, ``file:``, ``mailto:``, ``data:``),
    ``malformed`` (empty, too long, or text urllib cannot take apart: ``http://[::1/x``, port
    99999), ``offsite`` (its host is not one of ``domains`` or a subdomain of one; any host
    when ``domains`` is None).
    """
    text = url.strip()
    if not text or len(text) > MAX_URL_LENGTH:
        return "malformed"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises for a port that is no number or out of range)
    except ValueError:
        return "malformed"
    if parts.scheme.lower() not in _HTTP:
        return "not_http"
    host = (parts.hostname or "").lower()
    if not host or any(c.isspace() for c in parts.netloc):
        return "malformed"
    if domains is not None and not host_in(host, domains):
        return "offsite"
    return None
