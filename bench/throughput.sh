#!/usr/bin/env bash
# Throughput and peak memory of copydesk against `cat` and a Perl baseline; Markdown table on stdout.
#
#   bash bench/throughput.sh                      # ~200 MB generated corpus, all runs
#   bash bench/throughput.sh --size-mb 50         # smaller corpus
#   bash bench/throughput.sh --corpus FILE.jsonl  # your own JSONL corpus
#   bash bench/throughput.sh --rss-gb 1           # only: clean.yaml on a 1 GB corpus, peak RSS
#
# It builds nothing: run `swift build -c release` in the repo first. Progress goes to stderr.
# Generated corpora are cached in bench/.work/ (delete it to reclaim the disk space).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
WORK_DIR="$BENCH_DIR/.work"
COPYDESK_BIN=${COPYDESK:-$REPO_DIR/.build/release/copydesk}
CLEAN_CONFIG="$REPO_DIR/Rules/clean.yaml"
SIZE_MB=200
CORPUS=""
RSS_GB=""
SEED=1
REPEAT=1
JOBS_LIST="1 2"
SKIP_PERL=0

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<EOF
Options:
  --copydesk PATH     copydesk binary (default \$COPYDESK or $REPO_DIR/.build/release/copydesk)
  --config FILE       pipeline for the "clean" runs and the Perl translation (default Rules/clean.yaml)
  --size-mb N         size of the generated corpus in MB (10^6 bytes; default 200)
  --corpus FILE       use this JSONL instead of generating one
  --seed S            generator seed (default 1)
  --jobs-list "1 2"   --jobs values to measure (default "1 2")
  --repeat N          run each measurement N times, report the fastest (default 1)
  --rss-gb G          only measure clean.yaml on a G GB generated corpus and report peak RSS
  --skip-perl         leave out the Perl baseline
EOF
}

die() { echo "throughput.sh: $*" >&2; exit 1; }
log() { echo "throughput.sh: $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --copydesk) COPYDESK_BIN=$2; shift 2 ;;
        --config) CLEAN_CONFIG=$2; shift 2 ;;
        --size-mb) SIZE_MB=$2; shift 2 ;;
        --corpus) CORPUS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --jobs-list) JOBS_LIST=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        --rss-gb) RSS_GB=$2; shift 2 ;;
        --skip-perl) SKIP_PERL=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

# --- prerequisites -------------------------------------------------------------------------------
if [ ! -x "$COPYDESK_BIN" ]; then
    die "copydesk binary not found at $COPYDESK_BIN
  build it first:  (cd $REPO_DIR && swift build -c release)
  or pass --copydesk PATH (or export COPYDESK=PATH)"
fi
COPYDESK_BIN=$(cd "$(dirname "$COPYDESK_BIN")" && pwd)/$(basename "$COPYDESK_BIN")
[ -f "$CLEAN_CONFIG" ] || die "pipeline config not found: $CLEAN_CONFIG (pass --config FILE)"
CLEAN_CONFIG=$(cd "$(dirname "$CLEAN_CONFIG")" && pwd)/$(basename "$CLEAN_CONFIG")
command -v python3 >/dev/null || die "python3 is required"

apt_install() {
    # apt_install PACKAGE: install a Debian package when we can (root + apt-get), else fail.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing Debian package $1"
        apt-get install -y -q "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$1" >/dev/null 2>&1; }
    else
        return 1
    fi
}

if ! /usr/bin/time -v true >/dev/null 2>&1; then
    apt_install time || die "GNU time is needed for peak RSS: apt-get install time"
    /usr/bin/time -v true >/dev/null 2>&1 || die "/usr/bin/time -v still does not work"
fi

mkdir -p "$WORK_DIR"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-throughput.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
RESULTS="$TMP/results.tsv"
: > "$RESULTS"

# --- corpus --------------------------------------------------------------------------------------
corpus_for_mb() {
    # corpus_for_mb MB -> path of a cached generated corpus of that size (generated if missing)
    local mb=$1 path="$WORK_DIR/corpus-${1}mb-seed${SEED}.jsonl"
    if [ ! -s "$path" ]; then
        log "generating ${mb} MB corpus -> $path"
        python3 "$BENCH_DIR/gen_articles.py" --size-mb "$mb" --seed "$SEED" --out "$path.tmp" >&2
        mv "$path.tmp" "$path"
    fi
    echo "$path"
}

# --- measuring -----------------------------------------------------------------------------------
# measure LABEL KIND CONFIG_LABEL JOBS -- COMMAND...   (command reads the corpus itself; stdout discarded)
measure() {
    local label=$1 kind=$2 cfg=$3 jobs=$4; shift 5
    local best_wall="" max_rss=0 rc=0 i note=""
    for ((i = 1; i <= REPEAT; i++)); do
        log "run: $label ($i/$REPEAT)"
        local t0 t1 wall rss
        t0=$(date +%s.%N)
        rc=0
        /usr/bin/time -v -o "$TMP/time.txt" "$@" > /dev/null 2> "$TMP/stderr.txt" || rc=$?
        t1=$(date +%s.%N)
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")
        [ -n "$rss" ] || rss=0
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
        if [ "$rss" -gt "$max_rss" ]; then max_rss=$rss; fi
        if [ "$rc" != 0 ] && { [ "$kind" != copydesk ] || [ "$rc" != 3 ]; }; then
            log "$label exited $rc; its stderr:"
            tail -5 "$TMP/stderr.txt" >&2
            note="FAILED exit $rc"
        fi
    done
    if [ "$kind" = copydesk ]; then
        local summary
        summary=$(grep -o 'read [0-9]*, written [0-9]*, dropped [0-9]*, rejected [0-9]*' "$TMP/stderr.txt" | tail -1 || true)
        if [ -n "$summary" ]; then note="${note:+$note; }$summary"; fi
    fi
    if [ "$kind" = perl ]; then
        local compiled
        compiled=$(grep -o '[0-9]* rules compiled, [0-9]* skipped' "$TMP/stderr.txt" | tail -1 || true)
        if [ -n "$compiled" ]; then note="${note:+$note; }$compiled"; fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$kind" "$cfg" "$jobs" "$best_wall" "$max_rss" "$rc" "$note" >> "$RESULTS"
}

copydesk_clean() { # copydesk_clean JOBS CORPUS
    measure "copydesk $(basename "$CLEAN_CONFIG") --jobs $1" copydesk clean "$1" -- "$COPYDESK_BIN" run --config "$CLEAN_CONFIG" --jobs "$1" "$2"
}
copydesk_default() { # copydesk_default JOBS CORPUS: embedded default pipeline (no config lookup hits)
    mkdir -p "$TMP/empty"
    measure "copydesk default --jobs $1" copydesk default "$1" -- \
        env -u COPYDESK_CONFIG -C "$TMP/empty" "$COPYDESK_BIN" run --jobs "$1" "$2"
}

machine_info() {
    echo "- machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "- copydesk: $COPYDESK_BIN (built $(date -r "$COPYDESK_BIN" '+%Y-%m-%d %H:%M'))"
    echo "- date: $(date '+%Y-%m-%d %H:%M %Z')"
}

# --- RSS mode ------------------------------------------------------------------------------------
if [ -n "$RSS_GB" ]; then
    mb=$(awk -v g="$RSS_GB" 'BEGIN { printf "%d", g * 1000 }')
    corpus=${CORPUS:-$(corpus_for_mb "$mb")}
    for j in $JOBS_LIST; do copydesk_clean "$j" "$corpus"; done
    python3 "$BENCH_DIR/throughput_report.py" --mode rss --results "$RESULTS" --corpus "$corpus" \
        --config "$CLEAN_CONFIG"
    machine_info
    exit 0
fi

# --- full run ------------------------------------------------------------------------------------
corpus=${CORPUS:-$(corpus_for_mb "$SIZE_MB")}
[ -s "$corpus" ] || die "corpus is empty or missing: $corpus"
cat "$corpus" > /dev/null  # warm the page cache

measure "cat (I/O floor)" cat - - -- cat "$corpus"

PERL_NOTE=""
if [ "$SKIP_PERL" = 0 ]; then
    PY=python3
    if ! python3 -c 'import yaml' 2>/dev/null; then
        if [ ! -x "$BENCH_DIR/.venv/bin/python" ] || ! "$BENCH_DIR/.venv/bin/python" -c 'import yaml' 2>/dev/null; then
            log "PyYAML missing: creating $BENCH_DIR/.venv"
            python3 -m venv "$BENCH_DIR/.venv" >&2
            "$BENCH_DIR/.venv/bin/pip" install -q pyyaml >&2
        fi
        PY="$BENCH_DIR/.venv/bin/python"
    fi
    if ! perl -MCpanel::JSON::XS -e 1 2>/dev/null && ! perl -MJSON::XS -e 1 2>/dev/null; then
        apt_install libcpanel-json-xs-perl || true
    fi
    JSON_MODULE=JSON::PP
    if perl -MCpanel::JSON::XS -e 1 2>/dev/null; then JSON_MODULE=Cpanel::JSON::XS
    elif perl -MJSON::XS -e 1 2>/dev/null; then JSON_MODULE=JSON::XS
    else log "warning: no XS JSON module for Perl; the baseline uses JSON::PP and is JSON-bound"; fi
    "$PY" "$BENCH_DIR/rules_to_perl.py" "$CLEAN_CONFIG" -o "$WORK_DIR/strip.pl" 2> "$TMP/translate.txt" \
        || { cat "$TMP/translate.txt" >&2; die "rules_to_perl.py failed"; }
    PERL_NOTE=$(tail -1 "$TMP/translate.txt")
    if [ "$JSON_MODULE" != JSON::PP ]; then
        measure "perl JSON decode+encode, no rules" perl-json - - -- \
            perl -M"$JSON_MODULE" -ne 'BEGIN { $J = '"$JSON_MODULE"'->new->utf8 } print $J->encode($J->decode($_)), "\n"' "$corpus"
    fi
    measure "perl -p strip.pl (strip rules of $(basename "$CLEAN_CONFIG"))" perl clean 1 -- \
        env BENCH_VERBOSE=1 perl -p "$WORK_DIR/strip.pl" "$corpus"
fi

for j in $JOBS_LIST; do copydesk_clean "$j" "$corpus"; done
for j in $JOBS_LIST; do copydesk_default "$j" "$corpus"; done

python3 "$BENCH_DIR/throughput_report.py" --mode full --results "$RESULTS" --corpus "$corpus" \
    --config "$CLEAN_CONFIG" --perl-note "${PERL_NOTE}" --perl-json "${JSON_MODULE:-}"
machine_info
