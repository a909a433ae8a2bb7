"""Every displayed chain of relations in the book is a checked Derivation's output.

Markdown may display a chain of two or more relations only in the statement of a
definition, theorem or exercise; in proofs, solutions and prose the chain must be
printed by an ``infolib.symbolic.Derivation`` cell (which SymPy checks). The scanner
lives in ``tests/chain_scan.py``; it is tested here first, so that a pass means
something.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chain_scan import chains_in_display, scan_file, scan_markdown_cells

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "chapters").glob("*.ipynb")) + [ROOT / "intro.md"]


def _scan(text: str) -> list:
    return scan_markdown_cells("page", [(0, text)])


def test_scanner_finds_a_chain_in_prose_and_in_a_proof():
    assert len(_scan("Hence\n\n$$\na = b = c\n$$\n")) == 1
    proof = (
        "```{prf:proof}\nWe have\n$$\n\\begin{aligned}\n"
        "x &= y \\\\\n&\\le z\n\\end{aligned}\n$$\n```\n"
    )
    [chain] = _scan(proof)
    assert chain.relations == 2
    assert len(_scan("$$\n0 \\le H(p) \\le \\log n\n$$")) == 1
    assert len(_scan("```{math}\nf(x) \\to 0 = g\n```")) == 1


def test_scanner_allows_statements_and_single_relations():
    theorem = "```{prf:theorem} T\n:label: thm-t\n$$\na = b = c\n$$\n```\n"
    assert _scan(theorem) == []
    assert _scan("```{exercise}\n:label: ex-e\nShow\n$$\na = b \\le c\n$$\n```") == []
    # separate clauses are not one chain
    assert _scan("$$\n\\log x \\le x - 1 \\quad \\text{for all } x > 0\n$$") == []
    assert _scan("$$\na = b, \\qquad c = d\n$$") == []
    assert _scan("$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$") == []


def test_scanner_ignores_indices_and_limits():
    assert chains_in_display(r"\sum_{i=1}^{n} p_i = 1") == [(1, r"\sum p = 1")]
    assert chains_in_display(r"\lim_{t \to 0^+} t \log t = 0")[0][0] == 1
    assert chains_in_display(r"H(p,\, q) = 2")[0][0] == 1


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_displayed_chain_outside_a_statement(page):
    found = scan_file(page)
    assert not found, "\n".join(str(c) for c in found)
