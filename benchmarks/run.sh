#!/usr/bin/env bash
# Runs the ffi-bridge benchmarks. From anywhere:
#   benchmarks/run.sh quick     < 3 min: every JMH benchmark at n = 1 024 only, short iterations, -prof gc,
#                               cold load in 5 fresh JVMs, the C floor, Python ctypes; output in benchmarks/target/quick/
#   benchmarks/run.sh full      ~40 min: one JMH run per table (every n), -prof gc, cold load in 20 fresh JVMs
#                               (and 20 more with a JDK 25 AOT cache), the C floor, Python ctypes;
#                               JSON + report.md in benchmarks/results/, charts in docs/benchmarks/
#   benchmarks/run.sh only T... redo some of full's tables in benchmarks/results/ (T: Call Fill Sum Codec SequenceCodec
#                               Strategy LargeName ColdLoad ColdLoadAot CFloor Ctypes), then report.md and the charts
#   benchmarks/run.sh report    redo report.md and the charts from benchmarks/results/*.json
#   benchmarks/run.sh smoke     < 2 min, no figures: every JMH benchmark once (n = 1 024, 1 fork, 1 short iteration,
#                               no warmup), cold load in 1 JVM, then report.md and charts in benchmarks/target/smoke/;
#                               proves the build -> JMH -> JSON -> report path
#   benchmarks/run.sh jmh ARGS  the benchmark jar with your own JMH arguments (e.g. FillBench -p n=1024 -prof gc)
# It builds first (./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests) unless SKIP_BUILD=1.
# The JDK: the one the build selects (maven-toolchains-plugin, JDK >= 22), which the build records in
# benchmarks/target/benchmark-jdk; to choose another, steer the build, e.g.
# MAVEN_ARGS='-Dffibridge.jdk.version=[25,)'. Python ctypes runs when python3 with numpy is there (skip: NO_PYTHON=1).
# Keep the machine otherwise idle while it runs.
set -euo pipefail

mode=${1:-quick}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

major_of() { # JAVA_VERSION from a JDK's release file -> its major version
    local v
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null | head -n 1)
    v=${v#1.}
    v=${v%%[!0-9]*}
    echo "${v:-0}"
}

JAR="$here/target/benchmarks.jar"
cd "$root"

if [ "${SKIP_BUILD:-0}" != 1 ] && [ "$mode" != report ]; then
    echo "== build"
    ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
fi

# The JDK the build selected (toolchains, see benchmarks/pom.xml's record-jdk), recorded by the build.
jdk_file="$here/target/benchmark-jdk"
[ -f "$jdk_file" ] || {
    echo "no $jdk_file: build the benchmarks first (benchmarks/run.sh quick, or ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests)" >&2
    exit 1
}
JDK=$(cat "$jdk_file")
JAVA="$JDK/bin/java"
echo "== JDK (the build's choice): $JDK"

JVM_FLAGS=(--enable-native-access=ALL-UNNAMED)
# JMH 1.37 uses sun.misc.Unsafe, which JDK 24+ warns about; JDK 23+ can silence it. Forks inherit these flags.
[ "$(major_of "$JDK")" -ge 23 ] && JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)

jmh() {
    "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" "$@"
}

environment() { # machine facts for the report
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores"
    echo "kernel: $(uname -sr)"
    echo "jdk: $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p') ($JDK)"
    echo "rustc: $(rustc --version 2>/dev/null || echo unknown)"
    echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
}

# The C floor and Python use a copy of the library taken right after the build, so that they measure the
# same bytes as the jar even if native-impl is rebuilt meanwhile.
LIB="$here/target/libffi_bridge.so"
if [ "$mode" != report ] && [ -f "$root/native-impl/target/cargo/release/libffi_bridge.so" ]; then
    cp "$root/native-impl/target/cargo/release/libffi_bridge.so" "$LIB"
fi
c_floor() { # libffi_bridge.so called from C, no JVM: $1 = output file, $2 = --quick or nothing
    if [ -x "$here/target/native-floor" ] && [ -f "$LIB" ]; then
        echo "== C floor (the same library called from C, no JVM)"
        "$here/target/native-floor" "$LIB" ${2:-} >"$1"
    else
        echo "== C floor skipped (no gcc at build time, or no $LIB)"
    fi
}

cold_aot() { # cold load with a JDK 25+ AOT cache trained by ColdLoadMain: $1 = output file, $2 = forks
    if [ "$(major_of "$JDK")" -lt 25 ]; then
        echo "== cold load with an AOT cache skipped (needs JDK 25+)"
        return 0
    fi
    local aot="$here/target/coldload.aot"
    echo "== cold load with an AOT cache (training: ColdLoadMain with -XX:AOTCacheOutput)"
    rm -f "$aot"
    "$JAVA" "${JVM_FLAGS[@]}" -XX:AOTCacheOutput="$aot" -cp "$JAR" dev.ffibridge.benchmarks.ColdLoadMain native
    jmh '\.ColdLoadAotBench\.' -f "$2" -jvmArgsAppend "-XX:AOTCache=$aot -Xms256m -Xmx256m" -rf json -rff "$1"
}

python_ok() {
    [ "${NO_PYTHON:-0}" != 1 ] && command -v python3 >/dev/null 2>&1 && python3 -c 'import numpy' >/dev/null 2>&1
}

report() { # report.md and charts from the JSON files in $1; charts into $2
    local dir=$1 charts=$2
    local files=() f
    for f in "$dir"/*.json; do # JMH's files first, then the C floor's and Python's
        case $(basename "$f") in c-floor.json | ctypes.json) ;; *) [ -e "$f" ] && files+=("$f") ;; esac
    done
    for f in "$dir/c-floor.json" "$dir/ctypes.json"; do [ -e "$f" ] && files+=("$f"); done
    [ ${#files[@]} -gt 0 ] || { echo "no results in $dir" >&2; return 1; }
    "$JAVA" -cp "$JAR" dev.ffibridge.benchmarks.report.Report --out "$dir/report.md" "${files[@]}"
    "$JAVA" -cp "$JAR" dev.ffibridge.benchmarks.report.Charts "$charts" "${files[@]}"
}

case $mode in
    quick)
        out="$here/target/quick"
        mkdir -p "$out"
        rm -f "$out"/*.json
        environment | tee "$out/environment.txt"
        echo "== JMH, n = 1 024, short iterations, -prof gc"
        jmh '\.(Call|Fill|Sum|Codec|SequenceCodec|Strategy)Bench\.' -p n=1024 -f 1 -wi 1 -w 300ms -i 2 -r 300ms \
            -prof gc -rf json -rff "$out/quick.json" "$@"
        echo "== cold load, 5 fresh JVMs"
        jmh '\.ColdLoadBench\.load_(native|java)$' -f 5 -rf json -rff "$out/cold.json"
        cold_aot "$out/cold-aot.json" 5
        c_floor "$out/c-floor.json" --quick
        if python_ok; then
            echo "== Python ctypes (the guide's code)"
            python3 "$here/python/ctypes_bench.py" --quick --lib "$LIB" --json "$out/ctypes.json"
        fi
        report "$out" "$out/charts"
        echo "== report: $out/report.md"
        ;;
    smoke)
        out="$here/target/smoke"
        mkdir -p "$out"
        rm -f "$out"/*.json
        echo "== JMH smoke: every benchmark once, n = 1 024 (figures mean nothing)"
        jmh '\.(Call|Fill|Sum|Codec|SequenceCodec|Strategy|LargeName)Bench\.' -p n=1024 -f 1 -wi 0 -i 1 -r 100ms \
            -rf json -rff "$out/smoke.json" "$@"
        jmh '\.ColdLoadBench\.' -f 1 -rf json -rff "$out/cold.json"
        report "$out" "$out/charts"
        echo "== report: $out/report.md"
        ;;
    full)
        SKIP_BUILD=1 "$0" only Call Fill Sum Codec SequenceCodec Strategy LargeName ColdLoad ColdLoadAot CFloor Ctypes
        ;;
    only)
        out="$here/results"
        mkdir -p "$out"
        [ "$*" = "Call Fill Sum Codec SequenceCodec Strategy LargeName ColdLoad ColdLoadAot CFloor Ctypes" ] &&
            environment | tee "$out/environment.txt"
        for table in "$@"; do
            case $table in
                Call | Fill | Sum | Codec | SequenceCodec | Strategy | LargeName)
                    echo "== JMH: ${table}Bench (one run for the whole table)"
                    echo "${table}Bench ($(date -u +%FT%TZ)): load before $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
                    jmh "\\.${table}Bench\\." -prof gc -rf json -rff "$out/${table}Bench.json"
                    echo "${table}Bench: load after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
                    ;;
                ColdLoad)
                    echo "== JMH: ColdLoadBench (20 fresh JVMs per benchmark)"
                    echo "ColdLoadBench ($(date -u +%FT%TZ)): load before $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
                    jmh '\.ColdLoadBench\.' -rf json -rff "$out/ColdLoadBench.json"
                    ;;
                ColdLoadAot) cold_aot "$out/ColdLoadAotBench.json" 20 ;;
                CFloor) c_floor "$out/c-floor.json" ;;
                Ctypes)
                    if python_ok; then
                        echo "== Python ctypes (the guide's code)"
                        python3 "$here/python/ctypes_bench.py" --lib "$LIB" --json "$out/ctypes.json"
                    else
                        echo "== Python ctypes skipped (no python3 with numpy)"
                    fi
                    ;;
                *)
                    echo "unknown table $table" >&2
                    exit 2
                    ;;
            esac
        done
        echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
        report "$out" "$root/docs/benchmarks"
        echo "== report: $out/report.md, charts: docs/benchmarks/*.svg"
        ;;
    report)
        report "$here/results" "$root/docs/benchmarks"
        ;;
    jmh)
        jmh "$@"
        ;;
    *)
        echo "usage: benchmarks/run.sh [quick|full|only TABLE...|report|smoke|jmh ARGS...]" >&2
        exit 2
        ;;
esac
