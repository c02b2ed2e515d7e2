"""Whether a run went right, from its stats: the verdict and its cause, in words.

A run can fail without a single parser failure: the site is down (every discovery document
failed: DNS, refused connections, 5xx after retries), it serves a maintenance page where the
sitemap should be, robots.txt now denies us, or discovery quietly finds no article link where
earlier runs found plenty. Each is a verdict with its cause; ``scrapy crawl`` exits 3 on any.

Discovery documents (feeds, sitemaps, listing pages, a site's robots.txt and home page) are
counted by the spiders as ``newscrawl/discovery/usable``, ``.../unusable/<reason>`` (fetched,
not what it should be), ``.../failed/<reason>`` (not fetched) and ``.../links`` (article links
found in them).
"""

from __future__ import annotations

from typing import Any

OK = "ok"
#: No discovery document could be fetched.
SITE_UNREACHABLE = "site_unreachable"
#: Discovery documents were fetched, none was usable.
DISCOVERY_FAILED = "discovery_failed"
#: Discovery found no article link where earlier runs of the outlet found some.
NO_LINKS = "no_links"
#: robots.txt denied every discovery document that was not otherwise lost.
ROBOTS_DENIED = "robots_denied"
#: Most article pages failed to parse (the parser health check).
PARSER_FAILED = "parser_failed"

DISCOVERY = "newscrawl/discovery/"
#: The same counts summed over the machines of a distributed run (:mod:`newscrawl.distributed`).
RUN_DISCOVERY = "newscrawl/run/discovery/"
#: What a user can do when the network, not the site, is the problem.
OFFLINE_HINT = "run `newscrawl demo` to see a crawl without network"


def _by_reason(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {
        key[len(prefix) :]: int(value)
        for key, value in sorted(stats.items())
        if key.startswith(prefix)
    }


def discovery_summary(stats: dict[str, Any]) -> dict[str, Any]:
    """The report's ``discovery`` section: documents usable, unusable and failed by reason, and
    the article links they held."""
    return {
        "usable": int(stats.get(f"{DISCOVERY}usable", 0)),
        "unusable": _by_reason(stats, f"{DISCOVERY}unusable/"),
        "failed": _by_reason(stats, f"{DISCOVERY}failed/"),
        "links": int(stats.get(f"{DISCOVERY}links", 0)),
        "links_skipped": _by_reason(stats, "newscrawl/links_skipped/"),
    }


def whole_run(stats: dict[str, Any]) -> dict[str, Any]:
    """The stats with the discovery counts of the whole distributed run (every machine's) in
    place of this machine's once the run ended; the stats as they are otherwise."""
    if not stats.get("newscrawl/run/machines"):
        return stats
    view = {key: value for key, value in stats.items() if not key.startswith(DISCOVERY)}
    view.update(
        {
            DISCOVERY + key.removeprefix(RUN_DISCOVERY): value
            for key, value in stats.items()
            if key.startswith(RUN_DISCOVERY)
        }
    )
    return view


def _counts(by_reason: dict[str, int]) -> str:
    return ", ".join(f"{reason}: {n}" for reason, n in by_reason.items())


def discovery_verdict(summary: dict[str, Any], earlier_links: int = 0) -> tuple[str, str]:
    """(verdict, cause) of a run's discovery; (``ok``, "") when it went right or did not run.

    ``earlier_links`` is the most article links an earlier run of the outlet found (0 when
    unknown): only then is a run that found none ``no_links`` rather than a quiet day.
    """
    usable, links = summary["usable"], summary["links"]
    unusable: dict[str, int] = summary["unusable"]
    failed: dict[str, int] = summary["failed"]
    tried = usable + sum(unusable.values()) + sum(failed.values())
    if not tried or usable:
        if usable and not links and earlier_links:
            return NO_LINKS, (
                f"{usable} discovery documents held no article link; an earlier run found "
                f"{earlier_links}"
            )
        return OK, ""
    if unusable:
        return DISCOVERY_FAILED, (
            f"{sum(unusable.values())} of {tried} discovery documents were fetched but none was "
            f"usable ({_counts(unusable)}" + (f"; failed: {_counts(failed)})" if failed else ")")
        )
    if failed.get("robots_denied"):
        return ROBOTS_DENIED, (
            f"robots.txt denies {failed['robots_denied']} of {tried} discovery documents "
            f"({_counts(failed)})"
        )
    return SITE_UNREACHABLE, (
        f"none of {tried} discovery documents could be fetched ({_counts(failed)}); "
        f"no network? {OFFLINE_HINT}"
    )
