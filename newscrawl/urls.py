"""Canonical article URLs: https, lower-case host, no fragment, no tracking parameters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|"
    r"ref|ref_src|src|source|from|tag_from|cx_testId|cx_testVariant|cx_artPos|cxrecs_s|amp|_branch_match_id)$",
    re.IGNORECASE,
)


def canonical_url(
    url: str, base: str | None = None, drop_params: Iterable[str] = (), https: bool = True
) -> str:
    """Normalise ``url`` (resolved against ``base``) into the form records carry.

    ``drop_params`` names outlet-specific view parameters (detik's ``single``,
    kompas' ``page``) that do not change which article the URL names. With
    ``https=False`` the scheme is kept (links to follow, e.g. on a local test server).
    """
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
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
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def registered_domain(url: str) -> str:
    """The host without a leading ``www.`` or ``m.``/``amp.`` mobile prefix."""
    host = (urlsplit(url).hostname or "").lower()
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


def host_matches(url: str, domains: Iterable[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def link_url(url: str, base: str) -> str:
    """A discovered link to follow: absolute, without tracking parameters or fragment."""
    return canonical_url(url, base, https=False)
