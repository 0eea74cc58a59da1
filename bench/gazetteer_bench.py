#!/usr/bin/env python3
"""Gazetteer load time and matching speed against the number of entries, through the copydesk CLI.

For each size (default 1k, 100k, 1M entries) it writes a generated gazetteer file (made-up names,
1-3 words) and a pipeline with only an entities stage that uses it (model off, no patterns), then:

  - load: best wall time of `copydesk check` on that pipeline, minus the same on an empty gazetteer;
  - match: the entities stage's own time, from `copydesk run --jobs 1 --stats-json`, on a generated
    corpus (the same for every size; the stage runs only the gazetteer), as MB/s of input, best of N.

Matching speed should not depend on the number of entries; loading should take under 2 s for 1M.

    python3 bench/gazetteer_bench.py                      # 1k, 100k, 1M; 20 MB corpus
    python3 bench/gazetteer_bench.py --sizes 1000 1000000 --corpus-mb 10 --repeat 3
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
SYLLABLES = ["ka", "ro", "mi", "ta", "zen", "vor", "lin", "dra", "po", "quil", "ser", "nan", "tu", "bex", "or", "al"]
WORDS = ("the of and to in a for on with said was that he at by from it as his has have are were be an "
         "government minister police city court report season film team market people year week state").split()


def name(rng):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                    for _ in range(rng.randint(1, 3)))


def write_gazetteer(path, count, seed):
    rng = random.Random(seed)
    seen = set()
    names = []
    with open(path, "w") as out:
        out.write("gazetteer: {label: ORG}\nentries:\n")
        while len(names) < count:
            candidate = name(rng)
            if candidate in seen:
                continue
            seen.add(candidate)
            names.append(candidate)
            out.write('  - {name: "%s", id: "bench:%d"}\n' % (candidate, len(names)))
    return names


def write_corpus(path, megabytes, names, seed):
    """English-like filler with a known name every ~40 words (names from the smallest gazetteer)."""
    rng = random.Random(seed)
    size = 0
    with open(path, "w") as out:
        while size < megabytes * 1_000_000:
            words = []
            for _ in range(rng.randint(300, 700)):
                words.append(rng.choice(names) if rng.random() < 0.025 else rng.choice(WORDS))
            line = json.dumps({"text": " ".join(words) + "."}) + "\n"
            out.write(line)
            size += len(line.encode())
    return size


def best(command, stdin_path, repeat):
    times = []
    for _ in range(repeat):
        with open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb") as stdin:
            start = time.perf_counter()
            done = subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit("gazetteer_bench: failed: %s\n%s" % (" ".join(command), done.stderr.decode()[-2000:]))
        times.append(elapsed)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copydesk", default=os.path.join(REPO, ".build/release/copydesk"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000, 1_000_000])
    parser.add_argument("--corpus-mb", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not os.access(args.copydesk, os.X_OK):
        sys.exit("gazetteer_bench: no copydesk at %s: run `swift build -c release`" % args.copydesk)
    work = os.path.join(BENCH, ".work", "gazetteer")
    os.makedirs(work, exist_ok=True)

    def pipeline(gazetteer):
        path = os.path.join(work, "pipeline-" + os.path.basename(gazetteer))
        with open(path, "w") as out:
            out.write("version: 1\nstages:\n  - stage: entities\n    model: none\n    gazetteers: [%s]\n" % os.path.basename(gazetteer))
        return path

    empty = os.path.join(work, "empty.yaml")
    with open(empty, "w") as out:
        out.write("gazetteer: {label: ORG}\nentries:\n  - {name: \"Zzqx Placeholder\"}\n")
    baseline = best([args.copydesk, "check", "-c", pipeline(empty)], None, args.repeat)

    rows = []
    corpus = os.path.join(work, "corpus.jsonl")
    corpus_bytes = None
    for size in sorted(args.sizes):
        gazetteer = os.path.join(work, "names-%d.yaml" % size)
        # One seed for every size: the first names are the same, so the corpus hits every gazetteer alike.
        names = write_gazetteer(gazetteer, size, seed=1)
        if corpus_bytes is None:
            corpus_bytes = write_corpus(corpus, args.corpus_mb, names[:1000], seed=7)
        config = pipeline(gazetteer)
        load = best([args.copydesk, "check", "-c", config], None, args.repeat)
        stats = os.path.join(work, "stats.json")
        stage_seconds = []
        for _ in range(args.repeat):
            best([args.copydesk, "run", "-q", "--jobs", "1", "-c", config, "--stats-json", stats], corpus, 1)
            with open(stats) as f:
                stage_seconds.append(json.load(f)["stages"][0]["seconds"])
        rows.append((size, os.path.getsize(gazetteer), max(0.0, load - baseline), load, corpus_bytes / 1e6 / min(stage_seconds)))
    print("| entries | file | load (s, net of start-up) | `copydesk check` (s) | matching (MB/s, 1 core) |")
    print("|---|---|---|---|---|")
    for size, file_bytes, net, load, speed in rows:
        print("| %s | %.1f MB | %.2f | %.2f | %.1f |" % (f"{size:,}", file_bytes / 1e6, net, load, speed))
    print("\nstart-up with a one-entry gazetteer: %.3f s; corpus %.1f MB, the same for every size; best of %d"
          % (baseline, corpus_bytes / 1e6, args.repeat))


if __name__ == "__main__":
    main()
