"""An outlet's fixture site served over HTTP on 127.0.0.1, for crawls that archive.

The site's pages (``tests/fixtures/<outlet>/site.json``) name the outlet's origin; the
server answers under its own address and rewrites that origin in every body, so a spider
started with ``-a base_url=`` never leaves 127.0.0.1. It sends bodies gzip-encoded to
clients that accept it, some chunked, and answers ``redirects`` with a 301: what real
servers do, and what an archive must keep as received.
"""

from __future__ import annotations

import gzip
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from newscrawl.keep.warc import SavedResponse
from tests.serving import LocalSite, send


class FixtureSite(LocalSite):
    protocol = "HTTP/1.1"

    def __init__(
        self,
        origin: str,
        responses: list[SavedResponse],
        redirects: dict[str, str] | None = None,
        chunked: tuple[str, ...] = (),
    ) -> None:
        self.origin = origin.rstrip("/")
        self.redirects = redirects or {}
        self.chunked = chunked
        super().__init__()
        self.pages = {self._path(r.url): r for r in responses}

    @staticmethod
    def _path(url: str) -> str:
        split = urlsplit(url)
        return (split.path or "/") + (f"?{split.query}" if split.query else "")

    def local(self, body: bytes) -> bytes:
        for scheme in ("https://", "http://"):
            body = body.replace(
                (scheme + self.origin.split("://", 1)[1]).encode(), self.base_url.encode()
            )
        return body

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        if request.path in self.redirects:
            request.send_response(301)
            request.send_header("Location", self.base_url + self.redirects[request.path])
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        page = self.pages.get(request.path)
        if page is None:
            self.answer(request, 404, "text/html", b"<html><body>Not found</body></html>")
            return
        content_type = dict(page.headers).get("Content-Type", "text/html")
        self.answer(request, page.status, content_type, self.local(page.body))

    def answer(
        self, request: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes
    ) -> None:
        headers = []
        if "gzip" in (request.headers.get("Accept-Encoding") or "") and body:
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        if request.path not in self.chunked:
            send(request, status, content_type, body, headers)
            return
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        for name, value in headers:
            request.send_header(name, value)
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        half = len(body) // 2
        for part in (body[:half], body[half:], b""):
            request.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
