"""The connection to the shared Redis, and the names machines and outlets go by in it."""

from __future__ import annotations

import os
import re
import socket
from typing import Any

from redis import ConnectionPool, Redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError
from redis.retry import Retry


class CountingRedis(Redis):
    """A Redis client that counts its round trips (the crawl's stats report them)."""

    round_trips = 0

    def execute_command(self, *args: Any, **options: Any) -> Any:
        self.round_trips += 1
        return super().execute_command(*args, **options)  # type: ignore[no-untyped-call]


def connect(url: str) -> CountingRedis:
    """A client for ``url``. A Redis that does not answer within a few seconds (after a
    few quick retries, enough for a blip) counts as lost: the crawl stops cleanly."""
    pool = ConnectionPool.from_url(
        url,
        socket_connect_timeout=5,
        socket_timeout=15,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), 3),
    )
    return CountingRedis(connection_pool=pool)


def shown_url(url: str) -> str:
    """``url`` without its password, for logs."""
    return re.sub(r"//[^@/]*@", "//***@", url)


def unreachable(url: str) -> str | None:
    """Why Redis at ``url`` cannot be used, or None when it answers."""
    try:
        client = connect(url)
        client.ping()
        client.close()
    except (RedisError, ValueError) as exc:
        return f"cannot reach Redis at {shown_url(url)}: {exc}"
    return None


def machine_id() -> str:
    """This process among all crawling machines: ``<host>-<pid>``, safe in file names."""
    host = re.sub(r"[^A-Za-z0-9.-]+", "_", socket.gethostname()) or "host"
    return f"{host}-{os.getpid()}"


def outlet_prefix(prefix: str, outlet: str) -> str:
    """The key prefix of an outlet: one hash tag, so its keys share a cluster slot."""
    return f"{prefix}:{{{outlet}}}"
