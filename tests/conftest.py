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
def demo_output(tmp_path_factory: pytest.TempPathFactory):
    """``newscrawl demo`` run once, as a new user would, in a fresh folder.

    Every proxy variable points at a closed port: a request that left the replay for
    the network would fail and show in the reports as a download error.
    """
    import subprocess
    import sys

    from tests.cases import project_env

    home = tmp_path_factory.mktemp("fresh")
    dead = "http://127.0.0.1:9"
    env = {**project_env(), "http_proxy": dead, "https_proxy": dead}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "demo"],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return home, proc


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
