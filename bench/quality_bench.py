#!/usr/bin/env python3
"""Copydesk's quality stage against HuggingFace datatrove: agreement and single-core speed, same run.

Usage (from the repo root):

    python3 bench/quality_bench.py                      # the benchmark (report on stdout)
    python3 bench/quality_bench.py --limit 300          # only the first 300 news-dev articles
    python3 bench/quality_bench.py reference            # only the datatrove reference files (no copydesk)

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
pointed at a local copy of the exact pinned file (Rules/quality/ if the Swift stage ships it, else
bench/out/), verified by SHA-256.

Copydesk side: `copydesk run --config <quality-only.yaml> --jobs 1 -q` with only the quality stage (no
cleaning), action flag; the signals are read from copydesk.quality.signals of each output document and
mapped to the names used here by SIGNAL_MAP.

Agreement:
  * decision: per filter, the share of documents where copydesk's check set (the checks that belong to
    that filter) fails exactly when datatrove drops the document.
  * signal: a value agrees when |a - b| <= 1% * max(|a|, |b|), or both are exactly 0 (so a zero agrees
    only with a zero), or both are missing/undefined (null). One missing and one present disagrees.
    Counts (words, lines, sentences) are compared the same way.
Speed, one core (OMP/BLAS threads = 1), best of --repeat runs, on the same documents:
  * datatrove: each filter's .filter() over all documents in this process (new Document objects each
    run), and the four filters one after the other on each document (one pass; their shared
    split_into_words cache then tokenises each text only once). MB/s = UTF-8 bytes of the texts / s.
  * copydesk: wall time of the whole `copydesk run` process (start-up included).

Outputs (bench/out/, never committed): datatrove_signals.jsonl, spacy_tokens.jsonl (reference mode),
copydesk_quality.jsonl, quality_report.md, MISMATCHES.md. The report lists every disagreement with
its cause; text excerpts appear only there and on the terminal.
Exit status: 0 ok (targets met or not), 1 failure.
"""

import argparse
import hashlib
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
OUT_DIR = os.path.join(BENCH_DIR, "out")
VENV_DIR = os.path.join(BENCH_DIR, ".venv-quality")
DATATROVE_PIN = "0.10.1"
SPACY_PIN = "3.8.18"
REGEX_PIN = "2026.12.2"         # datatrove.utils.text imports `regex` (datatrove's "processing" extra)
IN_VENV_MARK = "COPYDESK_QUALITY_BENCH_IN_VENV"
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO_DIR, "..", "shared", "corpora", "news-dev", "articles.jsonl"))

# The LDNOOBW "en" list at the commit datatrove 0.10.1 pins (_EN_BADWORDS_URL in c4_filters.py).
BADWORDS_COMMIT = "25e679f03d96baa721cde20db9944649e8d0a844"
BADWORDS_SHA256 = "a506cbcf8a31935b122299f3bb1d32be6db3d0ad498765d28f365dfc4f4d7b8c"
BADWORDS_CANDIDATES = [os.path.join(REPO_DIR, "Rules", "quality", name) for name in
                       ("badwords-en.txt", "badwords_en.txt", "ldnoobw-en.txt", "en.txt", "badwords-en.yaml")] + [
    os.path.join(OUT_DIR, "ldnoobw_en_25e679f.txt")]

ONE_CORE_ENV = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                 "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}

FILTERS = ["gopher_quality", "gopher_repetition", "c4_quality", "c4_badwords", "fineweb"]


class BenchError(Exception):
    pass


def log(msg):
    print(f"[quality_bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# venv

def venv_python():
    return os.path.join(VENV_DIR, "bin", "python")


def venv_ok(py):
    code = ("import importlib.metadata as m, sys;"
            f"ok = m.version('datatrove') == {DATATROVE_PIN!r} and m.version('spacy') == {SPACY_PIN!r}"
            f" and m.version('regex') == {REGEX_PIN!r};"
            "sys.exit(0 if ok else 1)")
    try:
        return subprocess.run([py, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def ensure_venv_and_reexec():
    if os.environ.get(IN_VENV_MARK) == "1":
        return
    py = venv_python()
    if not (os.path.isfile(py) and venv_ok(py)):
        if not os.path.isfile(py):
            log(f"creating {VENV_DIR}")
            if subprocess.run([sys.executable, "-m", "venv", VENV_DIR]).returncode != 0:
                raise BenchError(f"python3 -m venv {VENV_DIR} failed (Debian: apt-get install python3-venv)")
        log(f"installing datatrove=={DATATROVE_PIN}, spacy=={SPACY_PIN}, regex=={REGEX_PIN} into {VENV_DIR}")
        r = subprocess.run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            f"datatrove=={DATATROVE_PIN}", f"spacy=={SPACY_PIN}",
                            f"regex=={REGEX_PIN}"], stdout=sys.stderr)
        if r.returncode != 0 or not venv_ok(py):
            raise BenchError(f"pip install into {VENV_DIR} failed; delete the folder and try again")
    env = dict(os.environ)
    env.update(ONE_CORE_ENV)
    env[IN_VENV_MARK] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


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
    gen_path = os.path.join(OUT_DIR, "quality_gen.jsonl")
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
    for path in BADWORDS_CANDIDATES:
        if os.path.isfile(path):
            data = open(path, "rb").read()
            if hashlib.sha256(data).hexdigest() == BADWORDS_SHA256:
                return path
            log(f"note: {path} differs from the LDNOOBW en list at {BADWORDS_COMMIT[:8]} (sha256 mismatch); not used")
    raise BenchError("no local copy of the LDNOOBW 'en' list at commit " + BADWORDS_COMMIT + " (sha256 " +
                     BADWORDS_SHA256 + "). Put the file at bench/out/ldnoobw_en_25e679f.txt "
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
    # combinations: affixes around a few cores
    cores = ["word", "U.S.", "don't", "1,000.50", "e-mail", "#tag", "http://x.com", "3pm", "Mr.", "ok"]
    pre = ["", "(", "\"", "'", "“", "[", "-", "$", "#", "..."]
    suf = ["", ")", "\"", "'", "”", "]", ".", ",", "!", "?", "...", ":", ";", "'s", "%", ")."]
    for c in cores:
        for p in pre:
            for q in suf:
                if rng.random() < 0.35:
                    add(f"{p}{c}{q}", "affix")
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
    recs = reference_records(news + gen, filters)
    write_jsonl(os.path.join(OUT_DIR, "datatrove_signals.jsonl"), recs)
    log(f"wrote {os.path.join(OUT_DIR, 'datatrove_signals.jsonl')}")
    toks = spacy_token_reference([d["text"] for d in news], [d["text"] for d in gen], args.token_strings)
    write_jsonl(os.path.join(OUT_DIR, "spacy_tokens.jsonl"), toks)
    log(f"wrote {os.path.join(OUT_DIR, 'spacy_tokens.jsonl')} ({len(toks)} strings)")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", nargs="?", default="run", choices=["run", "reference"])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, help="only the first N corpus documents")
    ap.add_argument("--gen-seed", type=int, default=1)
    ap.add_argument("--gen-per-kind", type=int, default=30)
    ap.add_argument("--token-strings", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or os.path.join(REPO_DIR, ".build-bench", "release", "copydesk"))
    args = ap.parse_args()
    os.makedirs(OUT_DIR, exist_ok=True)
    try:
        ensure_venv_and_reexec()
        if args.command == "reference":
            return cmd_reference(args)
        return cmd_run(args)
    except BenchError as e:
        print(f"quality_bench: error: {e}", file=sys.stderr)
        return 1


def cmd_run(args):
    raise BenchError("not written yet")


if __name__ == "__main__":
    sys.exit(main())
