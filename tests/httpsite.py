"""An outlet's fixture site served over HTTP on 127.0.0.1, for crawls that archive.

The site's pages (``tests/fixtures/<outlet>/site.json``) name the outlet's origin; the
server answers under its own address and rewrites that origin in every body, so a spider
started with ``-a base_url=`` never leaves 127.0.0.1. It sends bodies gzip-encoded to
clients that accept it, some chunked, and answers ``redirects`` with a 301: what real
servers do, and what an archive must keep as received.
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from newscrawl.keep.warc import SavedResponse


class FixtureSite:
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
        self.requests: Counter[str] = Counter()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.pages = {self._path(r.url): r for r in responses}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

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

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.requests[self.path] += 1
                if self.path in site.redirects:
                    self.send_response(301)
                    self.send_header("Location", site.base_url + site.redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                page = site.pages.get(self.path)
                if page is None:
                    self.answer(404, "text/html", b"<html><body>Not found</body></html>")
                    return
                content_type = dict(page.headers).get("Content-Type", "text/html")
                self.answer(page.status, content_type, site.local(page.body))

            def answer(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if "gzip" in (self.headers.get("Accept-Encoding") or "") and body:
                    body = gzip.compress(body)
                    self.send_header("Content-Encoding", "gzip")
                if self.path in site.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    half = len(body) // 2
                    for part in (body[:half], body[half:], b""):
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> FixtureSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
