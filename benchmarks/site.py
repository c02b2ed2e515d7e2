"""A generated nusadaily site on 127.0.0.1 for the crawl benchmarks.

Article pages are the Varient fixture ``kemenkes-perluas-...`` (a real-size page: menus,
sidebars, JSON-LD, ad slots, 69 kB) with a new slug, headline, dates and numbers per
article, rendered on request from pre-split template pieces so the server stays cheap.
The site of N articles lives under ``/nN/``: ``/nN/gnews/feed`` is a Google News sitemap
of all N (dated over the last minutes and days), ``/nN/rss/latest-posts`` an empty RSS
feed, anything else a 404. Run as ``python -m benchmarks.site --port 0``: it prints
``READY <port>`` and serves until killed or until ``--max-seconds`` pass.
"""

from __future__ import annotations

import argparse
import asyncio
import re
from datetime import datetime, timedelta
from functools import cache
from html import escape

from newscrawl.dates import JAKARTA
from tests.cases import FIXTURES

_SLUG = "kemenkes-perluas-skrining-jantung-gratis-ke-120-kabupaten-tahun-ini"
TEMPLATE = FIXTURES / "nusadaily" / "articles" / f"{_SLUG}.html"
_TITLE = "Kemenkes Perluas Skrining Jantung Gratis ke 120 Kabupaten Tahun Ini"
#: Template text -> placeholder; each placeholder is filled per article by :func:`fields`.
_FIELDS = {
    _SLUG: "slug",
    _TITLE: "title",
    "2026-06-26 14:40:00": "published_meta",
    "2026-06-26 16:05:00": "updated_meta",
    "2026-06-26T14:40:00+0700": "published_ld",
    "2026-06-26T16:05:00+0700": "updated_ld",
    "Jun 26, 2026&nbsp;-&nbsp;14:40": "published_shown",
    "Jun 26, 2026&nbsp;-&nbsp;16:05": "updated_shown",
    "120 kabupaten": "kabupaten",
    "34 daerah": "daerah",
}

_WHO = ["Pemkot Malang", "Pemkab Batu", "Dinas Kesehatan", "Polresta Malang", "BPBD Jatim"]
_WHAT = ["Resmikan Taman Kota", "Perluas Layanan", "Gelar Operasi", "Salurkan Bantuan", "Uji Coba"]
_WHERE = ["di Kayutangan", "di Lawang", "di Singosari", "di Kepanjen", "di Pujon"]


@cache
def template_pieces() -> tuple[list[str], list[str]]:
    """The fixture split at every placeholder: literal pieces and the field names between."""
    text = TEMPLATE.read_text("utf-8")
    pattern = re.compile("|".join(map(re.escape, sorted(_FIELDS, key=len, reverse=True))))
    literals, names, pos = [], [], 0
    for m in pattern.finditer(text):
        literals.append(text[pos : m.start()])
        names.append(_FIELDS[m.group()])
        pos = m.end()
    literals.append(text[pos:])
    return literals, names


def article(index: int, start: datetime) -> dict[str, str]:
    """Slug, headline and dates of article ``index`` (0 = newest, one minute apart)."""
    who, what, where = (
        _WHO[index % 5],
        _WHAT[index // 5 % 5],
        _WHERE[index // 25 % 5],
    )
    title = f"{who} {what} {where} Tahap {index + 1}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    published = (start - timedelta(minutes=index + 30)).replace(second=0, microsecond=0)
    updated = published + timedelta(minutes=85)
    return {
        "slug": slug,
        "title": title,
        "published": published.isoformat(),
        **{
            f"{kind}_meta": when.strftime("%Y-%m-%d %H:%M:%S")
            for kind, when in (("published", published), ("updated", updated))
        },
        **{
            f"{kind}_ld": when.strftime("%Y-%m-%dT%H:%M:%S%z")
            for kind, when in (("published", published), ("updated", updated))
        },
        **{
            # Varient prints "M j, Y - H:i": no leading zero on the day.
            f"{kind}_shown": f"{when:%b} {when.day}, {when:%Y}&nbsp;-&nbsp;{when:%H:%M}"
            for kind, when in (("published", published), ("updated", updated))
        },
        "kabupaten": f"{20 + index % 400} kabupaten",
        "daerah": f"{3 + index % 90} daerah",
    }


def render_article(fields: dict[str, str]) -> bytes:
    literals, names = template_pieces()
    parts = [literals[0]]
    for name, literal in zip(names, literals[1:], strict=True):
        parts.append(fields[name])
        parts.append(literal)
    return "".join(parts).encode("utf-8")


def news_sitemap(base: str, articles: list[dict[str, str]]) -> bytes:
    entries = "".join(
        f"""
  <url>
    <loc>{base}/{a["slug"]}</loc>
    <news:news>
      <news:publication><news:name>Nusadaily.com</news:name><news:language>id</news:language></news:publication>
      <news:publication_date>{a["published"]}</news:publication_date>
      <news:title>{escape(a["title"])}</news:title>
    </news:news>
  </url>"""
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}\n</urlset>\n'
    ).encode()


EMPTY_RSS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
    b"<title>Nusadaily.com</title><link>https://www.nusadaily.com</link>"
    b"<description>Berita terkini</description></channel></rss>\n"
)


class Site:
    """Sites of any size under ``/n<size>/``, built on first request and kept."""

    def __init__(self, host: str, port: int, start: datetime) -> None:
        self.root = f"http://{host}:{port}"
        self.start = start
        self.sites: dict[int, tuple[bytes, dict[str, dict[str, str]]]] = {}

    def site(self, size: int) -> tuple[bytes, dict[str, dict[str, str]]]:
        if size not in self.sites:
            articles = [article(i, self.start) for i in range(size)]
            sitemap = news_sitemap(f"{self.root}/n{size}", articles)
            self.sites[size] = (sitemap, {a["slug"]: a for a in articles})
        return self.sites[size]

    def get(self, path: str) -> tuple[int, str, bytes]:
        m = re.fullmatch(r"/n(\d{1,6})/([^?#]*)(?:\?.*)?", path)
        if m is None:
            return 404, "text/html; charset=UTF-8", b"<html><body>Not found</body></html>"
        sitemap, by_slug = self.site(int(m.group(1)))
        rest = m.group(2)
        if rest == "gnews/feed":
            return 200, "application/xml; charset=UTF-8", sitemap
        if rest == "rss/latest-posts":
            return 200, "application/xml; charset=UTF-8", EMPTY_RSS
        if rest in by_slug:
            return 200, "text/html; charset=UTF-8", render_article(by_slug[rest])
        return 404, "text/html; charset=UTF-8", b"<html><body>Not found</body></html>"


_REASONS = {200: b"OK", 404: b"Not Found", 400: b"Bad Request"}


async def _serve_connection(
    site: Site, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1").split()
            if len(request_line) != 3:
                status, ctype, body = 400, "text/plain", b"bad request"
            else:
                status, ctype, body = site.get(request_line[1])
            writer.write(
                b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                b"Connection: keep-alive\r\n\r\n"
                % (status, _REASONS.get(status, b"Status"), ctype.encode(), len(body))
            )
            if request_line and request_line[0] != "HEAD":
                writer.write(body)
            await writer.drain()
    finally:
        writer.close()


async def serve(port: int, max_seconds: float, start: datetime) -> None:
    site_holder: dict[str, Site] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _serve_connection(site_holder["site"], reader, writer)

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=256)
    bound = server.sockets[0].getsockname()[1]
    site_holder["site"] = Site("127.0.0.1", bound, start)
    print(f"READY {bound}", flush=True)
    async with server:
        await asyncio.sleep(max_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-seconds", type=float, default=1800)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.max_seconds, datetime.now(JAKARTA)))


if __name__ == "__main__":
    main()
