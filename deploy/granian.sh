#!/usr/bin/env bash
# Start the web server: granian serving gazette.wsgi (cache hits answered before Django).
# The one place the server command is built: make run (Procfile), make audit, the systemd
# unit, the benchmarks and the live tests all start the site through this script.
# Environment: GAZETTE_HOST, GAZETTE_PORT, WEB_WORKERS, WEB_THREADS, WEB_BACKLOG,
# WEB_BACKPRESSURE, WEB_MAX_RSS_MB, WEB_LOG_LEVEL, GAZETTE_WSGI_APP (see deploy/env.example).
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${GAZETTE_VENV:-.venv}/bin/granian" \
  --interface wsgi \
  --host "${GAZETTE_HOST:-127.0.0.1}" --port "${GAZETTE_PORT:-8000}" \
  --workers "${WEB_WORKERS:-2}" \
  --blocking-threads "${WEB_THREADS:-8}" \
  --backlog "${WEB_BACKLOG:-1024}" \
  --backpressure "${WEB_BACKPRESSURE:-32}" \
  --respawn-failed-workers \
  --workers-max-rss "${WEB_MAX_RSS_MB:-512}" \
  --no-ws \
  --log-level "${WEB_LOG_LEVEL:-warning}" \
  "${GAZETTE_WSGI_APP:-gazette.wsgi:application}"
