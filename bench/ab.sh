#!/usr/bin/env bash
# Two builds of the jar compared as whole processes, run alternately (A, B, B, A, A, B, ...) so that
# both see the same drift of the machine and neither always runs after the other; prints each one's
# median, mean and sorted wall times in ms.
# Each jar gets its own start-up archive (AOT cache on JDK 25+, AppCDS before), trained as the
# launcher trains it (.ci/training.sh: a backtest of two years of one-minute bars); both run with
# app/jvm.options and the launcher's collector for the command (none where QD_AB_OPTS_A or _B names
# one), as the launcher runs them. Run bench/e2e.sh once first for the data.
#   bench/ab.sh A.jar B.jar                        # 10 pairs of the 1,000,000-bar cached backtest
#   bench/ab.sh A.jar B.jar --pairs 20 -- backtest --data /tmp/quantdesk-e2e/RELIANCE.csv --no-progress
#   QD_AB_OPTS_B=-XX:+UseSerialGC bench/ab.sh app/target/quantdesk.jar app/target/quantdesk.jar
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-jdk.sh"
qd_find_jdk || { echo "bench/ab.sh: needs a JDK 21 or newer" >&2; exit 1; }
[ $# -ge 2 ] || { sed -n '2,9p' "$0"; exit 2; }
jar_a="$1"; jar_b="$2"; shift 2
pairs=10
args=(backtest --data "${TMPDIR:-/tmp}/quantdesk-e2e/RELIANCE.csv" --no-progress)
while [ $# -gt 0 ]; do
    case "$1" in
        --pairs) pairs="$2"; shift 2 ;;
        --) shift; args=("$@"); break ;;
        *) echo "bench/ab.sh: unknown argument $1 (see the top of the script)" >&2; exit 2 ;;
    esac
done
java="$JAVA_HOME/bin/java"
options="@$root/app/jvm.options"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feature=0
qd_release_major feature "$JAVA_HOME/release" || true
# Each jar's archive from the launcher's training run.
. "$root/.ci/training.sh"
for side in a b; do
    jar_var="jar_$side"
    cp "${!jar_var}" "$work/$side.jar"
    if [ "$feature" -ge 25 ]; then
        qd_train "$java" "$work/$side.jar" "$options" "-XX:AOTCacheOutput=$work/$side.aot" -Xlog:aot=off,cds=off
        eval "archive_$side=(-XX:AOTCache=$work/$side.aot -Xlog:aot=off,cds=off)"
    else
        qd_train "$java" "$work/$side.jar" "$options" "-XX:ArchiveClassesAtExit=$work/$side.jsa" \
            -Xlog:cds=off,cds+dynamic=off
        eval "archive_$side=(-XX:SharedArchiveFile=$work/$side.jsa -Xlog:cds=off,cds+dynamic=off)"
    fi
done
times_a=(); times_b=()
# A, B, then B, A: which side runs first alternates, so neither always follows the other.
for pair in $(seq "$pairs"); do
    if [ $((pair % 2)) = 1 ]; then order="a b"; else order="b a"; fi
    for side in $order; do
        archive="archive_$side[@]"
        opts_var="QD_AB_OPTS_$(echo "$side" | tr a-z A-Z)"
        collector=""
        qd_collector collector "${args[0]:-}" "${!opts_var:-}"
        start=$(date +%s%N)
        # shellcheck disable=SC2086
        "$java" "$options" $collector ${!opts_var:-} "${!archive}" -jar "$work/$side.jar" "${args[@]}" >/dev/null
        end=$(date +%s%N)
        if [ "$side" = a ]; then times_a+=($(((end - start) / 1000000))); else times_b+=($(((end - start) / 1000000))); fi
    done
done
summary() {
    printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1; s += $1 } END {
        printf "median %d ms, mean %.0f ms  [", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), s / NR
        for (i = 1; i <= NR; i++) printf "%s%d", (i > 1 ? " " : ""), t[i]; print "]" }'
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $pairs pairs of: ${args[*]}"
echo "A ($jar_a ${QD_AB_OPTS_A:-}): $(summary "${times_a[@]}")"
echo "B ($jar_b ${QD_AB_OPTS_B:-}): $(summary "${times_b[@]}")"
