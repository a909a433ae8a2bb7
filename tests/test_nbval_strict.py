"""The notebook regression test is strict: one changed digit in a stored output fails it.

Runs nbval (as `make test` does) in a subprocess on a copy of a chapter notebook, once
unchanged (must pass) and once with a single digit of a stored numeric output changed
(must fail with an output mismatch).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "chapters" / "00_how_to_read.ipynb"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def run_nbval(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            str(SANITIZE),
            str(path),
        ],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )


def change_one_digit(nb: dict) -> str:
    """Change the first digit of the first stored stream output that has one."""
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text = "".join(out["text"])
                m = re.search(r"\d", text)
                if m:
                    digit = m.group()
                    new = str((int(digit) + 1) % 10)
                    out["text"] = text[: m.start()] + new + text[m.end() :]
                    return f"{digit}->{new} in {text.strip()[:60]!r}"
    raise AssertionError("no stored numeric output found to change")


def test_unchanged_passes_and_one_changed_digit_fails(tmp_path):
    """Both copies in one nbval run (one pytest start-up): the original passes, the edit fails."""
    original = json.loads(NOTEBOOK.read_text())
    edited = json.loads(json.dumps(original))
    what = change_one_digit(edited)
    (tmp_path / "original.ipynb").write_text(json.dumps(original))
    (tmp_path / "edited.ipynb").write_text(json.dumps(edited))
    proc = run_nbval(tmp_path)
    failed = set(re.findall(r"FAILED \S*?(\w+)\.ipynb::", proc.stdout))
    passed_original = "original.ipynb" in proc.stdout and "original" not in failed
    assert passed_original, proc.stdout[-3000:]
    assert failed == {"edited"}, f"nbval accepted a changed digit ({what}):\n{proc.stdout[-3000:]}"
    assert "mismatch" in proc.stdout.lower()
