"""A real redis-server on a free loopback port, in a temporary folder, for one test or one
session. Tests that need it skip where redis-server is not installed, except under CI
(the ``CI`` environment variable), where its absence is a failure."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis

EXECUTABLE = "redis-server"


def require_redis_server() -> str:
    found = shutil.which(EXECUTABLE)
    if found is None:
        message = f"{EXECUTABLE} not found on PATH (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a real Redis: {message}")
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """``redis-server`` on 127.0.0.1; ``durable`` appends every write to an AOF (fsync
    always), so a restart on the same folder finds what was written before a kill."""

    def __init__(self, folder: Path, durable: bool = False) -> None:
        self.executable = require_redis_server()
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.durable = durable
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        persistence = (
            ["--appendonly", "yes", "--appendfsync", "always"]
            if self.durable
            else ["--appendonly", "no"]
        )
        self.proc = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                *persistence,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on {self.port}") from None
                time.sleep(0.02)
        client.close()
        return self

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)
