#!/usr/bin/env bash
# Time `gazette_demo` on an empty SQLite database (the issue's target: under 60 s).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GAZETTE_VAR_DIR="$tmp" DATABASE_URL="sqlite:///$tmp/bench.sqlite3"
.venv/bin/python manage.py migrate --noinput --verbosity 0
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
.venv/bin/python manage.py gazette_demo | tail -8
end=$(date +%s.%N)
printf 'demo build: %.1f s (load after: %s)\n' "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
