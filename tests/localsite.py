"""A generated nusadaily site served over HTTP on 127.0.0.1, for crawls that get killed.

Articles are copies of one fixture page with their own slug, headline and body, listed
in a Google News sitemap. The server counts requests and can slow each response down,
so a test can kill a crawl at a chosen point.
"""

from __future__ import annotations

import html
import threading
from collections import Counter
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from time import sleep
from typing import Any

from tests.cases import FIXTURES

TEMPLATE_SLUG = "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram"
TEMPLATE_TITLE = "Harga Cabai Rawit di Pasar Besar Malang Tembus Rp80 Ribu per Kilogram"
TEMPLATE_SENTENCE = "Harga cabai rawit di Pasar Besar Kota Malang terus merangkak naik"
TEMPLATE_DATES = ("2026-06-28 10:05:00", "2026-06-28T10:05:00+0700", "Jun 28, 2026")


def article_html(number: int, published: datetime) -> bytes:
    page = (FIXTURES / "nusadaily" / "articles" / f"{TEMPLATE_SLUG}.html").read_text("utf-8")
    slug = f"berita-uji-nomor-{number}"
    page = page.replace(TEMPLATE_SLUG, slug)
    page = page.replace(TEMPLATE_TITLE, f"Berita Uji Nomor {number}")
    page = page.replace(TEMPLATE_SENTENCE, f"Berita uji nomor {number} melaporkan harga cabai")
    for old, new in zip(
        TEMPLATE_DATES,
        (
            f"{published:%Y-%m-%d %H:%M:%S}",
            f"{published:%Y-%m-%dT%H:%M:%S}+0700",
            f"{published:%b} {published.day}, {published.year}",
        ),
        strict=True,
    ):
        page = page.replace(old, new)
    return page.encode("utf-8")


class Site:
    """``count`` articles at /berita-uji-nomor-N behind /gnews/feed."""

    def __init__(self, count: int, first: datetime, delay: float = 0.0, crawlers: int = 0) -> None:
        self.count = count
        self.first = first
        self.delay = delay
        self.requests: Counter[str] = Counter()
        #: Article requests by User-Agent (each crawler process of a test names itself).
        self.agents: Counter[str] = Counter()
        #: With ``crawlers``, article pages are held back until that many User-Agents have
        #: asked for one: every crawler gets a share, however fast the first one is.
        self.crawlers = crawlers
        self.all_crawling = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def published(self, number: int) -> datetime:
        return self.first + timedelta(minutes=number)

    def slugs(self) -> list[str]:
        return [f"berita-uji-nomor-{n}" for n in range(self.count)]

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.base_url}/berita-uji-nomor-{n}</loc><news:news><news:title>"
            f"{html.escape(f'Berita Uji Nomor {n}')}</news:title><news:publication_date>"
            f"{self.published(n).isoformat()}</news:publication_date></news:news></url>"
            for n in range(self.count)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{urls}</urlset>"
        ).encode()

    def respond(self, path: str) -> tuple[int, str, bytes]:
        if path == "/gnews/feed":
            return 200, "application/xml; charset=UTF-8", self.sitemap()
        if path.startswith("/berita-uji-nomor-"):
            number = int(path.rsplit("-", 1)[1])
            if 0 <= number < self.count:
                return 200, "text/html; charset=UTF-8", article_html(number, self.published(number))
        return 404, "text/html", b"<html><body>Not found</body></html>"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests[self.path] += 1
                if site.crawlers and self.path.startswith("/berita-uji"):
                    site.agents[self.headers.get("User-Agent", "")] += 1
                    if len(site.agents) >= site.crawlers:
                        site.all_crawling.set()
                    site.all_crawling.wait(timeout=300)
                if site.delay:
                    sleep(site.delay)
                status, content_type, body = site.respond(self.path)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def article_requests(self) -> int:
        return sum(n for path, n in self.requests.items() if path.startswith("/berita-uji"))

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
