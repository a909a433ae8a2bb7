"""Tests of infolib.symbolic.calculus: substitutions proved as substitutions."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import Derivation, DerivationError, change_of_variables

t, u = sp.symbols("t u", positive=True)
x, y = sp.symbols("x y", real=True)
LIMIT = sp.Limit(t * sp.log(t), t, 0, "+")


def test_limit_substitution_is_accepted_only_with_the_transformed_body():
    by_exp = change_of_variables(t, sp.exp(-u), u)
    assert by_exp(LIMIT, sp.Limit(-u * sp.exp(-u), u, sp.oo))
    # the same limit value (0) by another rewriting is not a substitution
    assert not by_exp(LIMIT, sp.Limit(-u * sp.exp(-2 * u), u, sp.oo))
    assert not by_exp(LIMIT, sp.Limit(-u / sp.exp(u) + sp.exp(-u), u, sp.oo))
    # the new point must be where g(u) tends to the old one
    assert not by_exp(LIMIT, sp.Limit(-u * sp.exp(-u), u, 0, "+"))


def test_limit_substitution_needs_the_right_side_and_a_bijection():
    # t = -e^{-u} tends to 0 from below, but the limit is t -> 0+
    assert not change_of_variables(t, -sp.exp(-u), u)(
        LIMIT, sp.Limit(sp.exp(-u) * sp.log(-sp.exp(-u)), u, sp.oo)
    )
    # t = e^{-u^2}(...) with v real: u**2 is not monotone on the real line
    v = sp.Symbol("v", real=True)
    assert not change_of_variables(t, sp.exp(-(v**2)), v)(
        LIMIT, sp.Limit(-(v**2) * sp.exp(-(v**2)), v, sp.oo)
    )


def test_integral_substitution_checks_range_and_jacobian():
    gauss = sp.Integral(sp.exp(-(x**2)), (x, -sp.oo, sp.oo))
    shift = change_of_variables(x, 2 * y + 1, y)
    assert shift(gauss, sp.Integral(2 * sp.exp(-((2 * y + 1) ** 2)), (y, -sp.oo, sp.oo)))
    assert not shift(gauss, sp.Integral(sp.exp(-((2 * y + 1) ** 2)), (y, -sp.oo, sp.oo)))  # no |g'|
    flip = change_of_variables(x, -y, y)  # decreasing: the ends swap, |g'| = 1
    assert flip(gauss, sp.Integral(sp.exp(-(y**2)), (y, -sp.oo, sp.oo)))
    unit = sp.Integral(x**2, (x, 0, 1))
    assert change_of_variables(x, y / 2, y)(unit, sp.Integral(y**2 / 8, (y, 0, 2)))
    assert not change_of_variables(x, y / 2, y)(unit, sp.Integral(y**2 / 8, (y, 0, 1)))  # range


def test_in_a_derivation_and_with_bad_arguments():
    by_exp = change_of_variables(t, sp.exp(-u), u)
    d = Derivation(LIMIT).step(sp.Limit(-u * sp.exp(-u), u, sp.oo), "t = e^{-u}", method=by_exp)
    assert d.check().checked
    d.steps[0].expr = sp.Limit(-u * sp.exp(-3 * u), u, sp.oo)
    with pytest.raises(DerivationError):
        d.check()
    with pytest.raises(ValueError, match="must not contain the old variable"):
        change_of_variables(t, t + u, u)
    with pytest.raises(TypeError, match="Symbols"):
        change_of_variables(t, sp.exp(-u), sp.exp(u))
