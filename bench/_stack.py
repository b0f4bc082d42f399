"""Start and stop a throwaway Gazette stack for benchmarks: database, granian, nginx.

Shared by bench/load.py and bench/soak.py. Everything lives in one temporary folder and
listens on 127.0.0.1 only; `Stack.stop()` ends exactly the processes it started.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("GAZETTE_PYTHON") or sys.executable
sys.path.insert(0, str(ROOT))
from gazette.core.serving import server_command, server_env  # noqa: E402


def free_port() -> int:
    """A port nothing listens on now (other benchmarks may share this machine)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


class Stack:
    def __init__(self, *, postgres_url: str = "", redis_url: str = "", keep: bool = False):
        self.dir = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
        self.var = self.dir / "var"
        self.procs: dict[str, subprocess.Popen] = {}
        self.keep = keep
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))},
            "DJANGO_SETTINGS_MODULE": "gazette.settings",
            "GAZETTE_VAR_DIR": str(self.var),
            "DEBUG": "0",
            "SITE_URL": "http://127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "TASKS_BACKEND": "immediate",
            "GAZETTE_WARM_AFTER_PURGE": "0",
            "LOG_LEVEL": "WARNING",
            "SECRET_KEY": "bench-" + "x" * 50,
        }
        if postgres_url:
            self.env["DATABASE_URL"] = postgres_url
        if redis_url:
            self.env["REDIS_URL"] = redis_url

    # --- set-up -------------------------------------------------------------
    def manage(self, *args: str, extra_env: dict | None = None) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def build(self, per_section: int = 30) -> None:
        self.manage("migrate", "--noinput", "-v0")
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "_seed_magazine.py"), str(per_section)],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=900,
        )
        self.manage("collectstatic", "--noinput", "-v0")

    # --- processes ----------------------------------------------------------
    def start_app(self, name: str, port: int, workers: int = 2, threads: int = 8, **env) -> None:
        self.procs[name] = subprocess.Popen(
            server_command(),
            cwd=ROOT,
            env={
                **self.env,
                **server_env(
                    port,
                    workers=workers,
                    threads=threads,
                    WEB_BACKPRESSURE=64,
                    WEB_BACKLOG=2048,
                    GAZETTE_VENV=Path(PYTHON).parent.parent,
                ),
                **{k: str(v) for k, v in env.items()},
            },
            stdout=subprocess.DEVNULL,
            stderr=open(self.dir / f"{name}.log", "ab"),  # noqa: SIM115
            start_new_session=True,
        )
        wait_for(f"http://127.0.0.1:{port}/healthz")

    def stop_app(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None:
            return
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def worker_pids(self, name: str) -> list[int]:
        parent = self.procs[name].pid
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                pids.append(int(stat.parent.name))
        return pids

    @staticmethod
    def rss_mb(pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def start_nginx(
        self, app_port: int, front_port: int, static_port: int, purge_port: int, refresh_port: int
    ):
        """nginx with the deploy profile's site (adapted to local ports) and a static server."""
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        site = re.sub(r"server \{\n    listen 80;.*?\n\}\n", "", site, count=1, flags=re.S)
        site = site.replace("/srv/gazette/var", str(self.var))
        site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{front_port};")
        site = site.replace("    listen [::]:443 ssl http2;\n", "")
        site = re.sub(r"    ssl_certificate.*\n", "", site)
        site = site.replace("127.0.0.1:8081", f"127.0.0.1:{purge_port}")
        site = site.replace("127.0.0.1:8082", f"127.0.0.1:{refresh_port}")
        (self.dir / "site.conf").write_text(site)
        tmp = self.dir / "nginx-tmp"
        tmp.mkdir(exist_ok=True)
        (self.dir / "static-ref").mkdir(exist_ok=True)
        main = f"""
user root;
worker_processes 2;
pid {self.dir}/nginx.pid;
error_log {self.dir}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{static_port};
        root {self.dir}/static-ref;
    }}
    include {self.dir}/site.conf;
}}
"""
        (self.dir / "nginx.conf").write_text(main)
        subprocess.run(
            ["nginx", "-t", "-c", str(self.dir / "nginx.conf")], check=True, capture_output=True
        )
        self.procs["nginx"] = subprocess.Popen(
            ["nginx", "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(0.5)

    def stop(self) -> None:
        for name in list(self.procs):
            if name == "nginx":
                proc = self.procs.pop(name)
                proc.send_signal(signal.SIGQUIT)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
            else:
                self.stop_app(name)
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
