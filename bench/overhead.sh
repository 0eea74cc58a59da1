#!/usr/bin/env bash
# What --explain and --stats cost: a plain `copydesk run` against `run --explain --stats` on the
# same input, in the same run, alternating, best of N. Target: under 15% less throughput.
#
#   bash bench/overhead.sh                       # news-dev ×8 if ../shared/corpora is there, Rules/clean.yaml, --jobs 1
#   bash bench/overhead.sh --generated           # a 50 MB generated corpus instead
#   bash bench/overhead.sh --corpus FILE --config FILE --repeat 5
#
# The cost grows with what is recorded per article. The generated corpus is junk-dense (2.8
# removed spans per article, 2.6× news-dev) and is the worst case; real articles are the usual case.
# news-dev is concatenated 8 times (47.5 MB) so that each run is long enough to time.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
BIN=${COPYDESK:-$REPO_DIR/.build/release/copydesk}
CONFIG="$REPO_DIR/Rules/clean.yaml"
CORPUS=""
REPEAT=5
SIZE_MB=50
GENERATED=0
NEWS_DEV="$REPO_DIR/../shared/corpora/news-dev/articles.jsonl"
while [ $# -gt 0 ]; do
    case "$1" in
        --copydesk) BIN=$2; shift 2 ;;
        --config) CONFIG=$2; shift 2 ;;
        --corpus) CORPUS=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        --size-mb) SIZE_MB=$2; shift 2 ;;
        --generated) GENERATED=1; shift ;;
        *) sed -n '2,11p' "$0"; exit 2 ;;
    esac
done
[ -x "$BIN" ] || { echo "no copydesk at $BIN: run (cd $REPO_DIR && swift build -c release)" >&2; exit 1; }
if [ -z "$CORPUS" ] && [ "$GENERATED" = 0 ] && [ -s "$NEWS_DEV" ]; then
    mkdir -p "$BENCH_DIR/.work"
    CORPUS="$BENCH_DIR/.work/newsdev-x8.jsonl"
    [ -s "$CORPUS" ] || for _ in 1 2 3 4 5 6 7 8; do cat "$NEWS_DEV"; done > "$CORPUS"
fi
if [ -z "$CORPUS" ]; then
    mkdir -p "$BENCH_DIR/.work"
    CORPUS="$BENCH_DIR/.work/overhead-${SIZE_MB}mb.jsonl"
    [ -s "$CORPUS" ] || python3 "$BENCH_DIR/gen_articles.py" --size-mb "$SIZE_MB" --seed 1 --out "$CORPUS" >&2
fi
bytes=$(wc -c < "$CORPUS")
STATS_JSON=$(mktemp)
trap 'rm -f "$STATS_JSON"' EXIT

# Best wall time (seconds) of one command, reading the corpus on stdin.
time_once() {
    local start end
    start=$(date +%s.%N)
    "$@" < "$CORPUS" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
best_plain=999999
best_traced=999999
for _ in $(seq "$REPEAT"); do
    t=$(time_once "$BIN" run -q -c "$CONFIG" --jobs 1)
    best_plain=$(echo "if ($t < $best_plain) $t else $best_plain" | bc)
    t=$(time_once "$BIN" run -q -c "$CONFIG" --jobs 1 --explain --stats --stats-json "$STATS_JSON")
    best_traced=$(echo "if ($t < $best_traced) $t else $best_traced" | bc)
done
echo "| run | best of $REPEAT (s) | MB/s | relative |"
echo "|---|---|---|---|"
printf '| plain | %.3f | %.1f | 1.00 |\n' "$best_plain" "$(echo "$bytes / 1000000 / $best_plain" | bc -l)"
printf '| --explain --stats | %.3f | %.1f | %.2f |\n' "$best_traced" "$(echo "$bytes / 1000000 / $best_traced" | bc -l)" "$(echo "$best_traced / $best_plain" | bc -l)"
overhead=$(echo "($best_traced / $best_plain - 1) * 100" | bc -l)
drop=$(echo "(1 - $best_plain / $best_traced) * 100" | bc -l)
printf '\nthroughput %.1f%% lower, time %.1f%% longer (target: under 15%% lower throughput) on %s, %s bytes\n' \
    "$drop" "$overhead" "$(basename "$CORPUS")" "$bytes"
