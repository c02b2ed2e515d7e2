"""Re-parse throughput and memory: ``newscrawl reparse`` over archives of real-size pages,
side by side with trafilatura over the same archive.

Two archives are written with the crawl's own writer (:mod:`newscrawl.keep.archive`):
the crawl benchmark's generated 67 kB Varient pages (:mod:`benchmarks.site`), one capture
per article, and the real article pages of ../shared/pages whose outlet has a parser,
repeated under distinct URLs. Each run is a fresh process, timed from the outside (start-up,
the index pass, parsing, writing the output): pages per second = article captures / wall
seconds. trafilatura runs in as many worker processes as the re-parse, each reading the
captures at their offsets (``python -m benchmarks.reparse trafilatura ARCHIVE``). A third
contender is the re-parse fed through the crawl's parse pool (:mod:`newscrawl.workers`):
the main process reads and decodes every page and sends it down a pipe
(``python -m benchmarks.reparse parsepool ARCHIVE``). Peak RSS is the sum of the processes'
own peaks (:class:`benchmarks.crawl.ProcessWatch`): the re-parse and its workers.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from benchmarks.crawl import ROOT, ProcessWatch
from benchmarks.stats import Row
from newscrawl.keep.archive import ArchiveWriter, Capture
from newscrawl.reparse.run import usable_cores

FETCHED_AT = datetime(2026, 11, 1, 6, tzinfo=UTC)
HTML = [("Content-Type", "text/html; charset=UTF-8")]


def site_pages(count: int) -> Iterator[tuple[str, bytes]]:
    from benchmarks.site import article, render_article
    from newscrawl.dates import JAKARTA

    start = datetime(2026, 11, 1, 12, tzinfo=JAKARTA)
    for index in range(count):
        fields = article(index, start)
        yield f"https://www.nusadaily.com/{fields['slug']}", render_article(fields)


def real_pages(count: int) -> Iterator[tuple[str, bytes]]:
    from benchmarks.parsing import collect_pages

    pages = [page for page in collect_pages()[0] if page.real]
    if not pages:
        raise RuntimeError("no real pages in ../shared/pages")
    for index in range(count):
        page = pages[index % len(pages)]
        separator = "&" if "?" in page.url else "?"
        yield f"{page.url}{separator}copy={index}", page.html


def write_archive(path: Path, pages: Iterator[tuple[str, bytes]], outlet: str = "") -> int:
    """An archive as a crawl writes it: a sitemap capture, then one capture per page."""
    info = {"newscrawl-outlet": outlet} if outlet else {}
    writer = ArchiveWriter(path.parent, path.name.removesuffix(".warc.gz"), 1 << 40, info)
    sitemap = "https://www.nusadaily.com/gnews/feed"
    writer.write(Capture(sitemap, FETCHED_AT, 200, [], b"<urlset/>", role="discovery"))
    count = 0
    for count, (url, body) in enumerate(pages, 1):
        when = FETCHED_AT + timedelta(seconds=count // 50)
        writer.write(Capture(url, when, 200, HTML, body, role="article"))
    writer.close()
    return count


def timed(command: list[str], timeout: float) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds of a command and its worker processes."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    watch = ProcessWatch(proc.pid)
    try:
        _, errors = proc.communicate(timeout=timeout)
    finally:
        peak = watch.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with exit {proc.returncode}:\n{errors}")
    return time.perf_counter() - started, peak, sum(watch.cpu())


def reparse_command(archive: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "newscrawl.cli", "reparse", str(archive), "-o", str(out)]


def contenders(archive: Path, out: Path) -> dict[str, list[str]]:
    python = [sys.executable, "-m", "benchmarks.reparse"]
    return {
        "newscrawl": reparse_command(archive, out),
        "trafilatura": [*python, "trafilatura", str(archive)],
        "parsepool": [*python, "parsepool", str(archive)],
    }


def run(
    size: int, real_size: int, repeats: int, log: Callable[[str], None] = print
) -> tuple[list[Row], list[str]]:
    rates: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="newscrawl-reparse-") as tmp:
        archives = {
            "67 kB pages": (Path(tmp, "site.warc.gz"), size),
            "real pages": (Path(tmp, "real.warc.gz"), real_size),
        }
        write_archive(archives["67 kB pages"][0], site_pages(size), "nusadaily")
        write_archive(archives["real pages"][0], real_pages(real_size))
        for rep in range(repeats):
            for label, (archive, count) in archives.items():
                commands = contenders(archive, Path(tmp, "out.jsonl"))
                names = list(commands)
                # Rotate the order so a slow phase of a shared machine hits each in turn.
                for name in names[rep % 3 :] + names[: rep % 3]:
                    if label == "real pages" and name == "parsepool":
                        continue
                    wall, _, seconds = timed(commands[name], timeout=120 + count * 0.05)
                    rates.setdefault((label, name), []).append(count / wall)
                    cpu.setdefault((label, name), []).append(seconds * 1000 / count)
                log(
                    f"  reparse repeat {rep + 1}/{repeats}, {label}: "
                    + ", ".join(
                        f"{n} {rates[(label, n)][-1]:.0f} pages/s"
                        for n in names
                        if (label, n) in rates
                    )
                )
    rows = []
    for label, (_, count) in archives.items():
        ours, traf = rates[(label, "newscrawl")], rates[(label, "trafilatura")]
        rows += [
            Row("reparse", f"newscrawl pages/s, {label} ({count})", ours, "/s", (">=", 500), 0),
            Row("reparse", f"trafilatura pages/s, {label} ({count})", traf, "/s", digits=0),
            Row(
                "reparse",
                f"  newscrawl / trafilatura, {label}",
                [o / t for o, t in zip(ours, traf, strict=True)],
                "x",
            ),
        ]
        rows.append(
            Row("reparse", f"  newscrawl CPU ms/page, {label}", cpu[(label, "newscrawl")], "ms")
        )
        if (label, "parsepool") in rates:
            pool = rates[(label, "parsepool")]
            rows += [
                Row("reparse", f"  via the crawl's parse pool, {label}", pool, "/s", digits=0),
                Row("reparse", "  its CPU ms/page", cpu[(label, "parsepool")], "ms"),
            ]
    notes = [f"reparse: {usable_cores()} worker processes for newscrawl, trafilatura and the pool"]
    return rows, notes


def run_memory(
    small: int, large: int, repeats: int, log: Callable[[str], None] = print
) -> tuple[list[Row], list[str]]:
    peaks: dict[int, list[float]] = {small: [], large: []}
    rates: dict[int, list[float]] = {small: [], large: []}
    with tempfile.TemporaryDirectory(prefix="newscrawl-reparse-") as tmp:
        archives = {n: Path(tmp, f"site{n}.warc.gz") for n in (small, large)}
        for n, path in archives.items():
            write_archive(path, site_pages(n), "nusadaily")
        for rep in range(repeats):
            for n, path in archives.items():
                wall, peak, _ = timed(reparse_command(path, Path(tmp, "out.jsonl")), 120 + n * 0.05)
                peaks[n].append(peak)
                rates[n].append(n / wall)
                size_mb = path.stat().st_size >> 20
                log(
                    f"  reparse memory {rep + 1}/{repeats}: {n} captures ({size_mb} MB), "
                    f"peak RSS {peak:.1f} MB, {n / wall:.0f} pages/s"
                )
    rows = [
        Row("reparse", f"newscrawl peak RSS, {small} captures", peaks[small], "MB", digits=1),
        Row("reparse", f"newscrawl peak RSS, {large} captures", peaks[large], "MB", digits=1),
        Row(
            "reparse",
            f"peak RSS {large} / {small} captures",
            [b / a for a, b in zip(peaks[small], peaks[large], strict=True)],
            "x",
            ("<=", 1.2),
        ),
        Row("reparse", f"  newscrawl pages/s, {large} captures", rates[large], "/s", digits=0),
    ]
    return rows, []


# -- the contenders that are not newscrawl's command -----------------------------------------


def _offsets(archive: str) -> list[int]:
    return [
        record.stream_pos
        for record in ArchiveIterator(archive, record_types=WarcRecordType.response)
        if "html" in (record.http_headers.get("Content-Type") or "")
    ]


def _extract(job: tuple[str, list[int]]) -> int:
    import trafilatura

    archive, offsets = job
    done = 0
    with open(archive, "rb") as stream:
        for offset in offsets:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream, auto_decode="all")))
            url = record.headers.get("WARC-Target-URI")
            trafilatura.extract(
                record.reader.read(), url=url, with_metadata=True, output_format="json"
            )
            done += 1
    return done


def trafilatura_main(archive: str) -> None:
    offsets = _offsets(archive)
    jobs = [(archive, offsets[i : i + 8]) for i in range(0, len(offsets), 8)]
    with get_context("fork").Pool(usable_cores()) as pool:
        done = sum(pool.imap_unordered(_extract, jobs))
    print(done)


async def _parse_pool_main(archive: str) -> None:
    from newscrawl.api import RawPage
    from newscrawl.workers import ParsePool

    pool = ParsePool(usable_cores())
    await pool.start()
    slots = asyncio.Semaphore(4 * usable_cores())

    async def parse(page: RawPage, when: datetime) -> None:
        try:
            await pool.parse([page], "nusadaily", when, find_more=True)
        finally:
            slots.release()

    pending = []
    for record in ArchiveIterator(archive, record_types=WarcRecordType.response, auto_decode="all"):
        content_type = record.http_headers.get("Content-Type")
        if "html" not in (content_type or ""):
            continue
        page = RawPage(record.reader.read(), record.headers.get("WARC-Target-URI"), content_type)
        await slots.acquire()
        pending.append(asyncio.ensure_future(parse(page, record.record_date)))
    await asyncio.gather(*pending)
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="the other contenders of the reparse bench")
    parser.add_argument("contender", choices=["trafilatura", "parsepool"])
    parser.add_argument("archive")
    args = parser.parse_args()
    if args.contender == "trafilatura":
        trafilatura_main(args.archive)
    else:
        asyncio.run(_parse_pool_main(args.archive))


if __name__ == "__main__":
    main()
