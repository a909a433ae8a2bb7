"""Write the snapshot of the book's prose that chapter 11 trains its language models on.

For each chapter of ``infolib.corpus.BOOK_TEXT_CHAPTERS`` the text of its markdown
cells (code cells and outputs are not prose) is cleaned and written to
``infolib/data/book_text/<chapter>.txt``:

- directive fences (```` ```{prf:theorem} ````, ``:label:`` option lines, closing
  fences) and target labels ``(name)=`` are removed, the directive's body is kept;
- display math ``$$ ... $$`` (with its equation label) and inline math ``$...$``
  become the one placeholder character ``§`` (the model sees "a formula here");
- a role such as ``{cite:p}`key``` or ``{prf:ref}`label``` becomes ``§`` too;
- markdown headings lose their ``#`` marks, links keep their text;
- hard line breaks inside a paragraph become spaces; paragraphs are separated
  by one blank line.

The output depends only on the notebooks' markdown, so it is deterministic.
Re-run it only to refresh the snapshot on purpose (chapter 11's outputs change):

    .venv/bin/python tools/make_book_corpus.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from infolib.corpus import BOOK_TEXT_CHAPTERS  # noqa: E402

OUT = ROOT / "infolib" / "data" / "book_text"
PLACEHOLDER = "§"

_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$(?:[ \t]*\([\w:-]+\))?", re.S)
_INLINE_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+?\$")
_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
_FENCE = re.compile(r"^\s*(`{3,}|:{3,}).*$", re.M)
_OPTION = re.compile(r"^\s*:[\w-]+:.*$", re.M)
_TARGET = re.compile(r"^\s*\([\w-]+\)=\s*$", re.M)
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def clean_markdown(source: str) -> str:
    """The prose of one markdown cell, cleaned as the module docstring says."""
    text = _DISPLAY_MATH.sub(PLACEHOLDER, source)
    text = _INLINE_MATH.sub(PLACEHOLDER, text)
    text = _ROLE.sub(PLACEHOLDER, text)
    for pattern in (_FENCE, _OPTION, _TARGET):
        text = pattern.sub("", text)
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    paragraphs = re.split(r"\n\s*\n", text)
    joined = (" ".join(line.strip() for line in p.splitlines() if line.strip())
              for p in paragraphs)
    return "\n\n".join(p for p in joined if p)


def notebook_prose(notebook: dict) -> str:
    """The cleaned text of all markdown cells of a notebook (as loaded from JSON)."""
    cells = (c for c in notebook["cells"] if c["cell_type"] == "markdown")
    parts = (clean_markdown("".join(c["source"])) for c in cells)
    return "\n\n".join(p for p in parts if p) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for chapter in BOOK_TEXT_CHAPTERS:
        notebook = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text())
        text = notebook_prose(notebook)
        (OUT / f"{chapter}.txt").write_text(text, encoding="utf-8")
        print(f"{chapter}: {len(text):,} characters")


if __name__ == "__main__":
    main()
