"""Tests of infolib.symbolic.expectation: linearity and stated moments, nothing more."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import (
    Derivation,
    DerivationError,
    evaluate_deltas,
    expectation,
    linearity_of_expectation,
    sum_over,
)

i, j = sp.symbols("i j", integer=True)
N = sp.Symbol("N", integer=True, positive=True)
mu = sp.Symbol("mu", real=True)
sigma = sp.Symbol("sigma", positive=True)
x = sp.IndexedBase("x", real=True)
Si, Sj = sum_over(i, 1, N), sum_over(j, 1, N)
MOMENTS = {x[i] * x[j]: mu**2 + sigma**2 * sp.KroneckerDelta(i, j)}


def bias_chain(last=None) -> Derivation:
    xbar = sp.Symbol("xbar")
    d = Derivation(expectation(Si((x[i] - xbar) ** 2) / N), rewrite={xbar: Sj(x[j]) / N})
    d.step(expectation(Si(x[i] ** 2) / N - xbar**2), "expand the square")
    d.step(
        Si(expectation(x[i] ** 2)) / N - Si(Sj(expectation(x[i] * x[j]))) / N**2,
        "linearity",
        method=linearity_of_expectation([x]),
    )
    d.step(
        Si(mu**2 + sigma**2) / N - Si(Sj(mu**2 + sigma**2 * sp.KroneckerDelta(i, j))) / N**2,
        "moments",
        method=linearity_of_expectation([x], moments=MOMENTS),
    )
    d.step(last if last is not None else (N - 1) * sigma**2 / N, "deltas", method=evaluate_deltas())
    return d


def test_bias_of_the_variance_estimator_from_the_moments():
    assert bias_chain().check().checked
    with pytest.raises(DerivationError):  # the unbiased claim is false
        bias_chain(sigma**2).check()


def test_linearity_does_not_factor_products_of_random_quantities():
    lin = linearity_of_expectation([x])
    assert lin(expectation(2 * x[i] + 3), 2 * expectation(x[i]) + 3)
    # E[x_i x_j] is not E[x_i] E[x_j] without independence
    assert not lin(expectation(x[i] * x[j]), expectation(x[i]) * expectation(x[j]))
    # a moment that was not stated is not invented
    assert not linearity_of_expectation([x], moments={x[i]: mu})(
        expectation(x[i] ** 2), mu**2
    )


def test_moments_match_any_index_and_the_diagonal():
    lin = linearity_of_expectation([x], moments=MOMENTS)
    k = sp.Symbol("k", integer=True)
    assert lin(expectation(x[k] ** 2), mu**2 + sigma**2)
    assert lin(expectation(x[k] * x[i]), mu**2 + sigma**2 * sp.KroneckerDelta(k, i))
    with pytest.raises(ValueError, match="at least one"):
        linearity_of_expectation([])
