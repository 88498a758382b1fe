#!/usr/bin/env python3
"""Set-up and everyday tasks, runnable on a fresh machine with only Python 3.11+ and pip.

    python3 tasks.py report   # create .venv if needed, install bias, render reports/seeds.html
    python3 tasks.py test     # create .venv if needed, install bias with test extras, lint, run tests

The virtual environment lives in .venv/ beside this file. Installation is repeated only when
pyproject.toml changes (a hash of it is kept in .venv/.bias-installed).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_env(extras: str) -> None:
    """Create .venv and install the project (with ``extras``) unless already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 (tasks.py may be run by an older python3)
        sys.exit(f"bias needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = VENV / ".bias-installed"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    have = stamp.read_text().split() if stamp.exists() else []
    if want not in have:
        _run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e",
             f".[{extras}]" if extras else ".")
        stamp.write_text("\n".join([*have, want]) + "\n")


def report() -> None:
    ensure_env("")
    _run(BIN / "bias", "report", "seeds", "-o", "reports/seeds.html", "--force")


def test() -> None:
    ensure_env("test")
    _run(BIN / "ruff", "check", "bias", "tests", "benchmarks", "tasks.py")
    _run(PY, "-m", "pytest", "-q", *sys.argv[2:])


def main() -> None:
    tasks = {"report": report, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        sys.exit("usage: python3 tasks.py report | test [pytest arguments]")
    tasks[sys.argv[1]]()


if __name__ == "__main__":
    main()
