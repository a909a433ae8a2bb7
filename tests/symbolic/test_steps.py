"""Tests of infolib.symbolic.steps: proof-step helpers."""

from __future__ import annotations

import pytest
import sympy as sp
from symbolic_fixtures import i, j

from infolib.symbolic import (
    Derivation,
    DerivationError,
    categorical_symbols,
    evaluate_deltas,
    lagrange_stationary_points,
    prove_nonnegative,
    swap_sums,
)

# --------------------------------------------------------------------------- Lagrange


def test_lagrange_maximum_entropy_is_uniform():
    ps = sp.symbols("p1:4", positive=True)
    entropy = -sum(v * sp.log(v) for v in ps)
    sols = lagrange_stationary_points(entropy, ps, sp.Eq(sum(ps), 1))
    assert len(sols) == 1
    assert all(sols[0][v] == sp.Rational(1, 3) for v in ps)


def test_sum_with_constant_summand_is_nonnegative_termwise():
    """Sum(p log(n p) - p + 1/n) >= 0 since each term is; normalising must not hide it."""
    p, q, i, n = categorical_symbols()
    total = sp.Sum(p[i] * sp.log(n * p[i]) - p[i] + 1 / n, (i, 1, n))
    assert prove_nonnegative(total)
    Derivation(total).step(sp.Integer(0), "termwise", relation=">=").check()
    with pytest.raises(DerivationError):  # without the 1/n the terms can be negative
        Derivation(total - sp.Sum(1 / n, (i, 1, n))).step(
            sp.Integer(0), "false", relation=">="
        ).check()


def test_swap_sums_refuses_dependent_ranges_and_wrong_results():
    i, j, n, m = sp.symbols("i j n m", integer=True, positive=True)
    a = sp.IndexedBase("a")
    double = sp.Sum(a[i, j], (j, 1, m), (i, 1, n))
    assert swap_sums(double, sp.Sum(a[i, j], (i, 1, n), (j, 1, m)))
    assert not swap_sums(double, sp.Sum(a[i, j], (i, 1, m), (j, 1, n)))  # ranges mixed up
    triangle = sp.Sum(a[i, j], (j, 1, i), (i, 1, n))
    assert not swap_sums(triangle, sp.Sum(a[i, j], (i, 1, n), (j, 1, i)))


def test_evaluate_deltas_uses_only_the_stated_facts():
    k, y, K = sp.symbols("k y K", integer=True, positive=True)
    q = sp.IndexedBase("q", positive=True)
    one_hot_ce = -sp.Sum(sp.KroneckerDelta(k, y) * sp.log(q[k]), (k, 1, K))
    assert evaluate_deltas(y <= K)(one_hot_ce, -sp.log(q[y]))
    assert evaluate_deltas(K >= y)(one_hot_ce, -sp.log(q[y]))  # either spelling
    assert not evaluate_deltas()(one_hot_ce, -sp.log(q[y]))  # y might be out of range
    assert not evaluate_deltas(y <= K)(one_hot_ce, -2 * sp.log(q[y]))
    with pytest.raises(TypeError, match="facts"):
        evaluate_deltas(y)


def test_within_summation_ranges_uses_only_the_sums_own_ranges():
    from infolib.symbolic import within_summation_ranges

    N = sp.Symbol("N", integer=True, positive=True)
    inner = sp.Sum(sp.KroneckerDelta(i, j), (j, 1, N)).doit()
    assert within_summation_ranges(sp.Sum(inner, (i, 1, N))).doit() == N
    # outside the sum over i nothing is known about i: the condition stays
    assert within_summation_ranges(inner).has(sp.Piecewise)
    # a range that may be reversed (upper < lower - 1) is not trusted
    m = sp.Symbol("m", integer=True)
    assert within_summation_ranges(sp.Sum(inner, (i, 1, m))).has(sp.Piecewise)


def test_log_of_product_needs_positive_factors():
    from infolib.symbolic import log_of_product

    N = sp.Symbol("N", integer=True, positive=True)
    f = sp.Function("f", positive=True)
    x_ = sp.IndexedBase("x")
    lik = sp.log(sp.Product(f(x_[i]), (i, 1, N)))
    assert log_of_product(lik, sp.Sum(sp.log(f(x_[i])), (i, 1, N)))
    assert not log_of_product(lik, sp.Sum(sp.log(f(x_[i])), (i, 1, N)) + 1)
    g = sp.Function("g", real=True)
    real_lik = sp.log(sp.Product(g(x_[i]), (i, 1, N)))
    assert not log_of_product(real_lik, sp.Sum(sp.log(g(x_[i])), (i, 1, N)))


def test_by_lemma_uses_a_checked_equality_only():
    from infolib.symbolic import by_lemma

    a, b = sp.symbols("a b", positive=True)
    f = sp.Function("f")
    lemma_chain = Derivation(f(a) * f(b)).step(f(b) * f(a), "commute")
    use = by_lemma(lemma_chain, f=sp.exp)
    assert not use(sp.exp(a) * sp.exp(b), sp.exp(b) * sp.exp(a))  # not checked yet
    lemma_chain.check()
    assert use(sp.exp(a) * sp.exp(b) + 1, sp.exp(b) * sp.exp(a) + 1)
    assert not use(sp.exp(a) * sp.exp(b), sp.exp(a) + sp.exp(b))
    t = sp.Symbol("t", positive=True)
    ineq = Derivation(sp.log(t)).step(t - 1, "tangent", relation="<=").check()
    assert not by_lemma(ineq)(sp.log(t), t - 1)  # an inequality is not an equality lemma


def test_by_lemma_applies_a_lemma_stated_with_named_quantities():
    """A lemma whose steps define a named quantity (rewrite) is usable as stated.

    Regression: by_lemma used to match only the lemma with its named quantities
    expanded, so a step written with them (p_hat_j, as the lemma displays it) was
    refused.
    """
    from infolib.symbolic import by_lemma

    N = sp.Symbol("N", integer=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    p_hat, c = sp.IndexedBase("p_hat", positive=True), sp.IndexedBase("c", positive=True)
    f, g = sp.Function("f"), sp.Function("g", positive=True)
    average = Derivation(sp.Sum(p_hat[j] * f(j), (j, 1, n)))
    average.step(
        sp.Sum(c[j] * f(j), (j, 1, n)) / N, "p_hat_j = c_j / N", rewrite={p_hat[j]: c[j] / N}
    )
    average.check()
    use = by_lemma(average, f=lambda a: sp.log(g(a)))
    as_stated = -sp.Sum(p_hat[j] * sp.log(g(j)), (j, 1, n)) + 1
    assert use(as_stated, -sp.Sum(c[j] * sp.log(g(j)), (j, 1, n)) / N + 1)
    expanded = -sp.Sum(c[j] / N * sp.log(g(j)), (j, 1, n))
    assert use(expanded, -sp.Sum(c[j] * sp.log(g(j)), (j, 1, n)) / N)  # still works
    # a wrong right-hand side, or a wrong instance, is refused
    assert not use(as_stated, -sp.Sum(c[j] * sp.log(g(j)), (j, 1, n)) + 1)
    assert not use(as_stated, -sp.Sum(c[j] * g(j), (j, 1, n)) / N + 1)
    assert not by_lemma(average, f=g)(as_stated, -sp.Sum(c[j] * sp.log(g(j)), (j, 1, n)) / N + 1)
