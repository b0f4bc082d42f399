#!/usr/bin/env bash
# Requests per second of the ad endpoints a reader's browser calls (slot list, impression
# beacon, click redirect) beside an article page and nginx serving a static file, all
# on 127.0.0.1, served by granian as in production. Bounded: 8 s per wrk run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8477}
NGINX_PORT=${NGINX_PORT:-8478}
tmp=$(mktemp -d)
cleanup() {
  [[ -n "${web_pid:-}" ]] && kill "$web_pid" 2>/dev/null || true
  [[ -f "$tmp/nginx.pid" ]] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export GAZETTE_VAR_DIR="$tmp" DATABASE_URL="sqlite:///$tmp/bench.sqlite3" TASKS_BACKEND=immediate
export SITE_URL="http://127.0.0.1:$PORT" STATIC_MANIFEST=0 LOG_LEVEL=WARNING
"$PY" manage.py migrate --noinput --verbosity 0
eval "$("$PY" manage.py shell < bench/ads_seed.py 2>/dev/null | grep '^ARTICLE=')"
GAZETTE_PORT="$PORT" WEB_WORKERS=2 WEB_THREADS=4 deploy/granian.sh > "$tmp/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

# The same bytes as the slot list, from nginx, as the reference point.
curl -s "http://127.0.0.1:$PORT/ads/slot/sidebar.json?lang=en&section=$SECTION&kind=opinion" > "$tmp/slot.json"
cat > "$tmp/nginx.conf" <<CONF
worker_processes 2; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; server { listen 127.0.0.1:$NGINX_PORT; root $tmp; } }
CONF
nginx -c "$tmp/nginx.conf"

cat > "$tmp/beacon.lua" <<LUA
wrk.method = "POST"
wrk.body = "c=$CREATIVE&s=sidebar"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36"
LUA
cat > "$tmp/click.lua" <<LUA
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36"
LUA

run() {  # name, url, [lua script]
  local args=(-t2 -c32 -d8s --latency)
  [[ -n "${3:-}" ]] && args+=(-s "$3")
  local out
  out=$(wrk "${args[@]}" "$2")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| endpoint | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"
run "nginx: the slot list as a static file" "http://127.0.0.1:$NGINX_PORT/slot.json"
run "slot list JSON (/ads/slot/sidebar.json)" "http://127.0.0.1:$PORT/ads/slot/sidebar.json?lang=en&section=$SECTION&kind=opinion"
run "impression beacon (POST /ads/seen)" "http://127.0.0.1:$PORT/ads/seen" "$tmp/beacon.lua"
run "click redirect (/ads/click/N/)" "http://127.0.0.1:$PORT/ads/click/$CREATIVE/?slot=sidebar" "$tmp/click.lua"
run "article page, no page cache (for scale)" "http://127.0.0.1:$PORT$ARTICLE"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Every beacon and click was counted, none lost: drain the buffer and compare.
"$PY" manage.py shell -c "
from gazette.ads.counters import get_buffer
pending = get_buffer().pending()
print('buffered events:', sum(pending.values()))
from gazette.ads.actions import do_flush_counters
print('applied to daily counts:', do_flush_counters())
" 2>/dev/null
