"""The crawl state in Redis, shared by every machine that crawls an outlet.

Same questions and answers as :class:`newscrawl.keep.state.SqliteState`; what differs
is that several processes ask at once. Each outlet's keys share one hash tag
(``newscrawl:{detik}:...``), so they live in one slot and each step below is one Lua
script, atomic, one round trip:

- ``articles``: canonical URL -> the emitted article (content hash, dates, revision,
  when, and which machine wrote the line);
- ``aliases``, ``not_articles``: as in SQLite;
- ``claims``: URL -> the machine writing that article's line right now. A claim
  stops a second machine that parsed the same article (an alias, a re-check) from
  writing it too; a claim whose machine's lease ran out (killed) no longer counts;
- ``machines``: machine -> lease expiry (Redis clock, ms), renewed by every claim and
  by the frontier's heartbeat.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from redis import Redis

from newscrawl.keep.redis_link import outlet_prefix
from newscrawl.keep.state import Emitted, Verdict, content_hash, url_key

_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

_LIVE = """
local function live(machines, machine, now)
  local expiry = redis.call('HGET', machines, machine)
  return expiry and tonumber(expiry) > now
end
"""

#: {canonical URL, article} known under ARGV[1] (its canonical URL or an alias).
_GET = """
local found = redis.call('HGET', KEYS[1], ARGV[1])
if found then return {ARGV[1], found} end
local canonical = redis.call('HGET', KEYS[2], ARGV[1])
if canonical then
  found = redis.call('HGET', KEYS[1], canonical)
  if found then return {canonical, found} end
end
"""

#: The article (as _GET), else '!' for a page known not to be an article, else nothing.
_NEEDS_FETCH = (
    _GET
    + """
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return {'!'} end
return false
"""
)

#: claim(url, hash, machine, lease_ms) -> {outcome, revision or detail}
_CLAIM = (
    _NOW_MS
    + _LIVE
    + """
local articles, claims, machines = KEYS[1], KEYS[2], KEYS[3]
local url, hash, machine = ARGV[1], ARGV[2], ARGV[3]
redis.call('HSET', machines, machine, now + tonumber(ARGV[4]))
local held = redis.call('HGET', claims, url)
if held then
  local by = cjson.decode(held).by
  if by ~= machine and live(machines, by, now) then return {'taken', by} end
end
local revision = 1
local known = redis.call('HGET', articles, url)
if known then
  local article = cjson.decode(known)
  if article.h == hash then return {'unchanged', tostring(article.r)} end
  revision = article.r + 1
end
redis.call('HSET', claims, url, cjson.encode({by = machine, r = revision}))
if known then return {'updated', tostring(revision)} end
return {'new', tostring(revision)}
"""
)

#: record(url, article json, machine): the line is written; the article is emitted.
_RECORD = """
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held and cjson.decode(held).by == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[1]) end
return 1
"""

#: adopt(url, article json, revision, writer) -> 1 keep the killed run's line, 0 drop it.
_ADOPT = (
    _NOW_MS
    + _LIVE
    + """
local articles, claims, machines = KEYS[1], KEYS[2], KEYS[3]
local url, line, revision, writer = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local known = redis.call('HGET', articles, url)
if known then
  local article = cjson.decode(known)
  -- Already recorded as this writer's line, or someone else emitted this revision (or
  -- a later one) since: the state knows the article, this line stays only if it is it.
  if article.r >= revision then
    if article.r == revision and article.by == writer then return 1 end
    return 0
  end
end
local held = redis.call('HGET', claims, url)
if held then
  local by = cjson.decode(held).by
  if by ~= writer and live(machines, by, now) then return 0 end
  redis.call('HDEL', claims, url)
end
redis.call('HSET', articles, url, line)
return 1
"""
)

#: release(machine): drop the claims a machine still holds (it is leaving).
_RELEASE = """
local held = redis.call('HGETALL', KEYS[1])
local dropped = 0
for i = 1, #held, 2 do
  if cjson.decode(held[i + 1]).by == ARGV[1] then
    redis.call('HDEL', KEYS[1], held[i])
    dropped = dropped + 1
  end
end
return dropped
"""


class RedisState:
    """The crawl state of every outlet in one Redis, written by ``machine``."""

    def __init__(
        self, client: Redis, machine: str, prefix: str = "newscrawl", lease: float = 30.0
    ) -> None:
        self.client = client
        self.machine = machine
        self.prefix = prefix
        self.lease_ms = int(lease * 1000)
        self._get = client.register_script(_GET)
        self._needs_fetch = client.register_script(_NEEDS_FETCH)
        self._claim = client.register_script(_CLAIM)
        self._record = client.register_script(_RECORD)
        self._adopt = client.register_script(_ADOPT)
        self._release = client.register_script(_RELEASE)
        self._outlets: set[str] = set()

    def keys(self, outlet: str, *names: str) -> list[str]:
        self._outlets.add(outlet)
        base = outlet_prefix(self.prefix, outlet)
        return [f"{base}:{name}" for name in names]

    def get(self, outlet: str, url: str) -> Emitted | None:
        found = self._get(keys=self.keys(outlet, "articles", "aliases"), args=[url_key(url)])
        return _emitted(*found) if found else None

    def needs_fetch(self, outlet: str, url: str, now: datetime, recheck: timedelta) -> bool:
        """Fetch unknown pages, and known ones still inside the re-check window."""
        keys = self.keys(outlet, "articles", "aliases", "not_articles")
        found = self._needs_fetch(keys=keys, args=[url_key(url)])
        if not found:
            return True
        if found == [b"!"]:
            return False
        return now - _emitted(*found).published_at < recheck

    def record_not_article(self, outlet: str, url: str, seen_at: datetime) -> None:
        (key,) = self.keys(outlet, "not_articles")
        self.client.hset(key, url_key(url), seen_at.isoformat(timespec="seconds"))

    def add_alias(self, outlet: str, fetch_url: str, url: str) -> None:
        key = url_key(fetch_url)
        if key != url:
            self.client.hset(self.keys(outlet, "aliases")[0], key, url)

    def claim(self, record: dict[str, Any]) -> Verdict:
        keys = self.keys(record["outlet"], "articles", "claims", "machines")
        args = [record["url"], content_hash(record), self.machine, self.lease_ms]
        outcome, value = (part.decode() for part in self._claim(keys=keys, args=args))
        if outcome in ("new", "updated"):
            return Verdict(outcome, int(value))
        if outcome == "unchanged":
            return Verdict("unchanged", None, f"unchanged since revision {value}")
        return Verdict("taken", None, f"being emitted by {value}")

    def record_emitted(self, record: dict[str, Any], emitted_at: datetime) -> None:
        keys = self.keys(record["outlet"], "articles", "claims")
        line = article_json(record, emitted_at, self.machine)
        self._record(keys=keys, args=[record["url"], line, self.machine])

    def recover(
        self, records: list[dict[str, Any]], emitted_at: datetime, owner: str
    ) -> list[dict[str, Any]]:
        """Keep a killed run's line unless another machine emitted that article since
        (or is emitting it now): then the other file has it, and this one drops it."""
        kept = []
        for record in records:
            keys = self.keys(record["outlet"], "articles", "claims", "machines")
            line = article_json(record, emitted_at, owner)
            args = [record["url"], line, record["revision"], owner]
            if self._adopt(keys=keys, args=args):
                kept.append(record)
        return kept

    def release(self) -> None:
        """Give up this machine's unfinished claims (it is leaving)."""
        for outlet in self._outlets:
            self._release(keys=self.keys(outlet, "claims"), args=[self.machine])

    def count(self, outlet: str | None = None) -> int:
        if outlet is not None:
            return int(self.client.hlen(self.keys(outlet, "articles")[0]))
        pattern = f"{self.prefix}:{{*}}:articles"
        return sum(int(self.client.hlen(key)) for key in self.client.scan_iter(pattern))

    def close(self) -> None:
        self.release()


def article_json(record: dict[str, Any], emitted_at: datetime, machine: str) -> str:
    return json.dumps(
        {
            "h": content_hash(record),
            "p": record["published_at"],
            "u": record["updated_at"] or "",
            "r": record["revision"],
            "e": emitted_at.isoformat(timespec="seconds"),
            "by": machine,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _emitted(url: bytes, found: bytes) -> Emitted:
    article = json.loads(found)
    return Emitted(
        url.decode(),
        article["h"],
        datetime.fromisoformat(article["p"]),
        datetime.fromisoformat(article["u"]) if article["u"] else None,
        int(article["r"]),
        datetime.fromisoformat(article["e"]),
    )
