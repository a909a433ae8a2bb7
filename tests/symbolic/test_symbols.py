"""Tests of infolib.symbolic.symbols: assumptions of the symbol factories."""

from __future__ import annotations

import pytest
import sympy as sp
from symbolic_fixtures import i, j, n, p, pf, q, qf, x

from infolib.symbolic import (
    categorical_symbols,
    density_symbols,
    integral_over,
    sum_over,
)


def test_categorical_symbols_assumptions():
    assert p[i].is_positive and q[j].is_positive
    assert i.is_integer and n.is_integer and n.is_positive
    a, b, c, k, m = categorical_symbols(("a", "b", "c"), index="k", n="m", positive=False)
    assert a[k].is_real and a[k].is_positive is None
    assert (k.name, m.name) == ("k", "m")


def test_density_symbols_assumptions():
    assert x.is_real
    assert pf(x).is_positive and qf(x).is_positive
    assert sp.expand(sp.log(pf(x) / qf(x))) == sp.log(pf(x)) - sp.log(qf(x))


def test_sum_and_integral_helpers_build_the_binders():
    syms = categorical_symbols()
    p_, q_, i_, n_ = syms  # still unpacks as a tuple
    assert syms.sum(p_[i_]) == sp.Sum(p_[i_], (i_, 1, n_))
    x_, f_ = density_symbols(("f",))
    assert density_symbols(("f",)).integral(f_(x_)) == sp.Integral(f_(x_), (x_, -sp.oo, sp.oo))
    j_ = sp.Symbol("j", integer=True)
    K = sp.Symbol("K", integer=True, positive=True)
    assert sum_over(j_, 0, K - 1)(j_) == sp.Sum(j_, (j_, 0, K - 1))
    assert integral_over(x_, 0, 1)(x_).doit() == sp.Rational(1, 2)


def test_sum_and_integral_helpers_refuse_bad_variables():
    with pytest.raises(TypeError, match="index must be an integer"):
        sum_over(sp.Symbol("t"), 1, 3)
    with pytest.raises(TypeError, match="upper end"):
        sum_over(sp.Symbol("k", integer=True))
    with pytest.raises(TypeError, match="variable must be a real"):
        integral_over(sp.Symbol("z"))
