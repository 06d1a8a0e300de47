# Sourced by the check scripts: `missing_tool CHECK WHAT HINT` is what a check does when WHAT (a tool,
# a runtime) is not there: it fails when CI=true (CI installs everything a check needs, so nothing is
# skipped there), and otherwise says that CHECK was skipped and why, and exits 0. HINT says how to
# install WHAT.
missing_tool() {
    if [[ "${CI:-}" == "true" ]]; then
        echo "$1: $2 is required when CI=true ($3)" >&2
        exit 1
    fi
    echo "$1: skipped: $2 not found ($3)"
    exit 0
}
