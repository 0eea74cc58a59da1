"""Find and run the copydesk binary for the bench scripts (Python 3 standard library only).

Binary lookup: --copydesk PATH, else $COPYDESK, else <repo>/.build/release/copydesk, where <repo> is
the parent of this bench/ folder (normally /work/main).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
DEFAULT_BINARY = os.path.join(REPO_DIR, ".build", "release", "copydesk")
WORK_DIR = os.path.join(BENCH_DIR, ".work")

SUMMARY_RE = re.compile(r"copydesk: read (\d+), written (\d+), dropped (\d+), rejected (\d+)")


class CopydeskError(Exception):
    pass


def add_arguments(ap):
    """Add the options every bench script shares."""
    ap.add_argument("--copydesk", default=os.environ.get("COPYDESK") or DEFAULT_BINARY,
                    help=f"copydesk binary (default $COPYDESK or {DEFAULT_BINARY})")
    ap.add_argument("--config", help="pipeline YAML passed as --config; the word 'default' forces the embedded "
                                     "default pipeline (run in an empty directory with $COPYDESK_CONFIG unset); "
                                     "omitted = copydesk's own lookup")
    ap.add_argument("--jobs", type=int, help="passed to copydesk run --jobs")


def find_binary(path):
    """Return an absolute path to an executable copydesk, or exit with a clear message."""
    if os.sep not in path and shutil.which(path):
        path = shutil.which(path)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        sys.exit(
            f"error: copydesk binary not found or not executable: {path}\n"
            f"  build it first:  (cd {REPO_DIR} && swift build -c release)\n"
            f"  or point at one: --copydesk PATH  (or export COPYDESK=PATH)")
    return os.path.abspath(path)


def run(binary, input_path, output_path, config=None, jobs=None, explain=True, text_field=None,
        extra_args=()):
    """Run `copydesk run` on input_path, writing stdout to output_path.

    Returns a dict: returncode, stderr, seconds, summary {read, written, dropped, rejected} (or None),
    dropped_ids, rejects_lines. Raises CopydeskError for exit codes other than 0 and 3.
    """
    binary = find_binary(binary)
    input_path = os.path.abspath(input_path)
    output_path = os.path.abspath(output_path)
    env = dict(os.environ)
    cwd = None
    args = [binary, "run"]
    tmp = tempfile.mkdtemp(prefix="copydesk-bench-")
    try:
        if config == "default":
            env.pop("COPYDESK_CONFIG", None)
            cwd = tmp  # no ./copydesk.yaml here, so the embedded default is used
        elif config:
            if not os.path.isfile(config):
                raise CopydeskError(f"config file not found: {config}")
            args += ["--config", os.path.abspath(config)]
        if jobs:
            args += ["--jobs", str(jobs)]
        if explain:
            args.append("--explain")
        if text_field:
            args += ["--text-field", text_field]
        dropped = os.path.join(tmp, "dropped.jsonl")
        rejects = os.path.join(tmp, "rejects.jsonl")
        args += ["--dropped", dropped, "--rejects", rejects]
        args += list(extra_args)
        args.append(input_path)
        t0 = time.monotonic()
        with open(output_path, "wb") as out:
            proc = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, cwd=cwd, env=env)
        seconds = time.monotonic() - t0
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in (0, 3):
            what = {1: "config error", 2: "usage error"}.get(proc.returncode, "failure")
            raise CopydeskError(f"copydesk exited {proc.returncode} ({what}): {' '.join(args)}\n{stderr.strip()}")
        m = None
        for m in SUMMARY_RE.finditer(stderr):
            pass
        summary = None
        if m:
            summary = dict(zip(("read", "written", "dropped", "rejected"), map(int, m.groups())))
        dropped_ids = []
        if os.path.exists(dropped):
            with open(dropped, encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        dropped_ids.append(json.loads(line).get("id"))
                    except ValueError:
                        dropped_ids.append(None)
        rejects_lines = 0
        if os.path.exists(rejects):
            with open(rejects, "rb") as f:
                rejects_lines = sum(1 for _ in f)
        return {"returncode": proc.returncode, "stderr": stderr, "seconds": seconds, "summary": summary,
                "dropped_ids": dropped_ids, "rejects_lines": rejects_lines, "command": args}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_jsonl(path):
    """Yield (line_number, object) for every parsable line; unparsable lines yield (n, None)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except ValueError:
                yield n, None


def nonspace(s):
    return sum(1 for ch in s if not ch.isspace())
