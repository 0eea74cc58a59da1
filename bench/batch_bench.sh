#!/usr/bin/env bash
# Batch throughput and peak memory of `copydesk run --output-dir` over a folder of compressed
# shards (half .jsonl.gz, half .jsonl.zst), at each --jobs value; Markdown table on stdout.
#
#   bash bench/batch_bench.sh                  # ~1 GB (uncompressed) corpus in 16 shards
#   bash bench/batch_bench.sh --size-mb 256    # smaller
#   bash bench/batch_bench.sh --jobs-list "1 2 4"
#   bash bench/batch_bench.sh --config Rules/clean.yaml --output-compression zst
#
# It builds nothing: run `swift build -c release` first. Needs python3, gzip, zstd (apt: zstd) and
# GNU time (/usr/bin/time). The corpus and outputs go to bench/out/ (never committed). To keep the
# generator's cost down, a base of --unique-mb MB of generated articles is copied into every shard
# (throughput does not depend on articles being unique). CPU s is user + system time of the whole
# process (decompression, cleaning, compression): on a shared machine it is steadier than wall time.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT_DIR="$BENCH_DIR/out/batch"
COPYDESK_BIN=${COPYDESK:-$REPO_DIR/.build/release/copydesk}
CONFIG=""
SIZE_MB=1024
SHARDS=16
UNIQUE_MB=64
JOBS_LIST="1 2"
OUTPUT_COMPRESSION=""

die() { echo "batch_bench.sh: $*" >&2; exit 1; }
log() { echo "batch_bench.sh: $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --copydesk) COPYDESK_BIN=$2; shift 2 ;;
        --config) CONFIG=$2; shift 2 ;;
        --size-mb) SIZE_MB=$2; shift 2 ;;
        --shards) SHARDS=$2; shift 2 ;;
        --unique-mb) UNIQUE_MB=$2; shift 2 ;;
        --jobs-list) JOBS_LIST=$2; shift 2 ;;
        --output-compression) OUTPUT_COMPRESSION=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1" ;;
    esac
done

[ -x "$COPYDESK_BIN" ] || die "no binary at $COPYDESK_BIN; run: swift build -c release"
for tool in python3 gzip zstd /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install zstd time)"
done

corpus="$OUT_DIR/corpus-${SIZE_MB}mb-${SHARDS}"
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    mkdir -p "$corpus/gz" "$corpus/zst"
    base="$OUT_DIR/base-${UNIQUE_MB}mb.jsonl"
    if [ ! -f "$base" ]; then
        log "generating $UNIQUE_MB MB of articles"
        python3 "$BENCH_DIR/gen_articles.py" --size-mb "$UNIQUE_MB" --seed 8 --out "$base.tmp" >&2
        mv "$base.tmp" "$base"
    fi
    shard_mb=$(( SIZE_MB / SHARDS ))
    log "writing $SHARDS shards of ~$shard_mb MB"
    for i in $(seq 1 "$SHARDS"); do
        name=$(printf 'part-%05d.jsonl' "$i")
        # Each shard: whole lines of the base, starting at a different line, ~shard_mb MB.
        python3 - "$base" "$shard_mb" "$i" > "$OUT_DIR/$name" <<'PY'
import sys
base, mb, index = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = open(base, "rb").read().splitlines(keepends=True)
start = (index * 7919) % len(lines)
size, out, i = 0, sys.stdout.buffer, start
while size < mb * 1_000_000:
    line = lines[i % len(lines)]
    out.write(line)
    size += len(line)
    i += 1
PY
        if [ $(( i % 2 )) -eq 1 ]; then
            gzip -6 -c "$OUT_DIR/$name" > "$corpus/gz/$name.gz"
        else
            zstd -q -3 -c "$OUT_DIR/$name" > "$corpus/zst/$name.zst"
        fi
        rm "$OUT_DIR/$name"
    done
    touch "$corpus/.complete"
fi

compressed=$(du -sb --exclude=.complete "$corpus" | cut -f1)
config_args=()
[ -n "$CONFIG" ] && config_args+=(--config "$CONFIG")
[ -n "$OUTPUT_COMPRESSION" ] && config_args+=(--output-compression "$OUTPUT_COMPRESSION")

echo "| run | wall s | MB/s (uncompressed) | MB/s (on disk) | docs/s | CPU s | MB per CPU s | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for jobs in $JOBS_LIST; do
    out="$OUT_DIR/out-jobs$jobs"
    rm -rf "$out"
    log "run --jobs $jobs"
    /usr/bin/time -v -o "$OUT_DIR/time-jobs$jobs.txt" \
        "$COPYDESK_BIN" run "${config_args[@]}" --jobs "$jobs" --quiet --output-dir "$out" \
        --stats-json "$OUT_DIR/stats-jobs$jobs.json" "$corpus" || [ $? -eq 3 ]
    python3 - "$OUT_DIR/time-jobs$jobs.txt" "$OUT_DIR/stats-jobs$jobs.json" "$jobs" <<'PY'
import json, re, sys
timing = open(sys.argv[1]).read()
run = json.load(open(sys.argv[2]))["run"]
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([0-9.]+)", timing).group(1)) for kind in ("User", "System"))
wall = run["seconds"]
mb = run["bytes_in_uncompressed"] / 1e6
print(f"| `--jobs {sys.argv[3]}`, {run['files']} shards, {run['bytes_in_uncompressed']/1e6:.0f} MB "
      f"({run['bytes_in']/1e6:.0f} MB on disk), {run['documents_in']} docs | {wall:.1f} "
      f"| {run['bytes_in_uncompressed']/1e6/wall:.1f} | {run['bytes_in']/1e6/wall:.1f} "
      f"| {run['documents_in']/wall:,.0f} | {cpu:.1f} | {mb/cpu:.1f} | {rss_kb/1024:.1f} MiB |")
PY
    rm -rf "$out"
done
log "compressed corpus: $compressed bytes in $corpus"
