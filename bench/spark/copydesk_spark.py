#!/usr/bin/env python3
"""Clean a folder of JSON Lines shards with copydesk on Apache Spark.

Every partition is piped through `copydesk run --jobs 1 --config ...` on the executor that holds it;
Spark supplies the parallelism (one task per core), copydesk stays a stdin-to-stdout filter.

    spark-submit bench/spark/copydesk_spark.py \\
        --input hdfs:///corpus/ --output hdfs:///cleaned/ \\
        --copydesk .build/release/copydesk --rules Rules --config pipeline.yaml

Two ways to run copydesk on the executors:

  ship (default)  The binary and the rules folder are shipped with the job (SparkContext.addFile, the
                  same as spark-submit --files/--archives) and found on each executor with
                  SparkFiles.get(). Each partition runs copydesk through a subprocess pipe, the way
                  RDD.pipe does, and also keeps its rejects, dropped documents and --stats-json:
                  they are written under OUTPUT/rejects and OUTPUT/dropped, and the `run` totals of every
                  partition are summed into OUTPUT/stats/part-00000 (JSON).
  --pipe          Plain RDD.pipe("/abs/copydesk run ..."): the binary and rules must already be at the
                  same path on every node (local mode, a shared filesystem, a container image).
                  Documents only; rejects and the summary go to the executors' stderr logs.

copydesk runs with only PATH, HOME, LANG, LC_ALL, TMPDIR, PYTHONPATH and LD_LIBRARY_PATH from the
environment (the executor's in ship mode, the driver's with --pipe), so that exec plugin stages find
their interpreter, and COPYDESK_CONFIG set on a node cannot change the job. A partition whose documents
failed (on_error: fail) is kept: they are with the rejects and counted in `failed`.

Input: Spark's textFile reads .jsonl and .jsonl.gz (and other Hadoop codecs); lines are decoded as
UTF-8, so a rejected line that was not valid UTF-8 is kept with replacement characters.
Output: OUTPUT/docs/part-*.gz (or plain with --no-compress), one cleaned document per line.
"""

import argparse
import json
import os
import shlex
import stat
import subprocess
import sys
import tempfile
import threading
import time

RUN_KEYS = ["documents_in", "documents_out", "dropped", "rejected", "failed", "flagged", "bytes_in", "bytes_out"]
# The environment copydesk gets on the executors, taken from theirs: enough for exec plugins to find
# their interpreter and libraries. Not the rest: COPYDESK_CONFIG on a node must not change the job.
PASSED_ENV = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "LD_LIBRARY_PATH"]
GZIP = "org.apache.hadoop.io.compress.GzipCodec"


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True, help="folder (or glob) of .jsonl / .jsonl.gz shards")
    ap.add_argument("--output", required=True, help="output folder (must not exist)")
    ap.add_argument("--copydesk", required=True, help="the copydesk binary to ship (Linux, same architecture as the executors)")
    ap.add_argument("--rules", help="folder of pipeline YAML to ship (default: the binary's built-in pipeline)")
    ap.add_argument("--config", default="pipeline.yaml", help="pipeline file inside --rules (default pipeline.yaml)")
    ap.add_argument("--partitions", type=int, help="repartition to this many tasks (default: one per input split)")
    ap.add_argument("--master", help="Spark master, e.g. local[2] (default: whatever spark-submit says)")
    ap.add_argument("--pipe", action="store_true", help="use RDD.pipe with absolute paths (see above)")
    ap.add_argument("--no-compress", action="store_true", help="write plain part files instead of .gz")
    ap.add_argument("--extra", default="", help="more `copydesk run` options, e.g. \"--explain\"")
    return ap.parse_args(argv)


def copydesk_command(binary, rules_dir, config, extra):
    # --input-format jsonl: a partition is JSON Lines even when its first line is bad (auto would
    # then read the whole partition as one plain-text document).
    command = [binary, "run", "--jobs", "1", "--quiet", "--input-format", "jsonl"]
    if rules_dir:
        command += ["--config", os.path.join(rules_dir, config)]
    return command + shlex.split(extra)


def copydesk_env(environ):
    """The variables of PASSED_ENV that `environ` has."""
    return {name: environ[name] for name in PASSED_ENV if name in environ}


def make_partition_runner(rules_name, config, extra):
    """The function each task runs: copydesk over the partition's lines, on the executor."""

    def run_partition(index, lines):
        from pyspark import SparkFiles  # on the executor

        binary = SparkFiles.get("copydesk")
        mode = os.stat(binary).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        rules_dir = SparkFiles.get(rules_name) if rules_name else None
        with tempfile.TemporaryDirectory(prefix=f"copydesk-part-{index}-") as scratch:
            side = {name: os.path.join(scratch, name) for name in ("rejects", "dropped", "stats.json")}
            command = copydesk_command(binary, rules_dir, config, extra) + [
                "--rejects", side["rejects"], "--dropped", side["dropped"], "--stats-json", side["stats.json"], "-"]
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=copydesk_env(os.environ))
            errors = []

            def feed():
                try:
                    for line in lines:
                        proc.stdin.write(line.encode("utf-8", "surrogateescape") + b"\n")
                finally:
                    proc.stdin.close()

            def drain():
                errors.append(proc.stderr.read().decode("utf-8", "replace"))

            threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
            for thread in threads:
                thread.start()
            for out in proc.stdout:
                yield ("doc", out.decode("utf-8", "replace").rstrip("\n"))
            status = proc.wait()
            for thread in threads:
                thread.join()
            # 3 means some input lines were rejected: they are in the rejects file. 1 after a run that
            # went to the end means some documents failed (a plugin stage with on_error: fail): they
            # are in the rejects file too, and counted in `failed`.
            if status == 1 and finished_with_failed_documents(side["stats.json"]):
                status = 0
            if status not in (0, 3):
                raise RuntimeError(f"copydesk failed on partition {index} with status {status}: {''.join(errors)[-2000:]}")
            for kind, path in (("rejected", side["rejects"]), ("dropped", side["dropped"])):
                with open(path, "rb") as handle:
                    for raw in handle:
                        yield (kind, raw.decode("utf-8", "replace").rstrip("\n"))
            with open(side["stats.json"], encoding="utf-8") as handle:
                yield ("stats", handle.read())

    return run_partition


def finished_with_failed_documents(stats_path):
    """Whether the --stats-json file says the run went through every input and some documents failed."""
    try:
        with open(stats_path, encoding="utf-8") as handle:
            run = json.load(handle)["run"]
    except (OSError, ValueError, KeyError):
        return False
    return run.get("failed", 0) > 0 and not run.get("stopped_early", True) and run.get("files_failed", 1) == 0


def sum_runs(stats_texts):
    totals = {key: 0 for key in RUN_KEYS}
    totals["partitions"] = 0
    for text in stats_texts:
        run = json.loads(text)["run"]
        for key in RUN_KEYS:
            totals[key] += run[key]
        totals["partitions"] += 1
    return totals


def main(argv=None):
    args = parse_args(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("copydesk")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    started = time.time()
    codec = None if args.no_compress else GZIP
    lines = sc.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)

    if args.pipe:
        rules = os.path.abspath(args.rules) if args.rules else None
        command = shlex.join(copydesk_command(os.path.abspath(args.copydesk), rules, args.config, args.extra) + ["-"])
        # RDD.pipe passes only `env`, fixed here on the driver: the same paths must hold on every node.
        lines.pipe(command, env=copydesk_env(os.environ)).saveAsTextFile(os.path.join(args.output, "docs"), codec)
        summary = {"mode": "pipe", "seconds": round(time.time() - started, 2)}
    else:
        sc.addFile(os.path.abspath(args.copydesk))
        rules_name = None
        if args.rules:
            sc.addFile(os.path.abspath(args.rules), recursive=True)
            rules_name = os.path.basename(os.path.abspath(args.rules))
        tagged = lines.mapPartitionsWithIndex(make_partition_runner(rules_name, args.config, args.extra))
        tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
        for kind, folder in (("doc", "docs"), ("rejected", "rejects"), ("dropped", "dropped")):
            tagged.filter(lambda item, kind=kind: item[0] == kind).map(lambda item: item[1]) \
                .saveAsTextFile(os.path.join(args.output, folder), codec)
        summary = sum_runs(tagged.filter(lambda item: item[0] == "stats").map(lambda item: item[1]).collect())
        tagged.unpersist()
        summary["mode"] = "ship"
        summary["seconds"] = round(time.time() - started, 2)
        # Through Spark, so that it lands wherever the output is (HDFS, S3, local).
        sc.parallelize([json.dumps(summary)], 1).saveAsTextFile(os.path.join(args.output, "stats"))
    print(json.dumps(summary), file=sys.stderr)
    spark.stop()
    return summary


if __name__ == "__main__":
    main()
