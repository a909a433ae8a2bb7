"""Tests of infolib.symbolic.intervals: steps that hold on open intervals."""

from __future__ import annotations

import pytest
import sympy as sp

from infolib.symbolic import Derivation, DerivationError, on_intervals

theta = sp.Symbol("theta", positive=True)
c, m = sp.symbols("c m", positive=True)
N = sp.Symbol("N", integer=True, positive=True)
UNIT = on_intervals((theta, 0, 1))


def test_logarithms_split_on_the_unit_interval():
    assert UNIT(sp.log((1 - theta) ** 2), 2 * sp.log(1 - theta))
    assert UNIT(-sp.log((1 - theta) * theta**N), -sp.log(1 - theta) - N * sp.log(theta))
    # without the interval SymPy may not split log((1 - theta)^2)
    assert (sp.expand_log(sp.log((1 - theta) ** 2)) - 2 * sp.log(1 - theta)) != 0


def test_false_equalities_are_refused():
    assert not UNIT(sp.log((1 - theta) ** 2), sp.log(1 - theta))
    assert not UNIT(sp.log((1 - theta) ** 2), 2 * sp.log(theta - 1))
    assert not UNIT(theta * (1 - theta), theta)


def test_inequalities_follow_the_relation_asked():
    product = theta * (1 - theta)
    assert UNIT(0, product, relation="<")
    assert UNIT(product, 0, relation=">")
    assert not UNIT(product, 0, relation="<")  # reversed
    assert not UNIT(0, product - sp.Rational(1, 4), relation="<=")  # max is 1/4, at 1/2
    assert UNIT(product, theta, relation="<")
    assert UNIT(product, product, relation="<=")
    assert not UNIT(product, product, relation="<")  # an equality is not strict


def test_the_interval_matters():
    product = theta * (1 - theta)
    assert not on_intervals((theta, 0, 2))(0, product, relation="<")  # false for theta > 1
    assert on_intervals((theta, 0, 1))(0, product, relation="<")
    concave = -c / theta**2 - (N - c) / (1 - theta) ** 2
    both = on_intervals((theta, 0, 1), (N, c, sp.oo))
    assert both(concave, 0, relation="<")
    assert not UNIT(concave, 0, relation="<")  # N > c is not stated
    assert not on_intervals((theta, 0, 1), (N, 0, c))(concave, 0, relation="<")  # N < c


def test_half_lines():
    x = sp.Symbol("x", real=True)
    assert on_intervals((x, -sp.oo, 0))(x, 0, relation="<")
    assert not on_intervals((x, -sp.oo, 1))(x, 0, relation="<")
    assert on_intervals((N, c, sp.oo))(c, N, relation="<")
    assert not on_intervals((N, c, sp.oo))(N, c, relation="<=")


def test_refuses_an_interval_outside_the_declared_domain():
    # theta is declared positive: the chain's expressions were built for theta > 0
    assert not on_intervals((theta, -1, 1))(sp.Abs(theta), theta)
    assert not on_intervals((theta, -1, 1))(theta, theta)  # even a trivial step


def test_refuses_bound_variables():
    i = sp.Symbol("i", integer=True)
    total = sp.Sum(i, (i, 1, N))
    assert not on_intervals((i, 0, 1))(total, total)
    slope = sp.Derivative(theta**2, theta)
    # evaluating d/dtheta theta^2 at theta = 1/(1 + u) is not d/du of anything
    assert not UNIT(slope, 2 * theta)


def test_as_a_derivation_step_and_its_mutants():
    d = Derivation(-c / theta**2 - (N - c) / (1 - theta) ** 2)
    method = on_intervals((theta, 0, 1), (N, c, sp.oo))
    d.step(0, "0 < c < N, 0 < theta < 1", relation="<", method=method)
    assert d.check().relation == "<"
    reversed_ = Derivation(-c / theta**2 - (N - c) / (1 - theta) ** 2)
    reversed_.step(0, "reversed", relation=">", method=method)
    with pytest.raises(DerivationError):
        reversed_.check()
    shifted = Derivation(sp.log((1 - theta) ** 2))
    shifted.step(2 * sp.log(1 - theta) + sp.Symbol("epsilon"), "mutant", method=UNIT)
    with pytest.raises(DerivationError):
        shifted.check()


@pytest.mark.parametrize(
    ("ranges", "error"),
    [
        ((), ValueError),
        (((theta, -sp.oo, sp.oo),), ValueError),
        (((theta, 1, 0),), ValueError),
        (((theta, 0, m - c),), ValueError),  # not known to be non-empty
        (((theta, 0, 1), (theta, 0, 2)), ValueError),
        (((theta, 0, 1), (N, theta, sp.oo)), ValueError),  # depends on a replaced variable
        (((sp.Integer(1), 0, 1),), TypeError),
        (((theta, 0),), TypeError),
    ],
)
def test_bad_ranges_are_rejected(ranges, error):
    with pytest.raises(error):
        on_intervals(*ranges)
