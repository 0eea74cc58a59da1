"""Run a bench script again inside its own venv of pinned PyPI packages (Python 3 standard library only).

A script calls ensure_venv_and_reexec() early, at the top level: the first time, it creates the venv
(bench/.venv-NAME), pip-installs the pins and checks them; then, and on every later run, it replaces the
process with the same script and arguments run by the venv's python, with `mark`=1 in the environment
(plus one BLAS/OpenMP thread). Inside the venv the call returns at once, so the script carries on.
A .gitignore of "*" inside the venv keeps it out of git without touching the repo's ignore files.
"""

import os
import subprocess
import sys

ONE_CORE_ENV = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                 "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}


class VenvError(Exception):
    pass


def venv_python(venv_dir):
    return os.path.join(venv_dir, "bin", "python")


def pins_ok(py, pins):
    """True when the interpreter py has exactly the pinned version of every package in pins."""
    checks = " and ".join(f"m.version({k!r}) == {v!r}" for k, v in pins.items()) or "True"
    code = f"import importlib.metadata as m, sys; sys.exit(0 if {checks} else 1)"
    try:
        return subprocess.run([py, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def ignore_venv(venv_dir, script):
    path = os.path.join(venv_dir, ".gitignore")
    if os.path.isdir(venv_dir) and not os.path.exists(path):
        with open(path, "w") as f:
            f.write(f"# created by bench/{os.path.basename(script)}\n*\n")


def ensure_venv_and_reexec(venv_dir, pins, extra_pip_args=(), log=None, *, mark, script,
                           extra_env=ONE_CORE_ENV, error=VenvError):
    """Outside the venv: create/fill venv_dir if needed and exec `script` (with sys.argv[1:]) inside it.

    pins: {PyPI name: exact version}. mark: the environment variable that says "already inside".
    log: a function taking one message (progress, on stderr). error: the exception class raised on failure.
    """
    if os.environ.get(mark) == "1":
        return  # already re-executed (or the caller set up an equivalent interpreter)
    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    ignore_venv(venv_dir, script)
    py = venv_python(venv_dir)
    if not (os.path.isfile(py) and pins_ok(py, pins)):
        if not os.path.isfile(py):
            log(f"creating {venv_dir}")
            if subprocess.run([sys.executable, "-m", "venv", venv_dir]).returncode != 0:
                raise error(f"python3 -m venv {venv_dir} failed (Debian: apt-get install python3-venv)")
            ignore_venv(venv_dir, script)
        pkgs = [f"{k}=={v}" for k, v in pins.items()]
        log(f"installing {' '.join(pkgs)} into {venv_dir}")
        r = subprocess.run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check", *extra_pip_args, *pkgs],
                           stdout=sys.stderr)
        if r.returncode != 0 or not pins_ok(py, pins):
            raise error(f"pip install into {venv_dir} failed; delete the folder and try again")
    env = dict(os.environ)
    env.update(extra_env)
    env[mark] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(py, [py, os.path.abspath(script)] + sys.argv[1:], env)
