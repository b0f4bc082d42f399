"""The embedded shared cache: one SQLite file every process sees; the deploy profile agrees."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from gazette.caching.sqlite import SQLiteCache

ROOT = Path(__file__).resolve().parents[3]

COUNT_IN_ANOTHER_PROCESS = """
import sys
sys.path.insert(0, {root!r})
from gazette.caching.sqlite import SQLiteCache
cache = SQLiteCache({path!r}, {{}})
for _ in range(200):
    cache.incr("hits")
"""


def test_processes_share_values_and_counts_without_losing_any(tmp_path):
    path = str(tmp_path / "cache.sqlite3")
    cache = SQLiteCache(path, {})
    cache.set("greeting", {"text": "marhaba"}, 60)
    assert cache.add("hits", 0, 60)
    script = COUNT_IN_ANOTHER_PROCESS.format(root=str(ROOT), path=path)
    env = {"DJANGO_SETTINGS_MODULE": "gazette.settings_test", "PATH": "/usr/bin:/bin"}
    counters = [
        subprocess.Popen(
            [sys.executable, "-c", "import django; django.setup()\n" + script], cwd=ROOT, env=env
        )
        for _ in range(3)
    ]
    for _ in range(200):
        cache.incr("hits")
    assert all(proc.wait(timeout=120) == 0 for proc in counters)
    assert cache.get("hits") == 800  # 4 processes × 200, none lost
    assert SQLiteCache(path, {}).get("greeting") == {"text": "marhaba"}


def test_expiry_add_touch_and_delete(tmp_path):
    cache = SQLiteCache(str(tmp_path / "c.sqlite3"), {})
    cache.set("gone", 1, -1)
    assert cache.get("gone") is None and cache.add("gone", 2, 60) and cache.get("gone") == 2
    assert not cache.add("gone", 3, 60)
    assert cache.touch("gone", 60) and cache.delete("gone") and not cache.has_key("gone")


def test_nginx_prerender_policy_is_the_apps_policy_for_pages_without_inline_script():
    from gazette.security.csp import public_policy

    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    prerender = re.search(r'add_header Content-Security-Policy "([^"]+)"', conf).group(1)
    assert prerender == public_policy(None) + "; upgrade-insecure-requests"
