#!/usr/bin/env bash
# `make test-spark`: runs bench/spark/copydesk_spark.py in Spark local mode (2 executor threads) on a
# generated corpus of 20,000+ documents, and checks that the set of documents it writes is the one a
# plain local `copydesk run` writes: none lost, none duplicated. Also checks the rejects and the summed
# stats, and the --pipe (plain RDD.pipe) mode. The first line of the first shard is a bad line on
# purpose: it must be rejected, not make copydesk read that shard as plain text. Installs pyspark from PyPI into bench/.venv on first use
# (needs Java 17). Scratch goes to bench/out/spark/.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
WORK="$BENCH_DIR/out/spark"
VENV="$BENCH_DIR/.venv"
COPYDESK_BIN=${COPYDESK:-$REPO_DIR/.build/release/copydesk}
DOCS=${SPARK_TEST_DOCS:-20000}
log() { echo "test-spark: $*" >&2; }

command -v java >/dev/null || { log "Java is missing (apt-get install openjdk-17-jre-headless)"; exit 1; }
[ -x "$COPYDESK_BIN" ] || { log "no binary at $COPYDESK_BIN; run: swift build -c release"; exit 1; }
if ! "$VENV/bin/python" -c "import pyspark" 2>/dev/null; then
    log "installing pyspark into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyspark
fi

rm -rf "$WORK"
mkdir -p "$WORK/in"
log "generating $DOCS documents in 4 shards (2 plain, 2 gzip), with some bad lines"
python3 "$BENCH_DIR/gen_articles.py" --count "$DOCS" --seed 20 --out "$WORK/all.jsonl" >&2
python3 - "$WORK" <<'PY'
import gzip, sys
work = sys.argv[1]
lines = open(f"{work}/all.jsonl", "rb").read().splitlines(keepends=True)
for i in range(0, len(lines), 997):  # a few lines that copydesk must reject
    lines.insert(i, b"not json, line %d\n" % i)
quarter = (len(lines) + 3) // 4
for shard in range(4):
    part = b"".join(lines[shard * quarter:(shard + 1) * quarter])
    name = f"{work}/in/part-{shard:05d}.jsonl"
    if shard % 2:
        with gzip.open(name + ".gz", "wb") as handle:
            handle.write(part)
    else:
        open(name, "wb").write(part)
open(f"{work}/reference-input.jsonl", "wb").write(b"".join(lines))
PY

log "plain local run"
start=$(date +%s.%N)
"$COPYDESK_BIN" run --config "$REPO_DIR/Rules/pipeline.yaml" --jobs 2 --quiet \
    --rejects "$WORK/local.rejects.jsonl" --stats-json "$WORK/local.stats.json" \
    --output "$WORK/local.jsonl" "$WORK/in" || [ $? -eq 3 ]
local_seconds="$start $(date +%s.%N)"

log "Spark, local[2], ship mode"
start=$(date +%s.%N)
"$VENV/bin/python" "$BENCH_DIR/spark/copydesk_spark.py" --master "local[2]" --partitions 8 \
    --input "$WORK/in" --output "$WORK/spark-ship" --copydesk "$COPYDESK_BIN" --rules "$REPO_DIR/Rules" \
    2> "$WORK/spark-ship.log" || { tail -30 "$WORK/spark-ship.log" >&2; exit 1; }
ship_seconds="$start $(date +%s.%N)"

log "Spark, local[2], pipe mode"
start=$(date +%s.%N)
"$VENV/bin/python" "$BENCH_DIR/spark/copydesk_spark.py" --master "local[2]" --pipe \
    --input "$WORK/in" --output "$WORK/spark-pipe" --copydesk "$COPYDESK_BIN" --rules "$REPO_DIR/Rules" \
    2> "$WORK/spark-pipe.log" || { tail -30 "$WORK/spark-pipe.log" >&2; exit 1; }
pipe_seconds="$start $(date +%s.%N)"

python3 - "$WORK" "$local_seconds" "$ship_seconds" "$pipe_seconds" <<'PY'
import collections, glob, gzip, json, sys
work = sys.argv[1]
local_s, ship_s, pipe_s = (float(end) - float(begin) for begin, end in (arg.split() for arg in sys.argv[2:]))

def lines_of(pattern):
    out = []
    for name in sorted(glob.glob(pattern)):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(name, "rb") as handle:
            out += [line for line in handle.read().split(b"\n") if line]
    return collections.Counter(out)

failures = []
local = lines_of(f"{work}/local.jsonl")
local_rejects = lines_of(f"{work}/local.rejects.jsonl")
stats = json.load(open(f"{work}/local.stats.json"))["run"]
for mode in ("ship", "pipe"):
    docs = lines_of(f"{work}/spark-{mode}/docs/part-*")
    if docs != local:
        failures.append(f"{mode}: {sum((local - docs).values())} documents missing, {sum((docs - local).values())} extra")
if lines_of(f"{work}/spark-ship/rejects/part-*") != local_rejects:
    failures.append("ship: rejects differ from the local run")
spark_stats = json.loads(open(f"{work}/spark-ship/stats/part-00000").read())
for key in ("documents_in", "documents_out", "dropped", "rejected", "failed", "flagged"):
    if spark_stats[key] != stats[key]:
        failures.append(f"ship: stats {key} {spark_stats[key]} != local {stats[key]}")
print(f"test-spark: {stats['documents_in']} documents in ({stats['rejected']} rejected), {sum(local.values())} out; "
      f"local copydesk run --jobs 2: {local_s:.1f} s; Spark local[2] ship mode (8 partitions): {ship_s:.1f} s; "
      f"pipe mode: {pipe_s:.1f} s (each includes Spark start-up)")
if failures:
    print("test-spark: FAILED\n  " + "\n  ".join(failures))
    sys.exit(1)
print("test-spark: ok: Spark wrote exactly the documents, rejects and counts of the local run")
PY
