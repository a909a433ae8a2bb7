"""Tests of infolib.symbolic.functions: phi(r) = r log r - r + 1, shown as varphi."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import (
    Derivation,
    DerivationError,
    categorical_symbols,
    phi,
    prove_equal,
    prove_nonnegative,
    zero_log_zero,
)
from infolib.symbolic.display import latex

r = sp.Symbol("r", positive=True)
p, q, i, n = categorical_symbols()
S = categorical_symbols().sum


def test_phi_is_shown_as_varphi_and_proved_through_its_definition():
    assert latex(phi(r)) == r"\varphi\left(r\right)"
    assert sp.expand(phi(r)) == r * sp.log(r) - r + 1
    assert prove_equal(q[i] * phi(p[i] / q[i]), p[i] * sp.log(p[i] / q[i]) - p[i] + q[i])
    assert not prove_equal(phi(r), r * sp.log(r) - r)  # the "+ 1" matters


def test_kl_as_a_sum_of_phi_terms_needs_both_normalisations():
    kl = S(p[i] * sp.log(p[i] / q[i]))
    assert prove_equal(S(q[i] * phi(p[i] / q[i])), kl, substitutions={S(p[i]): 1, S(q[i]): 1})
    assert not prove_equal(S(q[i] * phi(p[i] / q[i])), kl, substitutions={S(p[i]): 1})
    assert not prove_equal(S(q[i] * phi(p[i] / q[i])), kl)


def test_the_sign_of_phi_is_proved_not_declared():
    assert phi(r).is_nonnegative is None  # SymPy is not told that phi >= 0
    assert prove_nonnegative(phi(r))  # ... it proves it, by convexity
    assert not prove_nonnegative(phi(r), strict=True)  # phi(1) = 0
    assert not prove_nonnegative(-phi(r))
    assert phi(r).is_real and phi(sp.Symbol("t")).is_real is None


def test_the_derivative_comes_from_the_definition():
    assert sp.diff(phi(r), r) == sp.log(r)
    assert sp.simplify(sp.diff(phi(r), r, 2) - 1 / r) == 0
    series = sp.series(phi(1 + r), r, 0, 4).removeO()
    assert sp.expand(series - (r**2 / 2 - r**3 / 6)) == 0


def test_phi_at_zero_needs_the_convention_explicitly():
    zero = sp.Integer(0)
    assert latex(phi(zero)) == r"\varphi\left(0\right)"
    assert not prove_equal(phi(zero), 1)  # 0 log 0 is not evaluated silently
    d = Derivation(q[i] * phi(zero)).step(q[i], "0 log 0 = 0", method=zero_log_zero)
    with pytest.raises(DerivationError):
        d.check()  # zero_log_zero does not expand phi: the definition is a step of its own
    d = Derivation(q[i] * phi(zero)).step(q[i] * sp.expand(phi(zero)), "definition of phi")
    d.step(q[i], "0 log 0 = 0", method=zero_log_zero)
    assert d.check().checked
    wrong = Derivation(q[i] * phi(zero)).step(q[i] * sp.expand(phi(zero)), "definition")
    wrong.step(2 * q[i], "wrong", method=zero_log_zero)
    with pytest.raises(DerivationError):
        wrong.check()
