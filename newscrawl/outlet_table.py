"""The outlet table: every declared outlet in one Markdown table, made from the declarations.

The README's copy between ``<!-- outlets -->`` markers is this table (a test compares them);
``newscrawl outlets`` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscrawl.outlet import Feed, Index, Outlet, Site, Sitemap, Source, registry

START, END = "<!-- outlets:start -->", "<!-- outlets:end -->"
HEADER = (
    "| outlet | domains | discovery (scheduled runs) | backfill (`-a since`) | parser | zone |\n"
    "| --- | --- | --- | --- | --- | --- |"
)


_DATE_PARTS = {"%Y": "YYYY", "%m": "MM", "%d": "DD"}


def _short(url: str, base: str = "") -> str:
    """A URL template as a reader takes it: ``indeks?page=N&date=YYYY-MM-DD``."""
    url = url.replace("{base}", base)
    url = re.sub(r"^https?://(?:www\.)?", "", url).replace("{host}", "<host>")
    url = re.sub(
        r"\{day:([^}]*)\}",
        lambda m: re.sub("%[Ymd]", lambda p: _DATE_PARTS[p.group(0)], m.group(1)),
        url,
    )
    return url.replace("{page}", "N").replace("|", "\\|")


def _kind(source: Source) -> str:
    if isinstance(source, Feed):
        return "RSS"
    if isinstance(source, Sitemap):
        return "sitemap"
    if isinstance(source, Site):
        return "site"
    return "dated index" if "{day" in source.url else "index"


def _sources(sources: Iterable[Source], base: str) -> str:
    """The sources, those of one kind and path on several hosts as one entry."""
    groups: dict[tuple[str, str], list[str]] = {}
    for source in sources:
        if isinstance(source, Site):
            groups.setdefault(("site", ""), [])
            continue
        host, _, path = _short(source.url, base).partition("/")
        groups.setdefault((_kind(source), path), []).append(host)
    described = []
    for (kind, path), hosts in groups.items():
        if kind == "site":
            described.append("robots.txt sitemaps + home page feeds")
            continue
        unique = list(dict.fromkeys(hosts))
        if len(unique) > 1:
            first, *_ = (h.split(".", 1) for h in unique)
            if all(len(h.split(".", 1)) == 2 and h.split(".", 1)[1] == first[1] for h in unique):
                labels = ",".join(h.split(".", 1)[0] for h in unique)
                unique = [f"{{{labels}}}.{first[1]}"]
        described.append(f"{kind} `{' '.join(unique)}/{path}`")
    return ", ".join(described) or "-"


def _parser(outlet: Outlet) -> str:
    if not outlet.articles:
        return f"none ({outlet.note})" if outlet.note else "none (no articles)"
    if outlet.dedicated:
        return ", ".join(v.version.split("/", 1)[1] for v in outlet.versions)
    overrides = [name for name, value in vars(outlet.parser).items() if name.endswith("_css")]
    return "generic" + (f" + {', '.join(sorted(overrides))}" if overrides else "")


def row(outlet: Outlet) -> str:
    latest = [s for s in outlet.sources if s.when in ("latest", "always")]
    backfill = [s for s in outlet.sources if s.when in ("backfill", "always")]
    backfill = [s for s in backfill if isinstance(s, Index)] or backfill
    language = "" if outlet.language == "id" else f" ({outlet.language})"
    cells = [
        f"`{outlet.name}`{language}",
        ", ".join(outlet.domains),
        _sources(latest, outlet.base_url),
        _sources(backfill, outlet.base_url),
        _parser(outlet),
        outlet.zone,
    ]
    return "| " + " | ".join(cells) + " |"


def outlet_table() -> str:
    """The Markdown table of every declared outlet, by name."""
    rows = [row(outlet) for _, outlet in sorted(registry().items())]
    return "\n".join([HEADER, *rows])


def readme_section() -> str:
    return f"{START}\n{outlet_table()}\n{END}"


def write_readme(path: str = "README.md") -> bool:
    """Rewrite the README's outlet table; whether it changed."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    start, end = text.index(START), text.index(END) + len(END)
    updated = text[:start] + readme_section() + text[end:]
    if updated != text:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(updated)
    return updated != text


if __name__ == "__main__":
    print("README.md outlet table", "rewritten" if write_readme() else "already up to date")
