"""The wheel carries the templates and lexicons: build it, install it apart, render the seeds."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_built_wheel_renders_the_seeds_report(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(ROOT)], check=True)
    wheels = list(dist.glob("bias-*.whl"))
    assert len(wheels) == 1
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(wheels[0])], check=True)
    assert (target / "bias" / "templates" / "report.html").is_file()
    # Dependencies come from this environment; the package itself only from the wheel.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])}
    out = tmp_path / "seeds.html"
    run = subprocess.run([sys.executable, "-I", "-c",
                          "import sys; sys.path[:0] = sys.argv[1].split(':'); import bias, bias.cli; "
                          "assert bias.__file__.startswith(sys.argv[2]), bias.__file__; "
                          "sys.exit(bias.cli.main(['report', sys.argv[3], '-o', sys.argv[4]]))",
                          env["PYTHONPATH"], str(target), str(ROOT / "seeds"), str(out)],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 10_000
