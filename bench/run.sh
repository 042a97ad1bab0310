#!/usr/bin/env bash
# Builds the project's snapshot jars and the benchmark jar, then runs the JMH benchmarks or, with
# `startup` first, the startup benchmark. Other arguments go to JMH (or to the startup benchmark);
# without any, JMH runs with the settings docs/benchmarks.md reports.
#   bench/run.sh                          # as in docs/benchmarks.md
#   bench/run.sh BacktestBenchmark.bareLoop -f 1 -wi 2 -i 3
#   bench/run.sh -h                       # JMH's own options
#   bench/run.sh startup                  # restart with 100,000 journal events, 10 times
#   bench/run.sh startup --help           # its options
#   bench/run.sh api stress               # 500 users against the HTTP API (also: api orders, api wrk)
#   bench/run.sh dashboard                # the web dashboard under hundreds of quotes/s, in headless Chromium
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-jdk.sh"
if ! qd_find_jdk; then
    echo "the benchmarks need a JDK 21 or newer: install one and set JAVA_HOME to it." >&2
    exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
# Installs only the modules the benchmarks use (and their parent), running no test. -DskipTests
# stops Surefire; the Failsafe version the root pom uses (3.6.1) ignores that property, so without
# -DskipITs the store's PostgreSQL integration tests would still run. Tests are still compiled:
# core's test-jar is installed with it (-Dmaven.test.skip would leave it out).
if [ "${1:-}" = api ] || [ "${1:-}" = dashboard ]; then
    # The API and dashboard harnesses start the application jar as a child process: build it too.
    (cd "$root" && mvn -q -DskipTests -DskipITs -pl app -am install)
else
    (cd "$root" && mvn -q -DskipTests -DskipITs -pl core,sim,backtest,store,server -am install)
fi
mvn -q -f "$root/bench/pom.xml" package
if [ "${1:-}" = api ]; then
    shift
    cd "$root"
    exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" com.quantdesk.bench.api.ApiLoad "$@"
fi
if [ "${1:-}" = dashboard ]; then
    shift
    cd "$root"
    exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" com.quantdesk.bench.web.DashboardLoad "$@"
fi
if [ "${1:-}" = startup ]; then
    shift
    exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" com.quantdesk.bench.StartupBenchmark "$@"
fi
if [ "$#" -eq 0 ]; then
    set -- -f 1 -wi 3 -w 5s -i 5 -r 5s
fi
exec "$JAVA_HOME/bin/java" -jar "$root/bench/target/benchmarks.jar" "$@"
