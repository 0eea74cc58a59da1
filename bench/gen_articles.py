#!/usr/bin/env python3
"""Generate synthetic news articles with injected scraper junk, plus a ground-truth sidecar.

Deterministic: article i depends only on (--seed, i), so a larger --count or --size-mb extends a
corpus without changing the articles already in it.

Output (--out, JSONL): {"id", "url", "title", "text"} per line.
Truth (--truth, JSONL), one line per article:
  {"id", "profile",
   "junk":     [{"start", "end", "style", "variant", "placement", "text"}],  # code-point offsets
                # placement: start | own-para | para-tail | run-in | run-in-tight | end-para | last-para
   "innocent": [{"start", "end", "label", "text"}],              # look-alike prose, must survive
   "meta":     {"date", "location", "desk", "author"}}           # null when the article has none
A junk span covers the junk itself only: for "Monday.ALSO READ: x The" it is "ALSO READ: x"; the
whitespace around it is not junk.

Examples:
  python3 bench/gen_articles.py --count 2000 --seed 1 --out /tmp/a.jsonl --truth /tmp/a.truth.jsonl --verify
  python3 bench/gen_articles.py --size-mb 200 --out bench/.work/corpus-200mb.jsonl
"""

import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wordlists as W  # noqa: E402

STYLES = [
    "dateline", "posted-by", "also-read-block", "also-read-inline", "also-read-paren", "read-more",
    "whatsapp", "follow-us", "subscribe", "instagram", "tweet", "embed-leadin", "promo",
]

_SLOT = re.compile(r"\{([A-Z0-9]+)\}")


def _parse(template):
    """Split a template into literal text and slot names (odd indices are slots)."""
    return _SLOT.split(template)


_PARSED = {}


def _parsed(template):
    p = _PARSED.get(template)
    if p is None:
        p = _PARSED[template] = _parse(template)
    return p


class Article:
    """Per-article random state and the values that stay fixed within one article."""

    def __init__(self, seed, index):
        self.rng = random.Random(f"copydesk-bench:{seed}:{index}")
        r = self.rng
        self.index = index
        self.section = r.choice(W.SECTIONS)
        self.person = self.name()
        self.pronoun = r.choice(["he", "she"])
        self.place = r.choice(W.PLACES)
        self.org = self.fill_plain(r.choice(W.ORGS), {"L": self.place})
        self.film = r.choice(W.FILMS)
        self.team, self.team2 = r.sample(W.TEAMS, 2)
        self.topic = r.choice(W.TOPICS[self.section])
        self.year = r.randint(2016, 2024)
        self.deck = []

    def name(self):
        return f"{self.rng.choice(W.FIRST_NAMES)} {self.rng.choice(W.LAST_NAMES)}"

    def handle(self):
        r = self.rng
        return (r.choice(W.FIRST_NAMES) + r.choice(["", "_", "."]) + r.choice(W.LAST_NAMES)[:5]).lower()

    def fill_plain(self, template, fixed):
        parts = _parsed(template)
        return "".join(fixed.get(x, "{" + x + "}") if i % 2 else x for i, x in enumerate(parts))

    def slot(self, name):
        r = self.rng
        if name == "P":
            return self.person
        if name in ("P2", "P3"):
            return self.name()
        if name == "PRON":
            return self.pronoun
        if name == "L":
            return self.place
        if name == "L2":
            return r.choice(W.PLACES)
        if name == "O":
            return self.org
        if name == "O2":
            return self.fill_plain(r.choice(W.ORGS), {"L": r.choice(W.PLACES)})
        if name == "FILM":
            return self.film
        if name == "FILM2":
            return r.choice(W.FILMS)
        if name == "TEAM":
            return self.team
        if name == "TEAM2":
            return self.team2
        if name == "TEAM3":
            return r.choice(W.TEAMS)
        if name == "ROLE":
            return r.choice(W.ROLES)
        if name == "TOPIC":
            return self.topic
        if name == "TOPIC2":
            return r.choice(W.TOPICS[r.choice(W.SECTIONS)])
        if name == "HOUR":
            return str(r.randint(2, 11))
        if name in ("N", "N2"):
            return str(r.randint(2, 99))
        if name == "BIG":
            return f"{r.randint(1, 999):,}" if r.random() < 0.5 else f"{r.randint(1, 99)},{r.randint(0, 999):03d}"
        if name == "PCT":
            return f"{r.randint(1, 60)}.{r.randint(0, 9)}" if r.random() < 0.5 else str(r.randint(1, 90))
        if name == "AMT":
            return r.choice([f"Rs {r.randint(2, 950)} crore", f"Rs {r.randint(1, 99)}.{r.randint(1, 9)} lakh",
                             f"${r.randint(2, 900)} million"])
        if name == "DAY":
            return r.choice(W.WEEKDAYS)
        if name == "MON":
            return r.choice(W.MONTHS)
        if name == "DATE":
            return f"{r.choice(W.MONTHS)} {r.randint(1, 28)}"
        if name == "YR":
            return str(self.year - r.randint(0, 5))
        if name == "ADJ":
            return r.choice(W.ADJECTIVES)
        if name == "ADV":
            return r.choice(W.ADVERBS)
        if name == "BRAND":
            return r.choice(W.BRANDS)
        if name == "HANDLE":
            return self.handle()
        raise KeyError(name)

    def fill(self, template):
        parts = _parsed(template)
        out = []
        for i, x in enumerate(parts):
            out.append(self.slot(x) if i % 2 else x)
        return "".join(out)

    def sentence(self):
        # Deal templates from a shuffled deck so an article rarely repeats a sentence shape.
        if not self.deck:
            self.deck = W.SENTENCES[self.section] + W.SENTENCES["generic"]
            self.deck = self.deck[:]
            self.rng.shuffle(self.deck)
        s = self.fill(self.deck.pop())
        return s[0].upper() + s[1:] if s[0].islower() else s

    def teaser(self):
        return self.fill(self.rng.choice(W.TEASERS))


# --- items ---------------------------------------------------------------------------------------
# A paragraph is a list of items. Item: [kind, text, tag, sep_before, sep_after, variant, extra]
#   kind "S" prose sentence, "J" junk (tag = style, extra = placement), "I" innocent sentence
#   (extra = (a, b) phrase offsets within text, tag = label). sep_before/sep_after None = default (one space between items).

def S(text):
    return ["S", text, None, None, None, None, None]


def J(text, style, variant, placement, before=None, after=None):
    return ["J", text, style, before, after, variant, placement]


# --- junk makers: each returns (text, variant) ---------------------------------------------------

def mk_dateline(a):
    r = a.rng
    date = f"{a.year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    brand = r.choice(W.BRANDS + ["", ""])
    desk = r.choice(W.SECTION_DESKS[a.section])
    desk = f"{brand} {desk}" if brand else desk
    loc = a.place
    text = f"date {date} {loc} | {desk}:"
    return text, "jagran", {"date": date, "location": loc, "desk": desk}


def mk_posted_by(a):
    name = a.name()
    variant = a.rng.choice(["Posted By: ", "Posted By: ", "Posted by: "])
    return variant + name, variant.strip(), {"author": name}


def mk_also_read_block(a):
    r = a.rng
    t1 = a.teaser() + r.choice(["..", "..", "", "..."])
    v = r.random()
    if v < 0.45:
        return f"Also Read\n{t1}\n{t1}", "heading-dup"
    if v < 0.75:
        t2 = a.teaser() + r.choice(["..", ""])
        return f"Also Read\n{t1}\n{t2}", "heading-two"
    if v < 0.9:
        return f"Also Read\n{t1}", "heading-one"
    return f"Also Read:\n\n{t1}", "heading-colon-para"


def _quoted(a, h):
    return f"\u2018{h}\u2019" if a.rng.random() < 0.1 else h


def mk_also_read_inline(a):
    r = a.rng
    h = _quoted(a, a.teaser())
    form = r.choice(["ALSO READ: ", "ALSO READ | ", "Also Read:", "Also Read: ", "Also Read | ",
                     "Also Read |\u00a0", "ALSO READ:"])
    return form + h, form.strip().replace("\u00a0", "nbsp")


def mk_also_read_paren(a):
    form = a.rng.choice(["(ALSO READ: ", "(ALSO READ | ", "(Also Read: "])
    return f"{form}{a.teaser()})", form.strip()


def mk_read_more(a):
    form = a.rng.choice(["Read more: ", "Read more: ", "READ MORE: ", "Read more:"])
    return form + a.teaser(), form.strip()


def mk_whatsapp(a, profile):
    if profile == "summary" and a.rng.random() < 0.3:
        return W.WHATSAPP_LOST_QUOTE
    return a.rng.choice(W.WHATSAPP)


def mk_follow_us(a):
    return a.fill(a.rng.choice(W.FOLLOW_US)), "follow-us"


def mk_subscribe(a):
    return a.fill(a.rng.choice(W.SUBSCRIBE)), "subscribe"


def mk_promo(a):
    t, v = a.rng.choice(W.PROMO)
    return a.fill(t), v


def mk_instagram(a):
    r = a.rng
    who = a.name()
    h = a.handle()
    when = f"{r.choice(W.MONTHS_SHORT)} {r.randint(1, 28)}, {a.year}"
    if r.random() < 0.7:
        when += f" at {r.randint(1, 12)}:{r.randint(0, 59):02d}{r.choice(['am', 'pm'])} {r.choice(['PDT', 'PST', 'IST'])}"
        return f"A post shared by {who} (@{h}) on {when}", "with-time"
    return f"A post shared by {who} (@{h}) on {when}", "date-only"


def _tweet_id(r):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(r.choice(alphabet) for _ in range(10))


def mk_tweet(a):
    r = a.rng
    link = f"pic.twitter.com/{_tweet_id(r)}"
    if r.random() < 0.5:
        return link, "bare-link"
    who = a.name()
    when = f"{r.choice(W.MONTHS)} {r.randint(1, 28)}, {a.year}"
    return f"{link} \u2014 {who} (@{a.handle()}) {when}", "embed-attribution"


def mk_embed_leadin(a):
    t = a.rng.choice(W.EMBED_LEADINS)
    return t, t


# --- profiles ------------------------------------------------------------------------------------
# Each profile: layout and, per style, (probability of at least one, max count, placements).
PROFILES = {
    "jagran": {
        "layout": "paras",
        "styles": {
            "dateline": (0.95, 1, ["start"]),
            "posted-by": (0.9, 1, ["last"]),
            "also-read-block": (0.7, 2, ["para"]),
            "embed-leadin": (0.6, 2, ["para", "tail"]),
            "instagram": (0.1, 1, ["para"]),
            "tweet": (0.1, 1, ["tail"]),
        },
    },
    "wire": {
        "layout": "paras",
        "styles": {
            "also-read-inline": (0.6, 2, ["para", "para", "tail"]),
            "also-read-paren": (0.1, 1, ["run-in", "tail"]),
            "read-more": (0.15, 1, ["para", "run-in"]),
            "whatsapp": (0.4, 1, ["tail", "para"]),
            "promo": (0.4, 2, ["para"]),
            "subscribe": (0.3, 1, ["para", "tail"]),
            "follow-us": (0.2, 1, ["para", "end"]),
            "embed-leadin": (0.1, 1, ["para"]),
        },
    },
    "summary": {
        "layout": "blob",
        "styles": {
            "also-read-inline": (0.5, 2, ["run-in"]),
            "also-read-paren": (0.1, 1, ["run-in"]),
            "instagram": (0.25, 2, ["run-in"]),
            "tweet": (0.3, 2, ["run-in", "tail"]),
            "read-more": (0.15, 1, ["run-in"]),
            "whatsapp": (0.1, 1, ["tail"]),
        },
    },
    "clean": {"layout": "paras", "styles": {}},
}
PROFILE_WEIGHTS = [("jagran", 0.35), ("wire", 0.35), ("summary", 0.2), ("clean", 0.1)]


def make_junk(a, style, profile):
    """Return (text, variant, meta_or_None)."""
    if style == "dateline":
        return mk_dateline(a)
    if style == "posted-by":
        return mk_posted_by(a)
    if style == "whatsapp":
        t, v = mk_whatsapp(a, profile)
        return t, v, None
    maker = {
        "also-read-block": mk_also_read_block, "also-read-inline": mk_also_read_inline,
        "also-read-paren": mk_also_read_paren, "read-more": mk_read_more, "follow-us": mk_follow_us,
        "subscribe": mk_subscribe, "promo": mk_promo, "instagram": mk_instagram, "tweet": mk_tweet,
        "embed-leadin": mk_embed_leadin,
    }[style]
    t, v = maker(a)
    return t, v, None


def innocent_item(a):
    before, phrase, after = a.rng.choice(W.INNOCENTS)
    before, phrase, after = a.fill(before), a.fill(phrase), a.fill(after)
    text = before + phrase + after
    return ["I", text, phrase, None, None, None, (len(before), len(before) + len(phrase))]


def build_article(seed, index, styles_filter=None, mix=0.1, innocent_rate=0.5):
    a = Article(seed, index)
    r = a.rng
    x = r.random()
    acc = 0.0
    profile = PROFILE_WEIGHTS[-1][0]
    for name, w in PROFILE_WEIGHTS:
        acc += w
        if x < acc:
            profile = name
            break
    spec = PROFILES[profile]

    # Prose skeleton.
    if spec["layout"] == "blob":
        paras = [[S(a.sentence()) for _ in range(r.randint(8, 24))]]
        if r.random() < 0.15:
            paras.append([S(a.sentence()) for _ in range(r.randint(3, 8))])
    else:
        paras = [[S(a.sentence()) for _ in range(r.randint(2, 5))] for _ in range(r.randint(4, 10))]

    # Innocent look-alikes go into prose first so that junk never splits them.
    n_innocent = 0
    if r.random() < innocent_rate:
        n_innocent = r.randint(1, 2)
    for _ in range(n_innocent):
        p = r.choice(paras)
        p.insert(r.randint(0, len(p)), innocent_item(a))

    # Choose junk: (style, placement).
    chosen = []
    style_table = dict(spec["styles"])
    if profile != "clean" and mix > 0 and r.random() < mix:
        # Borrow one style from another profile so that per-site guards are exercised too.
        other = PROFILES[r.choice(["jagran", "wire", "summary"])]["styles"]
        st = r.choice(sorted(other))
        if st not in ("dateline", "posted-by"):
            style_table.setdefault(st, (1.0, 1, [p for p in other[st][2] if p not in ("start", "last")] or ["para"]))
    for style in sorted(style_table):
        prob, most, places = style_table[style]
        if styles_filter is not None and style not in styles_filter:
            continue
        if r.random() < prob:
            for _ in range(r.randint(1, most)):
                chosen.append((style, r.choice(places)))
    r.shuffle(chosen)

    meta = {"date": None, "location": None, "desk": None, "author": None}
    last_para = None
    end_paras = []
    for style, place in chosen:
        text, variant, m = make_junk(a, style, profile)
        if m:
            meta.update(m)
        if place == "start":
            paras[0].insert(0, J(text, style, variant, "start", before=" ", after=" "))
        elif place == "last":
            last_para = [J(text, style, variant, "last-para")]
        elif place == "end":
            end_paras.append([J(text, style, variant, "end-para")])
        elif place == "para":
            paras.insert(r.randint(1, len(paras)), [J(text, style, variant, "own-para")])
        elif place == "tail":
            cands = [p for p in paras if p and p[-1][0] != "J"]
            if cands:
                r.choice(cands).append(J(text, style, variant, "para-tail", before=" "))
            else:
                paras.append([J(text, style, variant, "own-para")])
        elif place == "run-in":
            # Between two prose items; "Monday.ALSO READ: x The" (no space) or with a space.
            cands = [(pi, k) for pi, p in enumerate(paras) for k in range(1, len(p))
                     if p[k - 1][0] != "J" and p[k][0] != "J"]
            if cands:
                pi, k = r.choice(cands)
                tight = style != "also-read-paren" and r.random() < 0.5
                paras[pi].insert(k, J(text, style, variant, "run-in-tight" if tight else "run-in",
                                      before="" if tight else " ", after=" "))
            else:
                paras.append([J(text, style, variant, "own-para")])
        else:
            raise ValueError(place)
    paras.extend(end_paras)
    if last_para:
        paras.append(last_para)

    # Assemble text and spans.
    pieces = []
    pos = 0
    junk_spans = []
    innocent_spans = []

    def put(s):
        nonlocal pos
        if s:
            pieces.append(s)
            pos += len(s)

    for pi, para in enumerate(paras):
        if pi:
            trail = " " if r.random() < 0.05 else ""
            put(trail + ("\n\n" if spec["layout"] == "paras" or r.random() < 0.7 else "\n"))
        prev_after = None
        for ii, item in enumerate(para):
            kind, text, tag, before, after, variant, extra = item
            if ii == 0:
                sep = before if (before is not None and pi == 0) else ""
            else:
                sep = prev_after if prev_after is not None else (before if before is not None else " ")
            put(sep)
            start = pos
            put(text)
            if kind == "J":
                junk_spans.append({"start": start, "end": pos, "style": tag, "variant": variant,
                                   "placement": extra, "text": text})
            elif kind == "I":
                innocent_spans.append({"start": start + extra[0], "end": start + extra[1], "label": tag,
                                       "text": tag})
            prev_after = after
    text = "".join(pieces)
    domain = r.choice(W.DOMAINS[profile])
    title = a.fill(r.choice(W.TITLES[a.section] + W.TITLES["generic"]))
    title = title[0].upper() + title[1:]
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
    doc_id = f"syn{seed}-{index:07d}"
    url = f"https://{domain}/{a.section}/{slug}-{index}"
    doc = {"id": doc_id, "url": url, "title": title, "text": text}
    truth = {"id": doc_id, "profile": profile, "junk": junk_spans, "innocent": innocent_spans, "meta": meta}
    return doc, truth


# --- verification --------------------------------------------------------------------------------

_STRICT_MARKERS = [
    re.compile(p) for p in [
        r"(?i)also read\s*[:|]", r"(?m)^Also Read$", r"(?i)read more:", r"(?i)now on whatsapp",
        r"(?i)click to join", r"(?i)follow us on", r"(?i)follow us @", r"(?i)^subscribe to|Subscribe to our",
        r"A post shared by", r"pic\.twitter\.com", r"(?i)posted by:", r"(?i)milestone alert",
        r"(?i)click here to know more", r"(?i)watch our", r"(?i)listen to our podcast", r"\bdate \d{4}-\d\d-\d\d",
    ] + [re.escape(t) for t in W.EMBED_LEADINS]
]


def verify_doc(doc, truth, injected=None):
    """Return a list of problems (empty when the truth is consistent with the text)."""
    problems = []
    text = doc["text"]
    if truth["id"] != doc["id"]:
        return [f"id mismatch {doc['id']} vs {truth['id']}"]
    spans = sorted(truth["junk"] + truth["innocent"], key=lambda s: s["start"])
    for s in truth["junk"] + truth["innocent"]:
        got = text[s["start"]:s["end"]]
        if got != s["text"]:
            problems.append(f"{doc['id']}: span {s['start']}:{s['end']} is {got!r}, truth says {s['text']!r}")
        if got != got.strip():
            problems.append(f"{doc['id']}: span {s['start']}:{s['end']} has surrounding whitespace")
    for x, y in zip(spans, spans[1:]):
        if y["start"] < x["end"]:
            problems.append(f"{doc['id']}: spans overlap at {y['start']}")
    if injected is not None and [s["text"] for s in truth["junk"]] != injected:
        problems.append(f"{doc['id']}: junk texts differ from what was injected")
    # Text with junk removed must carry no junk marker (only innocent look-alikes may remain).
    keep = []
    last = 0
    for s in sorted(truth["junk"], key=lambda s: s["start"]):
        keep.append(text[last:s["start"]])
        keep.append("\n")
        last = s["end"]
    keep.append(text[last:])
    rest = "".join(keep)
    for m in _STRICT_MARKERS:
        hit = m.search(rest)
        if hit:
            problems.append(f"{doc['id']}: marker {m.pattern!r} left outside junk spans: {hit.group(0)!r}")
    meta = truth["meta"]
    styles = {s["style"] for s in truth["junk"]}
    if ("dateline" in styles) != (meta["date"] is not None):
        problems.append(f"{doc['id']}: dateline/meta.date disagree")
    if ("posted-by" in styles) != (meta["author"] is not None):
        problems.append(f"{doc['id']}: posted-by/meta.author disagree")
    for s in truth["junk"]:
        if s["style"] == "dateline":
            if not (s["start"] <= 1 and meta["date"] in s["text"] and meta["location"] in s["text"]
                    and s["text"].endswith(meta["desk"] + ":")):
                problems.append(f"{doc['id']}: dateline span does not carry its meta")
        if s["style"] == "posted-by" and not s["text"].endswith(meta["author"]):
            problems.append(f"{doc['id']}: posted-by span does not end with the author")
    return problems


def verify_files(out_path, truth_path, seed, regen=50, **gen_kwargs):
    n = 0
    problems = []
    styles = {}
    with open(out_path, encoding="utf-8") as fo, open(truth_path, encoding="utf-8") as ft:
        for line_o, line_t in zip(fo, ft):
            doc, truth = json.loads(line_o), json.loads(line_t)
            problems += verify_doc(doc, truth)
            if n < regen:
                d2, t2 = build_article(seed, n, **gen_kwargs)
                if d2 != doc or t2 != truth:
                    problems.append(f"{doc['id']}: regenerating with the same seed gives a different article")
            for s in truth["junk"]:
                styles[s["style"]] = styles.get(s["style"], 0) + 1
            n += 1
            if len(problems) > 20:
                break
    return n, problems, styles


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output JSONL ('-' = stdout)")
    ap.add_argument("--truth", help="ground-truth sidecar JSONL (omit for throughput corpora)")
    ap.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--size-mb", type=float, help="generate until the output reaches this many MB (10^6 bytes); overrides --count")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--styles", help="comma-separated junk styles to inject (default all): " + ",".join(STYLES))
    ap.add_argument("--mix", type=float, default=0.1, help="chance an article borrows a style from another site profile (default 0.1)")
    ap.add_argument("--innocent-rate", type=float, default=0.5, help="chance an article gets 1-2 innocent look-alikes (default 0.5)")
    ap.add_argument("--verify", action="store_true", help="after writing, re-read both files and check every span (needs --truth)")
    args = ap.parse_args()

    styles_filter = None
    if args.styles:
        styles_filter = set(s.strip() for s in args.styles.split(",") if s.strip())
        unknown = styles_filter - set(STYLES)
        if unknown:
            ap.error(f"unknown styles: {', '.join(sorted(unknown))}")
    if args.verify and not args.truth:
        ap.error("--verify needs --truth")
    if args.verify and args.out == "-":
        ap.error("--verify needs --out FILE")
    kw = {"styles_filter": styles_filter, "mix": args.mix, "innocent_rate": args.innocent_rate}

    limit_bytes = int(args.size_mb * 1_000_000) if args.size_mb else None
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    tr = open(args.truth, "w", encoding="utf-8") if args.truth else None
    written = 0
    i = 0
    problems = []
    try:
        while (limit_bytes is None and i < args.count) or (limit_bytes is not None and written < limit_bytes):
            doc, truth = build_article(args.seed, i, **kw)
            if args.verify:
                p = verify_doc(doc, truth, injected=[s["text"] for s in truth["junk"]])
                problems += p
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            if tr:
                tr.write(json.dumps(truth, ensure_ascii=False) + "\n")
            i += 1
    finally:
        if out is not sys.stdout:
            out.close()
        if tr:
            tr.close()
    print(f"gen_articles: wrote {i} articles, {written / 1e6:.1f} MB to {args.out}"
          + (f", truth to {args.truth}" if args.truth else ""), file=sys.stderr)

    if args.verify:
        n, p2, styles = verify_files(args.out, args.truth, args.seed, **kw)
        problems += p2
        if n != i:
            problems.append(f"re-read {n} articles, wrote {i}")
        for p in problems[:20]:
            print("verify: " + p, file=sys.stderr)
        print("verify: junk spans per style: " + ", ".join(f"{k}={v}" for k, v in sorted(styles.items())),
              file=sys.stderr)
        missing = (styles_filter or set(STYLES)) - set(styles)
        if missing and i >= 500:
            problems.append("styles never injected: " + ", ".join(sorted(missing)))
            print("verify: " + problems[-1], file=sys.stderr)
        if problems:
            print(f"verify: FAILED ({len(problems)} problems)", file=sys.stderr)
            sys.exit(1)
        print(f"verify: OK ({n} articles, every span matches its injected text)", file=sys.stderr)


if __name__ == "__main__":
    main()
