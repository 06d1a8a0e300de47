#!/usr/bin/env bash
# Runs the ffi-bridge benchmarks. From anywhere:
#   benchmarks/run.sh quick     < 3 min: every JMH benchmark at n = 1 024 only, short iterations, -prof gc,
#                               cold load in 5 fresh JVMs, the C floor, Python ctypes; output in benchmarks/target/quick/
#   benchmarks/run.sh full      ~70 min (estimate below): one JMH run per table, -prof gc; in Fill, Sum and
#                               SequenceCodec both providers at every n in one run, the peers (raw FFM, JNI, JNA,
#                               Arrays.fill) in a second run at n = PEER_SIZES; SafepointBench; cold load in 20 fresh
#                               JVMs (and 20 more with a JDK 25 AOT cache), the C floor, Python ctypes; JSON + report.md
#                               in benchmarks/results/ (the old JSON removed first), the generated part of
#                               docs/benchmarks.md, charts in docs/benchmarks/
#                               then confirm (below)
#   benchmarks/run.sh only T... redo some of full's tables in benchmarks/results/ (T: Call Fill Sum Codec SequenceCodec
#                               Strategy LargeName Safepoint ColdLoad ColdLoadAot CFloor Ctypes), then the report; it
#                               removes confirm's re-measurements of those tables, which belonged to their old run
#   benchmarks/run.sh confirm   the close calls of the targets table (report.CloseCalls: a ratio that misses its bound
#                               or meets it by less than 5 %, measured in fewer than 3 forks) again, both sides in one
#                               JMH run of 3 forks, into benchmarks/results/confirm/ (next to the re-measurements there
#                               already, which settled their rows); then the report, which takes them instead
#   benchmarks/run.sh report    redo report.md, docs/benchmarks.md's generated part and the charts from
#                               benchmarks/results/*.json
#   benchmarks/run.sh smoke     < 2 min, no figures: every JMH benchmark once (n = 1 024, SafepointBench at 1 M; 1 fork,
#                               1 short iteration, no warmup), cold load in 1 JVM, then report.md and charts in
#                               benchmarks/target/smoke/; proves the build -> JMH -> JSON -> report path
#   benchmarks/run.sh jmh ARGS  the benchmark jar with your own JMH arguments (e.g. FillBench -p n=1024 -prof gc)
#   benchmarks/run.sh asm ARGS  jmh with a disassembler: builds src/main/c/hsdis_capstone.c (apt: libcapstone-dev) into
#                               target/hsdis/, so that -prof perfasm (here: perfasm:events=cpu-clock, the VM has no
#                               hardware counters) and -XX:+PrintAssembly print instructions
# full's wall time, estimated from the smoke run's ~0.7 s per JMH fork (JVM start, set-up; taken as 1.2 s with
# -prof gc and the large set-ups) and the iterations (ProviderBench: 3 warmup + 5 measured x 0.5 s = 4 s per fork):
#   CallBench      15 benchmarks x 2 forks x (4 + 5) x 0.5 s                       ~ 3 min
#   FillBench      4 kinds x 2 providers x 9 n = 72 forks, peers 7 x 4 n = 28     ~ 8.5 min
#   SumBench       72 forks, peers 4 x 4 n = 16                                     ~ 7.5 min
#   SequenceCodec  2 x 2 x 9 = 36 forks, peers 2 x 4 n = 8                          ~ 4 min
#   CodecBench 12 forks ~ 1 min; StrategyBench 48 forks ~ 4 min; LargeNameBench 12 forks ~ 1.5 min
#   SafepointBench 6 x 5 n = 30 forks x (1 + 3) x 1 s, 5 GB heap, up to 2^28      ~ 3.5 min,
#                  and the 6 person rows at 2 name lengths, 12 forks                ~ 1.5 min
#   cold load 5 x 20 + AOT training + 3 x 20 JVMs ~ 2.5 min; C floor ~ 1 min; Python ctypes ~ 1 min
#   build (./mvnw package, cargo --release) 1-3 min                                  total ~ 38-41 min,
#   plus -XX:+AlwaysPreTouch at each fork's start (ProviderBench.PRE_TOUCH: about 1 s per 2-3 GB heap here)      ~ 45-48 min
#   confirm: some 15-20 JMH runs of 3 forks, 70-80 pairs of forks x ~6 s                                        ~ 20-25 min
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

# full's tables, in order; the n at which the peers of the API (raw FFM, JNI, JNA, Arrays.fill) run in Fill, Sum
# and SequenceCodec, where both providers run at every n of the class
FULL_TABLES="Call Fill Sum Codec SequenceCodec Strategy LargeName Safepoint ColdLoad ColdLoadAot CFloor Ctypes"
PEER_SIZES=16,1024,1048576,16777216
CONFIRM_FORKS=3 # report.CloseCalls.FORKS

logged() { # $1 = a name for environment.txt, then a command: runs it with the load before and after logged
    local name=$1 out="$here/results"
    shift
    echo "$name ($(date -u +%FT%TZ)): load before $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
    "$@"
    echo "$name ($(date -u +%FT%TZ)): load after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$out/environment.txt"
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

result_files() { # the JSON files of $1, one a line, in ReportTest's order: JMH's, the C floor's and Python's, then the
    # re-measurements of confirm, which replace the results they re-measure
    local dir=$1 f LC_ALL=C # LC_ALL: the files in byte order, as ReportTest lists them
    for f in "$dir"/*.json; do
        case $(basename "$f") in c-floor.json | ctypes.json) ;; *) [ -e "$f" ] && echo "$f" ;; esac
    done
    for f in "$dir/c-floor.json" "$dir/ctypes.json" "$dir"/confirm/*.json; do [ -e "$f" ] && echo "$f"; done
    return 0
}

report() { # report.md and charts from the JSON files in $1; charts into $2; $3 (optional): the page whose generated part to redo
    local dir=$1 charts=$2 doc=()
    [ $# -ge 3 ] && doc=(--doc "$3")
    local files=()
    mapfile -t files < <(result_files "$dir")
    [ ${#files[@]} -gt 0 ] || { echo "no results in $dir" >&2; return 1; }
    "$JAVA" -cp "$JAR" dev.ffibridge.benchmarks.report.Report --out "$dir/report.md" "${doc[@]}" "${files[@]}"
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
        jmh '\.SafepointBench\.' -p n=1048576 -f 1 -wi 0 -i 1 -r 100ms -rf json -rff "$out/safepoint.json"
        jmh '\.ColdLoadBench\.' -f 1 -rf json -rff "$out/cold.json"
        report "$out" "$out/charts"
        echo "== report: $out/report.md"
        ;;
    full)
        SKIP_BUILD=1 "$0" only $FULL_TABLES
        SKIP_BUILD=1 "$0" confirm
        ;;
    confirm)
        out="$here/results"
        dir="$out/confirm"
        mkdir -p "$dir"
        mapfile -t files < <(result_files "$out")
        "$JAVA" -cp "$JAR" dev.ffibridge.benchmarks.report.CloseCalls "${files[@]}" >"$dir/invocations.txt"
        echo "== confirm: $(wc -l <"$dir/invocations.txt") JMH runs of $CONFIRM_FORKS forks (the close calls of the targets table)"
        i=0 # numbered after the re-measurements already there
        for f in "$dir"/*.json; do
            [ -e "$f" ] && n=$(basename "$f" .json) && [ $((10#$n)) -gt $i ] && i=$((10#$n))
        done
        while IFS=$'\t' read -r -u 3 -a args; do
            i=$((i + 1))
            case ${args[0]} in
                *SafepointBench*) opts=(-wi 1 -w 1s -i 3 -r 1s) ;; # as its table runs it
                *) opts=(-prof gc) ;;
            esac
            logged "confirm $i" jmh "${args[@]}" -f "$CONFIRM_FORKS" "${opts[@]}" \
                -rf json -rff "$dir/$(printf %02d "$i").json"
        done 3<"$dir/invocations.txt"
        report "$out" "$root/docs/benchmarks" "$root/docs/benchmarks.md"
        ;;
    only)
        out="$here/results"
        mkdir -p "$out"
        if [ "$*" = "$FULL_TABLES" ]; then
            rm -f "$out"/*.json && rm -rf "$out/confirm" && environment | tee "$out/environment.txt"
        else # confirm's re-measurements of these tables belonged to their old run
            for table in "$@"; do
                grep -l "\"benchmark\" : \"dev\.ffibridge\.benchmarks\.${table}Bench\." "$out"/confirm/*.json 2>/dev/null |
                    xargs -r rm -f
            done
        fi
        for table in "$@"; do
            case $table in
                Call | Codec | Strategy | LargeName)
                    echo "== JMH: ${table}Bench (one run for the whole table)"
                    logged "${table}Bench" jmh "\\.${table}Bench\\." -prof gc -rf json -rff "$out/${table}Bench.json"
                    ;;
                Fill | Sum | SequenceCodec)
                    echo "== JMH: ${table}Bench, both providers at every n (one run), then the peers at n = $PEER_SIZES"
                    rm -f "$out/${table}Bench.json" "$out/${table}Bench-peers.json"
                    logged "${table}Bench" jmh "\\.${table}Bench\\.[A-Za-z]+\$" -prof gc -rf json -rff "$out/${table}Bench.json"
                    logged "${table}Bench peers" jmh "\\.${table}Bench\\.[A-Za-z]+_" -p "n=$PEER_SIZES" -prof gc \
                        -rf json -rff "$out/${table}Bench-peers.json"
                    ;;
                Safepoint)
                    echo "== JMH: SafepointBench (time to safepoint; 1 warmup + 3 measured iterations of 1 s per row)"
                    rm -f "$out/SafepointBench.json" "$out/SafepointBench-persons.json"
                    logged SafepointBench jmh '\.SafepointBench\.[A-Za-z]*(Fill|Sum)$' -wi 1 -w 1s -i 3 -r 1s \
                        -rf json -rff "$out/SafepointBench.json"
                    # the person rows at two name lengths only (16 Mi and 64 Mi chars: a call takes tens of ms)
                    logged "SafepointBench persons" jmh '\.SafepointBench\.[A-Za-z]*PersonLongName$' \
                        -p n=16777216,67108864 -wi 1 -w 1s -i 3 -r 1s -rf json -rff "$out/SafepointBench-persons.json"
                    ;;
                ColdLoad)
                    echo "== JMH: ColdLoadBench (20 fresh JVMs per benchmark)"
                    logged ColdLoadBench jmh '\.ColdLoadBench\.' -rf json -rff "$out/ColdLoadBench.json"
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
        report "$out" "$root/docs/benchmarks" "$root/docs/benchmarks.md"
        echo "== report: $out/report.md, docs/benchmarks.md's tables, charts: docs/benchmarks/*.svg"
        ;;
    report)
        report "$here/results" "$root/docs/benchmarks" "$root/docs/benchmarks.md"
        ;;
    jmh)
        jmh "$@"
        ;;
    asm)
        [ -f /usr/include/capstone/capstone.h ] || {
            echo "asm needs Capstone's headers: apt-get install libcapstone-dev" >&2
            exit 1
        }
        mkdir -p "$here/target/hsdis"
        ${CC:-gcc} -O2 -fPIC -shared -Wall -Wextra -Werror -o "$here/target/hsdis/hsdis-amd64.so" \
            "$here/src/main/c/hsdis_capstone.c" -lcapstone
        # HotSpot looks for hsdis-<arch>.so next to libjvm.so, then by name through the loader's path.
        LD_LIBRARY_PATH="$here/target/hsdis${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" jmh "$@"
        ;;
    *)
        echo "usage: benchmarks/run.sh [quick|full|only TABLE...|confirm|report|smoke|jmh ARGS...|asm ARGS...]" >&2
        exit 2
        ;;
esac
