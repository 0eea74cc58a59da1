#!/usr/bin/env python3
"""Turn bench/throughput.sh measurements (TSV) into a Markdown report on stdout.

TSV columns: label, kind (cat|perl-json|perl|copydesk), config (clean|default|-), jobs, wall seconds,
peak RSS KiB (from /usr/bin/time -v), exit code, note. MB = 10^6 bytes, MiB = 2^20 bytes.
"""

import argparse
import os


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            label, kind, cfg, jobs, wall, rss, rc = parts[:7]
            note = parts[7] if len(parts) > 7 else ""
            ok = int(rc) == 0 or (kind == "copydesk" and int(rc) == 3)
            rows.append({"label": label, "kind": kind, "config": cfg, "jobs": jobs, "wall": float(wall),
                         "rss_kib": int(rss or 0), "rc": int(rc), "note": note, "ok": ok})
    return rows


def count_lines(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 24)
            if not b:
                break
            n += b.count(b"\n")
    return n


def fmt(x, digits=1):
    return "-" if x is None else f"{x:,.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mode", choices=["full", "rss"], required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--config", default="")
    ap.add_argument("--perl-note", default="")
    ap.add_argument("--perl-json", default="")
    args = ap.parse_args()

    rows = load(args.results)
    size = os.path.getsize(args.corpus)
    mb = size / 1e6
    docs = count_lines(args.corpus)
    perl = next((r for r in rows if r["kind"] == "perl" and r["rc"] == 0), None)
    perl_mbs = mb / perl["wall"] if perl and perl["wall"] > 0 else None

    print(f"### Copydesk throughput ({'peak RSS on a large input' if args.mode == 'rss' else 'vs cat and Perl'})")
    print()
    print(f"- corpus: `{args.corpus}`: {mb:,.1f} MB, {docs:,} documents")
    if args.config:
        print(f"- pipeline for the clean runs: `{args.config}`; default = copydesk's embedded pipeline")
    if args.mode == "full" and perl:
        print(f"- Perl baseline: `perl -p bench/.work/strip.pl` (bench/rules_to_perl.py; JSON via {args.perl_json or '?'}; "
              f"{args.perl_note.replace('rules_to_perl: ', '')})")
    print()
    if args.mode == "rss":
        print("| run | wall s | MB/s | docs/s | peak RSS MiB | RSS / input | exit | notes |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for r in rows:
            mbs = mb / r["wall"] if r["wall"] > 0 and r["ok"] else None
            dps = docs / r["wall"] if r["wall"] > 0 and r["ok"] else None
            rss_mib = r["rss_kib"] / 1024
            print(f"| {r['label']} | {r['wall']:.2f} | {fmt(mbs)} | {fmt(dps, 0)} | {rss_mib:,.1f} | "
                  f"{100 * r['rss_kib'] * 1024 / size:.1f}% | {r['rc']} | {r['note']} |")
        print()
        return

    print("| run | wall s | MB/s | docs/s | peak RSS MiB | vs perl | exit | notes |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        mbs = mb / r["wall"] if r["wall"] > 0 and r["ok"] else None
        dps = docs / r["wall"] if r["wall"] > 0 and r["ok"] else None
        vs = f"{mbs / perl_mbs:.2f}x" if (perl_mbs and mbs) else "-"
        print(f"| {r['label']} | {r['wall']:.2f} | {fmt(mbs)} | {fmt(dps, 0)} | {r['rss_kib'] / 1024:,.1f} | {vs} | "
              f"{r['rc']} | {r['note']} |")
    print()
    print("Speedup of more jobs (wall time of the smallest --jobs / wall time):")
    print()
    for cfg in ("clean", "default"):
        cd = sorted((r for r in rows if r["kind"] == "copydesk" and r["config"] == cfg and r["ok"]),
                    key=lambda r: int(r["jobs"]))
        if len(cd) >= 2 and cd[0]["wall"] > 0:
            parts = ", ".join(f"jobs {r['jobs']}/jobs {cd[0]['jobs']} = {cd[0]['wall'] / r['wall']:.2f}x"
                              for r in cd[1:] if r["wall"] > 0)
            print(f"- {cfg}: {parts}")
    print()
    print("`vs perl` = MB/s of the row / MB/s of the Perl baseline (>1 means faster than Perl). The Perl baseline runs "
          "only the strip (and extract-with-strip) rules and the whitespace stage on one core; copydesk also "
          "extracts meta, runs the other actions and appends the `copydesk` member to every line.")


if __name__ == "__main__":
    main()
