#!/usr/bin/env python3
"""Synthetic news articles with PII and profanity at known positions, for bench/moderation_bench.py.

Usage (from the repo root):

    python3 bench/gen_moderation.py --count 2000 --seed 1 --out bench/out/mod-seed1.jsonl --verify
    python3 bench/gen_moderation.py --count 2000 --seed 2 --out bench/out/mod-seed2.jsonl   # held out

Writes two files:
  * --out FILE            one {"id", "url", "title", "text"} per line: what the tools read;
  * FILE with .truth.jsonl one {"id", "truth": [...], "negatives": [...]} per line.

A truth item is {"type", "start", "end", "variant", "text"}; a negative (a hard negative: something
that looks like PII or profanity and is not) is {"kind", "start", "end", "text"}. "ignore" holds
{"ignore", "start", "end", "text"} spans that are neither: public role addresses of organisations
(info@, press@...), which a PII tool may report or allow-list; a scorer should not count predictions
there. Offsets are half-open and count Unicode code points into "text". The title never holds an item.

Types: email, phone, card, aadhaar, pan, ipv4, ipv6, pin, profanity. Variants say how an item is
written (phone "in-mobile-plus91-spaced", card "visa-dashed", profanity "leet"...), so that a report
can say which forms a tool misses. Hard negatives: Luhn-invalid card look-alikes, Verhoeff-invalid
Aadhaar look-alikes, order and reference numbers, dates, clause/section numbers such as "7.2.7.9",
software versions, times, PNR numbers, PAN-shaped codes with an impossible fourth letter, social
handles, six-digit numbers that are not after an address word, and words such as Scunthorpe,
assassin, class, Essex, cocktail, Dikshit or Phuket that contain a rude substring.

Document i depends only on (seed, i): the same seed always gives the same set, and a larger --count
only appends documents. Everything is invented (names and places come from bench/wordlists.py);
card, Aadhaar and PAN numbers are random numbers made to pass (or fail) the check digits, and
phone numbers are random digits in the documented formats. Standard library only.
"""

import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wordlists as W  # noqa: E402  (invented names, places and filler sentences)

TYPES = ["email", "phone", "card", "aadhaar", "pan", "ipv4", "ipv6", "pin", "profanity"]

# ---------------------------------------------------------------------------------------------
# check digits

_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(digits):
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_check_digit(digits):
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def luhn_valid(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_check_digit(digits):
    for d in "0123456789":
        if luhn_valid(digits + d):
            return d
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------
# items: each returns (text, variant)

def rand_digits(r, n, first="0123456789"):
    return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))


EMAIL_USERS = ["{f}.{l}", "{f}{n}", "{f}_{l}", "{fi}{l}", "{f}.{l}{n}", "{f}+news", "{l}.{f}", "{f}-{l}"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com", "{org}.in", "{org}.gov.in",
                 "{org}.co.in", "mail.{org}.org", "{org}.com", "proton.me", "{org}.ac.in"]
# An organisation's public role address is not personal data: it is neither truth nor a hard negative
# but an "ignore" span, where no tool's prediction counts either way.
ROLE_USERS = ["info", "press", "helpdesk", "grievance.cell", "media", "contact"]
ROLE_DOMAINS = ["{org}.in", "{org}.gov.in", "{org}.co.in", "{org}.com", "{org}.org"]


def slug(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def gen_email(r):
    """(address, variant); variant "public-contact" marks a role address of an organisation."""
    f, l = slug(r.choice(W.FIRST_NAMES)), slug(r.choice(W.LAST_NAMES))
    org = slug(r.choice(W.PLACES))[:10]
    if r.random() < 0.15:
        return f"{r.choice(ROLE_USERS)}@{r.choice(ROLE_DOMAINS).format(org=org)}", "public-contact"
    user = r.choice(EMAIL_USERS).format(f=f, l=l, fi=f[0], n=r.randint(1, 99))
    dom = r.choice(EMAIL_DOMAINS).format(org=org)
    text = f"{user}@{dom}"
    if r.random() < 0.1:
        text = text.upper() if r.random() < 0.3 else text[0].upper() + text[1:]
    variant = "plus-tag" if "+" in user else "government" if dom.endswith(".gov.in") else "personal"
    return text, variant


def mobile10(r):
    return rand_digits(r, 10, "6789")


def gen_phone(r):
    m = mobile10(r)
    kind = r.choice(["in-mobile-plus91-spaced", "in-mobile-plus91-dash", "in-mobile-plus91-plain",
                     "in-mobile-0", "in-mobile-5-5", "in-mobile-4-3-3", "in-mobile-plain",
                     "in-landline-dash", "in-landline-plain", "in-landline-paren", "in-landline-plus91",
                     "e164-us", "e164-uk", "e164-spaced", "in-mobile-plus91-5-5"])
    if kind == "in-mobile-plus91-spaced":
        return f"+91 {m}", kind
    if kind == "in-mobile-plus91-5-5":
        return f"+91 {m[:5]} {m[5:]}", kind
    if kind == "in-mobile-plus91-dash":
        return f"+91-{m}", kind
    if kind == "in-mobile-plus91-plain":
        return f"+91{m}", kind
    if kind == "in-mobile-0":
        return f"0{m}", kind
    if kind == "in-mobile-5-5":
        return f"{m[:5]}-{m[5:]}" if r.random() < 0.5 else f"{m[:5]} {m[5:]}", kind
    if kind == "in-mobile-4-3-3":
        return f"{m[:4]}-{m[4:7]}-{m[7:]}", kind
    if kind == "in-mobile-plain":
        return m, kind
    # landlines: STD code + subscriber number, 10 digits in all after the 0
    std, rest = r.choice([("11", 8), ("22", 8), ("33", 8), ("44", 8), ("80", 8), ("40", 8), ("20", 8),
                          ("522", 7), ("141", 7), ("484", 7), ("172", 7)])
    sub = rand_digits(r, rest, "23456")
    split = 4 if rest == 8 else 3
    if kind == "in-landline-dash":
        return f"0{std}-{sub[:split]} {sub[split:]}" if r.random() < 0.6 else f"0{std}-{sub}", kind
    if kind == "in-landline-plain":
        return f"0{std} {sub}", kind
    if kind == "in-landline-paren":
        return f"(0{std}) {sub[:split]} {sub[split:]}", kind
    if kind == "in-landline-plus91":
        return f"+91 {std} {sub[:split]} {sub[split:]}", kind
    if kind == "e164-us":
        area = r.choice(["415", "212", "646", "312", "206", "617"])
        return f"+1{area}{rand_digits(r, 3, '23456789')}{rand_digits(r, 4)}", kind
    if kind == "e164-uk":
        return f"+44{r.choice(['20', '161', '121'])}{rand_digits(r, 7, '3456789')}"[:13], kind
    # e164-spaced: other countries, grouped with spaces
    cc, groups = r.choice([("+971", [2, 3, 4]), ("+65", [4, 4]), ("+44", [2, 4, 4]), ("+61", [1, 4, 4]),
                           ("+1", [3, 3, 4])])
    parts = [rand_digits(r, g, "23456789" if i == 0 else "0123456789") for i, g in enumerate(groups)]
    return cc + " " + " ".join(parts), kind


CARD_KINDS = [("visa", ["4"], 16), ("mastercard", ["51", "52", "53", "54", "55", "2221", "2720"], 16),
              ("amex", ["34", "37"], 15), ("rupay", ["60", "65", "81", "82", "508"], 16)]


def card_number(r, valid):
    name, prefixes, length = r.choice(CARD_KINDS)
    p = r.choice(prefixes)
    body = p + rand_digits(r, length - len(p) - 1)
    check = luhn_check_digit(body)
    if not valid:
        check = r.choice([d for d in "0123456789" if d != check])
    return name, body + check


def group_card(r, digits):
    style = r.choice(["spaced", "dashed", "plain"])
    if len(digits) == 15:
        groups = [digits[:4], digits[4:10], digits[10:]]
    else:
        groups = [digits[i:i + 4] for i in range(0, 16, 4)]
    sep = {"spaced": " ", "dashed": "-", "plain": ""}[style]
    return sep.join(groups), style


def gen_card(r):
    name, digits = card_number(r, True)
    text, style = group_card(r, digits)
    return text, f"{name}-{style}"


def aadhaar_number(r, valid):
    while True:
        body = rand_digits(r, 11, "23456789")
        if body.startswith("91"):
            continue  # would also read as +91 followed by a mobile number
        check = verhoeff_check_digit(body)
        if not valid:
            check = r.choice([d for d in "0123456789" if d != check])
        return body + check


def group_aadhaar(r, digits):
    style = r.choices(["spaced", "plain", "dashed"], [5, 3, 1])[0]
    sep = {"spaced": " ", "plain": "", "dashed": "-"}[style]
    return sep.join([digits[:4], digits[4:8], digits[8:]]), style


def gen_aadhaar(r):
    return group_aadhaar(r, aadhaar_number(r, True))


PAN_HOLDER = "PCHFATBLJG"   # fourth character: P person, C company, H HUF, F firm, A AOP, T trust ...
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gen_pan(r, valid=True):
    fourth = r.choice(PAN_HOLDER) if valid else r.choice([c for c in LETTERS if c not in PAN_HOLDER + "ABCFGHLJPT"])
    first3 = "".join(r.choice(LETTERS) for _ in range(3))
    return f"{first3}{fourth}{r.choice(LETTERS)}{rand_digits(r, 4)}{r.choice(LETTERS)}", "person" if fourth == "P" else "entity"


def gen_ipv4(r):
    kind = r.choice(["public", "private", "cgnat"])
    if kind == "private":
        a = r.choice([f"10.{r.randint(0, 255)}", f"192.168", f"172.{r.randint(16, 31)}"])
        return f"{a}.{r.randint(0, 255)}.{r.randint(1, 254)}", kind
    if kind == "cgnat":
        return f"100.{r.randint(64, 127)}.{r.randint(0, 255)}.{r.randint(1, 254)}", kind
    return f"{r.choice([49, 103, 117, 182, 203, 157, 14, 59, 223])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}", kind


def gen_ipv6(r):
    groups = [r.choice(["2001", "2405", "2409", "2401", "fe80", "2a02"])] + [f"{r.randint(0, 0xffff):x}" for _ in range(7)]
    kind = r.choice(["full", "compressed", "leading-zeros", "upper"])
    if kind == "full":
        return ":".join(groups), kind
    if kind == "leading-zeros":
        return ":".join(g.zfill(4) for g in groups), kind
    if kind == "upper":
        return ":".join(groups).upper(), kind
    i = r.randint(1, 5)
    j = r.randint(i + 1, 7)
    return ":".join(groups[:i]) + "::" + ":".join(groups[j:]), kind


CITIES_PIN = [("New Delhi", "11"), ("Mumbai", "40"), ("Bengaluru", "56"), ("Chennai", "60"), ("Kolkata", "70"),
              ("Hyderabad", "50"), ("Lucknow", "22"), ("Jaipur", "30"), ("Pune", "41"), ("Kochi", "68"),
              ("Bhopal", "46"), ("Patna", "80"), ("Guwahati", "78"), ("Chandigarh", "16")]
STREETS = ["MG Road", "Station Road", "Sector {n}", "Ward No. {n}", "Plot No. {n}, Industrial Area",
           "{n}, Nehru Nagar", "Block {c}, Civil Lines", "{n}/{n2}, Gandhi Marg", "Near Bus Stand, Main Bazaar",
           "Flat {n}, {pl} Apartments", "Room {n}, Collectorate Building"]


def gen_pin(r):
    """An address ending in a PIN code. Returns (address, (pin_start, pin_end) within it, variant)."""
    city, prefix = r.choice(CITIES_PIN)
    pin = prefix + rand_digits(r, 4)
    street = r.choice(STREETS).format(n=r.randint(1, 120), n2=r.randint(1, 40), c=r.choice("ABCDEFGH"),
                                      pl=r.choice(W.PLACES))
    kind = r.choice(["city-space", "city-dash", "pin-colon", "pincode", "state-space", "city-comma"])
    state = r.choice(["Uttar Pradesh", "Maharashtra", "Karnataka", "Tamil Nadu", "West Bengal", "Rajasthan"])
    lead = {"city-space": f"{street}, {city} ", "city-dash": f"{street}, {city} - ",
            "pin-colon": f"{street}, {city}, PIN: ", "pincode": f"{street}, {city}, Pincode ",
            "state-space": f"{street}, {city}, {state} ", "city-comma": f"{street}, {city}-"}[kind]
    return lead + pin, (len(lead), len(lead) + 6), kind


# profanity: the base words and how they get disguised
PROFANITY = ["fuck", "fucking", "shit", "bullshit", "bitch", "bastard", "asshole", "dickhead", "motherfucker",
             "cunt", "wanker", "whore", "slut", "prick", "bollocks", "twat", "jackass", "shithead"]
HINGLISH = ["chutiya", "madarchod", "behenchod", "bhosdike", "gandu", "bhenchod"]
LEET = {"a": ["@", "4"], "i": ["1", "!"], "e": ["3"], "o": ["0"], "s": ["$", "5"], "t": ["7"], "u": ["v"]}


def obfuscate(r, word, how):
    if how == "plain":
        return r.choice([word, word.capitalize(), word.upper()])
    if how == "leet":
        idx = [i for i, c in enumerate(word) if c in LEET]
        picks = r.sample(idx, min(len(idx), r.randint(1, 2)))
        return "".join(r.choice(LEET[c]) if i in picks else c for i, c in enumerate(word))
    if how == "separators":
        sep = r.choice([".", " ", "-", "_", "*"])
        w = word if len(word) <= 7 else word[:7]  # f.u.c.k.i.n.g at most; longer words are not spelled out
        if w != word:
            w = r.choice([x for x in PROFANITY if len(x) <= 6])
        out = sep.join(w)
        return out.upper() if r.random() < 0.3 else out
    if how == "repeats":
        idx = [i for i, c in enumerate(word) if c in "aeiouhk"] or [1]
        i = r.choice(idx)
        return word[:i] + word[i] * r.randint(3, 6) + word[i + 1:]
    if how == "mask":
        inner = list(range(1, len(word) - 1))
        if len(word) <= 4:
            picks = inner if r.random() < 0.6 else [r.choice(inner)]
        else:
            picks = r.sample(inner, r.randint(1, min(3, len(inner))))
        ch = r.choice(["*", "*", "*", "#"])
        return "".join(ch if i in picks else c for i, c in enumerate(word))
    raise ValueError(how)


def gen_profanity(r):
    if r.random() < 0.1:
        return r.choice([lambda w: w, str.capitalize])(r.choice(HINGLISH)), "hinglish"
    how = r.choices(["plain", "leet", "separators", "repeats", "mask"], [3, 2, 2, 2, 2])[0]
    return obfuscate(r, r.choice(PROFANITY), how), how


# ---------------------------------------------------------------------------------------------
# sentence templates: {X} is the item, other slots are filler

TEMPLATES = {
    "email": [
        "For queries, readers can write to {X}.",
        "The complaint was sent from {X}, the police said.",
        "Entries must reach {X} before {DATE}.",
        "{P} can be reached at {X} for comment.",
        "The fraudsters used the address {X} to contact their victims.",
        "Applicants were asked to mail their documents to {X} (not by post).",
        "In the leaked sheet, {P2}'s personal address, {X}, appeared next to her phone number.",
        "Email: {X}",
    ],
    "phone": [
        "Residents can call the helpline on {X} for assistance.",
        "The accused allegedly called the victim from {X} several times.",
        "For bookings, contact {X}.",
        "{P}'s number, {X}, was found in the call records.",
        "Call {X} or visit the office between 10 am and 5 pm.",
        "The control room in {L} can be reached at {X}.",
        "Tel: {X}",
        "Anyone with information may call {P2} on {X}, police said.",
        "The caller, who used the number {X}, posed as a bank official.",
    ],
    "card": [
        "The accused used the card number {X} to make purchases worth {AMT}.",
        "Police said a debit card, {X}, was recovered from the car.",
        "The screenshot showed the full card number, {X}, and the expiry date.",
        "Transactions on {X} were blocked by the bank on {DAY}.",
        "The victim had shared {X} with the caller, who then withdrew the money.",
        "A credit card bearing the number {X} was seized at {L} airport.",
    ],
    "aadhaar": [
        "His Aadhaar number {X} was misused to open a bank account.",
        "The form listed the Aadhaar {X} of the applicant.",
        "The ID, {X}, was linked to {N} SIM cards, investigators said.",
        "A photocopy bearing the number {X} was found at the spot.",
        "The UIDAI was asked to lock Aadhaar no. {X} after the leak.",
        "Her identity number {X} had been printed on the ration card.",
    ],
    "pan": [
        "The PAN {X} was used to file returns for {N} years.",
        "Investigators traced the PAN card {X} to a shell company in {L}.",
        "The firm's permanent account number, {X}, appears in the filing.",
        "Documents bearing {X} were seized during the raid.",
        "He quoted {X} while buying the property, the tax department said.",
    ],
    "ipv4": [
        "The emails were traced to the IP address {X}.",
        "Logs showed repeated logins from {X} on {DAY}.",
        "The attack came from a server at {X}, the CERT team said.",
        "Traffic to the portal was rerouted through {X} during the outage.",
        "The router at {X} had been left with its default password.",
    ],
    "ipv6": [
        "The emails were traced to the IPv6 address {X}.",
        "Logs showed repeated logins from {X} on {DAY}.",
        "The requests came from {X}, a block registered to a hosting firm.",
        "The device was reachable at {X} from outside the network.",
    ],
    "pin": [
        "The office is at {X}.",
        "Applications may be sent to the Registrar, {X}.",
        "The shop, located at {X}, was sealed on {DAY}.",
        "Address: {X}",
        "The accused lived at {X}, police said.",
    ],
    "profanity": [
        "In the video, the man can be heard shouting \u201c{X}\u201d at the conductor.",
        "The post, which called the minister a \"{X}\", was later deleted.",
        "One reply to the post simply read: \"you absolute {X}, resign now\".",
        "The lyrics, including the line \"{X} the system\", drew complaints.",
        "\"Get out, you {X}!\" the passenger yelled, according to witnesses.",
        "Fans were quick to point out that the word {X} had been left in the caption.",
        "The audio clip, in which {P} says \"what the {X} is this\", went viral on {DAY}.",
        "Several comments, such as \"{X} off\", were removed by moderators.",
        "The MLA later apologised for calling a reporter a {X} on camera.",
        "A banner reading \u201c{X} the police\u201d was taken down within an hour.",
        "The clip shows {P2} muttering {X} under his breath before walking out.",
    ],
}

# Held-out templates (--templates heldout): other wording and punctuation around the same items, for
# a check that a detector was not fitted to the sentences above: items in parentheses, before commas,
# semicolons and colons, at the end of a line, in lists, after slashes.
HELDOUT_TEMPLATES = {
    "email": [
        "Contact: {P} ({X}); office hours 10-5.",
        "Tips may be sent to {X}; the sender's identity will be protected.",
        "The two addresses, {X} and another on a free service, were blocked on {DAY}.",
        "Write in at {X}\nor post your letter to the district office.",
        "Complaints (by email to {X}) rose by {N} per cent, the report said.",
    ],
    "phone": [
        "Helpline numbers: {X}, and a toll-free line for senior citizens.",
        "Mob. {X} / landline after 6 pm.",
        "The SIM card ({X}) was registered in another name.",
        "He gave his number as {X}; it was switched off.",
        "WhatsApp at {X}\nfor updates on the relief camps.",
    ],
    "card": [
        "Card no. {X} (blocked) was used at a fuel pump in {L}.",
        "The details of the card, {X}; expiry 09/28, were posted online.",
        "Two cards - {X} and a second one - were cloned at the ATM.",
    ],
    "aadhaar": [
        "UID: {X}; name and address blurred in the copy.",
        "The enrolment (Aadhaar {X}) was cancelled on {DATE}.",
        "Numbers such as {X}, printed on the forms, were visible to everyone.",
    ],
    "pan": [
        "PAN: {X}; assessment year {YR}-{N}.",
        "The director (PAN {X}) did not appear before the officers.",
        "Returns filed under {X}, the department said, did not match the bank records.",
    ],
    "ipv4": [
        "Source IP: {X}; destination: the state portal.",
        "The phishing page was hosted on {X}, which has since been taken down.",
        "Requests from {X}\nwere blocked by the firewall.",
    ],
    "ipv6": [
        "Source IP: {X}; destination: the state portal.",
        "The botnet used addresses such as {X}, the advisory said.",
    ],
    "pin": [
        "Venue: {X}\nTime: 11 am.",
        "Send entries to: The Editor, {X}; no phone calls, please.",
        "The raid took place at a godown ({X}) late on {DAY}.",
    ],
    "profanity": [
        "The caption ended with {X} and a string of emojis.",
        "Protesters chanted slogans; one placard read {X}.",
        "He was booked for abusing (\"{X}\") a traffic constable in {L}.",
        "Words like {X}, the board said, will be muted in the broadcast.",
        "The tweet - {X} - has since been deleted.",
    ],
}

# Hard negatives: (kind, template). {X} is the look-alike; its span is recorded under "negatives".
NEGATIVES = {
    "card-luhn-invalid": [
        "The tracking number {X} showed the parcel still in transit.",
        "Reference no. {X} was quoted in the reply.",
        "The fake card number {X} failed the bank's check.",
        "The consignment, numbered {X}, reached {L} on {DAY}.",
    ],
    "aadhaar-verhoeff-invalid": [
        "The receipt, numbered {X}, was produced in court.",
        "Consignment number {X} was held at customs.",
        "The application number {X} was rejected as invalid.",
        "The bill of lading {X} was filed on {DATE}.",
    ],
    "order-number": [
        "Order ID {X} was delivered a week late.",
        "The customer quoted order no. {X} in the complaint.",
        "Invoice {X} was raised on {DATE}.",
    ],
    "pnr": ["The PNR {X} showed a confirmed berth.", "His ticket, PNR {X}, was cancelled."],
    "date": [
        "The notice was dated {X}.",
        "The order issued on {X} was stayed.",
        "The hearing was adjourned to {X}.",
    ],
    "clause": [
        "Under clause {X} of the agreement, the contractor must pay a penalty.",
        "Section {X} of the manual covers fire exits.",
        "See para {X} for the revised rates.",
    ],
    "version": [
        "The app was updated to version {X} on {DAY}.",
        "Users running {X} were asked to update.",
        "The flaw was fixed in build {X}.",
    ],
    "time": ["The blast was recorded at {X} on the station's clock.", "The lap time was {X}."],
    "ratio": ["The seats were shared in the ratio {X}.", "The mix uses cement, sand and gravel in a {X} ratio."],
    "pan-lookalike": ["The part number {X} was listed in the tender.", "The code {X} appeared on the batch."],
    "handle": ["The post by {X} drew {N} replies.", "{X} shared the clip on {DAY}."],
    "six-digit": ["The scheme drew {X} applications.", "Turnout in the constituency was {X} voters.",
                  "The lottery ticket {X} won the first prize."],
    "amount": ["The bill came to Rs {X}.", "The account held Rs {X} at the time."],
    "phone-like-count": ["The state recorded {X} vaccinations by the end of the drive."],
    "word": [
        "{X} has been named the cleanest town in the region.",
        "The {X} was arrested after a chase, police said.",
        "The {X} of {YR} topped the board exams.",
        "The rally was held in {X} on {DAY}.",
        "The menu lists a ginger {X} and a mango lassi.",
        "The film is based on a {X} novel.",
        "{X} said the report would be tabled next week.",
        "Tourists were stranded in {X} after the flights were cancelled.",
        "A plate of {X} mushrooms costs Rs 450 at the stall.",
        "The {X} who treated the patients spoke to reporters.",
        "The data {X} will be published on {DAY}.",
        "The new {X} carries {N} students.",
        "{X} pilots flagged the fault during the climb.",
    ],
}

# look-alike words and the templates they fit (index into NEGATIVES["word"])
HARD_WORDS = [("Scunthorpe", 0), ("Penistone", 0), ("Middlesex", 3), ("Essex", 3), ("Sussex", 3),
              ("assassin", 1), ("class", 2), ("classic", 5), ("cocktail", 4), ("Dickens", 5),
              ("Sheila Dikshit", 6), ("Hitchcock", 5), ("Phuket", 7), ("Assam", 7), ("shiitake", 8),
              ("therapist", 9), ("analysis", 10), ("classroom", 11), ("Cockpit", 12), ("Matsushita", 6),
              ("Shitij Bansal", 6), ("Arsenal", 6)]


def negative_item(r, kind):
    if kind == "card-luhn-invalid":
        return group_card(r, card_number(r, False)[1])[0]
    if kind == "aadhaar-verhoeff-invalid":
        return group_aadhaar(r, aadhaar_number(r, False))[0]
    if kind == "order-number":
        return r.choice([f"{rand_digits(r, 3, '123456789')}-{rand_digits(r, 7)}-{rand_digits(r, 7)}",
                         f"OD{rand_digits(r, 15, '123456789')}", f"INV/{r.randint(2019, 2025)}/{rand_digits(r, 5)}",
                         f"#{rand_digits(r, 8, '12345')}"])
    if kind == "pnr":
        return rand_digits(r, 10, "2345")
    if kind == "date":
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2025)
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{d:02d}-{m:02d}-{y}"])
    if kind == "clause":
        return ".".join(str(r.randint(1, 12)) for _ in range(r.choice([3, 4, 4])))
    if kind == "version":
        return ".".join(str(x) for x in [r.randint(1, 20), r.randint(0, 30), r.randint(0, 9999), r.randint(0, 99)][:r.choice([3, 4])])
    if kind == "time":
        return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
    if kind == "ratio":
        return ":".join(str(r.randint(1, 9)) for _ in range(3))
    if kind == "pan-lookalike":
        return gen_pan(r, valid=False)[0]
    if kind == "handle":
        return "@" + slug(r.choice(W.FIRST_NAMES)) + r.choice(["", "_official", str(r.randint(1, 99))])
    if kind == "six-digit":
        return rand_digits(r, 6, "123456789")
    if kind == "amount":
        return r.choice([f"{r.randint(1, 9)},{r.randint(10, 99)},{r.randint(100, 999)}",
                         f"{r.randint(1, 99)},{r.randint(10, 99)},{r.randint(10, 99)},{r.randint(100, 999)}"])
    if kind == "phone-like-count":
        return f"{r.randint(1, 9)},{r.randint(10, 99)},{r.randint(10, 99)},{r.randint(100, 999)}"
    raise ValueError(kind)


# ---------------------------------------------------------------------------------------------
# filler prose

_SLOT = re.compile(r"\{([A-Z0-9]+)\}")
DEVANAGARI = ["नमस्ते", "ख़बर", "पुलिस", "शहर", "सरकार"]


class Filler:
    def __init__(self, r):
        self.r = r
        self.person = self.name()
        self.place = r.choice(W.PLACES)

    def name(self):
        return f"{self.r.choice(W.FIRST_NAMES)} {self.r.choice(W.LAST_NAMES)}"

    def slot(self, s):
        r = self.r
        if s == "P":
            return self.person
        if s == "P2":
            return self.name()
        if s == "L":
            return self.place
        if s == "L2":
            return r.choice(W.PLACES)
        if s in ("O", "O2"):
            return r.choice(W.ORGS).replace("{L}", self.place)
        if s == "ROLE":
            return r.choice(W.ROLES)
        if s == "TOPIC":
            return r.choice(r.choice(list(W.TOPICS.values())))
        if s in ("N", "N2"):
            return str(r.randint(2, 40))
        if s == "BIG":
            return f"{r.randint(1, 999):,}"
        if s == "PCT":
            return str(r.randint(5, 90))
        if s == "AMT":
            return r.choice([f"Rs {r.randint(2, 950)} crore", f"Rs {r.randint(1, 99)}.{r.randint(1, 9)} lakh",
                             f"\u20b9{r.randint(2, 99)},{r.randint(100, 999)}"])
        if s == "DAY":
            return r.choice(W.WEEKDAYS)
        if s == "MON":
            return r.choice(W.MONTHS)
        if s == "DATE":
            return f"{r.choice(W.MONTHS)} {r.randint(1, 28)}"
        if s == "YR":
            return str(r.randint(2012, 2025))
        if s == "ADJ":
            return r.choice(W.ADJECTIVES)
        if s == "ADV":
            return r.choice(W.ADVERBS)
        if s == "HOUR":
            return str(r.randint(5, 9))
        raise KeyError(s)

    def fill(self, template, x=None):
        """Fill the slots; returns (text, (x_start, x_end) or None)."""
        out, pos, span = [], 0, None
        for m in _SLOT.finditer(template):
            out.append(template[pos:m.start()])
            if m.group(1) == "X":
                start = sum(len(p) for p in out)
                out.append(x)
                span = (start, start + len(x))
            else:
                out.append(self.slot(m.group(1)))
            pos = m.end()
        out.append(template[pos:])
        return "".join(out), span

    def sentence(self):
        text = self.fill(self.r.choice(W.SENTENCES["generic"]))[0]
        if self.r.random() < 0.03:  # some non-Latin script, so that byte and code-point offsets differ
            text += f" ({self.r.choice(DEVANAGARI)})"
        return text


# ---------------------------------------------------------------------------------------------
# documents

def make_doc(seed, i, rate, templates="dev"):
    key = f"{seed}:{i}" if templates == "dev" else f"{seed}:{templates}:{i}"
    r = random.Random(f"copydesk-moderation:{key}")
    f = Filler(r)
    # What goes in: items by type and hard negatives. About one document in eight is clean.
    planned = []
    if r.random() > 0.12:
        for _ in range(max(1, int(r.expovariate(1 / rate)))):
            planned.append(("item", r.choices(TYPES, [3, 4, 2, 2, 2, 1.5, 1, 1.5, 4])[0]))
        for _ in range(r.randint(0, 4)):
            planned.append(("neg", r.choice(list(NEGATIVES))))
    r.shuffle(planned)
    sentences = [("filler", None) for _ in range(r.randint(4, 9))]
    for p in planned:
        sentences.insert(r.randint(0, len(sentences)), p)
    paras, cur = [], []
    truth, negatives, ignore = [], [], []
    text = ""
    for n, (what, kind) in enumerate(sentences):
        if what == "filler":
            s, spans = f.sentence(), []
        elif what == "item":
            s, spans = item_sentence(r, f, kind, HELDOUT_TEMPLATES if templates == "heldout" else TEMPLATES)
        else:
            s, spans = negative_sentence(r, f, kind)
        if cur:
            s_off = len(text) + 1
            text += " " + s
        else:
            s_off = len(text)
            text += s
        cur.append(s)
        for sp in spans:
            rec = dict(sp)
            rec["start"] += s_off
            rec["end"] += s_off
            rec["text"] = text[rec["start"]:rec["end"]]
            (truth if "type" in rec else ignore if "ignore" in rec else negatives).append(rec)
        if len(cur) >= 3 and r.random() < 0.4 and n + 1 < len(sentences):
            text += "\n\n"
            cur = []
    title = f.fill(r.choice(r.choice(list(W.TITLES.values()))).replace("{TEAM}", f.place + " XI")
                   .replace("{TEAM2}", "the visitors").replace("{FILM}", "the film"))[0]
    doc_id = f"mod{seed}{'h' if templates == 'heldout' else ''}-{i:06d}"
    return ({"id": doc_id, "url": f"https://news.example/{doc_id}", "title": title, "text": text},
            {"id": doc_id, "truth": truth, "negatives": negatives, "ignore": ignore})


def item_sentence(r, f, typ, templates):
    if typ == "pin":
        addr, (ps, pe), variant = gen_pin(r)
        s, span = f.fill(r.choice(templates["pin"]), addr)
        return s, [{"type": "pin", "start": span[0] + ps, "end": span[0] + pe, "variant": variant}]
    x, variant = {"email": gen_email, "phone": gen_phone, "card": gen_card, "aadhaar": gen_aadhaar,
                  "pan": gen_pan, "ipv4": gen_ipv4, "ipv6": gen_ipv6, "profanity": gen_profanity}[typ](r)
    s, span = f.fill(r.choice(templates[typ]), x)
    if variant == "public-contact":
        return s, [{"ignore": variant, "start": span[0], "end": span[1]}]
    return s, [{"type": typ, "start": span[0], "end": span[1], "variant": variant}]


def negative_sentence(r, f, kind):
    if kind == "word":
        x, t = r.choice(HARD_WORDS)
        template = NEGATIVES["word"][t]
    else:
        template, x = r.choice(NEGATIVES[kind]), negative_item(r, kind)
        if kind == "version" and "running" in template:
            x = "v" + x
    s, span = f.fill(template, x)
    return s, [{"kind": kind, "start": span[0], "end": span[1]}]


# ---------------------------------------------------------------------------------------------
# verification

def verify(out_path, truth_path, seed, rate, templates):
    problems = 0
    with open(out_path, encoding="utf-8") as fo, open(truth_path, encoding="utf-8") as ft:
        for n, (lo, lt) in enumerate(zip(fo, ft)):
            doc, tr = json.loads(lo), json.loads(lt)
            text = doc["text"]
            if doc["id"] != tr["id"]:
                print(f"line {n + 1}: id mismatch", file=sys.stderr)
                problems += 1
            spans = sorted([(t["start"], t["end"], "truth") for t in tr["truth"]] +
                           [(t["start"], t["end"], "neg") for t in tr["negatives"] + tr["ignore"]])
            for a, b in zip(spans, spans[1:]):
                if a[1] > b[0]:
                    print(f"{doc['id']}: overlapping spans {a} {b}", file=sys.stderr)
                    problems += 1
            for t in tr["truth"] + tr["negatives"] + tr["ignore"]:
                got = text[t["start"]:t["end"]]
                if got != t["text"] or not got or got != got.strip():
                    print(f"{doc['id']}: span {t} reads {got!r}", file=sys.stderr)
                    problems += 1
                # the characters on either side must not glue the item to a word or number
                before = text[t["start"] - 1] if t["start"] > 0 else " "
                after = text[t["end"]] if t["end"] < len(text) else " "
                if before.isalnum() or after.isalnum():
                    print(f"{doc['id']}: span {t} is glued to {before!r}/{after!r}", file=sys.stderr)
                    problems += 1
                if t.get("type") == "card" and not luhn_valid(re.sub(r"\D", "", got)):
                    print(f"{doc['id']}: card {got} fails Luhn", file=sys.stderr)
                    problems += 1
                if t.get("type") == "aadhaar" and not verhoeff_valid(re.sub(r"\D", "", got)):
                    print(f"{doc['id']}: aadhaar {got} fails Verhoeff", file=sys.stderr)
                    problems += 1
                if t.get("kind") == "card-luhn-invalid" and luhn_valid(re.sub(r"\D", "", got)):
                    print(f"{doc['id']}: negative {got} passes Luhn", file=sys.stderr)
                    problems += 1
                if t.get("kind") == "aadhaar-verhoeff-invalid" and verhoeff_valid(re.sub(r"\D", "", got)):
                    print(f"{doc['id']}: negative {got} passes Verhoeff", file=sys.stderr)
                    problems += 1
            for field in ("title",):
                if any(w in doc[field].lower() for w in PROFANITY):
                    print(f"{doc['id']}: profanity in {field}", file=sys.stderr)
                    problems += 1
            if n < 50 and make_doc(seed, n, rate, templates) != (doc, tr):
                print(f"{doc['id']}: not reproducible", file=sys.stderr)
                problems += 1
    # the check-digit code itself
    if not (verhoeff_valid("2363") and not verhoeff_valid("2364") and luhn_valid("4111111111111111")
            and not luhn_valid("4111111111111112") and verhoeff_check_digit("236") == "3"):
        print("check-digit self-test failed", file=sys.stderr)
        problems += 1
    return problems


def truth_path_for(out):
    return (out[:-len(".jsonl")] if out.endswith(".jsonl") else out) + ".truth.jsonl"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=float, default=3.0, help="mean number of items per non-clean document")
    ap.add_argument("--out", required=True, help="JSONL for the tools; the truth goes next to it (.truth.jsonl)")
    ap.add_argument("--templates", choices=["dev", "heldout"], default="dev",
                    help="the sentences around the items: dev (default) or the held-out wording")
    ap.add_argument("--verify", action="store_true", help="read both files back and check them")
    a = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tpath = truth_path_for(a.out)
    counts = {}
    with open(a.out, "w", encoding="utf-8") as fo, open(tpath, "w", encoding="utf-8") as ft:
        for i in range(a.count):
            doc, tr = make_doc(a.seed, i, a.rate, a.templates)
            fo.write(json.dumps(doc, ensure_ascii=False) + "\n")
            ft.write(json.dumps(tr, ensure_ascii=False) + "\n")
            for t in tr["truth"]:
                counts[t["type"]] = counts.get(t["type"], 0) + 1
            counts["(negatives)"] = counts.get("(negatives)", 0) + len(tr["negatives"])
            counts["(ignored)"] = counts.get("(ignored)", 0) + len(tr["ignore"])
    print(f"gen_moderation: {a.count} documents -> {a.out} (+ {os.path.basename(tpath)}); "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    if a.verify:
        problems = verify(a.out, tpath, a.seed, a.rate, a.templates)
        print(f"gen_moderation: verify: {problems} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
