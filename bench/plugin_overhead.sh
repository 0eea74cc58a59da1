#!/usr/bin/env bash
# What an exec plugin costs: the default pipeline (Rules/pipeline.yaml) against the same pipeline
# plus a Python plugin that changes nothing (bench/passthrough_plugin.py, through the
# Plugins/python helper), in the same run, alternating, best of N, --jobs 2 and 2 plugin children.
# Target: under 30% lower throughput (docs/s).
#
#   bash bench/plugin_overhead.sh [NEWS_DEV_JSONL]          # default ../shared/corpora/news-dev/articles.jsonl
#   bash bench/plugin_overhead.sh FILE --repeat 5 --copies 4 --jobs 2 --in-flight 64
#   bash bench/plugin_overhead.sh FILE --rules Rules/clean.yaml  # a cheaper pipeline: the plugin's cost shows more
#
# Both runs must write the same documents (the plugin changes nothing); the script checks that.
# The corpus is concatenated --copies times so that each run is long enough to time. Scratch files
# go to bench/out/ (ignored by git).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
BIN=${COPYDESK:-$REPO_DIR/.build/release/copydesk}
NEWS_DEV="$REPO_DIR/../shared/corpora/news-dev/articles.jsonl"
REPEAT=3
COPIES=2
JOBS=2
IN_FLIGHT=64
RULES_FILE="$REPO_DIR/Rules/pipeline.yaml"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then NEWS_DEV=$1; shift; fi
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --copies) COPIES=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --in-flight) IN_FLIGHT=$2; shift 2 ;;
        --rules) RULES_FILE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        *) sed -n '2,14p' "$0"; exit 2 ;;
    esac
done
[ -x "$BIN" ] || { echo "no copydesk at $BIN: run (cd $REPO_DIR && swift build -c release)" >&2; exit 1; }
[ -s "$NEWS_DEV" ] || { echo "no corpus at $NEWS_DEV (give the news-dev articles.jsonl path)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed (make deps)" >&2; exit 1; }
# The interpreter itself, not a wrapper script (a pyenv shim costs a shell per child start).
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
OUT="$BENCH_DIR/out/plugin-overhead"
mkdir -p "$OUT"
CORPUS="$OUT/corpus.jsonl"
for _ in $(seq "$COPIES"); do cat "$NEWS_DEV"; done > "$CORPUS"
docs=$(grep -c . "$CORPUS")

# The pipeline, with its relative paths made absolute so that it can live in bench/out/.
RULES=$(dirname "$RULES_FILE")
sed_args=()
for dir in "$RULES"/*/; do
    name=$(basename "$dir")
    sed_args+=(-e "s#\([[ ]\)$name/#\1$RULES/$name/#g")
done
sed "${sed_args[@]}" "$RULES_FILE" > "$OUT/baseline.yaml"
cp "$OUT/baseline.yaml" "$OUT/with-plugin.yaml"
cat >> "$OUT/with-plugin.yaml" <<YAML
  - stage: exec
    id: passthrough
    command: [$PYTHON, $BENCH_DIR/passthrough_plugin.py]
    workers: $JOBS
    in_flight: $IN_FLIGHT
YAML
"$BIN" check -c "$OUT/with-plugin.yaml" >/dev/null

# Wall time (seconds) of one run over the corpus.
time_once() {
    local start end
    start=$(date +%s.%N)
    "$BIN" run -q -c "$1" --jobs "$JOBS" < "$CORPUS" > "$2" 2> "$OUT/stderr.txt" || {
        echo "failed: $1" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
best_base=999999
best_plugin=999999
for _ in $(seq "$REPEAT"); do
    t=$(time_once "$OUT/baseline.yaml" "$OUT/baseline.jsonl")
    best_base=$(echo "if ($t < $best_base) $t else $best_base" | bc)
    t=$(time_once "$OUT/with-plugin.yaml" "$OUT/with-plugin.jsonl")
    best_plugin=$(echo "if ($t < $best_plugin) $t else $best_plugin" | bc)
done
cmp -s "$OUT/baseline.jsonl" "$OUT/with-plugin.jsonl" || { echo "the outputs differ: $OUT/baseline.jsonl $OUT/with-plugin.jsonl" >&2; exit 1; }
echo "| pipeline ($(basename "$RULES_FILE")) | best of $REPEAT (s) | docs/s | relative |"
echo "|---|---|---|---|"
printf '| as is | %.3f | %.0f | 1.00 |\n' "$best_base" "$(echo "$docs / $best_base" | bc -l)"
printf '| + Python pass-through plugin | %.3f | %.0f | %.2f |\n' "$best_plugin" "$(echo "$docs / $best_plugin" | bc -l)" "$(echo "$best_base / $best_plugin" | bc -l)"
drop=$(echo "(1 - $best_base / $best_plugin) * 100" | bc -l)
printf '\nthroughput %.1f%% lower with the plugin (target: under 30%%); %s docs (%s × %s), --jobs %s, %s children, in_flight %s\n' \
    "$drop" "$docs" "$(basename "$NEWS_DEV")" "$COPIES" "$JOBS" "$JOBS" "$IN_FLIGHT"
