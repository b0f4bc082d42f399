#!/usr/bin/env bash
# Run every benchmark in bench/: each *.sh here (but this one) and each *.py that has a
# main guard. A benchmark whose tools are missing says so and is skipped; the rest run.
# Usage: bash bench/run_all.sh [name-filter]
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${GAZETTE_PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
filter="${1:-}"
failed=0
ran=0
for script in bench/*.sh bench/*.py; do
  [ -e "$script" ] || continue
  name="$(basename "$script")"
  [ "$name" = "run_all.sh" ] && continue
  [[ "$name" == _* ]] && continue  # helpers (_stack.py, _seed_magazine.py)
  [ -n "$filter" ] && [[ "$name" != *"$filter"* ]] && continue
  case "$script" in
    *.py) grep -q '^if __name__ == "__main__":' "$script" || continue
          [ "${BENCH_SKIP_SOAK:-}" = 1 ] && [ "$name" = soak.py ] && { echo "== $name: skipped (BENCH_SKIP_SOAK=1)"; continue; }
          cmd=("$PY" "$script") ;;
    *.sh) cmd=(bash "$script") ;;
  esac
  echo "== $name"
  ran=$((ran + 1))
  if ! "${cmd[@]}"; then
    echo "== $name FAILED"
    failed=$((failed + 1))
  fi
done
echo "== $ran benchmarks run, $failed failed"
exit $((failed > 0))
