#!/usr/bin/env bash
# The action's Lint step (action.yml maps its inputs to VMXLINT_* variables). vmxlint runs once for
# the readable report in the log, whose exit code is the step's, then for the results (JSON: counts,
# outputs, the job summary), the annotations, and the SARIF and extra reports asked for; the later
# runs replay the first one's results from a cache in RUNNER_TEMP.
set -uo pipefail

fail() {
  echo "::error title=vmxlint::$1"
  exit 2
}

tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
results="$tmp/vmxlint-results.json"
bin="$GITHUB_ACTION_PATH/bin/vmxlint.js"
output() { [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >>"$GITHUB_OUTPUT"; return 0; }

case "$VMXLINT_FAIL_ON" in error | warning | none) ;; *) fail "fail-on must be error, warning or none, not \"$VMXLINT_FAIL_ON\"" ;; esac
case "$VMXLINT_ANNOTATIONS" in true | false) ;; *) fail "annotations must be true or false, not \"$VMXLINT_ANNOTATIONS\"" ;; esac
case "$VMXLINT_ONLY_CHANGED" in true | false) ;; *) fail "only-changed must be true or false, not \"$VMXLINT_ONLY_CHANGED\"" ;; esac

# the flags every run gets
args=(--cache --cache-location "$tmp/vmxlint-action-cache")
[ -n "$VMXLINT_CONFIG" ] && args+=(--config "$VMXLINT_CONFIG")
max_warnings="$VMXLINT_MAX_WARNINGS"
[ "$VMXLINT_FAIL_ON" = warning ] && [ "$max_warnings" = -1 ] && max_warnings=0
args+=(--max-warnings "$max_warnings")
[ -n "$VMXLINT_ROLE" ] && args+=(--role "$VMXLINT_ROLE")
[ -n "$VMXLINT_HOST" ] && args+=(--host "$VMXLINT_HOST")
[ -n "$VMXLINT_CPU" ] && args+=(--cpu "$VMXLINT_CPU")
[ -n "$VMXLINT_AMD_FAMILY" ] && args+=(--amd-family "$VMXLINT_AMD_FAMILY")
[ -n "$VMXLINT_OUTER_PRODUCT" ] && args+=(--outer-product "$VMXLINT_OUTER_PRODUCT")
if [ -n "$VMXLINT_FLAGS" ]; then
  read -r -a extra <<<"$VMXLINT_FLAGS"
  args+=("${extra[@]}")
fi

# what to lint: the patterns (one per line when there are several lines, so paths may hold spaces;
# else separated by spaces), or the files a pull request adds or changes
patterns=()
if [[ "$VMXLINT_PATTERNS" == *$'\n'* ]]; then
  while IFS= read -r line; do [ -n "$line" ] && patterns+=("$line"); done <<<"$VMXLINT_PATTERNS"
else
  read -r -a patterns <<<"$VMXLINT_PATTERNS"
fi
[ ${#patterns[@]} -eq 0 ] && patterns=(.)
if [ "$VMXLINT_ONLY_CHANGED" = true ]; then
  base=""
  if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
    base=$(node -e 'const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(e.pull_request?.base?.sha ?? "")' "$GITHUB_EVENT_PATH")
  fi
  if [ -z "$base" ]; then
    echo "vmxlint: only-changed: not a pull request (${GITHUB_EVENT_NAME:-no event}): linting ${patterns[*]}"
  else
    git cat-file -e "$base^{commit}" 2>/dev/null || git fetch --quiet --no-tags --depth=1 origin "$base" || fail "only-changed: cannot fetch the pull request's base commit $base"
    patterns=()
    while IFS= read -r -d '' file; do patterns+=("$file"); done < <(git diff --name-only -z --diff-filter=ACMR "$base" HEAD -- ':(icase)*.vmx' ':(icase)*.vmtx')
    if [ ${#patterns[@]} -eq 0 ]; then
      echo "vmxlint: no .vmx or .vmtx file changed in this pull request"
      output error-count 0
      output warning-count 0
      output exit-code 0
      output sarif-file ""
      output results-file ""
      exit 0
    fi
    echo "vmxlint: ${#patterns[@]} changed file(s): ${patterns[*]}"
  fi
fi

# 1. the readable report, in the log: its exit code is vmxlint's
node "$bin" --color "${args[@]}" "${patterns[@]}"
code=$?
# 2. the results, for the counts and the job summary (messages on stderr were shown by run 1)
node "$bin" -f json -o "$results" "${args[@]}" "${patterns[@]}" 2>/dev/null
# 3. annotations, read by the runner from the log
[ "$VMXLINT_ANNOTATIONS" = true ] && node "$bin" -f github "${args[@]}" "${patterns[@]}" 2>/dev/null
# 4. reports in files
if [ -n "$VMXLINT_SARIF_FILE" ]; then
  node "$bin" -f sarif -o "$VMXLINT_SARIF_FILE" "${args[@]}" "${patterns[@]}" 2>/dev/null
fi
if [ -n "$VMXLINT_OUTPUT_FILE" ]; then
  node "$bin" -f "$VMXLINT_FORMAT" -o "$VMXLINT_OUTPUT_FILE" "${args[@]}" "${patterns[@]}" 2>/dev/null
fi

node "$GITHUB_ACTION_PATH/action/summary.mjs" "$results" "$code"
output exit-code "$code"
output sarif-file "$VMXLINT_SARIF_FILE"
output results-file "$([ -f "$results" ] && echo "$results")"

if [ "$VMXLINT_FAIL_ON" = none ] && [ "$code" = 1 ]; then
  echo "vmxlint: fail-on is none: the step passes"
  exit 0
fi
exit "$code"
