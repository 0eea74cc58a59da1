#!/usr/bin/env python3
"""Score copydesk's junk removal against the ground truth written by gen_articles.py.

Runs `copydesk run --explain` on a generated corpus and compares the `copydesk.removed` spans
(code-point offsets into the original text) with the truth's junk spans. Whitespace never counts:
every character figure below is over non-whitespace characters only.

  char precision  removed chars that are junk / all removed chars
  char recall     junk chars removed / all junk chars
  span recall     junk spans with >= 90% of their chars removed / all junk spans
  innocent damage look-alike phrases ("had also read the report", ...) with any char removed
  meta accuracy   copydesk.meta date/location/desk/author equal (exactly) to the truth

Per-style precision: each removed region (overlapping removed spans merged) is charged to the junk
style it overlaps most; regions that touch no junk are charged to "(no junk)".

Examples:
  python3 bench/gen_articles.py --count 2000 --seed 1 --out /tmp/e.jsonl --truth /tmp/e.truth.jsonl
  python3 bench/eval_removal.py --corpus /tmp/e.jsonl --truth /tmp/e.truth.jsonl --config Rules/clean.yaml
  python3 bench/eval_removal.py --generate 2000 --config Rules/clean.yaml --json
  python3 bench/eval_removal.py --corpus /tmp/e.jsonl --truth /tmp/e.truth.jsonl --from-output saved.jsonl
"""

import argparse
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copydesk_runner as CR  # noqa: E402

META_KEYS = ("date", "location", "desk", "author")
SPAN_THRESHOLD = 0.9


def is_space(ch):
    return ch.isspace()


def merge(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return out


def ns_count(text, s, e):
    return sum(1 for ch in text[s:e] if not ch.isspace())


def overlap_ns(text, a, b, intervals):
    """Non-space chars of text[a:b] covered by the merged, sorted intervals."""
    total = 0
    for s, e in intervals:
        if e <= a:
            continue
        if s >= b:
            break
        total += ns_count(text, max(a, s), min(b, e))
    return total


def strip_spaces(s):
    return "".join(ch for ch in s if not ch.isspace())


class Scores:
    def __init__(self, group_key):
        self.group_key = group_key
        self.docs = 0
        self.removed_ns = 0
        self.tp_ns = 0
        self.junk_ns = 0
        self.g_junk = Counter()          # group -> junk chars
        self.g_hit = Counter()           # group -> junk chars removed
        self.g_spans = Counter()
        self.g_spans_hit = Counter()
        self.g_charged = Counter()       # group -> removed chars charged to it
        self.g_charged_tp = Counter()    # group -> junk chars inside regions charged to it
        self.rule_chars = Counter()
        self.rule_tp = Counter()
        self.rule_groups = defaultdict(Counter)
        self.innocent = Counter()
        self.innocent_damaged = Counter()
        self.damage_examples = []
        self.miss_examples = defaultdict(list)
        self.meta_expected = Counter()
        self.meta_correct = Counter()
        self.meta_spurious = Counter()
        self.meta_examples = defaultdict(list)
        self.offset_mismatch = 0
        self.offset_examples = []
        self.inconsistent_docs = 0
        self.inconsistent_examples = []
        self.missing_docs = []
        self.no_removed_key = 0
        self.out_of_range = 0

    def group_of(self, span):
        if self.group_key == "style":
            return span["style"]
        if self.group_key == "style+placement":
            return f"{span['style']} @{span.get('placement', '?')}"
        if self.group_key == "style+variant":
            return f"{span['style']} [{span.get('variant', '?')}]"
        return str(span.get(self.group_key, "?"))

    def add(self, doc, truth, rec, text_field):
        text = doc[text_field]
        self.docs += 1
        cd = rec.get("copydesk") or {}
        if "removed" not in cd:
            self.no_removed_key += 1
        raw = []
        for r in cd.get("removed") or []:
            if r.get("field", text_field) != text_field:
                continue
            s, e = r.get("start"), r.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s <= e <= len(text)):
                self.out_of_range += 1
                continue
            if "text" in r and text[s:e] != r["text"]:
                title = doc.get("title") or ""
                if text_field != "title" and title[s:e] == r["text"]:
                    continue  # a title removal reported without a field name
                self.offset_mismatch += 1
                if len(self.offset_examples) < 5:
                    self.offset_examples.append({"id": doc["id"], "rule": r.get("rule"), "start": s, "end": e,
                                                 "reported": r["text"], "at_offsets": text[s:e]})
            raw.append((s, e, r.get("rule", "?")))
        merged = merge([(s, e) for s, e, _ in raw])

        junk = sorted(truth["junk"], key=lambda x: x["start"])
        junk_iv = merge([(j["start"], j["end"]) for j in junk])

        # Totals.
        removed_ns = sum(ns_count(text, s, e) for s, e in merged)
        tp = sum(overlap_ns(text, s, e, merged) for s, e in junk_iv)
        self.removed_ns += removed_ns
        self.tp_ns += tp

        # Recall per group and span recall.
        for j in junk:
            g = self.group_of(j)
            n = ns_count(text, j["start"], j["end"])
            hit = overlap_ns(text, j["start"], j["end"], merged)
            self.junk_ns += n
            self.g_junk[g] += n
            self.g_hit[g] += hit
            self.g_spans[g] += 1
            if n == 0 or hit >= SPAN_THRESHOLD * n:
                self.g_spans_hit[g] += 1
            elif len(self.miss_examples[g]) < 3:
                self.miss_examples[g].append({"id": doc["id"], "start": j["start"], "end": j["end"],
                                              "junk": j["text"], "removed_fraction": round(hit / n, 3)})

        # Charge each removed region to the group it overlaps most.
        for s, e in merged:
            n = ns_count(text, s, e)
            best, best_n, inside = "(no junk)", 0, 0
            for j in junk:
                if j["end"] <= s or j["start"] >= e:
                    continue
                k = ns_count(text, max(s, j["start"]), min(e, j["end"]))
                inside += k
                if k > best_n:
                    best, best_n = self.group_of(j), k
            self.g_charged[best] += n
            self.g_charged_tp[best] += inside

        # Per rule.
        for s, e, rule in raw:
            n = ns_count(text, s, e)
            k = overlap_ns(text, s, e, [list(x) for x in junk_iv])
            self.rule_chars[rule] += n
            self.rule_tp[rule] += k
            for j in junk:
                if j["end"] > s and j["start"] < e:
                    self.rule_groups[rule][self.group_of(j)] += 1

        # Innocent look-alikes.
        for i in truth.get("innocent", []):
            self.innocent[i["label"]] += 1
            if overlap_ns(text, i["start"], i["end"], merged) > 0:
                self.innocent_damaged[i["label"]] += 1
                if len(self.damage_examples) < 5:
                    rules = sorted({r for s, e, r in raw if s < i["end"] and e > i["start"]})
                    self.damage_examples.append({"id": doc["id"], "phrase": i["text"], "rules": rules})

        # Meta.
        got = cd.get("meta") or {}
        for k in META_KEYS:
            exp = truth["meta"].get(k)
            val = got.get(k)
            if exp is None:
                if val not in (None, ""):
                    self.meta_spurious[k] += 1
                    if len(self.meta_examples[k]) < 3:
                        self.meta_examples[k].append({"id": doc["id"], "expected": None, "got": val})
                continue
            self.meta_expected[k] += 1
            if val == exp:
                self.meta_correct[k] += 1
            elif len(self.meta_examples[k]) < 3:
                self.meta_examples[k].append({"id": doc["id"], "expected": exp, "got": val})

        # Consistency: the output text should be the original minus the removed spans (whitespace
        # aside). Rules that replace rather than strip make this differ legitimately.
        out_text = rec.get(text_field)
        if isinstance(out_text, str):
            keep, last = [], 0
            for s, e in merged:
                keep.append(text[last:s])
                last = e
            keep.append(text[last:])
            if strip_spaces("".join(keep)) != strip_spaces(out_text):
                self.inconsistent_docs += 1
                if len(self.inconsistent_examples) < 3:
                    self.inconsistent_examples.append(doc["id"])

    def report(self):
        def ratio(a, b):
            return None if b == 0 else a / b

        groups = sorted(set(self.g_junk) | set(self.g_charged) - {"(no junk)"})
        per_group = {}
        for g in groups:
            per_group[g] = {
                "junk_chars": self.g_junk[g], "removed_junk_chars": self.g_hit[g],
                "char_recall": ratio(self.g_hit[g], self.g_junk[g]),
                "charged_chars": self.g_charged[g],
                "char_precision": ratio(self.g_charged_tp[g], self.g_charged[g]),
                "spans": self.g_spans[g], "spans_removed": self.g_spans_hit[g],
                "span_recall": ratio(self.g_spans_hit[g], self.g_spans[g]),
                "missed_examples": self.miss_examples.get(g, []),
            }
        total_spans = sum(self.g_spans.values())
        per_rule = {
            r: {"removed_chars": self.rule_chars[r], "junk_chars": self.rule_tp[r],
                "char_precision": ratio(self.rule_tp[r], self.rule_chars[r]),
                "groups_hit": dict(self.rule_groups[r].most_common(4))}
            for r in sorted(self.rule_chars, key=lambda r: -self.rule_chars[r])
        }
        meta = {k: {"expected": self.meta_expected[k], "correct": self.meta_correct[k],
                    "accuracy": ratio(self.meta_correct[k], self.meta_expected[k]),
                    "spurious": self.meta_spurious[k], "examples": self.meta_examples.get(k, [])}
                for k in META_KEYS}
        return {
            "documents": self.docs,
            "grouped_by": self.group_key,
            "overall": {
                "removed_chars": self.removed_ns, "junk_chars": self.junk_ns, "true_positive_chars": self.tp_ns,
                "char_precision": ratio(self.tp_ns, self.removed_ns),
                "char_recall": ratio(self.tp_ns, self.junk_ns),
                "false_positive_chars": self.removed_ns - self.tp_ns,
                "no_junk_region_chars": self.g_charged["(no junk)"],
                "spans": total_spans, "spans_removed": sum(self.g_spans_hit.values()),
                "span_recall": ratio(sum(self.g_spans_hit.values()), total_spans),
            },
            "per_group": per_group,
            "per_rule": per_rule,
            "innocent": {"total": sum(self.innocent.values()), "damaged": sum(self.innocent_damaged.values()),
                         "per_label": {k: {"total": v, "damaged": self.innocent_damaged[k]}
                                       for k, v in sorted(self.innocent.items())},
                         "examples": self.damage_examples},
            "meta": meta,
            "checks": {
                "removed_text_not_at_offsets": self.offset_mismatch, "offset_examples": self.offset_examples,
                "removed_out_of_range": self.out_of_range,
                "docs_without_removed_key": self.no_removed_key,
                "docs_output_not_original_minus_removed": self.inconsistent_docs,
                "inconsistent_examples": self.inconsistent_examples,
                "docs_missing_from_output": len(self.missing_docs),
                "missing_examples": self.missing_docs[:5],
            },
        }


def pct(x):
    return "   -  " if x is None else f"{100 * x:6.2f}"


def print_table(rep, run_info, out=sys.stdout):
    o = rep["overall"]
    w = out.write
    w(f"Copydesk removal vs ground truth: {rep['documents']} documents")
    if run_info:
        w(f"  ({run_info})")
    w("\n\n")
    w(f"Overall  char precision {pct(o['char_precision'])}%  char recall {pct(o['char_recall'])}%  "
      f"span recall {pct(o['span_recall'])}% ({o['spans_removed']}/{o['spans']})\n")
    w(f"         removed {o['removed_chars']} chars, junk {o['junk_chars']}, false positive {o['false_positive_chars']} "
      f"({o['no_junk_region_chars']} in regions touching no junk)\n\n")
    name_w = max([len(g) for g in rep["per_group"]] + [len(rep["grouped_by"]), 12])
    w(f"{rep['grouped_by']:<{name_w}}  {'spans':>6}  {'span rec%':>9}  {'char rec%':>9}  {'char prec%':>10}  {'junk ch':>8}  {'charged ch':>10}\n")
    w("-" * (name_w + 66) + "\n")
    for g, s in rep["per_group"].items():
        w(f"{g:<{name_w}}  {s['spans']:>6}  {pct(s['span_recall']):>9}  {pct(s['char_recall']):>9}  "
          f"{pct(s['char_precision']):>10}  {s['junk_chars']:>8}  {s['charged_chars']:>10}\n")
    nj = rep["overall"]["no_junk_region_chars"]
    w(f"{'(no junk)':<{name_w}}  {'':>6}  {'':>9}  {'':>9}  {pct(0.0 if nj else None):>10}  {'':>8}  {nj:>10}\n\n")

    inn = rep["innocent"]
    w(f"Innocent look-alikes damaged: {inn['damaged']} of {inn['total']}\n")
    for k, v in inn["per_label"].items():
        if v["damaged"]:
            w(f"  {v['damaged']:>5}/{v['total']:<5} {k}\n")
    for ex in inn["examples"]:
        w(f"  e.g. {ex['id']}: {ex['phrase']!r} hit by {', '.join(ex['rules'])}\n")
    w("\nMeta (exact match)   expected  correct  accuracy%  spurious\n")
    for k, m in rep["meta"].items():
        w(f"  {k:<18} {m['expected']:>9}  {m['correct']:>7}  {pct(m['accuracy']):>9}  {m['spurious']:>8}\n")
        for ex in m["examples"][:2]:
            if ex["expected"] != ex["got"]:
                w(f"      e.g. {ex['id']}: expected {ex['expected']!r}, got {ex['got']!r}\n")
    w("\nPer rule               removed ch  on junk  precision%  junk hit most\n")
    for r, s in list(rep["per_rule"].items())[:30]:
        top = ", ".join(f"{g}:{n}" for g, n in s["groups_hit"].items())
        w(f"  {r:<22} {s['removed_chars']:>9}  {s['junk_chars']:>7}  {pct(s['char_precision']):>10}  {top}\n")
    c = rep["checks"]
    w("\nChecks\n")
    w(f"  removed[].text differs from the original text at start..end: {c['removed_text_not_at_offsets']}\n")
    for ex in c["offset_examples"][:3]:
        w(f"      e.g. {ex['id']} rule {ex['rule']} {ex['start']}..{ex['end']}: reported {ex['reported'][:40]!r}, "
          f"text there {ex['at_offsets'][:40]!r}\n")
    w(f"  removed spans out of range: {c['removed_out_of_range']}; documents without a removed key: "
      f"{c['docs_without_removed_key']}\n")
    w(f"  output text != original minus removed (ignoring whitespace): {c['docs_output_not_original_minus_removed']}"
      + (f" e.g. {', '.join(c['inconsistent_examples'])}" if c["inconsistent_examples"] else "") + "\n")
    w(f"  documents missing from output (dropped/rejected): {c['docs_missing_from_output']}\n")
    misses = [(g, ex) for g, s in rep["per_group"].items() for ex in s["missed_examples"][:1]]
    if misses:
        w("\nMissed spans (first per group)\n")
        for g, ex in misses:
            w(f"  {g}: {ex['id']} {ex['start']}..{ex['end']} removed {100 * ex['removed_fraction']:.0f}%: {ex['junk'][:70]!r}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="generated JSONL (from gen_articles.py)")
    ap.add_argument("--truth", help="its truth sidecar (gen_articles.py --truth)")
    ap.add_argument("--generate", type=int, metavar="N",
                    help="generate N articles into bench/.work/ instead of --corpus/--truth")
    ap.add_argument("--seed", type=int, default=1, help="seed for --generate (default 1)")
    CR.add_arguments(ap)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--by", default="style", choices=["style", "variant", "placement", "style+placement",
                                                       "style+variant"],
                    help="group the per-style table by this truth attribute (default style)")
    ap.add_argument("--keep-output", metavar="FILE", help="keep copydesk's output JSONL here")
    ap.add_argument("--from-output", metavar="FILE",
                    help="score an existing copydesk --explain output instead of running copydesk")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args()

    if args.generate:
        os.makedirs(CR.WORK_DIR, exist_ok=True)
        args.corpus = os.path.join(CR.WORK_DIR, f"eval-seed{args.seed}-n{args.generate}.jsonl")
        args.truth = os.path.join(CR.WORK_DIR, f"eval-seed{args.seed}-n{args.generate}.truth.jsonl")
        if not (os.path.exists(args.corpus) and os.path.exists(args.truth)):
            import subprocess
            subprocess.run([sys.executable, os.path.join(CR.BENCH_DIR, "gen_articles.py"), "--count",
                            str(args.generate), "--seed", str(args.seed), "--out", args.corpus, "--truth",
                            args.truth], check=True)
    if not (args.corpus and args.truth):
        ap.error("give --corpus and --truth, or --generate N")

    run_info = ""
    tmpdir = None
    if args.from_output:
        out_path = args.from_output
        run_info = f"scored {out_path}"
    else:
        binary = CR.find_binary(args.copydesk)
        if args.keep_output:
            out_path = args.keep_output
        else:
            tmpdir = tempfile.mkdtemp(prefix="copydesk-eval-")
            out_path = os.path.join(tmpdir, "out.jsonl")
        try:
            res = CR.run(binary, args.corpus, out_path, config=args.config, jobs=args.jobs, explain=True,
                         text_field=args.text_field if args.text_field != "text" else None)
        except CR.CopydeskError as e:
            sys.exit(f"error: {e}")
        s = res["summary"]
        run_info = (f"config {args.config or '(copydesk lookup)'}, {res['seconds']:.1f}s, exit {res['returncode']}"
                    + (f", read {s['read']} written {s['written']} dropped {s['dropped']} rejected {s['rejected']}"
                       if s else ", no summary line on stderr"))

    docs = {}
    order = []
    for n, d in CR.read_jsonl(args.corpus):
        if d is None:
            sys.exit(f"error: {args.corpus}:{n} is not JSON")
        docs[d["id"]] = d
        order.append(d["id"])
    outs = {}
    for n, rec in CR.read_jsonl(out_path):
        if rec is None:
            sys.exit(f"error: copydesk output line {n} is not JSON ({out_path})")
        if "id" in rec:
            outs[rec["id"]] = rec
    if not outs:
        sys.exit(f"error: no documents in copydesk output {out_path}")

    sc = Scores(args.by)
    for n, t in CR.read_jsonl(args.truth):
        doc = docs.get(t["id"])
        if doc is None:
            sys.exit(f"error: truth id {t['id']} is not in {args.corpus}")
        rec = outs.get(t["id"])
        if rec is None:
            sc.missing_docs.append(t["id"])
            continue
        sc.add(doc, t, rec, args.text_field)
    rep = sc.report()
    rep["run"] = run_info
    if tmpdir:
        import shutil
        shutil.rmtree(tmpdir, ignore_errors=True)
    if args.json:
        json.dump(rep, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_table(rep, run_info)


if __name__ == "__main__":
    main()
