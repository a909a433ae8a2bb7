"""Find displayed chains of relations that no Derivation produced.

The book's promise is that every displayed chain (two or more relations, such
as ``a = b = c`` or ``0 <= H <= log n``) in a proof or in prose is the output
of an ``infolib.symbolic.Derivation`` that SymPy checked. Markdown may display
such a chain only inside the *statement* of a definition, theorem, lemma,
proposition or corollary, or of an exercise (the claim to be shown), never in a
proof, a solution or the running text.

Run it on files to list what it finds::

    python tests/chain_scan.py chapters/*.ipynb intro.md
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: Directives whose body is a statement (a claim or a definition), not an argument.
STATEMENTS = {
    "prf:definition",
    "prf:theorem",
    "prf:lemma",
    "prf:proposition",
    "prf:corollary",
    "prf:conjecture",
    "prf:property",
    "prf:axiom",
    "exercise",
}
#: Gated directives that open a region spanning several cells.
GATED_STATEMENTS = {"exercise-start": "exercise-end"}

RELATIONS = re.compile(
    r"\\(?:leq?|geq?|leqslant|geqslant|neq?|lt|gt|approx|equiv|propto|to|rightarrow"
    r"|longrightarrow|xrightarrow|iff|Leftrightarrow)(?![a-zA-Z])|(?<![<>!:\\])=|<|>"
)
FENCE = re.compile(r"^(\s*)(`{3,}|:{3,})\s*\{([\w:-]+)\}(.*)$")
DISPLAY_ENVS = r"equation\*?|align\*?|gather\*?|multline\*?"


@dataclass(frozen=True)
class Chain:
    """A displayed chain of relations found outside a statement."""

    source: str
    cell: int | None
    relations: int
    text: str

    def __str__(self) -> str:
        where = f"{self.source}" + (f", cell {self.cell}" if self.cell is not None else "")
        return f"{where}: {self.relations} relations in a displayed chain: {self.text[:90]}"


def _strip_braced(tex: str, start: int) -> int:
    """Index just past the brace group (or single token) starting at ``tex[start]``."""
    if start >= len(tex):
        return start
    if tex[start] == "{":
        depth = 0
        for k in range(start, len(tex)):
            depth += {"{": 1, "}": -1}.get(tex[k], 0)
            if depth == 0:
                return k + 1
        return len(tex)
    if tex[start] == "\\":
        m = re.match(r"\\[a-zA-Z]+|\\.", tex[start:])
        return start + (len(m.group()) if m else 1)
    return start + 1


def _without_scripts_and_text(tex: str) -> str:
    """Drop sub/superscripts and \\text-like groups (their relations bind no chain)."""
    out, k = [], 0
    while k < len(tex):
        if tex[k] in "_^":
            k = _strip_braced(tex, k + 1)
            out.append(" ")
            continue
        m = re.match(r"\\(?:text|mathrm|textbf|textit|operatorname\*?|label|tag)\s*", tex[k:])
        if m:
            end = _strip_braced(tex, k + len(m.group()))
            out.append(r" \SEP ")  # a \text{...} separates clauses ("for all", "with")
            k = end
            continue
        out.append(tex[k])
        k += 1
    return "".join(out)


def _top_level_split(tex: str) -> list[str]:
    """Split at commas and semicolons that are not inside braces or brackets."""
    parts, depth, current = [], 0, []
    for k, ch in enumerate(tex):
        escaped = k > 0 and tex[k - 1] == "\\"
        if ch in "({[" and not escaped:
            depth += 1
        elif ch in ")}]" and not escaped:
            depth -= 1
        if ch in ",;" and depth == 0 and not escaped:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def chains_in_display(tex: str) -> list[tuple[int, str]]:
    """(number of relations, text) of each chain in one displayed formula."""
    environments = r"aligned|alignedat|split|gathered|array"
    tex = re.sub(rf"\\(?:begin|end)\{{(?:{environments})\}}(\{{[^}}]*\}})?", " ", tex)
    tex = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])", " ", tex)
    tex = _without_scripts_and_text(tex)
    segments = []
    for line in re.split(r"\\\\", tex):
        for piece in re.split(r"\\q?quad(?![a-zA-Z])|\\SEP", line):
            segments.extend(_top_level_split(piece))
    chains: list[str] = []
    for seg in segments:
        stripped = seg.replace("&", " ").strip()
        if not stripped:
            continue
        if chains and RELATIONS.match(stripped):  # "&= ..." continues the chain above
            chains[-1] += " " + stripped
        else:
            chains.append(stripped)
    return [(len(RELATIONS.findall(c)), " ".join(c.split())) for c in chains]


def _displays(markdown: str) -> list[str]:
    """The displayed formulas of a markdown text: $$...$$, {math} blocks, amsmath envs."""
    found = [m.group(1) for m in re.finditer(r"\$\$(.+?)\$\$", markdown, re.S)]
    found += [
        m.group(1)
        for m in re.finditer(r"^\s*(?:`{3,}|:{3,})\s*\{math\}[^\n]*\n(.*?)^\s*(?:`{3,}|:{3,})\s*$",
                             markdown, re.S | re.M)
    ]
    rest = re.sub(r"\$\$.+?\$\$", " ", markdown, flags=re.S)
    found += [
        m.group(2)
        for m in re.finditer(rf"\\begin\{{({DISPLAY_ENVS})\}}(.*?)\\end\{{\1\}}", rest, re.S)
    ]
    return found


def split_statements(cells: list[str]) -> list[tuple[int, str, bool]]:
    """(cell, text, inside a statement) pieces of a sequence of markdown cells."""
    pieces: list[tuple[int, str, bool]] = []
    gated: str | None = None
    for k, text in enumerate(cells):
        stack: list[tuple[str, str]] = []  # (fence, directive)
        buffer: list[str] = []

        def flush(inside: bool, k: int = k, buffer: list[str] = buffer) -> None:
            if buffer:
                pieces.append((k, "\n".join(buffer), inside))
                buffer.clear()

        for line in text.split("\n"):
            m = FENCE.match(line)
            closing = stack and re.fullmatch(rf"\s*{re.escape(stack[-1][0])}[`:]*\s*", line)
            in_statement = gated is not None or any(d in STATEMENTS for _, d in stack)
            if m and m.group(3) == "math":  # a display: keep its fences for _displays
                buffer.append(line)
                stack.append((m.group(2), "math"))
                continue
            if closing and stack[-1][1] == "math":
                buffer.append(line)
                stack.pop()
                continue
            if m:
                flush(in_statement)
                name = m.group(3)
                if name in GATED_STATEMENTS:
                    gated = GATED_STATEMENTS[name]
                elif gated is not None and name == gated:
                    gated = None
                if name not in GATED_STATEMENTS and name != (gated or ""):
                    stack.append((m.group(2), name))
                continue
            if closing:
                flush(in_statement)
                stack.pop()
                continue
            buffer.append(line)
        flush(gated is not None or any(d in STATEMENTS for _, d in stack))
    return pieces


def scan_markdown_cells(source: str, cells: list[tuple[int | None, str]]) -> list[Chain]:
    """Every displayed chain of two or more relations outside a statement."""
    found = []
    numbers = [k for k, _ in cells]
    for index, text, inside in split_statements([t for _, t in cells]):
        if inside:
            continue
        for display in _displays(text):
            for count, chain in chains_in_display(display):
                if count >= 2:
                    found.append(Chain(source, numbers[index], count, chain))
    return found


def scan_file(path: Path) -> list[Chain]:
    """Scan a notebook (its markdown cells) or a markdown file."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text())
        cells = [
            (k, "".join(c["source"]))
            for k, c in enumerate(nb["cells"])
            if c["cell_type"] == "markdown"
        ]
    else:
        cells = [(None, path.read_text())]
    return scan_markdown_cells(path.name, cells)


if __name__ == "__main__":
    total = 0
    for arg in sys.argv[1:]:
        for chain in scan_file(Path(arg)):
            print(chain)
            total += 1
    print(f"{total} displayed chain(s) outside statements")
