#!/usr/bin/env bash
# Start the web server: granian serving gazette.wsgi (cache hits answered before Django).
# Environment: WEB_WORKERS, WEB_THREADS, GAZETTE_HOST, GAZETTE_PORT (see deploy/env.example).
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
  --log-level warning \
  gazette.wsgi:application
