#!/usr/bin/env bash
# Builds the published jars twice from clean and checks that they are byte-identical (reproducible builds:
# project.build.outputTimestamp in the root pom.xml). Extra arguments go to both Maven runs, e.g.
# scripts/check-reproducible.sh -Dnative.skip=true
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

modules=(core-api java-impl native-impl ffibridge)
first="$(mktemp -d)"
trap 'rm -rf "${first}"' EXIT

build() {
    ./mvnw -q clean package -DskipTests -pl ffibridge -am "$@"
}
jars() {
    local module
    for module in "${modules[@]}"; do
        find "${module}/target" -maxdepth 1 -name '*.jar'
    done | sort
}

build "$@"
for jar in $(jars); do cp "${jar}" "${first}/"; done
sleep 2 # a different clock for the second build: file times must not leak into the jars
build "$@"

status=0
count=0
for jar in $(jars); do
    count=$((count + 1))
    if cmp -s "${jar}" "${first}/$(basename "${jar}")"; then
        echo "identical: ${jar} ($(sha256sum "${jar}" | cut -c1-16))"
    else
        echo "DIFFERENT: ${jar}" >&2
        status=1
    fi
done
if [[ "${count}" -ne $((${#modules[@]} * 3)) ]]; then
    echo "expected $((${#modules[@]} * 3)) jars (jar, sources, javadoc per module), found ${count}" >&2
    status=1
fi
exit "${status}"
