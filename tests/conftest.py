from __future__ import annotations

import pytest

from tests.cases import SHARED_PAGES


@pytest.fixture
def shared_pages():
    """The real saved pages in ../shared/pages; tests using them skip where it is absent."""
    if not SHARED_PAGES.is_dir():
        pytest.skip(f"real saved pages not found at {SHARED_PAGES} (../shared is absent)")
    return SHARED_PAGES


@pytest.fixture(scope="session")
def redis_session(tmp_path_factory):
    """One redis-server for the session (skips where redis-server is absent, outside CI)."""
    from tests.redisserver import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.kill()


@pytest.fixture
def redis_url(redis_session):
    """The session's Redis, emptied for this test."""
    client = redis_session.client()
    client.flushall()
    client.close()
    return redis_session.url
