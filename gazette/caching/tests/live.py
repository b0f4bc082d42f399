"""A real Gazette running in subprocesses (granian, workers) on a throwaway SQLite file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from gazette.core.serving import server_command, server_env

ROOT = Path(__file__).resolve().parents[3]

SEED = """
from gazette.testing.factories import make_magazine, make_author, make_article
m = make_magazine()
w = make_author("Layla Haddad")
o = make_author("Omar Said")
make_article(m["sections"]["opinion"], title="The harbour column", authors=[w], slug="harbour", tags=["ports"])
make_article(m["sections"]["news"], title="Port news today", authors=[o], slug="port-news", tags=["news"])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Headers(dict):
    """Response headers, looked up in any case (servers differ in how they spell them)."""

    def __init__(self, items):
        super().__init__((k.lower(), v) for k, v in items)

    def __getitem__(self, name):
        return super().__getitem__(name.lower())

    def get(self, name, default=None):
        return super().get(name.lower(), default)


def get(url: str, timeout: float = 10) -> tuple[int, Headers, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, Headers(response.headers.items()), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, Headers(exc.headers.items()), exc.read().decode()


class LiveSite:
    """One magazine on disk; start as many servers and workers on it as a test needs."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="gazette-live-"))
        self.db_dir = self.dir / "db"
        self.db_dir.mkdir()
        self.procs: list[subprocess.Popen] = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))},
            "DJANGO_SETTINGS_MODULE": "gazette.settings",
            "GAZETTE_VAR_DIR": str(self.dir / "var"),
            "DATABASE_URL": f"sqlite:///{self.db_dir / 'gazette.sqlite3'}",
            "SITE_URL": "http://localhost",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECRET_KEY": "live-test-" + "k" * 50,
            "STATIC_MANIFEST": "0",
            "TASKS_BACKEND": "immediate",
            "GAZETTE_WARM_AFTER_PURGE": "0",
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args: str, env: dict | None = None, timeout: float = 600) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def shell(self, code: str, env: dict | None = None) -> str:
        return self.manage("shell", "-c", code, env=env)

    def build(self) -> None:
        self.manage("migrate", "--noinput", "-v0")
        self.shell(SEED)

    def serve(self, workers: int = 2, **env) -> tuple[str, subprocess.Popen]:
        port = free_port()
        proc = subprocess.Popen(
            server_command(),
            cwd=ROOT,
            env={
                **self.env,
                **server_env(port, workers=workers),
                **{k: str(v) for k, v in env.items()},
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.procs.append(proc)
        base = f"http://localhost:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(f"{base}/healthz", timeout=2)[0] == 200:
                    return base, proc
            except OSError:
                time.sleep(0.2)
        raise AssertionError("granian did not start")

    def spawn(self, *args: str, env: dict | None = None) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    @staticmethod
    def children(proc: subprocess.Popen) -> set[int]:
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == proc.pid:
                pids.add(int(stat.parent.name))
        return pids

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def close(self) -> None:
        for proc in self.procs:
            self.stop(proc)
        import shutil

        shutil.rmtree(self.dir, ignore_errors=True)
