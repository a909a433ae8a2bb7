"""Tests of infolib.symbolic.steps: proof-step helpers."""

from __future__ import annotations

import pytest
import sympy as sp

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
