#!/usr/bin/env python3
"""Time every rule of a pipeline on its own: which rules make `copydesk run` slow?

    python3 bench/rule_cost.py --config Rules/clean.yaml --corpus bench/.work/corpus-50mb.jsonl
    python3 bench/rule_cost.py --config Rules/clean.yaml --corpus /work/shared/corpora/news-dev/articles.jsonl
    python3 bench/rule_cost.py ... --only follow-us-prompt,subscribe-prompt --repeat 5
    python3 bench/rule_cost.py ... --match-only      # pattern cost alone (rules run as tag rules)
    python3 bench/rule_cost.py ... --json

For each rule of every regex stage it writes a temporary pipeline with one regex stage holding only
that rule (its `when:` guards included), runs `copydesk run -q --jobs 1 --config TMP < corpus >
/dev/null`, and keeps the best wall time of --repeat runs. The runs go round-robin (baseline, every
rule, whole pipeline; then again), so a burst of load from another process does not land on one
rule only. The baseline is the same pipeline with no rule at all (reading, JSON decode/encode and
writing); a rule's cost is its time minus the baseline. A reference rule, a bare literal
(--reference, default 'Follow us'), is timed the same way: a pattern that starts with a literal
lets PCRE2 skip ahead with a vectorised search, so its cost is about the least any rule can cost,
and the "x lit" column says how many times that a rule costs.

The table is sorted by cost: ms per 100 MB of input and the MB/s the rule alone would allow
(input MB / cost). Below it: the sum of all rule costs plus the baseline (an estimate for the
whole pipeline) and, unless --no-total, the whole pipeline measured the same way (at --jobs 1;
it also runs the whitespace stage and the rules on text the earlier rules already cleaned).

A rule that changes a document also pays for re-encoding that JSON line; in the whole pipeline that
is paid once per changed document, which is one reason the sum of the costs overstates the whole.
--match-only times every rule as a tag rule instead, which leaves the cost of the pattern itself.
Every rule also has a fixed cost per document (looking up the field, calling PCRE2), so even a
rule that never matches costs something.

Needs PyYAML (it reads the config with rules_to_perl.py's loader). Standard library otherwise.
Timings are wall-clock; run on an idle machine. Costs below about 5 ms per 100 MB are noise.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import copydesk_runner  # noqa: E402

try:
    import rules_to_perl  # noqa: E402  (exits with an install hint when PyYAML is missing)
except SystemExit as e:  # pragma: no cover - environment dependent
    sys.exit(str(e).replace("rules_to_perl.py", "rule_cost.py"))


def one_rule_config(rule):
    """A pipeline YAML with one regex stage holding `rule` (or no rule when None).

    The rule is written as JSON, which YAML reads as a flow mapping; ensure_ascii=False keeps
    non-ASCII characters as they are (libyaml rejects \\ud83c-style surrogate escapes)."""
    rules = "[]" if rule is None else "\n      - " + json.dumps(rule, ensure_ascii=False)
    return f"version: 1\nstages:\n  - stage: regex\n    id: rule-cost\n    rules: {rules}\n"


ACTION_KEYS = ("action", "strip", "meta", "replacement", "tags", "category", "severity", "reason")


def as_tag(rule):
    """The rule as a tag rule: same pattern, flags, fields and guards, but it changes no text."""
    tagged = {k: v for k, v in rule.items() if k not in ACTION_KEYS and k != "examples"}
    tagged.update(action="tag", tags=["rule-cost"])
    return tagged


def time_run(binary, config_path, corpus, jobs, repeat):
    """Best wall time (seconds) of `repeat` runs of copydesk on corpus, output to /dev/null."""
    best = None
    for _ in range(repeat):
        with open(corpus, "rb") as stdin:
            t0 = time.perf_counter()
            proc = subprocess.run([binary, "run", "-q", "--jobs", str(jobs), "--config", config_path],
                                  stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
        if proc.returncode not in (0, 3):
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise copydesk_runner.CopydeskError(
                f"copydesk exited {proc.returncode} with {config_path}: {err[-1] if err else ''}")
        best = dt if best is None else min(best, dt)
    return best


def main():
    ap = argparse.ArgumentParser(description="Per-rule cost of a copydesk pipeline (one rule at a time).")
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or copydesk_runner.DEFAULT_BINARY,
                    help="copydesk binary (default $COPYDESK or <repo>/.build/release/copydesk)")
    ap.add_argument("--config", required=True, help="pipeline YAML, e.g. Rules/clean.yaml")
    ap.add_argument("--corpus", required=True, help="JSON Lines corpus to time on")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement, the best is kept (default 3)")
    ap.add_argument("--jobs", type=int, default=1, help="copydesk --jobs (default 1)")
    ap.add_argument("--only", help="comma-separated rule ids to time (default: all)")
    ap.add_argument("--reference", default="Follow us",
                    help="bare-literal reference pattern ('' to skip; default 'Follow us')")
    ap.add_argument("--match-only", action="store_true",
                    help="time each rule as `action: tag` (same pattern, fields and guards): the cost of matching "
                         "alone, without removing text and re-encoding the changed documents")
    ap.add_argument("--no-total", action="store_true", help="do not time the whole pipeline")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args()

    binary = copydesk_runner.find_binary(args.copydesk)
    if not os.path.isfile(args.corpus):
        sys.exit(f"error: corpus not found: {args.corpus}")
    try:
        stages = rules_to_perl.load_pipeline(args.config)
    except rules_to_perl.ConfigError as e:
        sys.exit(f"error: {e}")
    rules = [(stage_id, r) for kind, stage_id, payload in stages if kind == "regex" for _, r in payload]
    if args.only:
        wanted = {x.strip() for x in args.only.split(",") if x.strip()}
        missing = wanted - {r.get("id") for _, r in rules}
        if missing:
            sys.exit(f"error: no such rule id(s): {', '.join(sorted(missing))}")
        rules = [(s, r) for s, r in rules if r.get("id") in wanted]

    size = os.path.getsize(args.corpus)
    mb = size / 1e6
    # Every measurement is one config; the configs are run round-robin, --repeat rounds, and each
    # keeps its best time. Interleaving spreads a burst of load on the machine over all configs
    # instead of inflating the ones that happened to run during it.
    configs = [("(baseline)", None)]
    if args.reference:
        reference = {"id": "reference-literal", "pattern": args.reference, "action": "strip"}
        configs.append(("(reference)", as_tag(reference) if args.match_only else reference))
    configs += [(rule.get("id"), as_tag(rule) if args.match_only else rule) for _, rule in rules]
    best = {}
    with tempfile.TemporaryDirectory(prefix="rule-cost-") as tmp:
        paths = []
        for i, (_, rule) in enumerate(configs):
            path = os.path.join(tmp, f"{i}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(one_rule_config(rule))
            paths.append(path)
        if not args.no_total:
            configs.append(("(whole pipeline)", None))
            paths.append(os.path.abspath(args.config))
        try:
            for rnd in range(args.repeat):
                for i, (name, _) in enumerate(configs):
                    t = time_run(binary, paths[i], args.corpus, args.jobs, 1)
                    best[i] = t if i not in best else min(best[i], t)
                print(f"  round {rnd + 1}/{args.repeat} done", file=sys.stderr)
        except copydesk_runner.CopydeskError as e:
            sys.exit(f"error: {e}")

    base = best[0]
    ref = max(best[1] - base, 0.0) if args.reference else None
    first_rule = 2 if args.reference else 1
    rows = []
    for (stage_id, rule), i in zip(rules, range(first_rule, first_rule + len(rules))):
        rows.append({"rule": rule.get("id"), "stage": stage_id, "seconds": best[i],
                     "cost": max(best[i] - base, 0.0)})
    whole = None if args.no_total else best[len(configs) - 1]

    def per100(sec):
        return sec * 1000.0 * 100e6 / size

    def mbps(sec):
        return mb / sec if sec > 0 else float("inf")

    rows.sort(key=lambda r: r["cost"], reverse=True)
    total_cost = sum(r["cost"] for r in rows)
    estimate = base + total_cost

    if args.json:
        print(json.dumps({
            "config": args.config, "corpus": args.corpus, "bytes": size, "jobs": args.jobs,
            "match_only": args.match_only,
            "repeat": args.repeat, "baseline_s": base, "reference_pattern": args.reference or None,
            "reference_cost_s": ref,
            "rules": [dict(r, ms_per_100mb=per100(r["cost"]),
                           mb_per_s=None if r["cost"] <= 0 else mbps(r["cost"]),
                           x_literal=None if not ref else r["cost"] / ref) for r in rows],
            "rules_cost_s": total_cost, "estimate_s": estimate, "estimate_mb_per_s": mbps(estimate),
            "whole_s": whole, "whole_mb_per_s": None if whole is None else mbps(whole),
        }, indent=2))
        return

    print(f"Per-rule cost: {args.config} on {args.corpus} ({mb:.1f} MB, --jobs {args.jobs}, "
          f"best of {args.repeat}{', match only (rules run as tag rules)' if args.match_only else ''})")
    print(f"baseline (no rule): {base:.3f} s = {mbps(base):.1f} MB/s")
    if ref is not None:
        print(f"reference literal {args.reference!r}: {per100(ref):.0f} ms/100MB")
    print()
    print(f"{'rule':<34} {'stage':<12} {'ms/100MB':>9} {'MB/s':>9} {'x lit':>6} {'share':>6}")
    print("-" * 81)
    for r in rows:
        rate = "inf" if r["cost"] <= 0 else f"{mbps(r['cost']):.0f}"
        xl = "-" if not ref else f"{r['cost'] / ref:.1f}"
        share = f"{100 * r['cost'] / total_cost:.1f}%" if total_cost > 0 else "-"
        print(f"{r['rule']:<34} {r['stage']:<12} {per100(r['cost']):>9.0f} {rate:>9} {xl:>6} {share:>6}")
    print("-" * 81)
    print(f"{'all rules (sum of costs)':<47} {per100(total_cost):>9.0f} {mbps(total_cost):>9.0f}")
    print(f"estimate: baseline + rules = {estimate:.3f} s = {mbps(estimate):.1f} MB/s")
    if whole is not None:
        print(f"measured: whole pipeline   = {whole:.3f} s = {mbps(whole):.1f} MB/s")


if __name__ == "__main__":
    main()
