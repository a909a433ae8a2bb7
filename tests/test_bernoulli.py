"""Tests of infolib.bernoulli: the Bernoulli closed forms, MLE fit, against scipy and mpmath."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, stats

from infolib import discrete
from infolib.bernoulli import Bernoulli

LOG2 = math.log(2.0)
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def isclose(a: float, b: float, scale: float = 1.0, rel: float = 1e-9) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel * scale)


def test_bernoulli_log_prob_matches_scipy() -> None:
    x = np.array([0, 1, 1, 0, 1])
    for p in (0.0, 0.2, 0.5, 1.0):
        with np.errstate(divide="ignore"):
            expected = stats.bernoulli(p).logpmf(x)
        np.testing.assert_allclose(Bernoulli(p).log_prob(x), expected, rtol=1e-15)
        np.testing.assert_allclose(Bernoulli(p).prob(x), stats.bernoulli(p).pmf(x))


@pytest.mark.parametrize("p", [0.0, 1e-12, 0.1, 0.5, 0.73, 1.0])
def test_bernoulli_entropy_matches_scipy(p: float) -> None:
    assert Bernoulli(p).entropy() == pytest.approx(stats.bernoulli(p).entropy(), rel=1e-12)


@pytest.mark.parametrize(
    ("p", "q"), [(0.1, 0.5), (0.5, 0.1), (0.3, 0.31), (0.999, 0.001), (0.0, 0.4), (1.0, 0.2)]
)
def test_bernoulli_closed_forms_match_discrete(p: float, q: float) -> None:
    a, b = Bernoulli(p), Bernoulli(q)
    pv, qv = [p, 1 - p], [q, 1 - q]
    assert a.entropy() == pytest.approx(float(discrete.entropy(pv)), rel=1e-12)
    assert a.cross_entropy(b) == pytest.approx(float(discrete.cross_entropy(pv, qv)), rel=1e-12)
    assert a.kl_divergence(b) == pytest.approx(float(discrete.kl_divergence(pv, qv)), rel=1e-9)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        (0.3, 0.3 + 1e-9),
        (0.5, 0.5 + 1e-13),
        (0.9, 0.9 - 1e-7),
        (1e-20, 2e-20),
        (0.999999, 0.9999991),
        (1e-300, 0.7),
        (0.1, 0.5),
    ],
)
def test_bernoulli_kl_matches_mpmath(p: float, q: float) -> None:
    with mpmath.workdps(60):
        pm, qm = mpmath.mpf(p), mpmath.mpf(q)
        exact = pm * mpmath.log(pm / qm) + (1 - pm) * mpmath.log((1 - pm) / (1 - qm))
        got = Bernoulli(p).kl_divergence(Bernoulli(q))
        assert abs((mpmath.mpf(got) - exact) / exact) <= 1e-12


@given(unit, unit)
def test_bernoulli_properties(p: float, q: float) -> None:
    a, b = Bernoulli(p), Bernoulli(q)
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h))


def test_bernoulli_fit_matches_numerical_optimiser() -> None:
    x = Bernoulli(0.3).sample(200, np.random.default_rng(1))
    k, n = x.sum(), x.size

    def nll(p: float) -> float:
        return -(k * math.log(p) + (n - k) * math.log1p(-p)) / n

    res = optimize.minimize_scalar(
        nll, bounds=(1e-9, 1 - 1e-9), method="bounded", options={"xatol": 1e-12}
    )
    fit = Bernoulli.fit(x)
    assert fit.p == k / n
    assert abs(fit.p - res.x) < 1e-5
