"""Crawls against a site that misbehaves (:mod:`tests.faultsite`): every fault is counted under
its reason, every good article is emitted exactly once, memory stays bounded, and a run that
went wrong says so (exit status 3, the verdict in the report, one ERROR line).

Each crawl is a real ``scrapy crawl nusadaily -a base_url=...`` subprocess that runs to its
end; nothing waits for a duration and no test asserts one.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawl import settings
from newscrawl.keep.output import complete_lines
from tests.cases import ROOT, project_env
from tests.faultsite import XML, Fault, FaultSite, gzip_bomb, gzip_bomb_one_member

#: Runs a command and writes the largest resident set size of any process it started (the
#: crawl, its parse workers) in kB to the file named first: RUSAGE_CHILDREN counts every
#: descendant that was waited for, and the crawl waits for its workers.
PEAK_RSS = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
    "sys.exit(code)"
)
OG_IMAGE = "https://www.nusadaily.com/uploads/images/202606/image_870x580_6a4089f80e4a2.jpg"
AUTHOR = '"author": {\n        "@type": "Person",\n        "name": "Ari Prasetyo"\n    },'


@dataclass
class Crawl:
    returncode: int
    log: str
    stats: dict[str, Any]
    report: dict[str, Any]
    records: list[dict[str, Any]]
    peak_rss_mb: float

    def counted(self, prefix: str) -> dict[str, int]:
        return {
            key.removeprefix(prefix): int(value)
            for key, value in self.stats.items()
            if key.startswith(prefix)
        }

    @property
    def errors(self) -> list[str]:
        return [line for line in self.log.splitlines() if "] ERROR:" in line]


def crawl(base_url: str, tmp_path: Path, *settings: str) -> Crawl:
    out = tmp_path / "out"
    before = set(out.glob("*.report.json")) if out.exists() else set()
    stats, peak = tmp_path / "stats.json", tmp_path / "peak-rss"
    command = [
        *(sys.executable, "-c", PEAK_RSS, str(peak)),
        *(sys.executable, "-m", "scrapy", "crawl", "nusadaily", "-a", f"base_url={base_url}"),
        *("-s", f"NEWSCRAWL_OUTPUT_DIR={out}", "-s", f"NEWSCRAWL_STATE={tmp_path / 'state.db'}"),
        *("-s", f"NEWSCRAWL_STATS_FILE={stats}", "-s", "NEWSCRAWL_NOW=2026-07-15T00:00:00Z"),
        *("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1"),
        *("-s", "NEWSCRAWL_RETRY_BACKOFF_BASE=0", "-s", "LOG_LEVEL=INFO"),
        *settings,
    ]
    env = project_env()
    proc = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    (report_path,) = set(out.glob("*.report.json")) - before
    report = json.loads(report_path.read_text("utf-8"))
    return Crawl(
        proc.returncode,
        proc.stderr,
        json.loads(stats.read_text("utf-8")),
        report,
        list(complete_lines(Path(report["output"]))),
        int(peak.read_text()) / 1024,
    )


def slugs(records: list[dict[str, Any]]) -> list[str]:
    return sorted(str(r["url"]).rsplit("/", 1)[1] for r in records)


# -- one site, every single-page fault ------------------------------------------------------


def hostile_site(site: FaultSite, other: FaultSite) -> dict[str, str]:
    """Give ``site`` its faults; return the path of each faulty article by what it is."""
    base = site.base_url
    paths = {
        "http_500": "/mati",
        "reset": "/putus-sambungan",
        "short_body": "/badan-kurang",
        "stalled_body": "/lambat",
        "truncated": "/terpotong",
        "not_html": "/biner",
        "gzip_bomb": "/bom",
        "redirect_loop": "/putar-a",
        "redirect_other_port": "/pindah-port",
        "redirect_other_host": "/pindah-host",
        "too_complex": "/rumit",
    }
    attributes = " ".join(f'a{n}="x"' for n in range(100_000))
    site.faults.update(
        {
            "/mati": Fault(status=500, body=b"<html><body>error</body></html>"),
            "/putus-sambungan": Fault(kind="reset"),
            "/badan-kurang": Fault(kind="short", body=site.article(90)),
            "/lambat": Fault(kind="stall", body=site.article(91)[:2000]),
            "/terpotong": Fault(body=site.article(92)[:30_000]),
            "/biner": Fault(body=bytes(range(256)) * 64),
            "/bom": Fault(body=gzip_bomb(512), headers={"Content-Encoding": "gzip"}),
            "/putar-a": Fault(kind="redirect", location=f"{base}/putar-b"),
            "/putar-b": Fault(kind="redirect", location=f"{base}/putar-a"),
            "/pindah-port": Fault(kind="redirect", location=f"{other.base_url}/berita-uji-nomor-0"),
            "/pindah-host": Fault(
                kind="redirect", location=f"http://localhost:{other.server.server_address[1]}/x"
            ),
            "/rumit": Fault(body=f"<html><body><div {attributes}>x</div></body></html>".encode()),
            # Good articles behind a transient fault or with a bad field: emitted once.
            "/berita-uji-nomor-1": Fault(
                body=site.article(1), first=[Fault(status=429, headers={"Retry-After": "1"})]
            ),
            "/berita-uji-nomor-2": Fault(
                body=site.article(
                    2, lambda page: page.replace(OG_IMAGE, f"{base}:undefined/gambar.jpg")
                )
            ),
            "/berita-uji-nomor-3": Fault(
                body=site.article(3, lambda page: page.replace(OG_IMAGE, "javascript:alert(1)"))
            ),
            "/berita-uji-nomor-4": Fault(
                body=site.article(
                    4,
                    lambda page: page.replace(
                        AUTHOR, '"author": ' + "[" * 500 + '"Ari"' + "]" * 500 + ","
                    ).replace(
                        '<div class="post-text mt-4">',
                        '<div class="post-text mt-4">'
                        '<img src="file:///etc/passwd"><img src="http://[::1/x.jpg">',
                    ),
                )
            ),
            "/berita-uji-nomor-5": Fault(
                body=site.article(5).replace(
                    b"MALANG - ", b"MALANG - Kaf\xc3\xa9 \xe2\x80\x9cKopi\xe2\x80\x9d \xff di ", 1
                )
            ),
        }
    )
    site.extra_links = [
        *(f"{base}{path}" for path in paths.values()),
        "javascript:void(0)",
        "mailto:redaksi@nusadaily.com",
        "file:///etc/hostname",
        "file:///dev/zero",
        "http://[::1/x",
        "http://127.0.0.1:99999/x",
        "https://www.example.com/bukan-nusadaily",
    ]
    child = site.news_sitemap([f"{base}/berita-uji-nomor-6", f"{base}/berita-uji-nomor-7"])
    site.routes.update(
        {
            # A sitemap index with a gzipped child (.xml.gz, no Content-Encoding) and a child
            # that is a decompression bomb.
            "/sitemap-news.xml": Fault(
                body=(
                    '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9"><sitemap><loc>{base}/anak.xml.gz</loc></sitemap>'
                    f"<sitemap><loc>{base}/bom.xml.gz</loc></sitemap></sitemapindex>"
                ).encode(),
                content_type=XML,
            ),
            "/anak.xml.gz": Fault(body=gzip.compress(child), content_type="application/gzip"),
            "/bom.xml.gz": Fault(body=gzip_bomb_one_member(100), content_type="application/gzip"),
            # XXE and billion laughs in the feeds: neither the file nor the expansion is read.
            "/rss/latest-posts": Fault(body=xxe_feed(base), content_type=XML),
            "/rss-feeds/feed/latest": Fault(body=laughs_feed(base), content_type=XML),
        }
    )
    return paths


def xxe_feed(base: str) -> bytes:
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        '<rss version="2.0"><channel><item><title>&xxe;</title><link>&xxe;</link></item>'
        f"<item><title>Delapan</title><link>{base}/berita-uji-nomor-8</link></item>"
        "</channel></rss>"
    ).encode()


def laughs_feed(base: str) -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
        "<item><title>&lol9;</title><link>&lol9;</link></item>"
        f"<item><title>Sembilan</title><link>{base}/berita-uji-nomor-9</link></item>"
        "</channel></rss>"
    ).encode()


def test_every_fault_is_counted_and_every_good_article_emitted_once(tmp_path: Path) -> None:
    with FaultSite(articles=10) as site, FaultSite(articles=1) as other:
        hostile_site(site, other)
        result = crawl(site.base_url, tmp_path, "-s", "DOWNLOAD_TIMEOUT=10")
        requested = dict(site.requests)
    assert result.returncode == 0, result.log[-3000:]
    # Every good article once, whatever came before or after it in the sitemap.
    assert slugs(result.records) == sorted(site.slugs())
    assert result.counted("newscrawl/dropped/") == {
        "http_500": 1,
        "download_error": 3,  # the reset connection, the short body, the stalled body
        "truncated": 1,
        "not_html": 1,
        "too_large": 1,
        "redirect_loop": 1,
        "offsite_redirect": 2,
        "page_too_complex": 1,
    }
    assert result.counted("newscrawl/links_skipped/") == {
        "not_http": 4,  # javascript:, mailto:, file:///etc/hostname, file:///dev/zero
        "malformed": 2,  # http://[::1/x, port 99999
        "offsite": 1,
    }
    # A bad image URL cost the image, not the article; one bad byte did not turn the page into
    # windows-1252.
    by_slug = {str(r["url"]).rsplit("/", 1)[1]: r for r in result.records}
    assert [i["url"] for i in by_slug["berita-uji-nomor-2"]["images"]] == []
    assert [i["url"] for i in by_slug["berita-uji-nomor-3"]["images"]] == []
    assert "Kafé “Kopi” \ufffd di" in by_slug["berita-uji-nomor-5"]["body"]
    assert result.stats["newscrawl/decode/replaced"] == 1
    assert result.counted("newscrawl/repaired/") == {"images": 3}
    # Nothing was read from disk, and the bombs stayed small.
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    assert not hostname or all(hostname not in json.dumps(r) for r in result.records)
    assert result.peak_rss_mb < 400, f"peak RSS {result.peak_rss_mb:.0f} MB"
    assert result.report["discovery"]["unusable"] == {"too_large": 1}
    # 429 with Retry-After: retried after the pause, emitted once; the pause was honoured.
    assert requested["/berita-uji-nomor-1"] == 2
    assert result.stats["newscrawl/retry_after"] == 1
    assert result.report["health"]["verdict"] == "ok"
    assert result.errors == []


def test_only_http_is_ever_downloaded() -> None:
    # A sitemap entry file:///dev/zero grew a crawl to 8 GB: even a request that got past the
    # link check would find no handler for it.
    handlers = settings.DOWNLOAD_HANDLERS
    assert all(handlers.get(scheme, "") is None for scheme in ("file", "data", "s3", "ftp"))
    assert settings.DOWNLOAD_MAXSIZE == 32 * 1024 * 1024


# -- a run that went wrong says so ----------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_site_that_is_down_fails_the_run_with_one_error_line(tmp_path: Path) -> None:
    result = crawl(f"http://127.0.0.1:{closed_port()}", tmp_path, "-s", "RETRY_TIMES=0")
    assert result.returncode == 3
    assert result.report["health"]["ok"] is False
    assert result.report["health"]["verdict"] == "site_unreachable"
    assert result.report["discovery"]["failed"] == {"download_error": 4}
    (error,) = result.errors
    assert "SITE UNREACHABLE" in error and "newscrawl demo" in error
    assert "health FAILED: site_unreachable" in result.log


def test_every_discovery_document_failing_is_an_unreachable_site(tmp_path: Path) -> None:
    with FaultSite() as site:
        for path in ("/rss/latest-posts", "/rss-feeds/feed/latest", "/gnews/feed"):
            site.routes[path] = Fault(status=500, body=b"error")
        site.routes["/sitemap-news.xml"] = Fault(status=503, body=b"error")
        result = crawl(site.base_url, tmp_path, "-s", "RETRY_TIMES=0")
    assert result.returncode == 3
    assert result.report["health"]["verdict"] == "site_unreachable"
    assert result.report["discovery"]["failed"] == {"http_500": 3, "http_503": 1}
    assert len(result.errors) == 1


def test_a_maintenance_page_instead_of_the_feeds_is_a_failed_discovery(tmp_path: Path) -> None:
    maintenance = Fault(body=b"<html><body><h1>Situs sedang dalam perbaikan</h1></body></html>")
    with FaultSite() as site:
        for path in ("/rss/latest-posts", "/rss-feeds/feed/latest", "/gnews/feed"):
            site.routes[path] = maintenance
        result = crawl(site.base_url, tmp_path)
    assert result.returncode == 3
    assert result.report["health"]["verdict"] == "discovery_failed"
    assert result.report["discovery"]["unusable"] == {"not_a_feed": 2, "not_a_sitemap": 1}
    assert len(result.errors) == 1 and "DISCOVERY FAILED" in result.errors[0]


def test_robots_txt_denying_everything_is_obeyed_for_every_request(tmp_path: Path) -> None:
    with FaultSite() as site:
        site.routes["/robots.txt"] = Fault(
            body=b"User-agent: *\nDisallow: /\n", content_type="text/plain"
        )
        result = crawl(site.base_url, tmp_path)
        requested = set(site.requests)
    # Scrapy 2.19 gave the rules to the first waiting request only; the others were fetched.
    assert requested == {"/robots.txt"}
    assert result.returncode == 3
    assert result.report["health"]["verdict"] == "robots_denied"
    assert result.report["discovery"]["failed"] == {"robots_denied": 4}


def test_no_links_where_earlier_runs_found_some_fails_the_run(tmp_path: Path) -> None:
    with FaultSite() as site:
        first = crawl(site.base_url, tmp_path)
        assert first.returncode == 0, first.log[-2000:]
        assert first.report["discovery"]["links"] == 4
        # The sitemap is still there, and empty: a template change lost the article list.
        site.routes["/gnews/feed"] = Fault(body=site.news_sitemap([]), content_type=XML)
        second = crawl(site.base_url, tmp_path)
    assert second.returncode == 3
    assert second.report["health"]["verdict"] == "no_links"
    assert "an earlier run found 4" in second.report["health"]["cause"]


def test_a_run_with_nothing_new_is_healthy(tmp_path: Path) -> None:
    with FaultSite() as site:
        assert crawl(site.base_url, tmp_path).returncode == 0
        again = crawl(site.base_url, tmp_path)
    assert again.returncode == 0
    assert again.records == []
    assert again.report["health"]["verdict"] == "ok"
