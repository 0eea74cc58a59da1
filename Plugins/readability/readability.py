#!/usr/bin/env python3
"""readability: reading time and a readability grade for each article (stdlib only).

Sets meta `reading_time_minutes` (words / words_per_minute, rounded up, at least 1) and
`readability_grade` (Flesch-Kincaid grade level, one decimal), and tags articles of
`long_read_minutes` or more with `long-read`.

Config (all optional): words_per_minute (230), long_read_minutes (8), field ("text").
"""

import math
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from copydesk_plugin import run  # noqa: E402

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word):
    """A common English heuristic: vowel groups, minus a silent final e, at least one."""
    word = word.lower()
    if word.isdigit():
        return max(1, len(word))
    count = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def grade(words, sentences):
    """Flesch-Kincaid grade level."""
    if not words:
        return 0.0
    total = sum(syllables(w) for w in words)
    value = 0.39 * len(words) / max(1, sentences) + 11.8 * total / len(words) - 15.59
    return round(max(0.0, value), 1)


def process(doc, config):
    text = doc.fields.get(config.get("field", "text"), "")
    words = WORD.findall(text)
    sentences = len(SENTENCE_END.findall(text)) or (1 if words else 0)
    per_minute = float(config.get("words_per_minute", 230))
    minutes = max(1, math.ceil(len(words) / per_minute)) if words else 0
    doc.meta["reading_time_minutes"] = str(minutes)
    doc.meta["readability_grade"] = "%.1f" % grade(words, sentences)
    if minutes >= int(config.get("long_read_minutes", 8)):
        doc.add_tag("long-read")
    return doc


if __name__ == "__main__":
    run(process, name="readability", version="1.0.0", capabilities=["meta", "tags"])
