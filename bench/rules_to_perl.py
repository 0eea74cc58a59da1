#!/usr/bin/env python3
"""Translate a Copydesk pipeline YAML into a Perl baseline script for bench/throughput.sh.

    python3 bench/rules_to_perl.py Rules/clean.yaml -o bench/.work/strip.pl
    perl -p bench/.work/strip.pl < corpus.jsonl > cleaned.jsonl

Needs PyYAML (`pip install pyyaml`; throughput.sh makes bench/.venv with it when it is missing).

What the generated baseline does, per JSONL line (`perl -p`, one document per line):
  * decodes the line with Cpanel::JSON::XS, else JSON::XS, else JSON::PP (core, much slower; the
    script says which one it used on stderr when BENCH_VERBOSE=1);
  * walks the regex stages in order and, for every rule whose action is `strip` (and, unless
    --strip-only, every `extract` rule with `strip: true`), checks its `when:` guards and runs
    s/PATTERN/<seam>/g on each of the rule's string fields. Each field holds the whole document
    text, so multi-line patterns see the whole text (like `perl -0777` on one document);
  * tidies each seam the way Copydesk's strip does (one space between two non-space sides, no space
    before . , ; : ! ? ) ] }, a seam at a line edge eats the spaces on its other side);
  * runs the whitespace stage(s) if the pipeline has them (trim_trailing_spaces, collapse_spaces,
    max_blank_lines, trim);
  * re-encodes the line only when something changed, otherwise prints it as read.
What it does not do: extract meta, replace, tag, flag, drop; `copydesk` output member, --explain
offsets; PCRE2 match/heap limits; rule examples. PCRE2 flags map to Perl modifiers: caseless=i,
multiline=m, dotall=s, extended=x; without `ucp` the rule gets /a (ASCII \\w \\d \\s, as PCRE2 without
UCP). Leading (*UTF)/(*UCP)-style options are dropped (UCP turns /a off), \\Q...\\E is expanded, and
under caseless \\p{Lu}/\\p{Ll}-like escapes outside [...] are wrapped in (?-i:...) because PCRE2, unlike
Perl, does not let caseless widen them. A pattern Perl cannot compile (callouts, some PCRE2-only
syntax) is reported on stderr and skipped, so the baseline then does less work than copydesk.
"""

import argparse
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - environment dependent
    sys.exit("rules_to_perl.py needs PyYAML: python3 -m venv bench/.venv && bench/.venv/bin/pip install pyyaml, "
             "then run it with bench/.venv/bin/python")

FLAG_MODIFIERS = {"caseless": "i", "multiline": "m", "dotall": "s", "extended": "x", "ucp": ""}
START_OPTIONS = re.compile(r"\A\(\*(UTF8?|UTF|UCP|CRLF|LF|CR|ANYCRLF|ANY|NUL|BSR_ANYCRLF|BSR_UNICODE|NO_JIT|"
                           r"NO_START_OPT|NO_AUTO_POSSESS|NO_DOTSTAR_ANCHOR|NOTEMPTY|NOTEMPTY_ATSTART|"
                           r"LIMIT_(?:MATCH|HEAP|DEPTH|RECURSION)=\d+)\)")


class ConfigError(Exception):
    pass


def load_yaml(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except OSError as e:
        raise ConfigError(f"{path}: {e.strerror}")
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: {e}")


def expand_includes(base_file, includes):
    base = os.path.dirname(os.path.abspath(base_file))
    out = []
    for inc in includes or []:
        pattern = os.path.join(base, inc)
        if any(c in inc for c in "*?["):
            hits = sorted(glob.glob(pattern, recursive=True))
            if not hits:
                print(f"rules_to_perl: warning: include {inc!r} in {base_file} matches nothing", file=sys.stderr)
            out += hits
        else:
            out.append(pattern)
    return out


def rules_from_file(path, seen):
    path = os.path.abspath(path)
    if path in seen:
        return []
    seen.add(path)
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a rule file must be a mapping with rules:")
    rules = []
    for inc in expand_includes(path, data.get("include")):
        rules += rules_from_file(inc, seen)
    for r in data.get("rules") or []:
        rules.append((path, r))
    return rules


def load_pipeline(path):
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("stages"), list):
        raise ConfigError(f"{path}: expected a mapping with stages:")
    stages = []
    for i, st in enumerate(data["stages"]):
        kind = st.get("stage")
        if kind == "regex":
            seen = set()
            rules = []
            for inc in expand_includes(path, st.get("include")):
                rules += rules_from_file(inc, seen)
            for r in st.get("rules") or []:
                rules.append((os.path.abspath(path), r))
            stages.append(("regex", st.get("id", f"regex{i}"), rules))
        elif kind == "whitespace":
            stages.append(("whitespace", st.get("id", f"whitespace{i}"), st))
        else:
            stages.append((str(kind), st.get("id", f"{kind}{i}"), None))
    return stages


def perl_quote(s):
    """A Perl single-quoted string literal that yields exactly s."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def expand_quote_escapes(p):
    r"""Turn PCRE2 \Q...\E literal runs into escaped text (Perl only knows \Q in interpolation)."""
    out = []
    i = 0
    while i < len(p):
        if p.startswith("\\Q", i):
            j = p.find("\\E", i + 2)
            lit = p[i + 2:] if j < 0 else p[i + 2:j]
            out.append("".join("\\" + c if not c.isalnum() and c != "_" and ord(c) < 128 else c for c in lit))
            i = len(p) if j < 0 else j + 2
        elif p[i] == "\\" and i + 1 < len(p):
            out.append(p[i:i + 2])
            i += 2
        else:
            out.append(p[i])
            i += 1
    return "".join(out)


_CASE_PROPS = {"Lu", "Ll", "Lt", "L&", "LC", "Upper", "Lower", "Uppercase", "Lowercase", "Uppercase_Letter",
               "Lowercase_Letter", "Titlecase_Letter", "Cased", "Cased_Letter"}


def pin_case_properties(p):
    r"""Wrap \p{Lu}-like escapes outside character classes in (?-i:...).

    PCRE2 ignores caseless for \p{Lu}/\p{Ll}; Perl's /i makes them match any cased letter.
    """
    out = []
    i = 0
    in_class = False
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            if p[i + 1] in "pP" and not in_class:
                if i + 2 < len(p) and p[i + 2] == "{":
                    j = p.find("}", i + 3)
                    if j > 0:
                        name = p[i + 3:j].lstrip("^")
                        esc = p[i:j + 1]
                        out.append(f"(?-i:{esc})" if name in _CASE_PROPS else esc)
                        i = j + 1
                        continue
            out.append(p[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            i += 1
            if i < len(p) and p[i] == "^":
                out.append("^")
                i += 1
            if i < len(p) and p[i] == "]":
                out.append("]")
                i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def translate_pattern(pattern, flags):
    """Return (perl_pattern, modifiers) or raise ValueError."""
    mods = ""
    ucp = False
    for f in flags or []:
        if f not in FLAG_MODIFIERS:
            raise ValueError(f"flag {f!r} has no Perl equivalent")
        mods += FLAG_MODIFIERS[f]
        ucp = ucp or f == "ucp"
    while True:
        m = START_OPTIONS.match(pattern)
        if not m:
            break
        if m.group(1) == "UCP":
            ucp = True
        pattern = pattern[m.end():]
    pattern = expand_quote_escapes(pattern)
    if "i" in mods or re.search(r"\(\?[a-zA-Z]*i", pattern):
        pattern = pin_case_properties(pattern)
    if not ucp:
        mods += "a"
    return pattern, "".join(sorted(set(mods)))


def guards_of(rule):
    w = rule.get("when")
    if w is None:
        return []
    if isinstance(w, dict):
        w = [w]
    out = []
    for g in w:
        p, mods = translate_pattern(str(g["pattern"]), g.get("flags"))
        out.append((str(g["field"]), p, mods, bool(g.get("negate", False))))
    return out


def build(config, strip_only=False):
    stages = load_pipeline(config)
    entries = []       # perl source lines for the rule table
    skipped = []
    counts = {"strip": 0, "extract+strip": 0}
    ws_entries = []
    for kind, sid, payload in stages:
        if kind == "whitespace":
            st = payload
            fields = st.get("fields") or ["text"]
            mbl = st.get("max_blank_lines")
            ws_entries.append("  [[%s], %d, %d, %s, %d]," % (
                ", ".join(perl_quote(f) for f in fields), int(bool(st.get("trim_trailing_spaces", True))),
                int(bool(st.get("collapse_spaces", True))), "undef" if mbl is None else int(mbl),
                int(bool(st.get("trim", True)))))
            entries.append(f"  ['__whitespace__', {len(ws_entries) - 1}],")
            continue
        if kind != "regex":
            skipped.append((sid, f"stage kind {kind!r} is not translated"))
            continue
        for src, r in payload:
            rid = str(r.get("id", "?"))
            action = r.get("action")
            if action == "strip":
                counts["strip"] += 1
            elif action == "extract" and r.get("strip") and not strip_only:
                counts["extract+strip"] += 1
            else:
                skipped.append((rid, f"action {action}" + (" (strip: true)" if r.get("strip") else "")))
                continue
            try:
                pat, mods = translate_pattern(str(r["pattern"]), r.get("flags"))
                guards = guards_of(r)
            except (ValueError, KeyError) as e:
                skipped.append((rid, f"not translatable: {e}"))
                counts["strip" if action == "strip" else "extract+strip"] -= 1
                continue
            fields = r.get("fields") or [r.get("field", "text")]
            g = ", ".join("[%s, %s, %s, %d]" % (perl_quote(f), perl_quote(p), perl_quote(m), n)
                          for f, p, m, n in guards)
            entries.append("  [%s, %s, %s, [%s], [%s]]," % (
                perl_quote(rid), perl_quote(pat), perl_quote(mods),
                ", ".join(perl_quote(str(f)) for f in fields), g))
    return entries, ws_entries, skipped, counts


PERL_TEMPLATE = r'''# Generated by bench/rules_to_perl.py from %(config)s. Do not edit; regenerate.
# Run: perl -p THIS_FILE < corpus.jsonl > out.jsonl
# BENCH_RULES=id1,id2 keeps only those rules (__whitespace__ = the whitespace stage); BENCH_VERBOSE=1 reports.
# Translated: %(n_strip)d strip rules, %(n_extract)d extract rules with strip: true.
# Not translated (%(n_skipped)d):
%(skipped)s
use strict;
use warnings;
use utf8;
no warnings qw(utf8 once);

our ($JSON, $JSON_MODULE, @RULES, @WS, $SEAM);
BEGIN {
    for my $m (qw(Cpanel::JSON::XS JSON::XS JSON::PP)) {
        if (eval "require $m; 1") { $JSON_MODULE = $m; last }
    }
    $JSON = $JSON_MODULE->new->utf8(1)->allow_nonref(1);
    print STDERR "rules_to_perl baseline: JSON module $JSON_MODULE\n" if $ENV{BENCH_VERBOSE};
    $SEAM = "\x{FDD0}";
    my @table = (
%(entries)s
    );
    @WS = (
%(ws)s
    );
    my $bad = 0;
    my %%only = map { $_ => 1 } split /,/, ($ENV{BENCH_RULES} // '');  # e.g. BENCH_RULES=id1,__whitespace__
    for my $t (@table) {
        next if %%only && !$only{$t->[0]};
        if ($t->[0] eq '__whitespace__') { push @RULES, { ws => $WS[$t->[1]] }; next }
        my ($id, $p, $mods, $fields, $guards) = @$t;
        my $re = eval { length $mods ? qr/(?$mods)$p/ : qr/$p/ };
        if (!$re) { $bad++; print STDERR "rules_to_perl baseline: skipping rule $id: Perl cannot compile it: $@"; next }
        my @g;
        for my $g (@$guards) {
            my ($f, $gp, $gm, $neg) = @$g;
            my $gre = eval { length $gm ? qr/(?$gm)$gp/ : qr/$gp/ };
            if (!$gre) { print STDERR "rules_to_perl baseline: rule $id guard does not compile, rule skipped: $@"; $re = undef; last }
            push @g, [$f, $gre, $neg];
        }
        next unless $re;
        push @RULES, { id => $id, re => $re, fields => $fields, guards => \@g };
    }
    print STDERR "rules_to_perl baseline: " . scalar(grep { $_->{re} } @RULES) . " rules compiled, $bad skipped\n"
        if $ENV{BENCH_VERBOSE} || $bad;
}

sub tidy {
    # $_[0] holds the field with each match replaced by $SEAM; make the seams look like Copydesk's strip.
    for ($_[0]) {
        s/\x{FDD0}[ \t]*(?=\x{FDD0})//g;            # matches separated only by spaces merge
        s/(?<![^\n])\x{FDD0}[ \t]*//g;                # seam at a line start eats the spaces after it
        s/[ \t]*\x{FDD0}(?![^\n\r])//g;               # seam at a line end eats the spaces before it
        s/(?<=[ \t])\x{FDD0}[ \t]+//g;                # space seam space -> one space
        s/[ \t]+\x{FDD0}(?=[.,;:!?)\]}])//g;          # no space before closing punctuation
        s/(?<=[^\s(\[{])\x{FDD0}(?=[^\s.,;:!?)\]}])/ /g;  # word|word -> "word word"
        s/\x{FDD0}//g;
    }
}

sub whitespace {
    my ($w) = @_;
    my ($trail, $collapse, $mbl, $trim) = @$w[1 .. 4];
    my $n = 0;
    for ($_[1]) {
        $n += s/[ \t]+$//mg if $trail;
        $n += s/[ \t]{2,}/ /g if $collapse;
        if (defined $mbl) { my $k = $mbl + 1; my $nl = "\n" x $k; $n += s/\n(?:[ \t]*\n){$k,}/$nl/g }
        if ($trim) { $n += s/\A\s+//; $n += s/\s+\z// }
    }
    return $n;
}

{
    my $d = eval { $JSON->decode($_) };
    if (ref $d eq 'HASH') {
        my $changed = 0;
        RULE: for my $r (@RULES) {
            if (my $w = $r->{ws}) {
                for my $f (@{$w->[0]}) {
                    next unless defined $d->{$f} && !ref $d->{$f};
                    $changed = 1 if whitespace($w, $d->{$f});
                }
                next RULE;
            }
            for my $g (@{$r->{guards}}) {
                my $v = $d->{$g->[0]};
                my $hit = (defined $v && !ref $v && $v =~ $g->[1]) ? 1 : 0;
                next RULE if $hit == $g->[2];
            }
            my $re = $r->{re};
            for my $f (@{$r->{fields}}) {
                next unless defined $d->{$f} && !ref $d->{$f};
                if ($d->{$f} =~ s/$re/$SEAM/g) { tidy($d->{$f}); $changed = 1 }
            }
        }
        $_ = $JSON->encode($d) . "\n" if $changed;
    }
}
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", help="pipeline YAML, e.g. Rules/clean.yaml")
    ap.add_argument("-o", "--out", help="write the Perl script here (default stdout)")
    ap.add_argument("--strip-only", action="store_true",
                    help="translate only action: strip (leave out extract rules with strip: true)")
    args = ap.parse_args()
    try:
        entries, ws, skipped, counts = build(args.config, strip_only=args.strip_only)
    except ConfigError as e:
        sys.exit(f"rules_to_perl: error: {e}")
    src = PERL_TEMPLATE % {
        "config": args.config, "n_strip": counts["strip"], "n_extract": counts["extract+strip"],
        "n_skipped": len(skipped),
        "skipped": "\n".join(f"#   {rid}: {why}" for rid, why in skipped) or "#   (none)",
        "entries": "\n".join("    " + e for e in entries),
        "ws": "\n".join("    " + w for w in ws),
    }
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(src)
    else:
        sys.stdout.write(src)
    print(f"rules_to_perl: {counts['strip']} strip + {counts['extract+strip']} extract/strip rules translated, "
          f"{len(skipped)} left out" + (f" -> {args.out}" if args.out else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
