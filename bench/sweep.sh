#!/usr/bin/env bash
# A 1,000-combination parameter sweep as a whole process: `quantdesk sweep` of sma-cross over
# fast=5..50:5 x slow=20..1010:10 (10 x 100 = 1,000 combinations, those with fast >= slow skipped) on
# the deterministic synthetic market, one symbol, daily bars 2022-01-03..2025-12-31 (about 1,000 bars
# each run). Times it on one thread and on every core, with hyperfine when it is installed and a plain
# loop otherwise, then prints the command's own line ("N backtests in S s").
#   bench/sweep.sh                 # 3 timed runs of each
#   bench/sweep.sh --runs 5
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "bench/sweep.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
quantdesk="$root/quantdesk"
cores="$(nproc)"

# Builds the jar if the sources changed and makes the launcher's class-data archive: neither is timed.
"$quantdesk" --version >/dev/null

sweep() {
    echo "$quantdesk sweep --synthetic --symbols RELIANCE --from 2022-01-03 --to 2025-12-31" \
        "--grid fast=5..50:5 --grid slow=20..1010:10 --rank-by sharpe --no-progress --threads $1"
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $cores"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style basic --runs "$runs" --warmup 1 -n "1,000 combinations, 1 thread" "$(sweep 1)" \
        -n "1,000 combinations, $cores threads" "$(sweep "$cores")"
else
    for threads in 1 "$cores"; do
        for i in $(seq "$runs"); do
            start=$(date +%s%N)
            $(sweep "$threads") >/dev/null
            end=$(date +%s%N)
            echo "$threads thread(s): $(((end - start) / 1000000)) ms"
        done
    done
fi
echo "as the command reports it:"
for threads in 1 "$cores"; do
    echo -n "  $threads thread(s): "; $(sweep "$threads") | grep ' backtests in ' || true
done
