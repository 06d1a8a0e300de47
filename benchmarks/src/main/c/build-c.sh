#!/usr/bin/env bash
# Compiles the benchmarks' C parts: build-c.sh SHIM_OUTPUT FLOOR_OUTPUT [JDK_HOME...]
#   jni_shim.c     -> SHIM_OUTPUT  (a shared library packed into the jar: the JNI peer)
#   native_floor.c -> FLOOR_OUTPUT (a program run by benchmarks/run.sh: libffi_bridge.so called from C, no JVM)
# jni.h is searched in the given JDK homes, $JNI_JDK_HOME, $JAVA_HOME, $JAVA*_HOME and the usual JDK folders (any
# JDK's header will do: the JNI ABI is stable). Without gcc or jni.h it warns and skips; the JNI benchmarks then
# fail at setup and every other benchmark runs. With CI=true (.ci/run, which installs gcc) it fails instead: CI
# compiles these files in every ./mvnw verify so that they cannot rot.
set -euo pipefail
shim_out=$1
floor_out=$2
shift 2
dir="$(cd "$(dirname "$0")" && pwd)"
cc=${CC:-gcc}
missing() { # $1 = what is missing and what it means
    if [ "${CI:-}" = true ]; then
        echo "[ERROR] $1 (required when CI=true)" >&2
        exit 1
    fi
    echo "[WARNING] $1" >&2
    exit 0
}
if ! command -v "$cc" >/dev/null 2>&1; then
    missing "$cc not found: the JNI shim and the C floor are not built; the *_jni benchmarks will fail"
fi
mkdir -p "$(dirname "$floor_out")"
"$cc" -O2 -Wall -Wextra -Werror -o "$floor_out" "$dir/native_floor.c" -ldl -lm
echo "[INFO] C floor built: $floor_out"

candidates=("$@" "${JNI_JDK_HOME:-}" "${JAVA_HOME:-}")
while IFS='=' read -r name value; do
    case $name in JAVA*_HOME) candidates+=("$value") ;; esac
done < <(env)
for parent in /usr/lib/jvm /usr/java /opt/java "$HOME/.sdkman/candidates/java" "$HOME/.jdks" "$HOME/.gradle/jdks"; do
    [ -d "$parent" ] && for home in "$parent"/*; do candidates+=("$home"); done
done
include=
for home in "${candidates[@]}"; do
    [ -n "$home" ] || continue
    for inc in "$home/include" "$home/../include"; do # a JRE's java.home may be <jdk>/jre on old JDKs
        if [ -f "$inc/jni.h" ] && [ -f "$inc/linux/jni_md.h" ]; then include=$inc; break 2; fi
    done
done
if [ -z "$include" ]; then
    missing "no jni.h found in any JDK (set JNI_JDK_HOME): the JNI shim is not built"
fi
mkdir -p "$(dirname "$shim_out")"
"$cc" -O2 -fPIC -shared -Wall -Wextra -Werror -I"$include" -I"$include/linux" -o "$shim_out" "$dir/jni_shim.c" -ldl
echo "[INFO] JNI shim built: $shim_out (jni.h from $include)"
