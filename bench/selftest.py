#!/usr/bin/env python3
"""Self-test of the bench scripts that needs no copydesk binary (uses bench/testing/fake_copydesk.py).

    python3 bench/selftest.py            # prints one line per check, then "N passed, M failed"

Checks: generator determinism and --verify, eval_removal.py scoring a perfect fake cleaner at 100%
and imperfect ones below it, markers.py, rules_to_perl.py + Perl on the sample rules, and
throughput.sh end to end on a 2 MB corpus. Needs perl; the Perl checks need PyYAML.
"""

import json
import os
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
FAKE = os.path.join(BENCH, "testing", "fake_copydesk.py")
SAMPLE = os.path.join(BENCH, "testing", "sample-rules", "clean.yaml")
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))


def run(args, env=None, **kw):
    e = dict(os.environ)
    e.pop("FAKE_COPYDESK_TRUTH", None)
    e.pop("FAKE_COPYDESK_MODE", None)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, env=e, **kw)


def evaluate(tmp, corpus, truth, mode=None):
    env = {"FAKE_COPYDESK_TRUTH": truth}
    if mode:
        env["FAKE_COPYDESK_MODE"] = mode
    p = run([sys.executable, os.path.join(BENCH, "eval_removal.py"), "--corpus", corpus, "--truth", truth,
             "--copydesk", FAKE, "--json"], env=env)
    if p.returncode != 0:
        return None, p.stderr
    return json.loads(p.stdout), ""


def main():
    tmp = tempfile.mkdtemp(prefix="copydesk-bench-selftest-")
    corpus = os.path.join(tmp, "g.jsonl")
    truth = os.path.join(tmp, "g.truth.jsonl")
    gen = [sys.executable, os.path.join(BENCH, "gen_articles.py")]

    p = run(gen + ["--count", "800", "--seed", "3", "--out", corpus, "--truth", truth, "--verify"])
    check("gen_articles --verify passes", p.returncode == 0, p.stderr[-500:])
    p2 = run(gen + ["--count", "300", "--seed", "3", "--out", os.path.join(tmp, "h.jsonl")])
    with open(corpus, encoding="utf-8") as a, open(os.path.join(tmp, "h.jsonl"), encoding="utf-8") as b:
        same = a.readlines()[:300] == b.readlines()
    check("gen_articles is deterministic (prefix of a longer run is identical)", p2.returncode == 0 and same)
    p3 = run(gen + ["--size-mb", "0.5", "--seed", "3", "--out", os.path.join(tmp, "s.jsonl")])
    size = os.path.getsize(os.path.join(tmp, "s.jsonl"))
    check("gen_articles --size-mb stops just past the size", p3.returncode == 0 and 500_000 <= size < 520_000, str(size))

    rep, err = evaluate(tmp, corpus, truth)
    ok = rep is not None and rep["overall"]["char_precision"] == 1.0 and rep["overall"]["char_recall"] == 1.0 \
        and rep["overall"]["span_recall"] == 1.0 and rep["innocent"]["damaged"] == 0 \
        and all(m["accuracy"] == 1.0 and m["spurious"] == 0 for m in rep["meta"].values()) \
        and rep["checks"]["removed_text_not_at_offsets"] == 0 \
        and rep["checks"]["docs_output_not_original_minus_removed"] == 0
    check("eval_removal: perfect cleaner scores 100% everywhere", ok, err or json.dumps(rep and rep["overall"]))

    rep, err = evaluate(tmp, corpus, truth, "miss:tweet")
    ok = rep is not None and rep["per_group"]["tweet"]["span_recall"] == 0.0 and rep["overall"]["char_precision"] == 1.0 \
        and rep["overall"]["char_recall"] < 1.0 and rep["per_group"]["dateline"]["span_recall"] == 1.0
    check("eval_removal: a missed style shows 0 recall for that style only", ok, err)

    rep, err = evaluate(tmp, corpus, truth, "innocent")
    ok = rep is not None and rep["innocent"]["damaged"] == rep["innocent"]["total"] > 0 \
        and rep["overall"]["char_precision"] < 1.0 and rep["overall"]["no_junk_region_chars"] > 0
    check("eval_removal: removing look-alikes counts as damage and lowers precision", ok, err)

    rep, err = evaluate(tmp, corpus, truth, "overreach")
    ok = rep is not None and rep["overall"]["char_recall"] == 1.0 and rep["overall"]["char_precision"] < 1.0
    check("eval_removal: over-long removals lower precision, not recall", ok, err)

    rep, err = evaluate(tmp, corpus, truth, "badoffsets")
    ok = rep is not None and rep["checks"]["removed_text_not_at_offsets"] > 0
    check("eval_removal: wrong offsets are reported", ok, err)

    p = run([sys.executable, os.path.join(BENCH, "eval_removal.py"), "--corpus", corpus, "--truth", truth,
             "--copydesk", os.path.join(tmp, "no-such-binary")])
    check("eval_removal: missing binary fails clearly", p.returncode != 0 and "swift build -c release" in p.stderr)

    p = run([sys.executable, os.path.join(BENCH, "markers.py"), corpus, "--copydesk", FAKE, "--json"])
    ok = False
    if p.returncode == 0:
        m = json.loads(p.stdout)
        ok = m["markers"]["pic.twitter.com"]["before"] > 0 and m["markers"]["pic.twitter.com"]["after"] == 0 \
            and m["documents"]["copydesk_summary"]["read"] == 800
    check("markers.py counts before/after and reads the summary", ok, p.stderr[-300:])

    try:
        import yaml  # noqa: F401
        have_yaml = True
    except ImportError:
        have_yaml = False
    if have_yaml:
        pl = os.path.join(tmp, "strip.pl")
        p = run([sys.executable, os.path.join(BENCH, "rules_to_perl.py"), SAMPLE, "-o", pl])
        check("rules_to_perl translates the sample rules", p.returncode == 0, p.stderr)
        p = run(["perl", "-p", pl, corpus], env={"BENCH_VERBOSE": "1"})
        out = [json.loads(x) for x in p.stdout.splitlines()]
        ok = p.returncode == 0 and len(out) == 800 and not any("pic.twitter.com" in d["text"] or
                                                               d["text"].startswith(" date") for d in out)
        check("perl baseline strips the translated patterns", ok, p.stderr[-300:])
        t = '{"id":"t","url":"https://x.org","text":"Monday.ALSO READ: man bites dog in pune The bridge opened."}\n'
        p = run(["perl", "-p", pl], input=t, env={"BENCH_RULES": "also-read-inline"})
        got = json.loads(p.stdout)["text"] if p.returncode == 0 else p.stderr
        check("perl baseline tidies the seam like copydesk", got == "Monday. The bridge opened.", got)
    else:
        print("skip rules_to_perl checks: PyYAML is not installed")

    p = run(["bash", os.path.join(BENCH, "throughput.sh"), "--copydesk", FAKE, "--config", SAMPLE,
             "--corpus", os.path.join(tmp, "s.jsonl")] + ([] if have_yaml else ["--skip-perl"]))
    ok = p.returncode == 0 and "| copydesk clean.yaml --jobs 2 |" in p.stdout and "| cat (I/O floor) |" in p.stdout
    check("throughput.sh runs end to end with the fake binary", ok, p.stderr[-500:])
    p = run(["bash", os.path.join(BENCH, "throughput.sh"), "--copydesk", os.path.join(tmp, "nope")])
    check("throughput.sh: missing binary prints the build command", p.returncode != 0 and "swift build -c release" in p.stderr)

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
