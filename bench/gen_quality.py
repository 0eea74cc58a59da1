#!/usr/bin/env python3
"""Low-quality web pages (and good controls) for the quality benchmark. Standard library only.

Usage (from the repo root):

    python3 bench/gen_quality.py                          # bench/out/quality_gen.jsonl, 30 per kind
    python3 bench/gen_quality.py --per-kind 50 --seed 7 --out /tmp/q.jsonl
    python3 bench/gen_quality.py --list                   # the kinds and what they contain

Each line is {"id": "gen-<kind>-<n>", "kind": <kind>, "text": ...}. Document n of a kind depends only on
(seed, kind, n), so the same seed always gives the same file. The prose comes from the invented
templates of bench/wordlists.py (via gen_articles.Article); everything else is written here. Nothing is
taken from a real corpus. The output is scratch data: never commit it.

The kinds cover each check of datatrove's Gopher, Gopher-repetition, C4 and FineWeb filters, both
sides of each threshold, and the text shapes where re-implementations tend to differ (line-break
characters other than \\n, trailing blanks, tabs, CRLF, non-Latin scripts, very long tokens).
"""

import argparse
import json
import os
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH_DIR)
from gen_articles import Article  # noqa: E402  (stdlib only)

DEFAULT_OUT = os.path.join(BENCH_DIR, "out", "quality_gen.jsonl")

NAV = ["Home", "News", "India", "World", "Business", "Sports", "Cricket", "Entertainment", "Tech", "Auto",
       "Lifestyle", "Health", "Education", "Videos", "Photos", "Opinion", "Web Stories", "Live TV", "E-Paper",
       "Markets", "Elections", "Astrology", "Jobs", "Trending"]
FOOTER = ["About Us", "Contact Us", "Advertise with Us", "Careers", "Privacy Policy", "Terms of Use",
          "Cookie Policy", "Sitemap", "RSS", "Disclaimer", "Grievance Redressal", "Newsletter"]
NOTICES = [
    "Copyright © {y} Example Media Pvt Ltd. All rights reserved.",
    "This website uses cookies to improve your experience.",
    "By continuing to use this site you agree to our use of cookies.",
    "Subscribe to our newsletter for the latest updates",
    "Download the app for a better experience",
    "Follow us on Facebook, Twitter and Instagram",
    "Sign in to continue reading",
    "Please read our privacy policy and terms of use before you comment.",
    "Advertisement",
    "Loading...",
    "Share this article",
]
JS_NOTICES = [
    "Please enable JavaScript in your browser to view this content.",
    "JavaScript is disabled. Turn on JavaScript to watch the video.",
    "You need to enable javascript to run this app.",
    "This page requires JavaScript to work properly.",
    "Your browser does not support JavaScript, some features will not work.",
]
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip "
         "ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
         "fugiat nulla pariatur.")
SPAM_PHRASES = ["best cheap hotels", "buy now online", "free shipping today", "top deals near you",
                "cheap flight tickets", "discount shoes sale", "download free movies hd"]
HASHTAGS = ["#news", "#breaking", "#india", "#cricket", "#viral", "#trending", "#update", "#mumbai", "#delhi",
            "#election", "#weather", "#sports", "#live", "#budget"]
BAD_SPAM = [  # mild words that are on the LDNOOBW "en" list, in spam-page context
    "Hot singles and escort listings near you, click here.",
    "Watch free porn videos in HD quality now.",
    "Sexy celebrity photos leaked, see the full gallery.",
    "Nude pictures of the actor went viral, sources claimed.",
]
BAD_NEWS = [  # news usage that the word list also catches (datatrove drops these too)
    "The court sentenced the accused to ten years for the rape of a minor.",
    "Police said the suspects ran an escort racket from a rented flat.",
    "The documentary deals with sex education in rural schools.",
    "The team's chances of survival now hang on the last match, the coach said.",
]
# Non-English sentences are built from parts (time, subject, predicate, a number clause) so that an
# article does not repeat itself: the repetition filters should not be what drops it.
FOREIGN = {
    "hindi": (["मंगलवार को", "पिछले सप्ताह", "शुक्रवार शाम", "इस महीने", "आज सुबह", "कल देर रात"],
              ["सरकार ने", "मंत्री ने", "पुलिस ने", "नगर निगम ने", "अदालत ने", "विपक्ष ने", "आयोग ने", "बोर्ड ने"],
              ["नई योजना की घोषणा की।", "मामले की जांच शुरू की।", "अधिकारियों के साथ बैठक की।", "अपनी रिपोर्ट जारी की।",
               "इस फैसले का स्वागत किया।", "लोगों से सहयोग की अपील की।", "बजट में बदलाव का प्रस्ताव रखा।",
               "सड़कों की मरम्मत का आदेश दिया।"],
              "इसमें {n} लोग शामिल हुए।"),
    "korean": (["화요일", "지난주", "금요일 저녁", "이번 달", "오늘 아침", "어젯밤"],
               ["정부는", "장관은", "경찰은", "시청은", "법원은", "야당은", "위원회는", "교육청은"],
               ["새로운 계획을 발표했다.", "사건에 대한 조사를 시작했다.", "관계자들과 회의를 열었다.", "보고서를 공개했다.",
                "이번 결정을 환영했다.", "시민들에게 협조를 요청했다.", "예산 조정안을 제출했다.", "도로 보수를 지시했다."],
               "이 자리에는 {n}명이 참석했다."),
    "spanish": (["El martes", "La semana pasada", "El viernes por la tarde", "Este mes", "Esta mañana", "Anoche"],
                ["el gobierno", "el ministro", "la policía", "el ayuntamiento", "el tribunal", "la oposición",
                 "la comisión", "la junta"],
                ["anunció un nuevo plan.", "abrió una investigación sobre el caso.", "se reunió con los responsables.",
                 "publicó un informe.", "celebró la decisión.", "pidió la colaboración de los vecinos.",
                 "propuso cambios en el presupuesto.", "ordenó reparar las calles."],
                "Asistieron {n} personas."),
    "german": (["Am Dienstag", "Vergangene Woche", "Am Freitagabend", "In diesem Monat", "Heute früh", "Gestern Abend"],
               ["meldete die Regierung:", "erklärte der Minister:", "teilte die Polizei mit:", "hieß es aus dem Rathaus:",
                "entschied das Gericht:", "kritisierte die Opposition:", "berichtete die Kommission:", "sagte der Vorstand:"],
               ["Ein neuer Plan steht.", "Eine Untersuchung läuft.", "Die Verantwortlichen treffen sich bald.",
                "Ein Bericht liegt vor.", "Die Entscheidung wird begrüßt.", "Die Bürger sollen mithelfen.",
                "Der Haushalt wird geändert.", "Die Straßen werden repariert."],
               "Daran nahmen {n} Personen teil."),
    "russian": (["Во вторник", "На прошлой неделе", "В пятницу вечером", "В этом месяце", "Сегодня утром", "Вчера вечером"],
                ["правительство сообщило:", "министр заявил:", "полиция сообщила:", "мэрия объявила:",
                 "суд постановил:", "оппозиция заявила:", "комиссия сообщила:", "совет объявил:"],
                ["новый план готов.", "расследование начато.", "встреча с ответственными состоится.",
                 "доклад опубликован.", "решение одобрено.", "жители должны помочь.", "бюджет будет изменён.",
                 "дороги отремонтируют."],
                "В этом участвовали {n} человек."),
}


def sentences(a, n):
    return [a.sentence() for _ in range(n)]


def paragraphs(a, lo=4, hi=8, slo=2, shi=5):
    r = a.rng
    return [" ".join(sentences(a, r.randint(slo, shi))) for _ in range(r.randint(lo, hi))]


def url(a):
    r = a.rng
    slug = "-".join(a.fill(r.choice(["{TOPIC}", "{L} {TOPIC2}", "{P} {ADJ}"])).lower().split())
    return f"https://www.example-{r.choice(['news', 'daily', 'times', 'post'])}.com/{slug}-{r.randint(1000, 99999)}.html"


# --- kinds -----------------------------------------------------------------------------------------
# Each maker gets an Article (its rng is seeded by seed, kind and index) and returns the text.

def k_good(a):
    """Clean article, paragraphs separated by blank lines (control: all filters should keep it)."""
    return "\n\n".join(paragraphs(a))


def k_good_lines(a):
    """Clean article, one sentence per line, single newlines (control)."""
    return "\n".join(sentences(a, a.rng.randint(12, 30)))


def k_good_blob(a):
    """Clean article as one long line without newlines, like most of news-dev (control)."""
    return " ".join(sentences(a, a.rng.randint(10, 25)))


def k_link_farm(a):
    """Lines of anchor texts and URLs."""
    r = a.rng
    lines = []
    for _ in range(r.randint(15, 60)):
        style = r.random()
        if style < 0.4:
            lines.append(f"{a.teaser()} - {url(a)}")
        elif style < 0.7:
            lines.append(url(a))
        else:
            lines.append(a.teaser())
    return "\n".join(lines)


def k_boilerplate(a):
    """Navigation, footer and notices only."""
    r = a.rng
    parts = [" | ".join(r.sample(NAV, r.randint(6, 14)))]
    parts += r.sample(NOTICES, r.randint(3, 7))
    parts += [r.choice(FOOTER) for _ in range(r.randint(4, 10))]
    parts.append(NOTICES[0].format(y=a.year))
    return "\n".join(p.format(y=a.year) for p in parts)


def k_boilerplate_article(a):
    """A real article wrapped in boilerplate lines (C4 removes the policy lines; should mostly pass)."""
    r = a.rng
    head = [" | ".join(r.sample(NAV, 8))]
    tail = r.sample(NOTICES, 4) + r.sample(FOOTER, 5)
    return "\n".join(head + paragraphs(a, 3, 6) + [t.format(y=a.year) for t in tail])


def k_list(a):
    """Lists: short items, many lines without punctuation."""
    r = a.rng
    title = a.fill("Top {N} {TOPIC} of {YR}")
    marker = r.choice(["", "- ", "• ", "* ", "1. ", "→ "])
    items = []
    for i in range(r.randint(10, 40)):
        item = a.fill(r.choice(["{P}", "{L}", "{FILM}", "{BRAND}", "{TEAM}", "{ADJ} {TOPIC2}", "{N} {ADJ} ideas"]))
        items.append((f"{i + 1}. " if marker == "1. " else marker) + item)
    return title + "\n" + "\n".join(items)


def k_bullets(a):
    """Bullet-heavy page: nearly every line starts with a bullet or a dash (Gopher: > 90%)."""
    r = a.rng
    mark = r.choice(["• ", "- ", "  - ", "\t• ", "-"])
    n = r.randint(8, 30)
    lines = [mark + s for s in sentences(a, n)]
    if r.random() < 0.5:
        lines.insert(0, a.fill("Key points on {TOPIC}:"))
    return "\n".join(lines)


def k_repeated_lines(a):
    """Some lines repeated many times."""
    r = a.rng
    base = sentences(a, r.randint(8, 20))
    rep = r.sample(base, r.randint(1, 3)) + [r.choice(NOTICES).format(y=a.year)]
    out = list(base)
    for _ in range(r.randint(5, 25)):
        out.insert(r.randint(0, len(out)), r.choice(rep))
    return "\n".join(out)


def k_repeated_paragraphs(a):
    """Whole paragraphs repeated (a page scraped twice, pagination repeats)."""
    r = a.rng
    paras = paragraphs(a, 3, 6)
    out = paras + [r.choice(paras) for _ in range(r.randint(2, 6))]
    r.shuffle(out)
    return "\n\n".join(out)


def k_repeated_ngrams(a):
    """SEO spam: one phrase repeated within running text (top n-gram and duplicate n-gram checks)."""
    r = a.rng
    phrase = r.choice(SPAM_PHRASES)
    words = []
    for _ in range(r.randint(20, 60)):
        if r.random() < 0.5:
            words += phrase.split()
        else:
            words += a.sentence().split()
    return " ".join(words)


def k_near_duplicate_text(a):
    """Article whose second half repeats the first with small edits (duplicate 5..10-gram fractions)."""
    r = a.rng
    first = sentences(a, r.randint(6, 12))
    second = [s.replace(" the ", " a ", 1) if r.random() < 0.4 else s for s in first]
    return " ".join(first) + "\n\n" + " ".join(second)


def k_lorem_ipsum(a):
    """Lorem ipsum in an otherwise fine page, or as the whole page."""
    r = a.rng
    paras = paragraphs(a, 2, 5)
    if r.random() < 0.5:
        return LOREM + "\n\n" + LOREM
    paras.insert(r.randint(0, len(paras)), LOREM.replace("Lorem", r.choice(["Lorem", "lorem", "LOREM"])))
    return "\n\n".join(paras)


def k_javascript(a):
    """Javascript notices: alone, or as lines inside an article (C4 removes those lines)."""
    r = a.rng
    if r.random() < 0.35:
        return "\n".join(r.sample(JS_NOTICES, r.randint(1, 3)))
    lines = sentences(a, r.randint(6, 15))
    for _ in range(r.randint(1, 3)):
        lines.insert(r.randint(0, len(lines)), r.choice(JS_NOTICES))
    return "\n".join(lines)


def k_too_short(a):
    """One to four sentences, or a headline only."""
    r = a.rng
    if r.random() < 0.3:
        return a.teaser()
    return " ".join(sentences(a, r.randint(1, 4)))


def k_symbols(a):
    """Hashtag- and ellipsis-heavy posts (Gopher symbol-to-word ratio)."""
    r = a.rng
    text = " ".join(sentences(a, r.randint(2, 6)))
    if r.random() < 0.6:
        tags = " ".join(r.choice(HASHTAGS) for _ in range(r.randint(5, 40)))
        return text + "\n" + tags
    bits = []
    for s in sentences(a, r.randint(5, 15)):
        bits.append(s.rstrip(".") + r.choice(["...", "…", "... ", ".... ", " ..."]))
    return " ".join(bits)


def k_ellipsis_lines(a):
    """Teaser lists whose lines end with an ellipsis (Gopher: > 30% of lines)."""
    r = a.rng
    lines = []
    for _ in range(r.randint(6, 25)):
        s = a.sentence()
        if r.random() < 0.7:
            words = s.split()
            s = " ".join(words[: max(3, len(words) // 2)]) + r.choice(["...", "…", " ...", "...  "])
        lines.append(s)
    return "\n".join(lines)


def k_curly(a):
    """Code or template leftovers with curly braces in a full sentence line (C4 drops the page)."""
    r = a.rng
    lines = sentences(a, r.randint(6, 12))
    code = r.choice(["var config = {autoplay: true, muted: false};",
                     "The template printed {{ article.title }} instead of the headline.",
                     "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
                     "The error said {\"status\": 404, \"message\": \"not found\"}."])
    lines.insert(r.randint(0, len(lines)), code)
    return "\n".join(lines)


def k_policy(a):
    """Articles with cookie and policy lines between paragraphs."""
    r = a.rng
    lines = sentences(a, r.randint(8, 16))
    for _ in range(r.randint(1, 4)):
        lines.insert(r.randint(0, len(lines)), r.choice(NOTICES[1:3] + [NOTICES[6]]))
    return "\n".join(lines)


def k_badwords(a):
    """Spam pages and news sentences with words from the LDNOOBW list."""
    r = a.rng
    lines = sentences(a, r.randint(5, 12))
    extra = BAD_SPAM if r.random() < 0.5 else BAD_NEWS
    lines.insert(r.randint(0, len(lines)), r.choice(extra))
    return " ".join(lines) if r.random() < 0.5 else "\n".join(lines)


def k_citations(a):
    """Wikipedia-style citation marks and one very long token (C4: citations removed, > 1000-char word)."""
    r = a.rng
    lines = []
    for s in sentences(a, r.randint(6, 12)):
        if r.random() < 0.5:
            s = s + r.choice(["[1]", "[12]", "[edit]", "[citation needed]", "[]"])
        lines.append(s)
    if r.random() < 0.4:
        lines.insert(r.randint(0, len(lines)), "Hash: " + "".join(r.choice("abcdef0123456789") for _ in range(1200)) + " end.")
    return "\n".join(lines)


def k_short_lines(a):
    """Many short lines (FineWeb: lines of <= 30 characters) and lines without end punctuation."""
    r = a.rng
    lines = []
    for _ in range(r.randint(10, 40)):
        x = r.random()
        if x < 0.5:
            lines.append(a.fill(r.choice(["{P}", "{L}, {DATE}", "{N} comments", "{ADJ} news", "{DAY}"])))
        elif x < 0.8:
            lines.append(a.sentence())
        else:
            lines.append(a.teaser())
    return "\n".join(lines)


def k_whitespace(a):
    """Line-break variants: CRLF, lone CR, form feed, U+2028, U+0085, tabs, trailing blanks, blank lines
    with spaces (splitlines() and split('\\n') disagree on these)."""
    r = a.rng
    seps = ["\r\n", "\r", "\x0c", "\u2028", "\u0085", "\n \n", "\n\t\n", " \n", "\n\n\n", "\x0b", "\x1e", "\u2029"]
    out = []
    for s in sentences(a, r.randint(8, 20)):
        out.append(s + ("\t" if r.random() < 0.1 else ""))
        out.append(r.choice(seps) if r.random() < 0.5 else "\n")
    return "".join(out)


def k_foreign(a):
    """Non-English articles (Hindi, Korean, Spanish, German, Russian): few or no English stop words."""
    r = a.rng
    lang = r.choice(sorted(FOREIGN))
    times, subjects, predicates, extra = FOREIGN[lang]
    preds = r.sample(predicates, len(predicates))  # each predicate once: no repeated n-grams
    paras, k = [], 0
    while k < len(preds):
        sents = []
        for _ in range(r.randint(2, 3)):
            if k == len(preds):
                break
            sent = f"{r.choice(times)} {r.choice(subjects)} {preds[k]}"
            k += 1
            if r.random() < 0.5:
                sent += " " + extra.format(n=r.randint(12, 4000))
            sents.append(sent)
        paras.append(" ".join(sents))
    if r.random() < 0.3:  # a code-switched sentence
        paras.insert(1, a.sentence())
    return "\n\n".join(paras)


def k_numbers(a):
    """Score cards and tables: numbers, money, percentages (alphabetic-word ratio, mean word length)."""
    r = a.rng
    lines = [a.fill("{TEAM} vs {TEAM2}, {DATE}")]
    for _ in range(r.randint(8, 30)):
        lines.append(f"{r.randint(1, 99)} {r.randint(0, 500)} {r.randint(0, 99)}.{r.randint(0, 9)} "
                     f"{r.randint(1, 9)},{r.randint(100, 999)}.{r.randint(10, 99)} {r.randint(0, 100)}%")
    return "\n".join(lines)


def k_edge(a):
    """Degenerate texts: empty, blank, punctuation only, one long word, emoji, a single number."""
    r = a.rng
    return r.choice(["", " ", "\n\n", "...", "#", "!!!", "- - -", "•\n•\n•", "a" * 1500, "🙂🙂🙂", "1,000.50",
                     "Hello.", "\u200b", "\t\t", "....\n....", "{}", "– — …"])


KINDS = {
    "good": k_good, "good_lines": k_good_lines, "good_blob": k_good_blob,
    "link_farm": k_link_farm, "boilerplate": k_boilerplate, "boilerplate_article": k_boilerplate_article,
    "list": k_list, "bullets": k_bullets, "repeated_lines": k_repeated_lines,
    "repeated_paragraphs": k_repeated_paragraphs, "repeated_ngrams": k_repeated_ngrams,
    "near_duplicate_text": k_near_duplicate_text, "lorem_ipsum": k_lorem_ipsum, "javascript": k_javascript,
    "too_short": k_too_short, "symbols": k_symbols, "ellipsis_lines": k_ellipsis_lines, "curly": k_curly,
    "policy": k_policy, "badwords": k_badwords, "citations": k_citations, "short_lines": k_short_lines,
    "whitespace": k_whitespace, "foreign": k_foreign, "numbers": k_numbers, "edge": k_edge,
}


def generate(seed, per_kind):
    for kind, maker in KINDS.items():
        for i in range(per_kind):
            # Article(seed, index) seeds its rng from the pair; the kind goes into the index string.
            a = Article(seed, f"quality:{kind}:{i}")
            yield {"id": f"gen-{kind}-{i:03d}", "kind": kind, "text": maker(a)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-kind", type=int, default=30, help="documents per kind (default 30)")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output JSONL (default {DEFAULT_OUT})")
    ap.add_argument("--list", action="store_true", help="print the kinds and exit")
    args = ap.parse_args()
    if args.list:
        for kind, maker in KINDS.items():
            print(f"{kind:22} {maker.__doc__.splitlines()[0]}")
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for doc in generate(args.seed, args.per_kind):
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n += 1
    print(f"gen_quality: wrote {n} documents ({len(KINDS)} kinds x {args.per_kind}) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
