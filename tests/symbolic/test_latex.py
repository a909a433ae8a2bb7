"""Tests of the rendering of derivations (LaTeX and text)."""

from __future__ import annotations

import re

import sympy as sp
from symbolic_fixtures import H, Hpq, gibbs_chain, i, kl_chain, p, q, s

from infolib.symbolic import (
    Derivation,
)

# --------------------------------------------------------------------------- rendering


def test_latex_rendering_contains_chain_and_justifications():
    d = kl_chain().check()
    tex = d._repr_latex_()
    assert tex.startswith("$$\\begin{aligned}") and tex.endswith("\\end{aligned}$$")
    assert tex == "$$" + d.latex() + "$$"
    assert r"D_{\mathrm{KL}}(p \| q) &= " in tex
    assert r"\text{assuming } p_i, q_i > 0" in tex
    for step in d.steps:
        assert r"\text{(" + step.why + ")}" in tex
    rows = d.latex().split("\\\\\n")
    assert len(rows) == 4
    assert r"{p}_{i} \log{\left(\frac{{p}_{i}}{{q}_{i}} \right)}" in rows[0]  # p_i log(...)
    assert r"\sum_{i=1}^{n}" in rows[1]


def test_latex_escapes_justification_text():
    y = sp.Symbol("y")
    d = Derivation(y + y).step(2 * y, r"collect & 100% of $\alpha_1$").check()
    row = d.latex().split("\\\\\n")[1]
    # exactly the three alignment tabs: '&= ... && ...'
    assert len(re.findall(r"(?<!\\)&", row)) == 3
    assert r"\&" in row and r"\%" in row and r"\alpha_1" in row


def test_unchecked_rendering_is_marked():
    d = kl_chain()
    assert "not checked" in d._repr_latex_()
    assert "not checked" in repr(d)
    d.check()
    assert "not checked" not in d._repr_latex_()
    d.step(-H + Hpq, "again")
    assert not d.checked


def test_symbol_names_are_used():
    y = sp.Symbol("y")
    d = Derivation(2 * y, symbol_names={y: r"\theta"}).step(y + y, "split").check()
    assert r"\theta" in d.latex()


def test_repr_is_deterministic_and_lists_steps():
    a, b = kl_chain().check(), kl_chain().check()
    assert repr(a) == repr(b) == str(a)
    assert "0x" not in repr(a)
    lines = repr(a).splitlines()
    assert lines[0] == r"Derivation D_{\mathrm{KL}}(p \| q): 3 steps checked by SymPy"
    for step in a.steps:
        assert any(line.endswith(f"[{step.why}]") for line in lines)
    assert repr(gibbs_chain().check()) == repr(gibbs_chain().check())
    assert a._repr_latex_() == b._repr_latex_()


def test_steps_unpack_as_expr_and_why():
    d = kl_chain()
    expr, why = d.steps[0]
    assert why == "log of a quotient"
    assert expr == s(p[i] * (sp.log(p[i]) - sp.log(q[i])))


def test_a_typed_sum_keeps_its_brackets_after_a_minus_sign_and_under_a_sum():
    # regression: -(a + b) typed was shown as "- a + b", and sum_i (a - b) as "sum_i a - b"
    from infolib.symbolic import as_typed, difference_as_typed, sum_over, terms_as_typed
    from infolib.symbolic.display import latex

    a, b = sp.symbols("a b")
    k = sp.Symbol("k", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    assert latex(-terms_as_typed(a, b)) == r"- \left(a + b\right)"
    assert latex(-as_typed(a + b)) == r"- \left(a + b\right)"
    summed = sum_over(k, 1, n)(difference_as_typed(a, b))
    assert latex(summed) == r"\sum_{k=1}^{n} \left(a - b\right)"
    # unchanged: products and plain sums
    assert latex(-terms_as_typed(a, b) * b).count(r"\left(a + b\right)") == 1
    assert latex(sum_over(k, 1, n)(a - b)) == r"\sum_{k=1}^{n} \left(a - b\right)"
    assert latex(-a) == "- a"
