"""Start the web server the way production does, from Python (benchmarks, live tests).

`deploy/granian.sh` is the one place the granian command is built; this module only fills
in the environment it reads, so a benchmark measures exactly what `make run` serves.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER_SCRIPT = ROOT / "deploy" / "granian.sh"


def server_command() -> list[str]:
    return ["bash", str(SERVER_SCRIPT)]


def server_env(
    port: int,
    *,
    workers: int = 2,
    threads: int = 4,
    log_level: str = "error",
    app: str = "gazette.wsgi:application",
    **knobs: str | int,
) -> dict[str, str]:
    """Variables for deploy/granian.sh; `knobs` are more of its WEB_* settings."""
    return {
        # The virtualenv of the Python running this, not necessarily ./.venv.
        "GAZETTE_VENV": str(Path(sys.executable).parent.parent),
        "GAZETTE_HOST": "127.0.0.1",
        "GAZETTE_PORT": str(port),
        "WEB_WORKERS": str(workers),
        "WEB_THREADS": str(threads),
        "WEB_LOG_LEVEL": log_level,
        "GAZETTE_WSGI_APP": app,
        **{key: str(value) for key, value in knobs.items()},
    }
