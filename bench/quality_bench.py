#!/usr/bin/env python3
"""Copydesk's quality stage against HuggingFace datatrove: agreement and single-core speed, same run.

Usage (from the repo root):

    python3 bench/quality_bench.py                      # the benchmark (report on stdout)
    python3 bench/quality_bench.py --limit 300          # only the first 300 news-dev articles
    python3 bench/quality_bench.py reference            # only the datatrove reference files (no copydesk)
    python3 bench/quality_bench.py selftest             # checks the comparison and the probes (no copydesk)

The script needs Python 3.11. At the top level it uses the standard library only: it creates
bench/.venv-quality, installs datatrove and spaCy there (pinned below) and runs itself again inside it.

Documents: the "text" field of --corpus (default ../shared/corpora/news-dev/articles.jsonl from the repo)
plus the generated low-quality pages of bench/gen_quality.py (written to bench/out/quality_gen.jsonl,
seed --gen-seed, --gen-per-kind per kind).

datatrove side. The four filters run with their default settings and language English:
GopherQualityFilter, GopherRepetitionFilter, C4QualityFilter (+ C4BadWordsFilter, reported separately
and combined as "c4"), FineWebQualityFilter. The keep/drop decision and the reason string come from
the real filter classes. The filters do not expose their signal values, so this script re-computes
every signal with datatrove's own helpers (split_into_words, split_into_sentences, find_duplicates, ...)
mirroring each filter's code line by line (see datatrove_signals below), and checks that the decision
implied by those signals equals the real filter's decision on every document (otherwise it stops).
C4BadWordsFilter downloads the LDNOOBW list at run time; this machine has no network, so the loader is
pointed at a local copy of the exact pinned file, verified by SHA-256: the quality stage's own list
(Rules/quality/badwords-en.yaml, rewritten one word a line), else bench/out/ldnoobw_en_25e679f.txt.

Copydesk side: `copydesk run --config bench/out/quality-only.yaml --jobs 1 -q` with only the quality stage
(all four sets, action flag, no cleaning) and `non_latin: {skip: [], skip_other_scripts: []}`, so that every check runs on
every text as in datatrove. The signals are read from copydesk.quality.signals and mapped to the names used
here by SIGNAL_MAP; the failed check names are assigned to filters by FAILED_TO_FILTER. A second run with the
stage's default non-Latin handling lists the decisions that handling changes.

Agreement:
  * decision: per filter, the share of documents where copydesk's failed list holds a check of that filter
    exactly when datatrove drops the document.
  * signal: a value agrees when |a - b| <= 1% * max(|a|, |b|) (so a zero agrees only with a zero), or both
    are null (undefined: division by zero or a skipped check). Null against a number disagrees. Counts
    (words, lines, sentences) are compared the same way.
  * probes find the exact input behind a disagreement: every whitespace-delimited piece of the disagreeing
    documents, of the hand-written TRICKY strings and of --fuzz random pieces runs alone through both
    tokenizers (spaCy never makes a token across whitespace); every line of a document with C4
    disagreements runs alone through both C4 implementations.
Speed, one core (OMP/BLAS threads = 1), median of the runs, on the same documents, in the same run:
  * datatrove: each filter's .filter() over all documents in this process (--dt-repeat runs), and the five
    filters one after the other on each document (one pass; their shared split_into_words cache then
    tokenises each text only once).
  * copydesk: the whole `copydesk run --jobs 1` process (start-up included; --repeat runs), all four sets
    and each set alone.
  * MB/s = 10^6 UTF-8 bytes of the texts / seconds. Ratios use CPU seconds (user + system), which other
    jobs on a shared machine inflate less than wall time; wall-time figures are printed too.

Outputs (bench/out/, git-ignored, never committed): quality_report.md (also on stdout), MISMATCHES.md (every
disagreement with its cause, for the Swift side), datatrove_signals.jsonl (cached while documents and
versions stay the same; --fresh recomputes), copydesk_quality*.jsonl; reference mode also writes
spacy_tokens.jsonl, spacy_en_rules.json and datatrove_charsets.json. Text excerpts appear only in those
files and on the terminal.
selftest runs the comparison against a fake copydesk built from the datatrove mirror: exact, it must
agree everywhere; perturbed (a made-up word counted as two tokens and one extra C4 sentence, some decisions
flipped), the report and both probes must pin exactly the perturbed documents, piece and line.
Exit status: 0 ok (targets met or not), 1 failure.
"""

import argparse
import hashlib
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
OUT_DIR = os.path.join(BENCH_DIR, "out")
sys.path.insert(0, BENCH_DIR)
import venv_bootstrap  # noqa: E402  (stdlib only)

VENV_DIR = os.path.join(BENCH_DIR, ".venv-quality")
DATATROVE_PIN = "0.10.1"
SPACY_PIN = "3.8.18"
REGEX_PIN = "2026.12.2"         # datatrove.utils.text imports `regex` (datatrove's "processing" extra)
PINS = {"datatrove": DATATROVE_PIN, "spacy": SPACY_PIN, "regex": REGEX_PIN}
IN_VENV_MARK = "COPYDESK_QUALITY_BENCH_IN_VENV"
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO_DIR, "..", "shared", "corpora", "news-dev", "articles.jsonl"))

# The LDNOOBW "en" list at the commit datatrove 0.10.1 pins (_EN_BADWORDS_URL in c4_filters.py).
BADWORDS_COMMIT = "25e679f03d96baa721cde20db9944649e8d0a844"
BADWORDS_SHA256 = "a506cbcf8a31935b122299f3bb1d32be6db3d0ad498765d28f365dfc4f4d7b8c"
BADWORDS_YAML = os.path.join(REPO_DIR, "Rules", "quality", "badwords-en.yaml")   # the Swift stage's copy
BADWORDS_LOCAL = os.path.join(OUT_DIR, "ldnoobw_en_25e679f.txt")                  # fallback, fetched by hand

FILTERS = ["gopher_quality", "gopher_repetition", "c4_quality", "c4_badwords", "fineweb"]


class BenchError(Exception):
    pass


def log(msg):
    print(f"[quality_bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# venv

def ensure_venv_and_reexec():
    """Outside the venv: create/fill bench/.venv-quality if needed and exec this script inside it."""
    venv_bootstrap.ensure_venv_and_reexec(VENV_DIR, PINS, log=log, mark=IN_VENV_MARK, script=__file__,
                                          error=BenchError)


# ---------------------------------------------------------------------------------------------
# documents

def read_jsonl_texts(path, source, limit=None):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise BenchError(f"{path}:{n}: not JSON: {e}")
            text = obj.get("text")
            if not isinstance(text, str):
                raise BenchError(f"{path}:{n}: no string field 'text'")
            docs.append({"id": str(obj.get("id", f"{source}-{n}")), "source": source,
                         "kind": obj.get("kind", "news"), "text": text})
            if limit and len(docs) >= limit:
                break
    return docs


def load_documents(args):
    if not os.path.isfile(args.corpus):
        raise BenchError(f"corpus not found: {args.corpus}")
    news = read_jsonl_texts(args.corpus, "news-dev", args.limit)
    default_gen = (args.gen_seed, args.gen_per_kind) == (1, 30)
    gen_path = os.path.join(OUT_DIR, "quality_gen.jsonl" if default_gen else
                            f"quality_gen-seed{args.gen_seed}-k{args.gen_per_kind}.jsonl")
    cmd = [sys.executable, os.path.join(BENCH_DIR, "gen_quality.py"), "--seed", str(args.gen_seed),
           "--per-kind", str(args.gen_per_kind), "--out", gen_path]
    if subprocess.run(cmd).returncode != 0:
        raise BenchError("bench/gen_quality.py failed: " + " ".join(cmd))
    gen = read_jsonl_texts(gen_path, "generated")
    ids = [d["id"] for d in news + gen]
    if len(set(ids)) != len(ids):
        raise BenchError("document ids are not unique across the corpus and the generated set")
    return news, gen, gen_path


# ---------------------------------------------------------------------------------------------
# datatrove: bad-words list offline, filters, instrumented signals

def find_badwords_file():
    """A local file with exactly the bytes datatrove would download. First choice: the list the quality stage
    ships (Rules/quality/badwords-en.yaml, `words:` entries one a line, in the file's order), rewritten as the
    plain one-word-a-line file; else bench/out/ldnoobw_en_25e679f.txt. Either must match BADWORDS_SHA256."""
    if os.path.isfile(BADWORDS_YAML):
        words = []
        with open(BADWORDS_YAML, encoding="utf-8") as f:
            for line in f:
                m = re.match(r'^\s+-\s+("(?:[^"\\]|\\.)*")\s*$', line)
                if m:
                    words.append(json.loads(m.group(1)))
        data = ("\n".join(words) + "\n").encode("utf-8")
        if hashlib.sha256(data).hexdigest() == BADWORDS_SHA256:
            path = os.path.join(OUT_DIR, "badwords-en-from-rules.txt")
            with open(path, "wb") as f:
                f.write(data)
            return path
        log(f"note: {BADWORDS_YAML} is not the LDNOOBW en list at {BADWORDS_COMMIT[:8]} (sha256 mismatch); not used")
    if os.path.isfile(BADWORDS_LOCAL):
        if hashlib.sha256(open(BADWORDS_LOCAL, "rb").read()).hexdigest() == BADWORDS_SHA256:
            return BADWORDS_LOCAL
        log(f"note: {BADWORDS_LOCAL} has the wrong sha256; not used")
    raise BenchError("no local copy of the LDNOOBW 'en' list at commit " + BADWORDS_COMMIT + " (sha256 " +
                     BADWORDS_SHA256 + "). Put the file at " + BADWORDS_LOCAL + " "
                     "(github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words/blob/" +
                     BADWORDS_COMMIT + "/en).")


def patch_badwords_offline(path):
    """C4BadWordsFilter._get_badwords calls c4_filters.cached_asset_path_or_download(URL, ...); answer it
    with the local file for the pinned English URL and refuse anything else (no network here)."""
    from datatrove.pipeline.filters import c4_filters

    def local_asset(remote_path, *a, **kw):
        if remote_path == c4_filters._EN_BADWORDS_URL:
            return path
        raise BenchError(f"datatrove wanted to download {remote_path}; only the English list is available offline")

    if BADWORDS_COMMIT not in c4_filters._EN_BADWORDS_URL:
        raise BenchError(f"datatrove's bad-words URL changed: {c4_filters._EN_BADWORDS_URL}")
    c4_filters.cached_asset_path_or_download = local_asset


def make_filters():
    from datatrove.pipeline.filters import (C4BadWordsFilter, C4QualityFilter, FineWebQualityFilter,
                                            GopherQualityFilter, GopherRepetitionFilter)
    return {
        "gopher_quality": GopherQualityFilter(),
        "gopher_repetition": GopherRepetitionFilter(),
        "c4_quality": C4QualityFilter(),
        "c4_badwords": C4BadWordsFilter(),
        "fineweb": FineWebQualityFilter(),
    }


def run_filter(flt, doc_id, text):
    """The real filter's decision: (keep, reason or None). C4QualityFilter rewrites doc.text, so each call
    gets its own Document."""
    from datatrove.data import Document
    doc = Document(text=text, id=doc_id)
    res = flt.filter(doc)
    if res is True:
        return True, None, doc.text
    if isinstance(res, tuple):
        return bool(res[0]), res[1], doc.text
    return bool(res), None, doc.text


def _ratio(num, den):
    return None if not den else num / den


def datatrove_signals(text, badwords_regex):
    """Every signal of the four filters, mirroring datatrove 0.10.1's code (see REFERENCE.md). Returns
    (signals, implied) where implied[filter] = reason (None = keep) recomputed from the signals with the
    default thresholds; the caller checks implied against the real filters."""
    import numpy as np
    from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, ELLIPSIS, END_PUNCTUATION, POLICY_SUBSTRINGS
    from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS
    from datatrove.pipeline.filters.gopher_repetition_filter import (find_all_duplicate, find_duplicates,
                                                                     find_top_duplicate, get_n_grams)
    from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION, split_into_sentences, split_into_words

    s, implied = {}, {}
    words = split_into_words(text, "eng")

    # --- Gopher quality (gopher_quality_filter.py)
    n_words = len(words)
    non_symbol = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
    s["gopher.words"] = n_words
    s["gopher.non_symbol_words"] = len(non_symbol)
    s["gopher.mean_word_length"] = float(np.mean([len(w) for w in non_symbol])) if non_symbol else None
    s["gopher.hash_ratio"] = _ratio(text.count("#"), n_words)
    s["gopher.ellipsis_ratio"] = _ratio(text.count("...") + text.count("…"), n_words)
    lines = text.splitlines()
    s["gopher.bullet_lines_ratio"] = _ratio(sum(x.lstrip().startswith("•") or x.lstrip().startswith("-") for x in lines), len(lines))
    s["gopher.ellipsis_lines_ratio"] = _ratio(sum(x.rstrip().endswith("...") or x.rstrip().endswith("…") for x in lines), len(lines))
    s["gopher.alpha_words_ratio"] = _ratio(sum(any(c.isalpha() for c in w) for w in words), n_words)
    s["gopher.stop_words"] = len(set(STOP_WORDS).intersection(set(words)))
    g = s
    reason = None
    if g["gopher.non_symbol_words"] < 50:
        reason = "gopher_short_doc"
    elif g["gopher.non_symbol_words"] > 100000:
        reason = "gopher_long_doc"
    elif g["gopher.mean_word_length"] < 3:
        reason = "gopher_below_avg_threshold"
    elif g["gopher.mean_word_length"] > 10:
        reason = "gopher_above_avg_threshold"
    elif g["gopher.hash_ratio"] > 0.1:
        reason = "gopher_too_many_hashes"
    elif g["gopher.ellipsis_ratio"] > 0.1:
        reason = "gopher_too_many_ellipsis"
    elif g["gopher.bullet_lines_ratio"] > 0.9:
        reason = "gopher_too_many_bullets"
    elif g["gopher.ellipsis_lines_ratio"] > 0.3:
        reason = "gopher_too_many_end_ellipsis"
    elif g["gopher.alpha_words_ratio"] < 0.8:
        reason = "gopher_below_alpha_threshold"
    elif g["gopher.stop_words"] < 2:
        reason = "gopher_enough_stop_words"
    implied["gopher_quality"] = reason

    # --- Gopher repetition (gopher_repetition_filter.py). Denominator: len(text) (code points).
    reason = None if text else "empty"
    if text:
        paragraphs = re.split(r"\n{2,}", text.strip())
        pd, pc = find_duplicates(paragraphs)
        s["rep.dup_para_frac"] = pd / len(paragraphs)
        s["rep.dup_para_char_frac"] = pc / len(text)
        rlines = re.split("\n+", text)
        ld, lc = find_duplicates(rlines)
        s["rep.dup_line_frac"] = ld / len(rlines)
        s["rep.dup_line_char_frac"] = lc / len(text)
        for n in (2, 3, 4):
            grams = get_n_grams(words, n)
            s[f"rep.top_{n}_gram_char_frac"] = find_top_duplicate(grams) / len(text) if grams else None
        for n in range(5, 11):
            s[f"rep.dup_{n}_gram_char_frac"] = find_all_duplicate(words, n) / len(text)
        checks = [("dup_para_frac", s["rep.dup_para_frac"], 0.3), ("dup_para_char_frac", s["rep.dup_para_char_frac"], 0.2),
                  ("dup_line_frac", s["rep.dup_line_frac"], 0.3), ("dup_line_char_frac", s["rep.dup_line_char_frac"], 0.2)]
        checks += [(f"top_{n}_gram", s[f"rep.top_{n}_gram_char_frac"], t) for n, t in ((2, 0.2), (3, 0.18), (4, 0.16))]
        checks += [(f"duplicated_{n}_n_grams", s[f"rep.dup_{n}_gram_char_frac"], t)
                   for n, t in ((5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10))]
        for name, v, t in checks:
            if v is not None and v > t:
                reason = name
                break
    else:
        for k in ("dup_para_frac", "dup_para_char_frac", "dup_line_frac", "dup_line_char_frac"):
            s["rep." + k] = None
        for n in (2, 3, 4):
            s[f"rep.top_{n}_gram_char_frac"] = None
        for n in range(5, 11):
            s[f"rep.dup_{n}_gram_char_frac"] = None
    implied["gopher_repetition"] = reason

    # --- C4 quality (c4_filters.py, split_paragraph=True). The instrumented pass does not stop at the
    # document-level rules (lorem ipsum, curly bracket): it records the first one hit and goes on as if
    # that line had passed the rule, so that the line counts are complete.
    counts = dict(lines=0, too_long_word=0, no_terminal_punct=0, too_few_words=0, javascript=0, policy=0, kept=0)
    n_sent, kept, first_doc_rule, lorem, curly = 0, [], None, 0, 0
    for line in text.splitlines():
        line = line.strip()
        lw = line.split()
        counts["lines"] += 1
        if any(len(w) > 1000 for w in lw):
            counts["too_long_word"] += 1
            continue
        line = CITATION_REGEX.sub("", line)
        if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
            counts["no_terminal_punct"] += 1
            continue
        if len(lw) < 3:
            counts["too_few_words"] += 1
            continue
        low = line.lower()
        if "lorem ipsum" in low:
            lorem = 1
            first_doc_rule = first_doc_rule or "lorem_ipsum"
        if "javascript" in low:
            counts["javascript"] += 1
            continue
        if "{" in line:
            curly = 1
            first_doc_rule = first_doc_rule or "curly_bracket"
        if any(p in low for p in POLICY_SUBSTRINGS):
            counts["policy"] += 1
            continue
        n_sent += len(split_into_sentences(line, "eng"))
        kept.append(line)
        counts["kept"] += 1
    for k, v in counts.items():
        s[f"c4.lines_{k}" if k != "lines" else "c4.lines"] = v
    s["c4.sentences"] = n_sent
    s["c4.lorem_ipsum"] = lorem
    s["c4.curly_bracket"] = curly
    kept_text = "\n".join(kept).strip()
    s["c4.kept_chars"] = len(kept_text)
    implied["c4_quality"] = first_doc_rule or ("too_few_sentences" if n_sent < 5 else None)

    # --- C4 bad words (C4BadWordsFilter, language en, keep_fraction 0)
    m = badwords_regex.search(text.lower())
    s["c4.badwords"] = 1 if m else 0
    s["c4.badword"] = m.group(1) if m else None
    implied["c4_badwords"] = "document_removed_with_badwords" if m else None

    # --- FineWeb quality (fineweb_quality_filter.py)
    fl = [x for x in text.split("\n") if x.strip() != ""]
    stop_chars = tuple(TERMINAL_PUNCTUATION)
    if fl:
        s["fw.line_punct_ratio"] = sum(1 for x in fl if x.endswith(stop_chars)) / len(fl)
        s["fw.short_line_ratio"] = sum(1 for x in fl if len(x) <= 30) / len(fl)
        s["fw.char_dup_ratio"] = _ratio(find_duplicates(fl)[1], len(text.replace("\n", "")))
        s["fw.list_ratio"] = _ratio(text.count("\n"), len(words))
        reason = None
        if s["fw.line_punct_ratio"] < 0.12:
            reason = "line_punct_ratio"
        elif s["fw.short_line_ratio"] > 0.67:
            reason = "short_line_ratio"
        elif s["fw.char_dup_ratio"] is not None and s["fw.char_dup_ratio"] > 0.01:
            reason = "char_dup_ratio"
        elif s["fw.list_ratio"] is not None and s["fw.list_ratio"] > 0.3:
            reason = "list_ratio"
    else:
        for k in ("line_punct_ratio", "short_line_ratio", "char_dup_ratio", "list_ratio"):
            s["fw." + k] = None
        reason = "empty"
    implied["fineweb"] = reason
    return s, implied, kept_text


def badwords_regex_from(flt):
    rx = flt._get_badwords("en")
    if rx is None:
        raise BenchError("C4BadWordsFilter has no English list")
    return rx


def reference_records(docs, filters):
    """One record per document: signals, the real decisions, and the self-check against the mirror."""
    rx = badwords_regex_from(filters["c4_badwords"])
    out, bad = [], []
    t0 = time.perf_counter()
    for i, d in enumerate(docs):
        sig, implied, kept_text = datatrove_signals(d["text"], rx)
        dec = {}
        for name, flt in filters.items():
            keep, reason, new_text = run_filter(flt, d["id"], d["text"])
            dec[name] = {"keep": keep, "reason": reason}
            if (implied[name] is None) != keep or (not keep and implied[name] != reason):
                bad.append(f"{d['id']}: {name}: filter says {reason or 'keep'}, mirrored signals say {implied[name] or 'keep'}")
            if name == "c4_quality" and keep and new_text != kept_text:
                bad.append(f"{d['id']}: c4_quality: kept text differs from the mirror")
        dec["c4"] = {"keep": dec["c4_quality"]["keep"] and dec["c4_badwords"]["keep"],
                     "reason": dec["c4_quality"]["reason"] or dec["c4_badwords"]["reason"]}
        out.append({"id": d["id"], "source": d["source"], "kind": d["kind"], "chars": len(d["text"]),
                    "bytes": len(d["text"].encode("utf-8")), "signals": sig, "decisions": dec})
        if (i + 1) % 500 == 0:
            log(f"  reference: {i + 1}/{len(docs)} documents, {time.perf_counter() - t0:.1f} s")
    if bad:
        raise BenchError("the instrumented signals do not reproduce datatrove's decisions:\n  " + "\n  ".join(bad[:30]))
    log(f"reference: {len(out)} documents; mirrored decisions equal the real filters' on all of them")
    return out


# ---------------------------------------------------------------------------------------------
# spaCy token reference for the Swift tokenizer

TRICKY = [
    "Visit https://www.example.com/path?q=1&x=2#frag today.", "Mail me at jane.doe+news@example.co.in, please.",
    "See www.example.org/page.html.", "(http://example.com)", "ftp://files.example.net/a.zip",
    "I can't, won't, don't and shouldn't.", "It's John's car; they're here and we'd've gone.", "Y'all ain't ready.",
    "gonna wanna gotta", "I'm, I'M, i'm, Im", "He said 'yes' and 'no'.", "cannot Cannot CANNOT",
    "The U.S. and U.K. met; the U.S.A. left.", "Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5.", "e.g. i.e. etc. vs. No. 1",
    "state-of-the-art, well-known, co-operate, re-elect", "New Delhi-based firm", "1990-91 season", "pages 10-20",
    "--dash-- and — em dash — and – en dash", "Rs 1,000.50 and $2.5m, 3.14, -7, +8, 1e10, 50%", "10,000 people",
    "1st 2nd 3rd 4th 21st", "12:30 pm, 5am, 10.30am", "₹500 €20 £10 ¥300 $", "3x4 2x 10km 5kg 100m 6ft",
    '"Quoted," he said. “Curly quotes” and ‘single’', "«Guillemets» and „low“", "He said: \"No!\"",
    "Wait... what?! Really?!", "And then…", "Hmm....", "Stop!!! Now???", "..", ". . .",
    "(brackets) [square] {curly} <angle>", "((nested))", "[1] [edit] [citation needed]",
    "#hashtag #Another_one @user_name @ user", "#", "##", "C# and F# and C++", "A&B AT&T R&D",
    "Emoji 🙂 and 👍🏽 and 🇮🇳 flags", "❤️❤️❤️", "smile:) sad:( :-) ;) <3 :P", "^_^ o_O",
    "नमस्ते, आप कैसे हैं? मैं ठीक हूँ।", "सरकार ने मंगलवार को नई नीति की घोषणा की।",
    "안녕하세요. 반갑습니다! 서울은 대한민국의 수도입니다.", "日本語のテキストです。中文文本。",
    "Привет, мир! Как дела?", "¿Qué tal? ¡Muy bien!", "Müller's café naïve résumé", "Ångström façade",
    "tab\tseparated\tvalues", "double  space", "trailing space ", " leading space", "line\nbreak", "para\n\nbreak",
    "crlf\r\nline", "nbsp\u00a0here", "zero\u200bwidth", "x\u2028y", "  \n  ", "\t", "",
    "O'Neill O'Brien rock'n'roll", "'90s '60s", "90's", "the 1990s", "it’s don’t can’t", "’Tis", "dogs'",
    "a/b and/or 1/2 24/7 w/o", "C:\\path\\file", "file_name.txt", "v1.2.3", "3.0.1-beta", "IPv4 192.168.0.1",
    "+91-98765-43210", "(555) 123-4567", "2024-01-05", "05/01/2024", "5.1.2024", "10:45:30",
    "ALL CAPS HEADLINE!", "camelCase snake_case kebab-case", "hello-", "-hello", "_x_", "*bold* _it_",
    "Section 377.", "Art. 370", "No.1", "No. 1", "Inc. Ltd. Co. Corp. Pvt.", "Sept. Oct. Nov.", "St. Louis",
    "a.m. p.m. A.M.", "Ph.D. M.A. B.Sc.", "J.K. Rowling", "U.N.-backed", "COVID-19", "H1N1", "5G 4K",
    "Q&A", "FAQ's", "It'll be ok.", "You've been warned.", "Let's go!", "Gov't", "ma'am", "o'clock",
    "!!!", "???", "?!", "…", "—", "–", "-", "--", "---", "•", "• item", "- item", "* item", "→ arrow", "©2024",
    "™ ® ©", "°C 30°C 98.6°F", "½ ¼ ¾", "x² H₂O", "a+b=c", "a=b", "x<y", "50+", "+50", "#1", "100%!",
    "'quoted'", "\"double\"", "''", "\"\"", "'s", "'", "\"", "(", ")", "[", "]", "{", "}",
    "end.", "end.\"", "end.'", "end?)", "end!]", "(end.)", "\"(end)\"", "end,", "end;", "end:",
    "Mumbai: The", "Delhi/NCR", "J&K", "Rs.500", "Rs. 500", "INR500", "US$5", "5$", "5.00$",
    "email@domain", "@domain.com", "user@", "http://", "https://t.co/AbC123", "bit.ly/xyz", "example.com",
    "https://example.com/a_b-c.d?e=f+g", "<a href='x'>link</a>", "&amp; &nbsp;", "&", "a & b",
    "...and", "and...", "and ...", "word…word", "word...word", "1...2", "etc...", "U.S....",
]


def affix_strings(rng, share=0.35):
    """Combinations of prefixes and suffixes around a few cores (a random share of them)."""
    cores = ["word", "U.S.", "don't", "1,000.50", "e-mail", "#tag", "http://x.com", "3pm", "Mr.", "ok"]
    pre = ["", "(", "\"", "'", "“", "[", "-", "$", "#", "..."]
    suf = ["", ")", "\"", "'", "”", "]", ".", ",", "!", "?", "...", ":", ";", "'s", "%", ")."]
    return [f"{p}{c}{q}" for c in cores for p in pre for q in suf if rng.random() < share]


FUZZ_CLASSES = [
    (30, "abcdefghijklmnopqrstuvwxyz"), (10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), (10, "0123456789"),
    (25, ".,;:!?'\"()[]{}<>-/\\@#$%&*+=_~`^|"), (6, "…“”‘’«»–—•·"), (4, "éßüçñÅЖжक्हि한글日本"),
    (3, "🙂👍🏽🇮🇳❤\ufe0f"), (3, "°©®™₹€£¥§¶"), (2, "\u00a0\u200b\t"),
]
FUZZ_WORDS = ["n't", "'s", "'re", "'ll", "'ve", "'d", "'m", "U.S.", "Mr.", "Dr.", "etc.", "vs.", "e.g.", "co", "http://",
              "https://www.", ".com", "@", "www.", "can", "gon", "na", "'", "..", "...", "--", "am", "pm", "km", "1,000",
              "3.5", "a.m.", "No.", "St.", "Jan.", "'90s", "o'clock", ":)", ":-)", "<3", "^_^", "C++", "A&B"]


def fuzz_pieces(n, seed=1):
    """n random pieces mixing letters, digits, punctuation, symbols, emoji and known tokenizer exceptions."""
    rng = random.Random(f"quality-fuzz:{seed}")
    weights = [w for w, _ in FUZZ_CLASSES]
    out, seen = [], set()
    while len(out) < n:
        parts = []
        for _ in range(rng.randint(1, 5)):
            if rng.random() < 0.3:
                parts.append(rng.choice(FUZZ_WORDS))
            else:
                chars = rng.choices(FUZZ_CLASSES, weights)[0][1]
                parts.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 4))))
        piece = "".join(parts)
        if piece.split() == [piece] and piece not in seen:
            seen.add(piece)
            out.append(piece)
    return out


def spacy_token_reference(news_texts, gen_texts, count=3000, seed=1):
    """~count strings with spaCy's tokens (datatrove's English tokenizer), its split_into_words result,
    and the C4 sentence count (split_into_sentences)."""
    from datatrove.utils.text import split_into_sentences, split_into_words
    from datatrove.utils.word_tokenizers import load_word_tokenizer
    nlp = load_word_tokenizer("eng").tokenizer
    rng = random.Random(seed)
    strings, seen = [], set()

    def add(x, origin):
        if x not in seen:
            seen.add(x)
            strings.append((x, origin))

    for t in TRICKY:
        add(t, "tricky")
    for t in affix_strings(rng):
        add(t, "affix")
    # news-dev: sentences (spaCy sentencizer) and some whole lines
    sents = []
    for t in news_texts:
        for sent in split_into_sentences(t[:3000], "eng"):
            if 10 <= len(sent) <= 400:
                sents.append(sent)
    rng.shuffle(sents)
    # generated pages: lines of every kind
    gen_lines = [ln for t in gen_texts for ln in t.split("\n") if ln.strip()]
    rng.shuffle(gen_lines)
    for ln in gen_lines[:300]:
        add(ln[:400], "generated")
    for sent in sents:
        if len(strings) >= count:
            break
        add(sent, "news-dev")
    records = []
    for x, origin in strings:
        nlp.max_length = len(x) + 10  # as datatrove's SpaCyTokenizer does before each call
        doc = nlp(x)
        records.append({"text": x, "origin": origin, "tokens": [t.text for t in doc],
                        "whitespace": [t.whitespace_ for t in doc], "is_punct": [t.is_punct for t in doc],
                        "words": split_into_words(x, "eng"),
                        "sentences": len(split_into_sentences(x, "eng")) if x.strip() else 0})
    return records


def spacy_rules_and_charsets():
    """The compiled rules of spaCy's blank English tokenizer, and datatrove's character sets, as JSON."""
    import spacy
    from spacy.attrs import ORTH
    from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, END_PUNCTUATION, POLICY_SUBSTRINGS
    from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS
    from datatrove.utils.text import PUNCTUATION, PUNCTUATION_SET, TERMINAL_PUNCTUATION
    from datatrove.utils.word_tokenizers import load_word_tokenizer
    nlp = load_word_tokenizer("eng").tokenizer
    tok = nlp.tokenizer
    senter = nlp.get_pipe("sentencizer")
    rules = {"spacy_version": spacy.__version__,
             "note": "spacy.blank('en').tokenizer; patterns are Python `re` syntax; special_cases maps a "
                     "string to the ORTH of its tokens (tokenizer.rules)",
             "prefix_pattern": tok.prefix_search.__self__.pattern,
             "suffix_pattern": tok.suffix_search.__self__.pattern,
             "infix_pattern": tok.infix_finditer.__self__.pattern,
             "token_match_pattern": tok.token_match.__self__.pattern if tok.token_match else None,
             "url_match_pattern": tok.url_match.__self__.pattern if tok.url_match else None,
             "faster_heuristics": bool(getattr(tok, "faster_heuristics", True)),
             "special_cases": {k: [t[ORTH] for t in v] for k, v in tok.rules.items()},
             "sentencizer_punct_chars": sorted(senter.punct_chars)}
    cps = lambda xs: [f"U+{ord(c):04X}" for c in sorted(xs)]  # noqa: E731
    charsets = {"datatrove_version": DATATROVE_PIN,
                "PUNCTUATION (utils/text.py, as a string)": PUNCTUATION,
                "PUNCTUATION_SET = set(PUNCTUATION) | TERMINAL_PUNCTUATION": cps(PUNCTUATION_SET),
                "TERMINAL_PUNCTUATION (FineWeb stop_chars)": cps(TERMINAL_PUNCTUATION),
                "gopher STOP_WORDS": STOP_WORDS,
                "c4 END_PUNCTUATION": list(END_PUNCTUATION),
                "c4 POLICY_SUBSTRINGS": POLICY_SUBSTRINGS,
                "c4 CITATION_REGEX": CITATION_REGEX.pattern,
                "python str.isspace() code points (strip/split/lstrip/rstrip)": cps(
                    chr(c) for c in range(0x110000) if chr(c).isspace()),
                "python str.splitlines() boundaries": cps(["\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e",
                                                           "\x85", "\u2028", "\u2029"]) + ["\r\n counts as one"]}
    return rules, charsets


# ---------------------------------------------------------------------------------------------
# Copydesk side

# datatrove signal name (this script) -> copydesk.quality.signals name (bench/out/SIGNALS.md).
SIGNAL_MAP = {
    "gopher.non_symbol_words": "gopher_n_words",
    "gopher.mean_word_length": "gopher_avg_word_length",
    "gopher.hash_ratio": "gopher_hash_to_word_ratio",
    "gopher.ellipsis_ratio": "gopher_ellipsis_to_word_ratio",
    "gopher.bullet_lines_ratio": "gopher_bullet_lines_ratio",
    "gopher.ellipsis_lines_ratio": "gopher_end_ellipsis_ratio",
    "gopher.alpha_words_ratio": "gopher_alpha_words_ratio",
    "gopher.stop_words": "gopher_stop_words",
    "rep.dup_para_frac": "gopher_rep_dup_para_frac",
    "rep.dup_para_char_frac": "gopher_rep_dup_para_char_frac",
    "rep.dup_line_frac": "gopher_rep_dup_line_frac",
    "rep.dup_line_char_frac": "gopher_rep_dup_line_char_frac",
    **{f"rep.top_{n}_gram_char_frac": f"gopher_rep_top_{n}_gram" for n in (2, 3, 4)},
    **{f"rep.dup_{n}_gram_char_frac": f"gopher_rep_dup_{n}_gram" for n in range(5, 11)},
    "c4.lines": "c4_lines",
    "c4.lines_kept": "c4_lines_kept",
    "c4.lines_too_long_word": "c4_lines_too_long_word",
    "c4.lines_no_terminal_punct": "c4_lines_no_terminal_punct",
    "c4.lines_too_few_words": "c4_lines_too_few_words",
    "c4.lines_javascript": "c4_lines_javascript",
    "c4.lines_policy": "c4_lines_policy",
    "c4.sentences": "c4_sentences",
    "c4.lorem_ipsum": "c4_lorem_ipsum",
    "c4.curly_bracket": "c4_curly_bracket",
    "c4.badwords": "c4_bad_words",
    "fw.line_punct_ratio": "fineweb_line_punct_ratio",
    "fw.short_line_ratio": "fineweb_short_line_ratio",
    "fw.char_dup_ratio": "fineweb_char_dup_ratio",
    "fw.list_ratio": "fineweb_list_ratio",
}
# Signals that depend on C4 lines after a document-level rule: compared only when neither rule fired.
C4_AFTER_DOC_RULE = {"c4.lines_kept", "c4.sentences", "c4.lines_javascript", "c4.lines_policy"}

# copydesk.quality.failed names -> the datatrove filter they belong to. "empty" is used by both the
# repetition and the FineWeb filter; the prefixed forms are accepted too.
FAILED_TO_FILTER = {
    **{n: "gopher_quality" for n in (
        "gopher_short_doc", "gopher_long_doc", "gopher_below_avg_threshold", "gopher_above_avg_threshold",
        "gopher_too_many_hashes", "gopher_too_many_ellipsis", "gopher_too_many_bullets",
        "gopher_too_many_end_ellipsis", "gopher_below_alpha_threshold", "gopher_enough_stop_words")},
    **{n: "gopher_repetition" for n in (
        "gopher_rep_empty", "dup_para_frac", "dup_para_char_frac", "dup_line_frac", "dup_line_char_frac",
        "top_2_gram", "top_3_gram", "top_4_gram", *[f"duplicated_{n}_n_grams" for n in range(5, 11)])},
    **{n: "c4_quality" for n in ("lorem_ipsum", "curly_bracket", "too_few_sentences")},
    "document_removed_with_badwords": "c4_badwords",
    **{n: "fineweb" for n in ("fineweb_empty", "line_punct_ratio", "short_line_ratio", "char_dup_ratio", "list_ratio")},
}
AMBIGUOUS_FAILED = {"empty": ("gopher_repetition", "fineweb")}

SETS = ["gopher", "gopher_repetition", "c4", "fineweb"]
# The agreement runs turn off the non-Latin adjustments (datatrove with language "eng" applies every English
# check to every text); a separate run with the stage's defaults shows what the adjustments change.
CONFIG_TEMPLATE = """# generated by bench/quality_bench.py: only the quality stage, no cleaning
version: 1
stages:
  - stage: quality
    id: quality
    sets: [{sets}]
    action: flag
{extra}"""
DATATROVE_COMPAT = "    non_latin:\n      skip: []\n      skip_other_scripts: []\n"


def write_config(path, sets, template, extra=DATATROVE_COMPAT):
    with open(path, "w", encoding="utf-8") as f:
        f.write(template.replace("{sets}", ", ".join(sets)).replace("{extra}", extra))
    return path


def find_copydesk(path):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BenchError(f"copydesk binary not found: {path}\n  build it: swift build -c release --product copydesk "
                         f"--scratch-path .build-bench   (or pass --copydesk PATH)")
    return os.path.abspath(path)


def run_copydesk(binary, config, input_path, output_path):
    """Wall and CPU seconds of `copydesk run --config CONFIG --jobs 1 -q < input > output`."""
    args = [binary, "run", "--config", config, "--jobs", "1", "-q"]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(input_path, "rb") as fin, open(output_path, "wb") as fout:
        t0 = time.perf_counter()
        proc = subprocess.run(args, stdin=fin, stdout=fout, stderr=subprocess.PIPE, cwd=REPO_DIR)
        wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 3):
        raise BenchError(f"copydesk exited {proc.returncode}: {' '.join(args)} < {input_path}\n"
                         f"{proc.stderr.decode('utf-8', 'replace').strip()[-3000:]}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def read_copydesk_output(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            q = (obj.get("copydesk") or {}).get("quality")
            if q is None:
                raise BenchError(f"{path}:{n}: no copydesk.quality in the output: is the quality stage in the binary/config?")
            out[str(obj.get("id"))] = q
    return out


# ---------------------------------------------------------------------------------------------
# comparison

def values_agree(a, b, rel=0.01):
    """Agreement rule: both null; or both numbers with |a-b| <= rel * max(|a|,|b|) (so 0 agrees only with 0)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool):
        a = int(a)
    if isinstance(b, bool):
        b = int(b)
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return abs(a - b) <= rel * max(abs(a), abs(b))


def copydesk_decisions(q):
    """{filter: (keep, [failed names of that filter])} from one copydesk.quality object."""
    failed = q.get("failed") or []
    per = {f: [] for f in FILTERS}
    unknown = []
    for name in failed:
        if name in FAILED_TO_FILTER:
            per[FAILED_TO_FILTER[name]].append(name)
        elif name in AMBIGUOUS_FAILED:
            for f in AMBIGUOUS_FAILED[name]:
                per[f].append(name)
        else:
            unknown.append(name)
    dec = {f: (not per[f], per[f]) for f in FILTERS}
    dec["c4"] = (dec["c4_quality"][0] and dec["c4_badwords"][0], per["c4_quality"] + per["c4_badwords"])
    return dec, unknown


LINE_BREAKS_OTHER = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def excerpt(text, n=160):
    t = text if len(text) <= n else text[:n] + "…"
    return json.dumps(t, ensure_ascii=False)


def cause_hint(sig, dt, cd, text, cd_sig):
    """(category, detail): a first guess at why a signal differs, from what is visible from outside."""
    hints = []
    cat = None
    if any(c in text for c in LINE_BREAKS_OTHER):
        cat = "line breaks other than \\n"
        hints.append("text has \\r/\\v/\\f/\\x1c-\\x1e/\\x85/\\u2028/\\u2029 (splitlines vs split('\\n'))")
    word_based = sig.startswith(("gopher.", "rep.top", "rep.dup_5", "rep.dup_6", "rep.dup_7", "rep.dup_8", "rep.dup_9",
                                 "rep.dup_10", "fw.list_ratio")) and sig not in ("gopher.bullet_lines_ratio",
                                                                                 "gopher.ellipsis_lines_ratio")
    if word_based:
        a, b = dt.get("gopher.non_symbol_words"), cd_sig.get("gopher_n_words")
        if a is not None and b is not None and a != b:
            cat = cat or "tokenizer: different word count"
            hints.append(f"non-symbol words {a} (spaCy) vs {b} (copydesk)")
        elif sig != "gopher.non_symbol_words":
            cat = cat or "tokenizer: same count, different tokens"
            hints.append("same non-symbol word count; token boundaries or symbol-only tokens differ")
    if sig.startswith("c4.") and sig != "c4.badwords":
        cat = cat or ("C4 sentence count (spaCy sentencizer)" if sig == "c4.sentences" else "C4 line rules")
    if sig == "c4.badwords":
        cat = cat or "bad-words match"
        hints.append(f"datatrove matched {dt.get('c4.badword')!r}" if dt.get("c4.badword") else
                     "copydesk found a bad word that datatrove's regex does not match")
    if any(ord(c) > 0xFFFF for c in text):
        hints.append("text has non-BMP chars (emoji): code points vs UTF-16 or graphemes?")
    if (dt.get(sig) is None) != (cd is None):
        return ("null vs value: datatrove has no value here (division by zero or check skipped)",
                "copydesk should write null" if dt.get(sig) is None else "copydesk wrote null")
    return cat or "value differs (no visible cause)", "; ".join(hints)


def compare(records, texts, cdq):
    """Agreement tables and the list of disagreements."""
    dec_stats = {f: {"agree": 0, "total": 0, "dt_drop": 0, "cd_drop": 0, "news_agree": 0, "news_total": 0}
                 for f in FILTERS + ["c4"]}
    sig_stats = {s: {"agree": 0, "total": 0} for s in SIGNAL_MAP}
    dec_dis, sig_dis, missing_docs, missing_sigs, unknown_failed = [], [], [], set(), set()
    for rec in records:
        q = cdq.get(rec["id"])
        if q is None:
            missing_docs.append(rec["id"])
            continue
        cd_sig = q.get("signals") or {}
        dec, unknown = copydesk_decisions(q)
        unknown_failed.update(unknown)
        dt = rec["signals"]
        for f in FILTERS + ["c4"]:
            keep_dt = rec["decisions"][f]["keep"]
            keep_cd, names = dec[f]
            st = dec_stats[f]
            st["total"] += 1
            st["dt_drop"] += not keep_dt
            st["cd_drop"] += not keep_cd
            st["news_total"] += rec["source"] == "news-dev"
            if keep_dt == keep_cd:
                st["agree"] += 1
                st["news_agree"] += rec["source"] == "news-dev"
            elif f != "c4":
                dec_dis.append({"id": rec["id"], "filter": f, "datatrove": rec["decisions"][f]["reason"] or "keep",
                                "copydesk": ",".join(names) or "keep"})
        c4_doc_rule = dt.get("c4.lorem_ipsum") or dt.get("c4.curly_bracket")
        for s, cname in SIGNAL_MAP.items():
            if s in C4_AFTER_DOC_RULE and c4_doc_rule:
                continue
            if cname not in cd_sig:
                missing_sigs.add(cname)
            a, b = dt.get(s), cd_sig.get(cname)
            sig_stats[s]["total"] += 1
            if values_agree(a, b):
                sig_stats[s]["agree"] += 1
            else:
                cat, detail = cause_hint(s, dt, b, texts[rec["id"]], cd_sig)
                sig_dis.append({"id": rec["id"], "signal": s, "copydesk_name": cname, "datatrove": a, "copydesk": b,
                                "cause": cat + (f" ({detail})" if detail else ""), "category": cat})
    return dec_stats, sig_stats, dec_dis, sig_dis, missing_docs, sorted(missing_sigs), sorted(unknown_failed)


# ---------------------------------------------------------------------------------------------
# probes: find the exact inputs behind a disagreement, with copydesk itself

def probe_tokens(binary, template, chunks, tmp):
    """Whitespace-delimited pieces of the disagreeing documents, each run as its own document (piece + "\\n")
    through copydesk's gopher and fineweb sets. spaCy never builds a token across whitespace, so a document's word
    count is the sum over its pieces, and a piece whose count differs is an exact tokenizer disagreement.
    copydesk's counts: gopher_n_words (non-symbol words) and 1 / fineweb_list_ratio (all words: the piece has
    one "\\n")."""
    from datatrove.pipeline.filters.gopher_quality_filter import PUNCTUATION_SET
    from datatrove.utils.text import split_into_words
    if not chunks:
        return []
    inp = os.path.join(tmp, "probe-tokens.jsonl")
    write_jsonl(inp, [{"id": f"p{i}", "text": c + "\n"} for i, c in enumerate(chunks)])
    cfg = write_config(os.path.join(tmp, "probe-tokens.yaml"), ["gopher", "fineweb"], template)
    out = os.path.join(tmp, "probe-tokens.out.jsonl")
    run_copydesk(binary, cfg, inp, out)
    cd = read_copydesk_output(out)
    res = []
    for i, c in enumerate(chunks):
        words = split_into_words(c + "\n", "eng")
        nonsym = sum(1 for w in words if any(ch not in PUNCTUATION_SET for ch in w))
        sig = (cd.get(f"p{i}") or {}).get("signals") or {}
        lr = sig.get("fineweb_list_ratio")
        cd_words = round(1 / lr) if lr else 0
        cd_nonsym = sig.get("gopher_n_words")
        if cd_words != len(words) or cd_nonsym != nonsym:
            res.append({"piece": c, "spacy_tokens": words, "spacy_words": len(words), "spacy_non_symbol": nonsym,
                        "copydesk_words": cd_words, "copydesk_non_symbol": cd_nonsym})
    return res


def probe_lines(binary, template, lines, badwords_regex, tmp):
    """Lines of documents whose C4 signals disagree, each run as its own document through copydesk's c4 set and
    the datatrove mirror; returns the lines whose C4 signals differ."""
    if not lines:
        return []
    inp = os.path.join(tmp, "probe-lines.jsonl")
    write_jsonl(inp, [{"id": f"l{i}", "text": x} for i, x in enumerate(lines)])
    cfg = write_config(os.path.join(tmp, "probe-lines.yaml"), ["c4"], template)
    out = os.path.join(tmp, "probe-lines.out.jsonl")
    run_copydesk(binary, cfg, inp, out)
    cd = read_copydesk_output(out)
    from datatrove.utils.text import split_into_sentences
    res = []
    for i, x in enumerate(lines):
        dt, _, _ = datatrove_signals(x, badwords_regex)
        sig = (cd.get(f"l{i}") or {}).get("signals") or {}
        diffs = {s: (dt.get(s), sig.get(c)) for s, c in SIGNAL_MAP.items()
                 if s.startswith("c4.") and not values_agree(dt.get(s), sig.get(c))}
        if diffs:
            res.append({"line": x, "diffs": diffs, "spacy_sentences": split_into_sentences(x.strip(), "eng") if x.strip() else []})
    return res


def run_probes(binary, template, sig_dis, texts, badwords_regex, tmp, max_pieces=40000, fuzz=5000):
    word_docs, line_docs = [], []
    for d in sig_dis:
        if d["category"].startswith("tokenizer") and d["id"] not in word_docs:
            word_docs.append(d["id"])
        if d["signal"].startswith("c4.") and d["signal"] != "c4.badwords" and d["id"] not in line_docs:
            line_docs.append(d["id"])
    pieces, where = [], {}
    # standing probe: the pieces of the hand-written tricky strings and of every affix combination
    for t in TRICKY + affix_strings(random.Random(1), share=1.0):
        for p in t.split():
            if p not in where:
                pieces.append(p)
                where[p] = []
            where[p].append("(tricky strings)")
    for p in fuzz_pieces(fuzz):
        if p not in where:
            pieces.append(p)
            where[p] = []
        where[p].append("(fuzz)")
    n_standing = len(pieces)
    for doc_id in word_docs:
        for p in texts[doc_id].split():
            if p not in where:
                if len(pieces) >= max_pieces:
                    break
                pieces.append(p)
                where[p] = []
            where[p].append(doc_id)
    lines, lwhere = [], {}
    for doc_id in line_docs:
        for x in texts[doc_id].splitlines():
            if x.strip() and x not in lwhere:
                lines.append(x)
                lwhere[x] = []
            if x in lwhere:
                lwhere[x].append(doc_id)
    log(f"probes: {n_standing} pieces of the tricky strings and fuzz + {len(pieces) - n_standing} pieces from {len(word_docs)} "
        f"documents, {len(lines)} lines from {len(line_docs)} documents")
    tok = probe_tokens(binary, template, pieces, tmp)
    for t in tok:
        t["docs"] = sorted(set(where[t["piece"]]))
    lin = probe_lines(binary, template, lines[:max_pieces], badwords_regex, tmp)
    for t in lin:
        t["docs"] = sorted(set(lwhere[t["line"]]))
    return tok, lin, len(pieces)


# ---------------------------------------------------------------------------------------------
# speed

def median_run(runs):
    """The run with the median CPU time (the lower middle one for an even count)."""
    runs = sorted(runs, key=lambda r: r[1])
    return runs[(len(runs) - 1) // 2]


def time_datatrove(docs, filters, repeat):
    """Seconds (wall, cpu) of each filter alone over all docs and of all five filters on each doc in one pass."""
    from datatrove.data import Document
    from datatrove.utils.text import split_into_parts
    texts = [(d["id"], d["text"]) for d in docs]
    res = {}
    plans = [(name, [flt]) for name, flt in filters.items()] + [("one_pass_all", list(filters.values()))]
    for doc_id, text in texts[:20]:  # warm-up: spaCy pipeline creation, bad-words regex compilation
        for flt in filters.values():
            flt.filter(Document(text=text, id=doc_id))
    for name, flts in plans:
        runs = []
        for i in range(repeat):
            split_into_parts.cache_clear()
            c0, t0 = time.process_time(), time.perf_counter()
            for doc_id, text in texts:
                for flt in flts:
                    flt.filter(Document(text=text, id=doc_id))
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            log(f"  datatrove {name} run {i + 1}/{repeat}: {wall:.2f} s wall, {cpu:.2f} s CPU")
            runs.append((wall, cpu))
        res[name] = median_run(runs)
    return res


def time_copydesk(binary, configs, input_path, repeat, tmp):
    res = {}
    empty = os.path.join(tmp, "empty.jsonl")
    open(empty, "w").close()
    res["startup"] = min(run_copydesk(binary, configs["all"], empty, os.devnull) for _ in range(3))
    for name, cfg in configs.items():
        runs = []
        for i in range(repeat):
            wall, cpu = run_copydesk(binary, cfg, input_path, os.devnull)
            log(f"  copydesk {name} run {i + 1}/{repeat}: {wall:.3f} s wall, {cpu:.3f} s CPU")
            runs.append((wall, cpu))
        res[name] = median_run(runs)
    return res


# ---------------------------------------------------------------------------------------------
# report

def pct(a, b):
    return 100.0 * a / b if b else float("nan")


def reference_cache_key(docs):
    h = hashlib.sha256()
    h.update(f"datatrove {DATATROVE_PIN} spacy {SPACY_PIN} script-signals-v1\n".encode())
    for d in docs:
        h.update(d["id"].encode() + b"\0" + d["text"].encode("utf-8") + b"\0")
    return h.hexdigest()


def load_or_compute_reference(docs, filters, fresh, limit=None):
    path = os.path.join(OUT_DIR, "datatrove_signals.jsonl" if not limit else f"datatrove_signals-limit{limit}.jsonl")
    meta = path + ".key"
    key = reference_cache_key(docs)
    if not fresh and os.path.isfile(path) and os.path.isfile(meta) and open(meta).read().strip() == key:
        recs = [json.loads(x) for x in open(path, encoding="utf-8")]
        log(f"reference: reusing {path} (same documents and versions; --fresh recomputes)")
        return recs
    recs = reference_records(docs, filters)
    write_jsonl(path, recs)
    with open(meta, "w") as f:
        f.write(key + "\n")
    return recs


def cmd_run(args):
    news, gen, _ = load_documents(args)
    docs = news + gen
    texts = {d["id"]: d["text"] for d in docs}
    bw_path = find_badwords_file()
    patch_badwords_offline(bw_path)
    filters = make_filters()
    records = load_or_compute_reference(docs, filters, args.fresh, args.limit)

    binary = find_copydesk(args.copydesk)
    tmp = tempfile.mkdtemp(prefix="quality-bench-")
    input_path = os.path.join(OUT_DIR, "quality_input.jsonl")
    write_jsonl(input_path, [{"id": d["id"], "text": d["text"]} for d in docs])
    template = open(args.config_template, encoding="utf-8").read() if args.config_template else CONFIG_TEMPLATE
    configs = {"all": write_config(os.path.join(OUT_DIR, "quality-only.yaml"), SETS, template)}
    for s in SETS:
        configs[s] = write_config(os.path.join(OUT_DIR, f"quality-only-{s}.yaml"), [s], template)
    cd_out = os.path.join(OUT_DIR, "copydesk_quality.jsonl")
    log(f"copydesk: {binary} run --config {configs['all']} --jobs 1 -q < {input_path}")
    run_copydesk(binary, configs["all"], input_path, cd_out)
    cdq = read_copydesk_output(cd_out)
    dec_stats, sig_stats, dec_dis, sig_dis, missing_docs, missing_sigs, unknown_failed = compare(records, texts, cdq)

    # The stage's default non-Latin handling: which decisions change against datatrove.
    default_cfg = write_config(os.path.join(OUT_DIR, "quality-default-nonlatin.yaml"), SETS, template, extra="")
    cd_default = os.path.join(OUT_DIR, "copydesk_quality_default.jsonl")
    run_copydesk(binary, default_cfg, input_path, cd_default)
    nonlatin = nonlatin_changes(records, cdq, read_copydesk_output(cd_default))

    probes = run_probes(binary, template, sig_dis, texts, badwords_regex_from(filters["c4_badwords"]), tmp,
                        fuzz=args.fuzz)

    speed_dt = speed_cd = None
    if not args.no_speed:
        log("timing datatrove (one core, this process)")
        speed_dt = time_datatrove(docs, filters, args.dt_repeat)
        log("timing copydesk (--jobs 1)")
        speed_cd = time_copydesk(binary, configs, input_path, args.repeat, tmp)

    report = make_report(args, news, gen, records, dec_stats, sig_stats, dec_dis, sig_dis, missing_docs, missing_sigs,
                         unknown_failed, speed_dt, speed_cd, binary, configs, nonlatin, probes)
    with open(os.path.join(OUT_DIR, "quality_report.md"), "w", encoding="utf-8") as f:
        f.write(report)
    write_mismatches(os.path.join(OUT_DIR, "MISMATCHES.md"), dec_dis, sig_dis, texts, records, cdq, probes,
                     speed_summary(speed_dt, speed_cd, sum(r["bytes"] for r in records)))
    print(report)
    log(f"wrote {os.path.join(OUT_DIR, 'quality_report.md')} and {os.path.join(OUT_DIR, 'MISMATCHES.md')}")
    return 0


def nonlatin_changes(records, cdq_compat, cdq_default):
    """Documents whose per-filter decision differs between the datatrove-compatible run and the default run."""
    out = []
    for rec in records:
        a, b = cdq_compat.get(rec["id"]), cdq_default.get(rec["id"])
        if a is None or b is None:
            continue
        da, _ = copydesk_decisions(a)
        db, _ = copydesk_decisions(b)
        changed = [f for f in FILTERS if da[f][0] != db[f][0]]
        if changed:
            out.append({"id": rec["id"], "kind": rec["kind"], "script": b.get("script"), "filters": changed,
                        "datatrove": {f: rec["decisions"][f]["keep"] for f in changed},
                        "default": {f: db[f][0] for f in changed}})
    return out


def make_report(args, news, gen, records, dec_stats, sig_stats, dec_dis, sig_dis, missing_docs, missing_sigs,
                unknown_failed, speed_dt, speed_cd, binary, configs, nonlatin=(), probes=((), (), 0)):
    L = []
    n = len(records)
    nbytes = sum(r["bytes"] for r in records)
    L.append("# Copydesk quality stage vs datatrove\n")
    L.append(f"datatrove {DATATROVE_PIN}, spaCy {SPACY_PIN} (blank English tokenizer), Python {sys.version.split()[0]}; "
             f"copydesk {binary}")
    L.append(f"Documents: {len(news)} from {args.corpus} + {len(gen)} generated (bench/gen_quality.py --seed "
             f"{args.gen_seed} --per-kind {args.gen_per_kind}) = {n} documents, {nbytes / 1e6:.2f} MB of text.\n")
    if missing_docs:
        L.append(f"**{len(missing_docs)} documents missing from copydesk's output** (first: {missing_docs[:5]})\n")
    if missing_sigs:
        L.append(f"**copydesk output lacks signals:** {', '.join(missing_sigs)}\n")
    if unknown_failed:
        L.append(f"**unknown names in copydesk.quality.failed:** {', '.join(unknown_failed)}\n")
    L.append("## Keep/drop agreement per filter (target >= 99%)\n")
    L.append("| filter | agree | % | news-dev only % | datatrove drops | copydesk drops | target |")
    L.append("|---|---:|---:|---:|---:|---:|---|")
    for f in FILTERS + ["c4"]:
        st = dec_stats[f]
        p = pct(st["agree"], st["total"])
        label = "c4 (quality + bad words)" if f == "c4" else f
        L.append(f"| {label} | {st['agree']}/{st['total']} | {p:.2f} | {pct(st['news_agree'], st['news_total']):.2f} | "
                 f"{st['dt_drop']} | {st['cd_drop']} | "
                 f"{'met' if p >= 99 else 'MISSED'} |")
    L.append(f"\nThe agreement runs use `non_latin: {{skip: [], skip_other_scripts: []}}` (every check on every text, as datatrove "
             f"with language eng). With the stage's default non-Latin handling, {len(nonlatin)} documents change a "
             f"decision (copydesk keeps them where datatrove drops them; intended):")
    if nonlatin:
        kinds = {}
        for x in nonlatin:
            kinds.setdefault((x["kind"], x["script"], ",".join(x["filters"])), []).append(x["id"])
        L.append("\n| kind | script | filters | docs | examples |")
        L.append("|---|---|---|---:|---|")
        for (k, sc, fl), ids in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
            L.append(f"| {k} | {sc} | {fl} | {len(ids)} | {', '.join(ids[:3])} |")
    kinds = {}
    for r in records:
        if r["source"] == "generated":
            kinds.setdefault(r["kind"], []).append(r)
    if kinds:
        L.append("\nGenerated pages: documents per kind that datatrove drops, per filter (30 = all of the kind):\n")
        L.append("| kind | docs | " + " | ".join(FILTERS) + " |")
        L.append("|---|---:|" + "---:|" * len(FILTERS))
        for k, rs in kinds.items():
            L.append(f"| {k} | {len(rs)} | " + " | ".join(str(sum(not r["decisions"][f]["keep"] for r in rs))
                                                       for f in FILTERS) + " |")
    L.append("\n## Per-signal agreement (within 1% relative; 0 only equals 0; null only equals null; target >= 95% of docs)\n")
    L.append("| datatrove signal | copydesk signal | agree | % | target |")
    L.append("|---|---|---:|---:|---|")
    for s, cname in SIGNAL_MAP.items():
        st = sig_stats[s]
        p = pct(st["agree"], st["total"])
        L.append(f"| {s} | {cname} | {st['agree']}/{st['total']} | {p:.2f} | {'met' if p >= 95 else 'MISSED'} |")
    L.append(f"\n{', '.join(sorted(C4_AFTER_DOC_RULE))} are compared only on documents where no C4 document-level "
             "rule (lorem ipsum, curly bracket) fired.\n")
    if speed_dt and speed_cd:
        L.append(f"## Speed, one core (median of {args.dt_repeat} datatrove and {args.repeat} copydesk runs by CPU time; "
                 f"MB = 10^6 bytes of UTF-8 text)\n")
        L.append("Both sides run on one core (datatrove: one Python process; copydesk: --jobs 1), in the same run. "
                 "Ratios use CPU seconds (user + system), which other jobs on a shared machine inflate less than "
                 "wall time; wall-time ratios are given too.\n")
        mb = nbytes / 1e6
        L.append("| what | wall s | CPU s | MB/s (CPU) | MB/s (wall) | docs/s (CPU) |")
        L.append("|---|---:|---:|---:|---:|---:|")
        for name, (w, c) in speed_dt.items():
            L.append(f"| datatrove {name} | {w:.2f} | {c:.2f} | {mb / c:.3f} | {mb / w:.3f} | {n / c:.0f} |")
        for name, val in speed_cd.items():
            if name == "startup":
                continue
            w, c = val
            L.append(f"| copydesk sets={name} --jobs 1 | {w:.3f} | {c:.3f} | {mb / c:.2f} | {mb / w:.2f} | {n / c:.0f} |")
        L.append(f"| copydesk start-up (empty input; included above) | {speed_cd['startup'][0]:.3f} | "
                 f"{speed_cd['startup'][1]:.3f} | | | |")
        dw, dc = speed_dt["one_pass_all"]
        cw, cc = speed_cd["all"]
        sum_c = sum(speed_dt[f][1] for f in FILTERS)
        L.append("")
        L.append(f"- **copydesk, all four sets in one pass, vs datatrove's five filters one after the other on each "
                 f"document: {dc / cc:.0f}x on CPU time** ({dw / cw:.0f}x wall; target >= 100x). datatrove "
                 f"{mb / dc:.3f} MB/s, copydesk {mb / cc:.2f} MB/s (CPU).")
        L.append(f"- vs the five datatrove filters as separate passes: {sum_c / cc:.0f}x (CPU)")
        gq_c4 = speed_dt["gopher_quality"][1] + speed_dt["c4_quality"][1]
        L.append(f"- datatrove GopherQuality + C4Quality: {mb / gq_c4:.3f} MB/s on CPU time (the issue quotes ~0.14 MB/s)")
        for f, s_ in (("gopher_quality", "gopher"), ("gopher_repetition", "gopher_repetition"), ("fineweb", "fineweb")):
            L.append(f"- {f} alone: datatrove {speed_dt[f][1]:.2f} s vs copydesk sets=[{s_}] {speed_cd[s_][1]:.3f} s CPU: "
                     f"{speed_dt[f][1] / speed_cd[s_][1]:.0f}x")
        c4dt = speed_dt["c4_quality"][1] + speed_dt["c4_badwords"][1]
        L.append(f"- c4 (quality + bad words) alone: datatrove {c4dt:.2f} s vs copydesk sets=[c4] {speed_cd['c4'][1]:.3f} s "
                 f"CPU: {c4dt / speed_cd['c4'][1]:.0f}x")
        L.append(f"- load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    L.append("\n## Disagreements\n")
    L.append(f"{len(dec_dis)} decision disagreements, {len(sig_dis)} signal disagreements; "
             "every one with its cause is in bench/out/MISMATCHES.md.")
    L.append(f"Tokenizer probe: {len(probes[0])} of {probes[2]} whitespace-delimited pieces (tricky strings, fuzz and "
             f"pieces of disagreeing documents) tokenize differently; line probe: {len(probes[1])} lines with different C4 "
             f"signals.\n")
    by_cause = {}
    for d in sig_dis:
        by_cause.setdefault((d["signal"], d["category"]), []).append(d["id"])
    if by_cause:
        L.append("| signal | cause (first hint) | docs | examples |")
        L.append("|---|---|---:|---|")
        for (s, c), ids in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
            L.append(f"| {s} | {c} | {len(ids)} | {', '.join(ids[:3])} |")
    if dec_dis:
        L.append("\n| doc | filter | datatrove | copydesk |")
        L.append("|---|---|---|---|")
        for d in dec_dis:
            L.append(f"| {d['id']} | {d['filter']} | {d['datatrove']} | {d['copydesk']} |")
    L.append("\nCommand: `python3 bench/quality_bench.py " + " ".join(sys.argv[1:]) + "`")
    return "\n".join(L) + "\n"


# Standing requests to the Swift helper, printed at the top of MISMATCHES.md.
NOTES = [
    "`empty` is a failed name of both gopher_repetition (text == \"\") and fineweb (no non-blank line, e.g. "
    "text \" \"). The bench reads a bare `empty` as both. Please emit `gopher_rep_empty` / `fineweb_empty` "
    "(both accepted) so a whitespace-only text does not count as a repetition drop.",
    "Undefined values: where datatrove has no value (its code would divide by zero or skips the check: mean word "
    "length with no non-symbol words; ratios over zero words or zero lines; top-n-gram with fewer than n words; "
    "repetition signals of an empty text; FineWeb signals with no non-blank line) the bench expects JSON null and "
    "counts 0.0 as a disagreement (a 0 would claim e.g. 'no repetition' for a text that has no n-grams). Please "
    "write null there.",
    "Tokenizer, emoticon pieces (fuzz only, none in news-dev): spaCy's Tokenizer._split_affixes (spacy/tokenizer.pyx "
    "l.420-451) in ONE loop iteration finds the prefix on `string` and the suffix on `string[pre_len:]`; it checks "
    "`minus_pre` (string without the prefix) and then `minus_suf` = string without the suffix BUT WITH the prefix "
    "against the special cases; only if neither is special does it strip prefix AND suffix together and loop (the "
    "top of the loop checks the whole remaining string). So ':-)❤' -> ':-)' '❤' (minus_suf ':-)' is special), but "
    "':-)❤👍🏽' -> ':' '-)' '❤' '👍' '🏽' (':' and '🏽' stripped together; later minus_suf '-)' is special), "
    "'uyam...:-)' -> 'uyam' '...' ':-' ')', ':-):)' -> ':-)' ':' ')'. The exact pieces are in the tokenizer probe below.",
    "Non-English documents: datatrove (language eng) applies the English checks to every text. For the agreement "
    "numbers the bench needs copydesk to behave the same; if your script/language detection changes checks, tell me "
    "the YAML key that turns it off (or forces English) and I add it to the bench config; the bench then also reports "
    "the default behaviour separately.",
]


def speed_summary(speed_dt, speed_cd, nbytes):
    """Lines for MISMATCHES.md: where copydesk's time goes and what 100x needs."""
    if not (speed_dt and speed_cd):
        return []
    dc = speed_dt["one_pass_all"][1]
    mb = nbytes / 1e6
    out = [f"copydesk CPU s on {mb:.2f} MB: all sets {speed_cd['all'][1]:.3f}; " +
           ", ".join(f"{s} alone {speed_cd[s][1]:.3f}" for s in SETS) +
           f"; start-up {speed_cd['startup'][1]:.3f}.",
           f"datatrove one pass (five filters on each doc): {dc:.2f} s CPU. 100x needs copydesk all sets <= "
           f"{dc / 100:.3f} s CPU ({100 * mb / dc:.2f} MB/s); now {dc / speed_cd['all'][1]:.0f}x."]
    return out


def write_mismatches(path, dec_dis, sig_dis, texts, records, cdq, probes=((), (), 0), speed=()):
    recs = {r["id"]: r for r in records}
    L = ["# MISMATCHES: copydesk quality vs datatrove (written by bench/quality_bench.py; local, never commit)\n",
         f"Generated {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC. Values: datatrove (mirrored, "
         "see REFERENCE.md) vs copydesk. Excerpts are the first 160 chars of the text (JSON-escaped).\n",
         "## Notes for the Swift helper\n"] + [f"- {x}" for x in NOTES] + [""]
    tok, lin, n_pieces = probes
    if speed:
        L.append("## Speed (one core, same run)\n")
        L += [f"- {x}" for x in speed] + [""]
    L.append(f"## Tokenizer probe: {len(tok)} of {n_pieces} whitespace-delimited pieces where copydesk's word counts "
             f"differ from spaCy\n")
    L.append("The pieces of the hand-written tricky strings (TRICKY and all affix combinations in the script), --fuzz random "
             "pieces (fuzz_pieces, fixed seed) and the pieces of "
             "the documents with word-based disagreements each ran alone (piece + \"\\n\") through both "
             "sides. words = all tokens after strip (copydesk: 1/fineweb_list_ratio), non-symbol = gopher_n_words. "
             "Sorted by the number of documents containing the piece.\n")
    for t in sorted(tok, key=lambda t: -len(t["docs"])):
        L.append(f"- {json.dumps(t['piece'], ensure_ascii=False)}: spaCy {t['spacy_tokens']} = {t['spacy_words']} words, "
                 f"{t['spacy_non_symbol']} non-symbol; copydesk {t['copydesk_words']} words, {t['copydesk_non_symbol']} "
                 f"non-symbol ({len(t['docs'])} docs, e.g. {', '.join(t['docs'][:3])})")
    L.append(f"\n## Line probe: {len(lin)} lines whose C4 signals differ when run alone\n")
    for t in lin:
        L.append(f"- {json.dumps(t['line'], ensure_ascii=False)}: " +
                 ", ".join(f"{k} datatrove {a!r} vs copydesk {b!r}" for k, (a, b) in t["diffs"].items()) +
                 f"; spaCy sentences {json.dumps(t['spacy_sentences'], ensure_ascii=False)} ({len(t['docs'])} docs, "
                 f"e.g. {', '.join(t['docs'][:3])})")
    L.append(f"\n## Decision disagreements ({len(dec_dis)})\n")
    for d in dec_dis:
        r = recs[d["id"]]
        fam = {"gopher_quality": "gopher.", "gopher_repetition": "rep.", "c4_quality": "c4.", "c4_badwords": "c4.bad",
               "fineweb": "fw."}[d["filter"]]
        diffs = [x for x in sig_dis if x["id"] == d["id"] and x["signal"].startswith(fam)]
        L.append(f"- **{d['id']}** {d['filter']}: datatrove {d['datatrove']}, copydesk {d['copydesk']}; "
                 f"differing signals: " + (", ".join(f"{x['signal']} {x['datatrove']!r} vs {x['copydesk']!r}" for x in diffs)
                                           or "none (threshold edge or check order)"))
        L.append(f"  text: {excerpt(texts[d['id']])}")
        if d["filter"] == "c4_badwords" and r["signals"].get("c4.badword"):
            L.append(f"  datatrove matched: {r['signals']['c4.badword']!r}")
    L.append(f"\n## Signal disagreements ({len(sig_dis)}), grouped by signal\n")
    groups = {}
    for d in sig_dis:
        groups.setdefault(d["signal"], []).append(d)
    for s, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        L.append(f"### {s} (copydesk {items[0]['copydesk_name']}): {len(items)} docs\n")
        for d in items:
            L.append(f"- {d['id']}: datatrove {d['datatrove']!r}, copydesk {d['copydesk']!r}. Cause: {d['cause']}")
            L.append(f"  text: {excerpt(texts[d['id']])}")
        L.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


# ---------------------------------------------------------------------------------------------
# self-test: the comparison machinery against a fake copydesk made from the datatrove mirror

SELFTEST_MARK = "Zorblat"  # a made-up word: the fake "tokenizer" counts it as two words


def fake_copydesk_main(argv):
    """`quality_bench.py fake-copydesk run ...`: reads JSONL on stdin and writes copydesk.quality computed with
    the datatrove mirror. $QUALITY_FAKE=perturbed adds one word (and one non-symbol word) for each occurrence of
    SELFTEST_MARK and one C4 sentence per occurrence, and drops every document whose id ends in -001 for gopher_repetition."""
    if not argv or argv[0] != "run":
        return 0
    perturbed = os.environ.get("QUALITY_FAKE") == "perturbed"
    patch_badwords_offline(find_badwords_file())
    rx = badwords_regex_from(make_filters()["c4_badwords"])
    rename = {"empty": {"gopher_repetition": "gopher_rep_empty", "fineweb": "fineweb_empty"}}
    for line in sys.stdin:
        d = json.loads(line)
        sig, implied, _ = datatrove_signals(d["text"], rx)
        out = {c: sig.get(s) for s, c in SIGNAL_MAP.items()}
        failed = [rename.get(v, {}).get(f, v) for f, v in implied.items() if v]
        if perturbed:
            extra = d["text"].count(SELFTEST_MARK)
            if extra and out["gopher_n_words"] is not None:
                out["gopher_n_words"] += extra
                words = d["text"].count("\n") / out["fineweb_list_ratio"] if out["fineweb_list_ratio"] else 0
                out["fineweb_list_ratio"] = d["text"].count("\n") / (words + extra) if words else None
                out["c4_sentences"] += extra
            if d["id"].endswith("-001") and "dup_para_frac" not in failed:
                failed.append("dup_para_frac")
        d["copydesk"] = {"quality": {"score": 0.5, "signals": out, "failed": failed, "decision": "flag"}}
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    return 0


def cmd_selftest(args):
    problems = []

    def check(cond, what):
        log(("ok    " if cond else "FAILED ") + what)
        if not cond:
            problems.append(what)

    # the agreement rule
    check(values_agree(None, None) and not values_agree(None, 0.0) and not values_agree(0.0, None), "null only equals null")
    check(values_agree(0, 0.0) and not values_agree(0.0, 1e-12), "0 only equals 0")
    check(values_agree(100, 100.99) and not values_agree(100, 101.1) and values_agree(-2.0, -2.01), "1% relative")
    # documents: two per generated kind, plus the marker word
    args.gen_per_kind = 2
    news, gen, _ = load_documents(args)
    docs = gen + [{"id": "selftest-mark", "source": "generated", "kind": "selftest",
                   "text": f"The {SELFTEST_MARK} report was published on Monday.\nIt said the plan would go ahead."}]
    texts = {d["id"]: d["text"] for d in docs}
    patch_badwords_offline(find_badwords_file())
    filters = make_filters()
    records = reference_records(docs, filters)  # also checks the mirror against the real filters
    tmp = tempfile.mkdtemp(prefix="quality-selftest-")
    fake = os.path.join(tmp, "copydesk")
    with open(fake, "w") as f:
        f.write(f"#!/bin/sh\nexec {json.dumps(sys.executable)} {json.dumps(os.path.abspath(__file__))} fake-copydesk \"$@\"\n")
    os.chmod(fake, 0o755)
    inp = os.path.join(tmp, "input.jsonl")
    write_jsonl(inp, [{"id": d["id"], "text": d["text"]} for d in docs])
    cfg = write_config(os.path.join(tmp, "q.yaml"), SETS, CONFIG_TEMPLATE)
    rx = badwords_regex_from(filters["c4_badwords"])
    for mode in ("exact", "perturbed"):
        os.environ["QUALITY_FAKE"] = mode
        out = os.path.join(tmp, f"out-{mode}.jsonl")
        run_copydesk(fake, cfg, inp, out)
        dec_stats, sig_stats, dec_dis, sig_dis, missing_docs, missing_sigs, unknown = compare(records, texts,
                                                                                              read_copydesk_output(out))
        tok, lin, _ = run_probes(fake, CONFIG_TEMPLATE, sig_dis, texts, rx, tmp, fuzz=0)
        if mode == "exact":
            check(not dec_dis and not sig_dis and not missing_docs and not missing_sigs and not unknown,
                  f"exact fake: no disagreement ({len(dec_dis)} decisions, {len(sig_dis)} signals)")
            check(not tok and not lin, "exact fake: the probes find nothing")
        else:
            flipped = {d["id"] for d in dec_dis if d["filter"] == "gopher_repetition"}
            expect = {r["id"] for r in records if r["id"].endswith("-001") and r["decisions"]["gopher_repetition"]["keep"]}
            check(flipped == expect and expect, f"perturbed fake: the {len(expect)} flipped repetition decisions are found")
            check({d["id"] for d in sig_dis if d["signal"] == "gopher.non_symbol_words"} == {"selftest-mark"},
                  "perturbed fake: the word-count disagreement is pinned to the marked document")
            check([t["piece"] for t in tok] == [SELFTEST_MARK], f"tokenizer probe finds exactly {SELFTEST_MARK!r}: "
                  f"{[t['piece'] for t in tok]}")
            check([t["line"] for t in lin] == [texts["selftest-mark"].splitlines()[0]],
                  f"line probe finds exactly the marked line: {[t['line'] for t in lin]}")
    if problems:
        raise BenchError(f"self-test: {len(problems)} check(s) failed")
    log("self-test passed")
    return 0


# ---------------------------------------------------------------------------------------------
# entry points

def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def cmd_reference(args):
    news, gen, _ = load_documents(args)
    path = find_badwords_file()
    patch_badwords_offline(path)
    filters = make_filters()
    log(f"bad words: {path}")
    load_or_compute_reference(news + gen, filters, fresh=True, limit=args.limit)
    log(f"wrote {os.path.join(OUT_DIR, 'datatrove_signals.jsonl')}")
    toks = spacy_token_reference([d["text"] for d in news], [d["text"] for d in gen], args.token_strings)
    write_jsonl(os.path.join(OUT_DIR, "spacy_tokens.jsonl"), toks)
    log(f"wrote {os.path.join(OUT_DIR, 'spacy_tokens.jsonl')} ({len(toks)} strings)")
    rules, charsets = spacy_rules_and_charsets()
    for name, obj in (("spacy_en_rules.json", rules), ("datatrove_charsets.json", charsets)):
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        log(f"wrote {os.path.join(OUT_DIR, name)}")
    return 0


def main():
    if sys.argv[1:2] == ["fake-copydesk"]:  # the self-test's stand-in for the copydesk binary
        ensure_venv_and_reexec()
        return fake_copydesk_main(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", nargs="?", default="run", choices=["run", "reference", "selftest", "fake-copydesk"])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, help="only the first N corpus documents")
    ap.add_argument("--gen-seed", type=int, default=1)
    ap.add_argument("--gen-per-kind", type=int, default=30)
    ap.add_argument("--token-strings", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3, help="copydesk timing runs (the median is kept)")
    ap.add_argument("--dt-repeat", type=int, default=1, help="datatrove timing runs (the median is kept)")
    ap.add_argument("--no-speed", action="store_true", help="agreement only, no timing")
    ap.add_argument("--fuzz", type=int, default=20000, help="random pieces for the tokenizer probe (default 20000)")
    ap.add_argument("--fresh", action="store_true", help="recompute the datatrove reference even if cached")
    ap.add_argument("--config-template", help="quality-only pipeline template with {sets} (default: built in)")
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or os.path.join(REPO_DIR, ".build-bench", "release", "copydesk"))
    args = ap.parse_args()
    os.makedirs(OUT_DIR, exist_ok=True)
    try:
        ensure_venv_and_reexec()
        if args.command == "reference":
            return cmd_reference(args)
        if args.command == "selftest":
            return cmd_selftest(args)
        return cmd_run(args)
    except BenchError as e:
        print(f"quality_bench: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
