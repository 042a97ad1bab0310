# Sourced by ./quantdesk and bench/ab.sh, after .ci/find-jdk.sh: the training run behind a start-up
# archive.
#
# qd_train JAVA JAR OPTION...: has the jar write two years of its deterministic one-minute bars for
# TCS (`data generate`, seed 7: 195,000 bars, not the benchmarks' RELIANCE), then runs JAVA with the
# OPTIONs (the one that writes the archive among them) on a backtest of that CSV file with ₹1,50,000
# of capital, output discarded: 6,717 orders, 740 of them denied for concentration, so the archive
# sees fills and denials. It is that long because the order path's methods reach the JIT's last tier
# only after some thousands of orders; when they reached it in training, the archive's profiles let
# a later run compile them at once (docs/benchmarks.md, "The training run"). Where the bars cannot be
# written it backtests the synthetic market instead, with a backtest's collector (qd_collector)
# unless the OPTIONs name one. Returns the backtest's status.
qd_train() {
    local java="$1" jar="$2" dir status=0 collector=""
    shift 2
    qd_collector collector backtest "$*"
    local data=(--synthetic)
    dir=$(mktemp -d 2>/dev/null) || dir=""
    if [ -n "$dir" ] && "$java" -jar "$jar" data generate --symbols TCS --bar 1m --from 2022-01-03 \
            --to 2023-12-29 --seed 7 --out "$dir" >/dev/null 2>&1 && [ -f "$dir/TCS.csv" ]; then
        data=(--data "$dir/TCS.csv" --capital 150000)
    fi
    # shellcheck disable=SC2086
    "$java" $collector "$@" -jar "$jar" backtest "${data[@]}" --no-progress >/dev/null 2>&1 || status=$?
    if [ -n "$dir" ]; then
        rm -rf "$dir" 2>/dev/null || true
    fi
    return "$status"
}
