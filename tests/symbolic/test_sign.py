"""Tests of inequality chains: the sign prover and Derivation.check on "<=" steps."""

from __future__ import annotations

import pytest
import sympy as sp
from symbolic_fixtures import gibbs_chain, i, integral, p, pf, q, qf, s, x

from infolib.symbolic import (
    Derivation,
    DerivationError,
    lemma,
    prove_nonnegative,
)

# --------------------------------------------------------------------------- inequalities


def test_inequality_chain_proves_gibbs():
    d = gibbs_chain().check()
    assert d.relation == "<="
    assert isinstance(d.conclusion, sp.LessThan)
    assert "<=" in d.summary()
    assert r"&\le " in d.latex()


def test_inequality_chain_for_densities():
    d = Derivation(
        integral(pf(x) * sp.log(qf(x) / pf(x))),
        substitutions={integral(pf(x)): 1, integral(qf(x)): 1},
    )
    d.step(integral(pf(x) * (qf(x) / pf(x) - 1)), "log x <= x - 1", relation="<=")
    d.step(integral(qf(x)) - integral(pf(x)), "linearity")
    d.step(0, "normalisation")
    assert d.check().checked


def test_false_inequality_is_rejected():
    d = Derivation(s(p[i] * sp.log(q[i] / p[i])))
    d.step(s(p[i] * (q[i] / p[i] - 1)), "log x >= x - 1 (false)", relation=">=")
    with pytest.raises(DerivationError, match=r"step 1 .*could not prove .* >= "):
        d.check()
    t = sp.Symbol("t", positive=True)
    strict = Derivation(sp.log(t)).step(t - 1, "strict (false at t = 1)", relation="<")
    with pytest.raises(DerivationError):
        strict.check()
    assert Derivation(sp.log(t)).step(t - 1, "log t <= t - 1", relation="<=").check().checked


def test_inequality_with_lemma_callable():
    calls = []

    @lemma(proves="<=")
    def sin_at_most_one(lhs, rhs):
        calls.append((lhs, rhs))
        return True

    t = sp.Symbol("t", positive=True)
    d = Derivation(sp.sin(t)).step(1, "sin t <= 1", relation="<=", method=sin_at_most_one)
    assert d.check().checked and calls == [(sp.sin(t), 1)]
    refused = Derivation(sp.sin(t)).step(
        0, "no", relation="<=", method=lambda lhs, rhs, relation: False
    )
    with pytest.raises(DerivationError, match="supplied method returned False"):
        refused.check()
    # without a lemma SymPy cannot prove it, and must not pretend to
    with pytest.raises(DerivationError):
        Derivation(sp.sin(t)).step(1, "sin t <= 1", relation="<=").check()


def test_lemma_on_an_inequality_is_told_the_relation():
    seen = []

    def bounded(lhs, rhs, relation):
        seen.append(relation)
        return relation == "<=" and prove_nonnegative(rhs - lhs)

    t = sp.Symbol("t", positive=True)
    assert Derivation(sp.log(t)).step(t - 1, "tangent", relation="<=", method=bounded).check()
    # the same lemma asked for the reversed relation says no
    with pytest.raises(DerivationError, match="returned False"):
        Derivation(sp.log(t)).step(t - 1, "tangent", relation=">=", method=bounded).check()
    assert seen == ["<=", ">="]


def test_lemma_that_is_not_told_the_relation_is_refused():
    t = sp.Symbol("t", positive=True)

    def blind(lhs, rhs):
        return True

    with pytest.raises(ValueError, match="not told which relation"):
        Derivation(sp.log(t)).step(t - 1, "tangent", relation="<=", method=blind)
    # an equality lemma needs no relation
    x = sp.Symbol("x")
    assert Derivation(x + x).step(2 * x, "collect", method=blind).check().checked


def test_declared_relation_must_match_even_after_a_step_is_changed():
    t = sp.Symbol("t", positive=True)
    below = lemma(proves="<=")(lambda lhs, rhs: prove_nonnegative(rhs - lhs))
    with pytest.raises(ValueError, match="proves '<=', but the step claims '<'"):
        Derivation(sp.log(t)).step(t - 1, "tangent", relation="<", method=below)
    d = Derivation(sp.log(t)).step(t - 1, "tangent", relation="<=", method=below)
    d.steps[0].relation = ">="  # what a mutation test does: reverse the claimed relation
    with pytest.raises(DerivationError, match="proves '<=', but the step claims '>='"):
        d.check()
    with pytest.raises(ValueError, match="proves must be one of"):
        lemma(proves="~")


def test_prove_nonnegative():
    t = sp.Symbol("t", positive=True)
    y = sp.Symbol("y", real=True)
    assert prove_nonnegative(t - 1 - sp.log(t))
    assert prove_nonnegative(sp.exp(y) - 1 - y)
    assert prove_nonnegative(sp.exp(y) - y, strict=True)
    assert prove_nonnegative(sp.expand((y - 1) ** 2))
    assert not prove_nonnegative(-((y - 1) ** 2))
    assert not prove_nonnegative(1 / y)
    assert not prove_nonnegative(sp.log(t) - t + 1)
    assert not prove_nonnegative(s(p[i] * sp.log(p[i])))


def test_mixed_directions_and_bad_methods_are_refused():
    t = sp.Symbol("t", positive=True)
    d = Derivation(t).step(t + 1, "up", relation="<=")
    with pytest.raises(ValueError, match="mixing"):
        d.step(t, "down", relation=">=")
    with pytest.raises(ValueError, match="unknown method"):
        Derivation(t).step(t, "x", method="magic")
    with pytest.raises(ValueError, match="relation"):
        Derivation(t).step(t, "x", relation="!=")


def test_positive_factor_in_front_of_a_sum_keeps_the_summand_as_written():
    # (1/n) * sum_i (n p_i log(n p_i) - n p_i + 1) = (1/n) sum_i phi(n p_i) >= 0: the constant
    # summand 1 must stay inside the sum (pulled out, the remaining summand is negative).
    n = sp.Symbol("n", integer=True, positive=True)
    summand = n * p[i] * sp.log(n * p[i]) - n * p[i] + 1
    assert prove_nonnegative(sp.Sum(summand, (i, 1, n)) / n)
    assert prove_nonnegative(sp.Rational(1, 2) * sp.Sum(summand, (i, 1, n)))
    # without the + 1 the summand has minimum -1 at p_i = 1/n: not provable, and false
    assert not prove_nonnegative(sp.Sum(summand - 1, (i, 1, n)) / n)
    assert not prove_nonnegative(-sp.Sum(summand, (i, 1, n)) / n)
