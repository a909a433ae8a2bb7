"""tools/check_latex_log.py finds every "??" and missing glyph in a crafted XeLaTeX log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import check_latex_log  # noqa: E402

CLEAN = """This is XeTeX, Version 3.141592653-2.6-0.999995 (TeX Live 2023/Debian)
(./book.aux)
LaTeX Font Info:    Trying to load font information for TU+FreeSerif on input line 5.
Output written on book.pdf (80 pages).
"""
# A reference wrapped by TeX at 79 characters, as in a real log.
WRAPPED = (
    "LaTeX Warning: Reference `chapters/05_equivalence:thm-equivalence' on page 12 "
    "undefined on input line 3."
)
BAD = (
    CLEAN
    + WRAPPED[:79]
    + "\n"
    + WRAPPED[79:]
    + "\n"
    + "LaTeX Warning: Citation `mao2019crossentropy' on page 3 undefined on input line 9.\n"
    + "LaTeX Warning: Citation `mao2019crossentropy' on page 4 undefined on input line 12.\n"
    + "Missing character: There is no ≤ (U+2264) in font FreeMono:mode=node;!\n"
    + "! Undefined control sequence.\nl.42 \\KLL\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "book.log"
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_log_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_latex_log.main([str(write(tmp_path, CLEAN))]) == 0
    assert "no undefined references" in capsys.readouterr().out


def test_every_problem_is_reported_once(tmp_path: Path) -> None:
    found = check_latex_log.problems(check_latex_log.read_log(write(tmp_path, BAD)))
    assert found == [
        "undefined reference: chapters/05_equivalence:thm-equivalence",
        "undefined citation: mao2019crossentropy",
        "missing character: ≤ (U+2264) FreeMono:mode=node;",
        "undefined control sequence: ! Undefined control sequence.",
    ]


def test_bad_log_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_latex_log.main([str(write(tmp_path, BAD))]) == 1
    assert "4 problem(s)" in capsys.readouterr().out


def test_missing_log_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="log_path=.*nothing.log"):
        check_latex_log.read_log(tmp_path / "nothing.log")
