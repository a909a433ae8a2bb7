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


# ---------------------------------------------------------------------------
# Batches (0.2)
# ---------------------------------------------------------------------------

BATCH_P = np.array([0.0, 1e-12, 0.1, 0.3, 0.3 + 1e-9, 0.5, 0.9, 1.0])


def test_batch_equals_the_scalar_distributions() -> None:
    coins = Bernoulli(BATCH_P)
    assert coins.batch_shape == (8,) and coins.p.dtype == np.float64
    other = Bernoulli(BATCH_P[::-1].copy())
    scalars = [Bernoulli(float(a)) for a in BATCH_P]
    pairs = list(zip(scalars, [Bernoulli(float(b)) for b in BATCH_P[::-1]], strict=True))
    for got, want in [
        (coins.entropy(), [a.entropy() for a in scalars]),
        (coins.entropy(base=2), [a.entropy(base=2) for a in scalars]),
        (coins.cross_entropy(other), [a.cross_entropy(b) for a, b in pairs]),
        (coins.kl_divergence(other), [a.kl_divergence(b) for a, b in pairs]),
        (coins.kl_divergence(coins), [0.0] * 8),
        (coins.log_prob(1), [a.log_prob(1) for a in scalars]),
        (coins.log_prob(0), [a.log_prob(0) for a in scalars]),
        (coins.prob(1), [a.prob(1) for a in scalars]),
    ]:
        assert got.shape == (8,)
        np.testing.assert_allclose(got, want, rtol=1e-15, atol=0)


def test_batches_broadcast_against_each_other() -> None:
    a = Bernoulli(np.linspace(0.05, 0.95, 3)[:, None])
    b = Bernoulli(np.linspace(0.1, 0.9, 4))
    kl = a.kl_divergence(b)
    assert kl.shape == (3, 4)
    assert kl[2, 1] == pytest.approx(Bernoulli(0.95).kl_divergence(Bernoulli(float(b.p[1]))),
                                     rel=1e-15)
    assert Bernoulli(0.5).kl_divergence(b).shape == (4,)  # a scalar against a batch
    assert a.log_prob(np.array([0, 1])).shape == (3, 2)


@pytest.mark.parametrize("eps", [1e-6, 1e-10, 1e-14])
def test_batch_kl_of_nearly_equal_coins_matches_mpmath(eps: float) -> None:
    p = np.array([0.2, 0.5, 0.9])
    got = Bernoulli(p).kl_divergence(Bernoulli(p + eps))
    with mpmath.workdps(60):
        for value, a in zip(got, p, strict=True):
            pm, qm = mpmath.mpf(float(a)), mpmath.mpf(float(a + eps))
            exact = pm * mpmath.log(pm / qm) + (1 - pm) * mpmath.log((1 - pm) / (1 - qm))
            assert abs((mpmath.mpf(float(value)) - exact) / exact) <= 1e-12


def test_batch_sampling() -> None:
    coins = Bernoulli([[0.1, 0.5], [0.9, 1.0]])
    x = coins.sample(20_000, np.random.default_rng(4))
    assert x.shape == (20_000, 2, 2) and x.dtype == np.int64
    assert np.all(np.abs(x.mean(axis=0) - coins.p) <= 4 * np.sqrt(0.25 / 20_000))
    assert (x[:, 1, 1] == 1).all()
    # a scalar coin draws the same numbers as in 0.1
    np.testing.assert_array_equal(Bernoulli(0.3).sample(5, np.random.default_rng(1)),
                                  (np.random.default_rng(1).random(5) < 0.3).astype(np.int64))


def test_batch_repr_eq_hash_and_immutability() -> None:
    a, b = Bernoulli([0.25, 0.5]), Bernoulli(np.array([0.25, 0.5]))
    assert repr(a) == "Bernoulli(p=[0.25, 0.5])"
    assert a == b and hash(a) == hash(b) and a != Bernoulli([0.25, 0.75])
    assert a != Bernoulli(0.25)
    assert repr(Bernoulli(np.full((4, 5), 0.5))) == "Bernoulli(p=<array of shape (4, 5)>)"
    with pytest.raises(ValueError, match="read-only"):
        a.p[0] = 0.9
