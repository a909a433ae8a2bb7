"""Tests of infolib.symbolic.conventions: 0 log 0 = 0 as an explicit step."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import Derivation, DerivationError, one_hot_sum, xlogx, zero_log_zero
from infolib.symbolic.display import latex

k, y = sp.symbols("k y", integer=True)
K = sp.Symbol("K", integer=True, positive=True)
H_ONE_HOT = -sp.Sum(xlogx(sp.KroneckerDelta(k, y)), (k, 1, K))


def test_entropy_of_a_one_hot_vector_uses_the_convention_explicitly():
    d = Derivation(H_ONE_HOT)
    d.step(-(xlogx(1) + (K - 1) * xlogx(0)), "split", method=one_hot_sum(y >= 1, y <= K))
    d.step(sp.Integer(0), "0 log 0 = 0", method=zero_log_zero)
    assert d.check().checked
    assert r"0 \log 0" in d.latex()


def test_without_the_convention_the_step_is_not_proved():
    d = Derivation(-(xlogx(1) + (K - 1) * xlogx(0))).step(sp.Integer(0), "no convention")
    with pytest.raises(DerivationError):
        d.check()
    assert not zero_log_zero(xlogx(0), sp.Integer(1))
    t = sp.Symbol("t", positive=True)
    assert zero_log_zero(xlogx(t), t * sp.log(t))


def test_one_hot_sum_needs_the_range_of_the_label_and_a_delta():
    assert not one_hot_sum(y <= K)(H_ONE_HOT, -(xlogx(1) + (K - 1) * xlogx(0)))
    assert not one_hot_sum(y >= 1, y <= K)(H_ONE_HOT, -(xlogx(1) + K * xlogx(0)))
    t = sp.IndexedBase("t")
    assert not one_hot_sum(y >= 1, y <= K)(-sp.Sum(xlogx(t[k]), (k, 1, K)), 0)
    with pytest.raises(TypeError, match="relations"):
        one_hot_sum("y <= K")
    assert latex(xlogx(sp.Symbol("t"))) == r"t \log t"
