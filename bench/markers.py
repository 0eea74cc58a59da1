#!/usr/bin/env python3
"""Count junk markers before and after copydesk on a real corpus, and measure collateral removal.

Give it any JSONL with a text field, e.g. the news-dev corpus (its path is an argument; nothing from
it is copied). It runs `copydesk run --explain` once and reports:
  * per marker (case-insensitive regex): occurrences in the input text, in the output text, and the
    fraction removed; "also read" also matches innocent prose ("had also read"), so do not expect 0;
  * articles with no marker at all: the fraction of (non-whitespace) characters copydesk removed,
    overall and for the worst 5 article ids, with the rules that removed text there;
  * documents read / written / dropped / rejected (and flagged).
Article text is never printed: only ids, counts and rule ids.

Examples:
  python3 bench/markers.py /work/shared/corpora/news-dev/articles.jsonl --config Rules/clean.yaml
  python3 bench/markers.py /work/shared/corpora/news-dev/articles.jsonl --group-by source_repo --json
"""

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copydesk_runner as CR  # noqa: E402

MARKERS = [
    ("also read", r"also\s+read"),
    ("read more:", r"read\s+more\s*:"),
    ("whatsapp", r"whatsapp"),
    ("click to join", r"click\s+to\s+join"),
    ("follow us", r"follow\s+us"),
    ("subscribe to", r"subscribe\s+to"),
    ("a post shared by", r"a\s+post\s+shared\s+by"),
    ("pic.twitter.com", r"pic\.twitter\.com"),
    ("posted by:", r"posted\s+by\s*:"),
    ("milestone alert", r"milestone\s+alert"),
    ("click here to know more", r"click\s+here\s+to\s+know\s+more"),
    ("watch our", r"watch\s+our"),
    ("listen to our podcast", r"listen\s+to\s+our\s+podcast"),
]
COMPILED = [(name, re.compile(p, re.I)) for name, p in MARKERS]
ANY_MARKER = re.compile("|".join(f"(?:{p})" for _, p in MARKERS), re.I)


def count_markers(text):
    return {name: len(rx.findall(text)) for name, rx in COMPILED}


def ns(s):
    return sum(1 for ch in s if not ch.isspace())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="JSONL corpus, e.g. /work/shared/corpora/news-dev/articles.jsonl")
    CR.add_arguments(ap)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--group-by", metavar="FIELD", help="also split marker counts by this input field (e.g. source_repo)")
    ap.add_argument("--worst", type=int, default=5, help="how many worst marker-free articles to list (default 5)")
    ap.add_argument("--keep-output", metavar="FILE", help="keep copydesk's output JSONL here")
    ap.add_argument("--from-output", metavar="FILE", help="use an existing copydesk output instead of running it")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    tmpdir = None
    run = None
    if args.from_output:
        out_path = args.from_output
    else:
        binary = CR.find_binary(args.copydesk)
        if args.keep_output:
            out_path = args.keep_output
        else:
            tmpdir = tempfile.mkdtemp(prefix="copydesk-markers-")
            out_path = os.path.join(tmpdir, "out.jsonl")
        try:
            run = CR.run(binary, args.corpus, out_path, config=args.config, jobs=args.jobs, explain=True,
                         text_field=args.text_field if args.text_field != "text" else None)
        except CR.CopydeskError as e:
            sys.exit(f"error: {e}")

    field = args.text_field
    inputs = {}
    order = []
    unparsable = 0
    no_id = 0
    for n, d in CR.read_jsonl(args.corpus):
        if d is None or not isinstance(d, dict):
            unparsable += 1
            continue
        key = d.get("id")
        if key is None:
            no_id += 1
            key = f"line{n}"
        inputs[key] = d
        order.append(key)
    outputs = {}
    flagged = 0
    for n, rec in CR.read_jsonl(out_path):
        if rec is None:
            sys.exit(f"error: copydesk output line {n} is not JSON ({out_path})")
        key = rec.get("id", f"line{n}")
        outputs[key] = rec
        if (rec.get("copydesk") or {}).get("decision") == "flag":
            flagged += 1

    before = Counter()
    after = Counter()
    before_missing = Counter()   # markers in documents that are not in the output
    by_group = defaultdict(lambda: [Counter(), Counter()])
    clean_docs = []
    for key in order:
        d = inputs[key]
        text = d.get(field)
        if not isinstance(text, str):
            continue
        b = count_markers(text)
        before.update(b)
        rec = outputs.get(key)
        g = str(d.get(args.group_by)) if args.group_by else None
        if g is not None:
            by_group[g][0].update(b)
        if rec is None:
            before_missing.update(b)
            continue
        out_text = rec.get(field) if isinstance(rec.get(field), str) else ""
        a = count_markers(out_text)
        after.update(a)
        if g is not None:
            by_group[g][1].update(a)
        if not ANY_MARKER.search(text):
            total = ns(text)
            gone = max(0, total - ns(out_text))
            rules = Counter()
            for r in (rec.get("copydesk") or {}).get("removed") or []:
                rules[r.get("rule", "?")] += max(0, r.get("end", 0) - r.get("start", 0))
            clean_docs.append((key, total, gone, rules))

    tot = sum(t for _, t, _, _ in clean_docs)
    gone = sum(g for _, _, g, _ in clean_docs)
    worst = sorted((x for x in clean_docs if x[2] > 0), key=lambda x: (-(x[2] / x[1]) if x[1] else 0, x[0]))[:args.worst]
    rules_on_clean = Counter()
    for _, _, _, r in clean_docs:
        rules_on_clean.update(r)
    summary = run["summary"] if run else None
    rep = {
        "corpus": args.corpus,
        "documents": {
            "input_lines": len(order) + unparsable, "unparsable_input_lines": unparsable,
            "input_without_id": no_id, "output": len(outputs), "flagged": flagged,
            "missing_from_output": sum(1 for k in order if k not in outputs),
            "copydesk_summary": summary,
            "dropped_file_lines": len(run["dropped_ids"]) if run else None,
            "rejects_file_lines": run["rejects_lines"] if run else None,
            "exit_code": run["returncode"] if run else None,
            "seconds": round(run["seconds"], 2) if run else None,
        },
        "markers": {
            name: {"before": before[name], "after": after[name], "in_docs_not_written": before_missing[name],
                   "removed_fraction": (None if before[name] - before_missing[name] == 0 else
                                        1 - after[name] / (before[name] - before_missing[name]))}
            for name, _ in MARKERS
        },
        "marker_free_articles": {
            "count": len(clean_docs), "chars": tot, "removed_chars": gone,
            "removed_fraction": (gone / tot) if tot else None,
            "articles_with_any_removal": sum(1 for x in clean_docs if x[2] > 0),
            "worst": [{"id": k, "removed_fraction": round(g / t, 4) if t else 0.0, "removed_chars": g,
                       "rules": dict(r.most_common(5))} for k, t, g, r in worst],
            "rules_removing_there": dict(rules_on_clean.most_common(10)),
        },
    }
    if args.group_by:
        rep["by_group"] = {g: {name: {"before": c[0][name], "after": c[1][name]} for name, _ in MARKERS}
                           for g, c in sorted(by_group.items())}
    if tmpdir:
        import shutil
        shutil.rmtree(tmpdir, ignore_errors=True)

    if args.json:
        json.dump(rep, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    w = sys.stdout.write
    d = rep["documents"]
    w(f"Markers before/after copydesk on {args.corpus}\n")
    if summary:
        w(f"copydesk: read {summary['read']}, written {summary['written']}, dropped {summary['dropped']}, "
          f"rejected {summary['rejected']} (exit {d['exit_code']}, {d['seconds']}s)\n")
    w(f"input lines {d['input_lines']} (unparsable {d['unparsable_input_lines']}), output {d['output']}, "
      f"flagged {d['flagged']}, missing from output {d['missing_from_output']}\n\n")
    w(f"{'marker':<26} {'before':>7} {'after':>7} {'removed%':>9} {'in dropped':>10}\n")
    w("-" * 63 + "\n")
    for name, m in rep["markers"].items():
        f = "-" if m["removed_fraction"] is None else f"{100 * m['removed_fraction']:.1f}"
        w(f"{name:<26} {m['before']:>7} {m['after']:>7} {f:>9} {m['in_docs_not_written']:>10}\n")
    w(f"{'total':<26} {sum(before.values()):>7} {sum(after.values()):>7}\n")
    if args.group_by:
        for g, ms in rep["by_group"].items():
            w(f"\n[{args.group_by} = {g}]\n")
            for name, m in ms.items():
                if m["before"] or m["after"]:
                    w(f"  {name:<24} {m['before']:>7} {m['after']:>7}\n")
    c = rep["marker_free_articles"]
    frac = "-" if c["removed_fraction"] is None else f"{100 * c['removed_fraction']:.3f}%"
    w(f"\nArticles with no marker at all: {c['count']}; copydesk removed {c['removed_chars']} of {c['chars']} "
      f"non-space chars ({frac}); "
      f"{c['articles_with_any_removal']} articles lost something\n")
    for x in c["worst"]:
        rules = ", ".join(f"{r}:{n}" for r, n in x["rules"].items()) or "(no removed spans; whitespace/other)"
        w(f"  {x['id']:<40} {100 * x['removed_fraction']:7.3f}%  {x['removed_chars']:>6} chars  {rules}\n")
    if c["rules_removing_there"]:
        w("  rules removing text in marker-free articles (code points): "
          + ", ".join(f"{r}:{n}" for r, n in c["rules_removing_there"].items()) + "\n")


if __name__ == "__main__":
    main()
