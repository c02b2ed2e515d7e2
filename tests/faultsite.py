"""A nusadaily site on 127.0.0.1 whose URLs misbehave, for crawls that must survive it.

:class:`FaultSite` serves nusadaily's discovery routes (two RSS routes, the Google News sitemap,
a sitemap index with a gzipped child) and articles made from a fixture page. Each path can be
given a :class:`Fault`: a status (with Retry-After), a reset connection, a body cut short of its
Content-Length, a body that stalls, a redirect, a gzip bomb, binary garbage. The server counts
requests per path, so a test can check what was (and was not) fetched.
"""

from __future__ import annotations

import gzip
import html
import socket
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from http.server import BaseHTTPRequestHandler

from tests.localsite import article_html
from tests.serving import LocalSite

WIB = timezone(timedelta(hours=7))
FIRST = datetime(2026, 6, 28, 8, tzinfo=WIB)
HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"


@dataclass
class Fault:
    """How one path answers. ``kind``: ``respond`` (status, headers, body), ``reset`` (the
    connection is reset before any answer), ``short`` (Content-Length promises more than is
    sent), ``stall`` (headers and part of the body, then nothing until the server stops),
    ``redirect`` (302 to ``location``)."""

    kind: str = "respond"
    status: int = 200
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    location: str = ""
    #: Answers for the first requests, before this one applies (429 then 200).
    first: list[Fault] = field(default_factory=list)


@cache
def gzip_bomb(size_mib: int) -> bytes:
    """Gzip of ``size_mib`` MiB of spaces: a few hundred kB on the wire. Members of 16 MiB,
    concatenated (gzip readers read them all), so it is built in a fraction of a second."""
    member_mib = min(16, size_mib)
    member = gzip.compress(b" " * (member_mib << 20), compresslevel=6, mtime=0)
    return member * (size_mib // member_mib)


@cache
def gzip_bomb_one_member(size_mib: int) -> bytes:
    """The same as one gzip member (what a sitemap reader inflating one stream sees)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    return b"".join([*(packer.compress(chunk) for _ in range(size_mib)), packer.flush()])


class FaultSite(LocalSite):
    """Articles ``/berita-uji-nomor-N`` listed in ``/gnews/feed``, plus whatever ``faults``
    and ``extra_links`` add. ``routes`` overrides the discovery documents by path."""

    protocol = "HTTP/1.1"

    def __init__(self, articles: int = 4) -> None:
        super().__init__()
        self.articles = articles
        self.faults: dict[str, Fault] = {}
        #: Links listed in the news sitemap besides the articles (faulty ones, bad ones).
        self.extra_links: list[str] = []
        self.routes: dict[str, Fault] = {}
        self.stop = threading.Event()

    def slugs(self) -> list[str]:
        return [f"berita-uji-nomor-{n}" for n in range(self.articles)]

    def article(self, number: int, edit: Callable[[str], str] = lambda page: page) -> bytes:
        page = article_html(number, FIRST + timedelta(minutes=number)).decode("utf-8")
        return edit(page).encode("utf-8")

    def news_sitemap(self, urls: list[str]) -> bytes:
        entries = "".join(
            f"<url><loc>{html.escape(url)}</loc><news:news><news:publication_date>"
            f"{(FIRST + timedelta(minutes=n)).isoformat()}</news:publication_date>"
            f"</news:news></url>"
            for n, url in enumerate(urls)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{entries}</urlset>"
        ).encode()

    def listed(self) -> list[str]:
        own = [f"{self.base_url}/{slug}" for slug in self.slugs()]
        # The faulty and bad links go between the good ones: none may cost the ones after it.
        mixed: list[str] = []
        for number, url in enumerate(own):
            mixed.append(url)
            mixed.extend(self.extra_links[number :: len(own)])
        return mixed

    def answer(self, path: str) -> Fault:
        if path in self.routes:
            return self.routes[path]
        if path == "/gnews/feed":
            return Fault(body=self.news_sitemap(self.listed()), content_type=XML)
        if path in self.faults:
            return self.faults[path]
        if path.startswith("/berita-uji-nomor-"):
            number = int(path.rsplit("-", 1)[1])
            if 0 <= number < self.articles:
                return Fault(body=self.article(number))
        return Fault(status=404, body=b"<html><body>Tidak ada</body></html>")

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        seen = self.requests[path] - 1  # answers given before this one
        fault = self.answer(path)
        if seen < len(fault.first):
            fault = fault.first[seen]
        if fault.kind == "reset":
            # SO_LINGER 0: close with a TCP reset instead of a clean end.
            request.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            request.close_connection = True
            return
        if fault.kind == "redirect":
            request.send_response(302)
            request.send_header("Location", fault.location)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        request.send_response(fault.status)
        request.send_header("Content-Type", fault.content_type)
        for name, value in fault.headers.items():
            request.send_header(name, value)
        promised = len(fault.body) * (2 if fault.kind in ("short", "stall") else 1)
        request.send_header("Content-Length", str(promised))
        request.end_headers()
        request.wfile.write(fault.body)
        request.wfile.flush()
        if fault.kind == "stall":
            self.stop.wait()
        if fault.kind in ("short", "stall"):
            request.close_connection = True

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        super().__exit__(*exc)
