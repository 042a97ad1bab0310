# Sourced by ./quantdesk, deploy/bin/quantdesk (as lib/find-jdk.sh), bench/ab.sh and .ci/run.
# qd_find_jdk exports JAVA_HOME pointing at a JDK 21 or newer. Order: $JAVA_HOME, then the java on
# PATH, then /usr/lib/jvm/*. Returns 1 when none is found. qd_collector picks the garbage collector
# of a quantdesk command.

qd_release_value() {
    # Sets the variable named $1 to the value of key $3 in the JDK release file $2 (quotes removed);
    # returns 1 when the file or the key is missing. Bash builtins only: no process is started.
    local line
    [ -f "$2" ] || return 1
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            "$3="*)
                line="${line#"$3="}"
                line="${line#\"}"
                printf -v "$1" '%s' "${line%\"}"
                return 0
                ;;
        esac
    done <"$2"
    return 1
}

qd_release_major() {
    # Sets the variable named $1 to the feature version (17, 21, 25, ...) in the release file $2;
    # returns 1 when it has none, or Java 8's "1.8".
    local version
    qd_release_value version "$2" JAVA_VERSION || return 1
    version="${version%%[!0-9]*}"
    [ -n "$version" ] && [ "$version" != 1 ] || return 1
    printf -v "$1" '%s' "$version"
}

qd_collector() {
    # Sets the variable named $1 to the garbage collector option for the quantdesk command whose first
    # argument is $2, or to nothing when the JVM options in $3 (QUANTDESK_JAVA_OPTS) choose one: two
    # collectors on one command line stop the JVM. The servers (paper, live, kite-sandbox) run G1,
    # whose pauses stay short however long they run and however large the heap grows. Every other
    # command runs to an end and runs the parallel collector: its write barrier is a single card
    # mark, where G1's is a filter and a queue that the interpreter and C1's code pay for on every
    # reference store. A 1,000,000-bar backtest takes 0.83 s instead of 0.95 s, a 1,000-combination
    # sweep 2.09 s instead of 2.29 s (docs/benchmarks.md, "The collector").
    case " $3 " in
        *" -XX:+Use"*"GC "*) printf -v "$1" '%s' ""; return 0 ;;
    esac
    case "$2" in
        paper | live | kite-sandbox) printf -v "$1" '%s' -XX:+UseG1GC ;;
        *) printf -v "$1" '%s' -XX:+UseParallelGC ;;
    esac
}

qd_java_major() {
    # Prints the feature version of the java binary given as $1 (17, 21, 25, ...). The JDK's release
    # file says it without starting a JVM (about 0.1 s on every launch); Java 8's "1.8" and a JDK
    # without the file are asked directly.
    local path v
    path="$1"
    if [ -L "$path" ]; then
        path="$(readlink -f "$path")"
    fi
    if qd_release_major v "${path%/*/*}/release"; then
        echo "$v"
        return 0
    fi
    "$1" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ {print $2; exit}' \
        | awk -F. '{ if ($1 == "1") print $2; else print $1 }'
}

qd_is_jdk21() {
    # $1 is a candidate JAVA_HOME; true when it has java and javac of version 21 or newer.
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    local v
    if ! qd_release_major v "$1/release"; then
        v=$(qd_java_major "$1/bin/java")
    fi
    [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null
}

qd_find_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && qd_is_jdk21 "$JAVA_HOME"; then
        export JAVA_HOME; return 0
    fi
    local java_on_path
    java_on_path=$(command -v java 2>/dev/null || true)
    if [ -n "$java_on_path" ]; then
        local home
        home=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
        if qd_is_jdk21 "$home"; then
            export JAVA_HOME="$home"; return 0
        fi
    fi
    local best="" best_v=0 candidate v
    for candidate in /usr/lib/jvm/*; do
        [ -d "$candidate" ] || continue
        if qd_is_jdk21 "$candidate"; then
            v=$(qd_java_major "$candidate/bin/java")
            if [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v=$v; fi
        fi
    done
    if [ -n "$best" ]; then
        export JAVA_HOME="$best"; return 0
    fi
    return 1
}
