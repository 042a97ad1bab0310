#!/usr/bin/env bash
# End to end: `quantdesk backtest --data RELIANCE.csv` as a whole process over 1,000,000 one-minute
# bars, through the launcher as a user runs it. Times the first run (no bar cache: parse the CSV and
# write the cache) and the second (load the cache), plus the launcher and JVM start on their own,
# with hyperfine when it is installed and a plain loop otherwise. Then prints one --timing line for
# each kind of run: read (parse or cache), engine, metrics and report seconds inside the process.
#   bench/e2e.sh                      # 1,000,000 bars, 5 timed runs of each
#   bench/e2e.sh --bars 200000 --runs 10 --dir /tmp/e2e
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
bars=1000000
runs=5
dir="${TMPDIR:-/tmp}/quantdesk-e2e"
while [ $# -gt 0 ]; do
    case "$1" in
        --bars) bars="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "bench/e2e.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
quantdesk="$root/quantdesk"
csv="$dir/RELIANCE.csv"
cache="$dir/.RELIANCE.csv.qdbars"
mkdir -p "$dir"

# Builds the jar if the sources changed and makes the launcher's class-data archive: neither is timed.
"$quantdesk" --version >/dev/null

if [ ! -f "$csv" ] || [ "$(($(wc -l <"$csv") - 1))" -ne "$bars" ]; then
    # 375 one-minute bars a session, about 250 sessions a year: generate enough years, keep the first rows.
    years=$((bars / 90000 + 1))
    rm -rf "$dir/generated"
    "$quantdesk" data generate --symbols RELIANCE --bar 1m --from 2000-01-03 --to "$((2000 + years))-12-31" \
        --out "$dir/generated" >/dev/null
    head -n "$((bars + 1))" "$dir/generated/RELIANCE.csv" >"$csv"
    rm -rf "$dir/generated"
fi
run="$quantdesk backtest --data $csv --no-progress"
echo "data: $csv ($(($(wc -l <"$csv") - 1)) bars, $(du -h "$csv" | cut -f1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style basic --runs "$runs" --prepare "rm -f $cache" -n "first run (parse CSV, write cache)" "$run"
    "$quantdesk" backtest --data "$csv" --no-progress >/dev/null
    hyperfine --style basic --runs "$runs" --warmup 1 -n "second run (bar cache)" "$run"
    hyperfine --style basic --runs "$runs" --warmup 1 -n "launcher + JVM start (quantdesk --version)" \
        "$quantdesk --version"
else
    time_runs() {
        local label="$1" prepare="$2" i start end
        for i in $(seq "$runs"); do
            eval "$prepare"
            start=$(date +%s%N)
            $run >/dev/null
            end=$(date +%s%N)
            echo "$label: $(((end - start) / 1000000)) ms"
        done
    }
    time_runs "first run" "rm -f $cache"
    time_runs "second run" ":"
fi

echo "inside the process (--timing):"
rm -f "$cache"
echo -n "  first:  "; $run --timing | grep '^Timing'
echo -n "  second: "; $run --timing | grep '^Timing'
