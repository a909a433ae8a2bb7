"""Fail when XeLaTeX's log of the PDF edition shows a "??" or a missing glyph.

The PDF is built even when a cross-reference or a citation did not resolve (it then
reads "??") or when a font has no glyph for a character (XeLaTeX leaves it out and says
so only in the log). This script reads the log of the last XeLaTeX run and lists every
such problem; `make pdf` fails when there is one.

    python tools/check_latex_log.py _build/latex/book.log
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# TeX wraps log lines at 79 characters; the patterns below match within one joined message.
PROBLEMS: dict[str, re.Pattern[str]] = {
    "undefined reference": re.compile(
        r"LaTeX Warning: (?:Hyper )?[Rr]eference `([^']*)' on page \d+ undefined"
    ),
    "undefined citation": re.compile(r"LaTeX Warning: Citation `([^']*)' on page \d+ undefined"),
    "missing character": re.compile(r"Missing character: There is no (.+?) in font ([^!]+)!"),
    "undefined control sequence": re.compile(r"^! Undefined control sequence\.", re.M),
    "LaTeX error": re.compile(r"^! (?:LaTeX|Package \w+) Error: (.*)$", re.M),
}


def read_log(path: Path) -> str:
    """The log with TeX's hard line wraps (lines of exactly 79 characters) undone."""
    if not path.is_file():
        raise FileNotFoundError(f"log_path={str(path)!r} is not a file (was the PDF built?)")
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and len(joined[-1]) == 79:
            joined[-1] += line
        else:
            joined.append(line)
    return "\n".join(joined)


def problems(log: str) -> list[str]:
    """Every problem in the log, one line each, without repeats, in order of kind."""
    found: list[str] = []
    for kind, pattern in PROBLEMS.items():
        seen: set[str] = set()
        for match in pattern.finditer(log):
            detail = " ".join(g.strip() for g in match.groups() if g) or match.group(0)
            if detail not in seen:
                seen.add(detail)
                found.append(f"{kind}: {detail}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path, help="the .log file of the last XeLaTeX run")
    args = parser.parse_args(argv)
    found = problems(read_log(args.log))
    for line in found:
        print(f"{args.log}: {line}")
    if found:
        print(f"{args.log}: {len(found)} problem(s); the PDF would show them as ?? or gaps")
        return 1
    print(f"{args.log}: no undefined references or citations, no missing characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
