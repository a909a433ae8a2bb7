"""Tests of infolib.symbolic.series: Taylor expansions with a remainder as checked steps."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import Derivation, DerivationError, phi, taylor_expansion

x = sp.Symbol("x", real=True)
p, q = sp.symbols("p q", positive=True)


def test_a_true_expansion_is_proved():
    at_0 = taylor_expansion(x)
    assert at_0(sp.log(1 + x), x - x**2 / 2 + x**3 / 3 + sp.O(x**4))
    assert at_0(sp.exp(x), 1 + x + sp.O(x**2))
    assert at_0(sp.cos(x), 1 - x**2 / 2 + sp.O(x**4))  # the x^3 term is zero
    at_q = taylor_expansion(p, q)
    cubic = (p - q) ** 2 / (2 * q) - (p - q) ** 3 / (6 * q**2) + sp.O((p - q) ** 4, (p, q))
    assert at_q(q * phi(p / q), cubic)


def test_a_false_expansion_is_refused():
    at_0 = taylor_expansion(x)
    assert not at_0(sp.log(1 + x), x + x**2 / 2 + sp.O(x**3))  # wrong sign
    assert not at_0(sp.log(1 + x), x + sp.O(x**3))  # a term missing
    assert not at_0(sp.log(1 + x), x - x**2 / 2 + sp.O(x**4))  # remainder claimed too small
    assert not at_0(sp.log(1 + x), x - x**2 / 2)  # no remainder: not a Taylor statement
    assert not at_0(sp.log(1 + x), x - x**2 / 2 + sp.O((x - 1) ** 3, (x, 1)))  # wrong point
    # a remainder not of the form O(x^K) is not a Taylor statement, even where it holds
    assert not at_0(sp.log(1 + x), x - x**2 / 2 + sp.O(x**3 * sp.log(x)))
    at_q = taylor_expansion(p, q)
    wrong = (p - q) ** 2 / (2 * q) + (p - q) ** 3 / (6 * q**2) + sp.O((p - q) ** 4, (p, q))
    assert not at_q(q * phi(p / q), wrong)


def test_a_polynomial_written_as_a_finite_sum():
    eta = sp.Symbol("eta", real=True)
    k = sp.Symbol("k", integer=True)
    coefficients = sp.Sum((-1) ** k * eta**k / (k * (k - 1)), (k, 2, 11))
    at_0 = taylor_expansion(eta)
    assert at_0(phi(1 + eta), coefficients + sp.O(eta**12))
    wrong = sp.Sum((-1) ** k * eta**k / (k * (k + 1)), (k, 2, 11))
    assert not at_0(phi(1 + eta), wrong + sp.O(eta**12))
    assert not at_0(phi(1 + eta), coefficients + sp.O(eta**13))  # the x^12 term is missing


def test_a_function_that_is_not_smooth_at_the_point_is_refused():
    at_0 = taylor_expansion(x)
    assert not at_0(x**4 * sp.log(x), sp.O(x**4))  # x^4 log x is not O(x^4)
    assert not at_0(1 / x + x, x + sp.O(x**2))  # a pole


def test_weakening_a_remainder_but_never_refining_it():
    at_0 = taylor_expansion(x)
    assert at_0(x**2 / 2 - x**3 / 6 + sp.O(x**4), x**2 / 2 + sp.O(x**3))
    assert not at_0(x**2 / 2 + sp.O(x**3), x**2 / 2 - x**3 / 6 + sp.O(x**4))
    assert not at_0(x**2 / 2 - x**3 / 6 + sp.O(x**4), x**2 / 3 + sp.O(x**3))


def test_in_a_derivation_and_under_mutation():
    at_q = taylor_expansion(p, q)
    d = Derivation(q * phi(p / q))
    d.step((p - q) ** 2 / (2 * q) - (p - q) ** 3 / (6 * q**2) + sp.O((p - q) ** 4, (p, q)),
           "Taylor at p = q", method=at_q)
    d.step((p - q) ** 2 / (2 * q) + sp.O((p - q) ** 3, (p, q)), "weaker remainder", method=at_q)
    assert d.check().checked
    eps = sp.Symbol("epsilon")
    for k in range(2):  # the mutation test: a perturbed step must be refused
        bad = Derivation(d.start)
        for j, st in enumerate(d.steps):
            bad.step(st.expr + (eps if j == k else 0), st.why, method=st.method)
        with pytest.raises(DerivationError):
            bad.check()


def test_bad_arguments():
    with pytest.raises(TypeError):
        taylor_expansion(x**2)
    with pytest.raises(ValueError):
        taylor_expansion(x, x + 1)
    with pytest.raises(ValueError):
        taylor_expansion(x, sp.oo)
