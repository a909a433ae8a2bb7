"""Tests of ceiling_bounds: rounding up, t <= ceil(t) < t + 1, and nothing more."""

from __future__ import annotations

import pytest
import sympy as sp
from symbolic_fixtures import i, n, p, q

from infolib.symbolic import Derivation, DerivationError, ceiling_bounds

t = sp.Symbol("t", real=True)
bits = -sp.log(q[i]) / sp.log(2)
L = sp.IndexedBase("L")


def S(e):
    return sp.Sum(e, (i, 1, n))


def shannon_chain(relation_2="<=", relation_3="<"):
    return (
        Derivation(S(p[i] * bits), rewrite={L[i]: sp.ceiling(bits)})
        .step(S(p[i] * L[i]), "round up", relation=relation_2, method=ceiling_bounds)
        .step(
            S(p[i] * (bits + 1)), "less than one more", relation=relation_3, method=ceiling_bounds
        )
        .step(S(p[i] * bits) + 1, "sum p = 1", substitutions={S(p[i]): 1})
    )


def test_the_two_bounds():
    assert ceiling_bounds(t, sp.ceiling(t), relation="<=")
    assert ceiling_bounds(sp.ceiling(t), t, relation=">=")
    assert ceiling_bounds(sp.ceiling(t), t + 1, relation="<")
    assert ceiling_bounds(t + 1, sp.ceiling(t), relation=">")
    assert ceiling_bounds(sp.ceiling(t), t + 1, relation="<=")  # weaker than "<", still true


@pytest.mark.parametrize(
    ("lhs", "rhs", "relation"),
    [
        (sp.ceiling(t), t, "<="),  # reversed: false for t = 1/2
        (t, sp.ceiling(t), "<"),  # equality at integers
        (sp.ceiling(t), t + sp.Rational(1, 2), "<"),  # false for t = 1/4
        (t + 1, sp.ceiling(t), "<="),  # false
        (t, t + 1, "<"),  # no ceiling: not this lemma's business
        (sp.ceiling(t), t, "="),  # equalities are refused
        (2 * sp.ceiling(t), 2 * t + 1, "<"),  # false for t = 1/4
    ],
)
def test_false_or_foreign_steps_are_refused(lhs, rhs, relation):
    assert not ceiling_bounds(lhs, rhs, relation=relation)


def test_shannon_code_chain_checks():
    d = shannon_chain().check()
    assert d.relation == "<"
    assert [s.proved_by for s in d.steps][:2] == ["ceiling_bounds", "ceiling_bounds"]


@pytest.mark.parametrize(("r2", "r3"), [(">=", ">"), ("<", "<"), ("<=", "<=")])
def test_shannon_chain_with_wrong_relations(r2, r3):
    d = shannon_chain(r2, r3)
    if (r2, r3) == ("<=", "<="):
        assert d.check().relation == "<="  # weaker claims, still true
        return
    with pytest.raises(DerivationError):
        d.check()


def test_a_wrong_bound_in_a_sum_is_refused():
    # sum p_i ceil(b_i) < sum p_i b_i + 1/2 is false (b_i = 1/4 for all i)
    with pytest.raises(DerivationError):
        Derivation(S(p[i] * L[i]), rewrite={L[i]: sp.ceiling(bits)}).step(
            S(p[i] * (bits + sp.Rational(1, 2))),
            "too good",
            relation="<",
            method=ceiling_bounds,
        ).check()
