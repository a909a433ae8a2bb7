"""Tests of infolib.symbolic.assumptions: a step proved from weaker assumptions."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import Derivation, DerivationError, only_assuming, sum_over

i = sp.Symbol("i", integer=True)
m, r = sp.symbols("m r", integer=True, nonnegative=True)
q = sp.IndexedBase("q", positive=True)
head, tail = sum_over(i, 1, m)(q[i]), sum_over(i, m + 1, m + r)(q[i])
weak = only_assuming(q, nonnegative=True)


def test_a_step_that_needs_only_the_weaker_assumption_is_proved():
    d = Derivation(head - 1).step(head + tail - 1, "$q_i \\ge 0$", relation="<=", method=weak)
    assert d.check().checked
    assert weak(head, head + tail, relation="<=")
    assert weak(head + tail, head, relation=">=")
    assert weak(head + tail, tail + head)  # an equality


def test_a_step_that_needs_the_stronger_assumption_is_refused():
    assert not weak(sp.Integer(0), tail, relation="<")  # q_i > 0 would be needed (and r >= 1)
    t = sp.Symbol("t", positive=True)
    assert not only_assuming(t, nonnegative=True)(sp.log(t * t), 2 * sp.log(t))
    assert not weak(head + tail, head, relation="<=")  # reversed


def test_a_reversed_step_is_refused_in_a_derivation():
    d = Derivation(head - 1).step(head + tail - 1, "reversed", relation=">=", method=weak)
    with pytest.raises(DerivationError):
        d.check()


def test_assumptions_can_only_be_weakened():
    with pytest.raises(ValueError, match="only weaken"):
        only_assuming(sp.IndexedBase("p", real=True), positive=True)
    with pytest.raises(ValueError, match="only weaken"):
        only_assuming(sp.Symbol("s", nonnegative=True), positive=True)
    with pytest.raises(TypeError):
        only_assuming(q[i], nonnegative=True)
    assert only_assuming(sp.Symbol("s", positive=True), real=True)(sp.Integer(1), sp.Integer(1))
