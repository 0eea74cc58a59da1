#!/usr/bin/env python3
"""A stand-in for the copydesk binary, used only to test the bench scripts before the real one exists.

Implements the subset of `copydesk run` the bench scripts use (--config, --jobs, --explain,
--dropped, --rejects, --text-field, FILE or stdin, JSONL in/out, the stderr summary line and exit
codes 0/1/3). It does NOT read the YAML config (it only checks that the file exists).

What it removes:
  FAKE_COPYDESK_TRUTH=truth.jsonl  remove exactly the truth junk spans, meta from the truth
                                   (a "perfect cleaner"; eval_removal.py must report 100%)
    FAKE_COPYDESK_MODE=miss:STYLE   ... but keep the spans of STYLE
    FAKE_COPYDESK_MODE=innocent     ... and also remove every innocent look-alike phrase
    FAKE_COPYDESK_MODE=overreach    ... and also remove the 5 characters after each junk span
    FAKE_COPYDESK_MODE=badoffsets   ... but report every removed start/end shifted by one
  otherwise                        a handful of built-in Python regexes (rough, for smoke tests)
"""

import argparse
import json
import os
import re
import sys

BUILTIN = [
    ("dateline", re.compile(r"\A\s*date (?P<date>\d{4}-\d\d-\d\d) (?P<location>[^|\n]+?) \| (?P<desk>[^:\n]+):")),
    ("posted-by", re.compile(r"(?m)^Posted By:\s*(?P<author>.+)$", re.I)),
    ("also-read-block", re.compile(r"(?m)^Also Read:?\n(?:\n)?(?:.+(?:\n|\Z)){1,2}")),
    ("also-read-inline", re.compile(r"\(?ALSO READ\s*[:|]\s*[^.\n]*?(?=\s+[A-Z][a-z]+ |\)|$)\)?", re.I | re.M)),
    ("whatsapp", re.compile(r"We.re now on WhatsApp\. Click to join\.?")),
    ("subscribe", re.compile(r"(?m)^Subscribe to .*$")),
    ("follow-us", re.compile(r"(?m)^Follow us (?:on|@).*$")),
    ("milestone", re.compile(r"Milestone Alert!.*?Click here to know more\.")),
    ("instagram", re.compile(r"A post shared by [^(\n]+\(@\w[\w.]*\) on \w+ \d+, \d{4}(?: at \d+:\d\d[ap]m \w+)?")),
    ("tweet", re.compile(r"pic\.twitter\.com/\w+(?: \u2014 [^()\n]+ \(@\w[\w.]*\) \w+ \d+, \d{4})?")),
]


def tidy_remove(text, spans):
    """Remove spans (sorted, non-overlapping) and join the sides with one space where both are non-space."""
    out, last = [], 0
    for s, e in spans:
        left = text[last:s]
        out.append(left)
        last = e
    out.append(text[last:])
    res = out[0]
    for piece in out[1:]:
        if res and piece and not res[-1].isspace() and not piece[0].isspace():
            res += " "
        res += piece
    return res


def clean(doc, field, truth, mode):
    text = doc.get(field)
    if not isinstance(text, str):
        return {}, []
    meta = {}
    removed = []
    if truth is not None:
        t = truth.get(doc.get("id"))
        if t is None:
            return {}, []
        spans = [(j["start"], j["end"], "truth-" + j["style"]) for j in t["junk"]]
        if mode.startswith("miss:"):
            spans = [s for s in spans if s[2] != "truth-" + mode[5:]]
        if mode == "innocent":
            spans += [(i["start"], i["end"], "truth-innocent") for i in t["innocent"]]
        if mode == "overreach":
            spans = [(s, min(len(text), e + 5), r) for s, e, r in spans]
        meta = {k: v for k, v in t["meta"].items() if v is not None}
    else:
        spans = []
        for rule, rx in BUILTIN:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    spans.append((m.start(), m.end(), rule))
                    for k, v in m.groupdict().items():
                        if v and k not in meta:
                            meta[k] = v.strip()
    spans.sort()
    merged = []
    for s, e, r in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    for s, e, r in spans:
        d = 1 if mode == "badoffsets" else 0
        removed.append({"rule": r, "start": s + d, "end": e + d, "text": text[s:e]})
    doc[field] = tidy_remove(text, merged)
    return meta, removed


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--config")
    r.add_argument("--jobs", type=int)
    r.add_argument("--explain", action="store_true")
    r.add_argument("--dropped")
    r.add_argument("--rejects")
    r.add_argument("--text-field", default="text")
    r.add_argument("--input-format", default="auto")
    r.add_argument("--output-format", default="jsonl")
    r.add_argument("--max-line-bytes", type=int)
    r.add_argument("file", nargs="?")
    args = ap.parse_args()
    if args.config and not os.path.isfile(args.config):
        print(f"{args.config}: error: no such config file", file=sys.stderr)
        sys.exit(1)
    truth = None
    if os.environ.get("FAKE_COPYDESK_TRUTH"):
        truth = {}
        with open(os.environ["FAKE_COPYDESK_TRUTH"], encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                truth[t["id"]] = t
    mode = os.environ.get("FAKE_COPYDESK_MODE", "perfect")
    src = open(args.file, "rb") if args.file else sys.stdin.buffer
    out = sys.stdout.buffer
    rej = open(args.rejects, "wb") if args.rejects else None
    if args.dropped:
        open(args.dropped, "wb").close()
    n_read = n_written = n_rejected = 0
    for raw in src:
        if not raw.strip():
            continue
        n_read += 1
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict):
                raise ValueError("not an object")
        except ValueError:
            n_rejected += 1
            if rej:
                rej.write(raw)
            continue
        meta, removed = clean(doc, args.text_field, truth, mode)
        cd = {"meta": meta, "tags": [], "flags": [], "decision": "keep", "errors": []}
        if args.explain:
            cd["removed"] = removed
        doc["copydesk"] = cd
        out.write(json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n")
        n_written += 1
    print(f"copydesk: read {n_read}, written {n_written}, dropped 0, rejected {n_rejected}", file=sys.stderr)
    sys.exit(3 if n_rejected else 0)


if __name__ == "__main__":
    main()
