# Sourced by ./quantdesk and bench/ab.sh: the training run behind a start-up archive.
#
# qd_train JAVA JAR OPTION...: runs JAVA with the OPTIONs (the one that writes the archive among
# them) on a backtest of .ci/training-bars.awk's bars with ₹1,35,000 of capital, output discarded;
# about 46 fills and 21 concentration denials, so the archive sees both. Where awk or a temporary
# directory is missing it backtests the synthetic market instead. Returns the backtest's status.
qd_train() {
    local java="$1" jar="$2" dir status=0
    shift 2
    local data=(--synthetic)
    dir=$(mktemp -d 2>/dev/null) || dir=""
    if [ -n "$dir" ] && awk -f "$(dirname "${BASH_SOURCE[0]}")/training-bars.awk" >"$dir/RELIANCE.csv" 2>/dev/null; then
        data=(--data "$dir/RELIANCE.csv" --capital 135000)
    fi
    "$java" "$@" -jar "$jar" backtest "${data[@]}" --no-progress >/dev/null 2>&1 || status=$?
    if [ -n "$dir" ]; then
        rm -rf "$dir" 2>/dev/null || true
    fi
    return "$status"
}
