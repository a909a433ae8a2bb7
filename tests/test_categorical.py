"""Tests of infolib.categorical: the categorical closed forms, sampling, MLE fit."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, special, stats
from strategies import prob_vectors

from infolib.distributions import Bernoulli, Categorical


def isclose(a: float, b: float, scale: float = 1.0, rel: float = 1e-9) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel * scale)


def test_categorical_probs_are_a_read_only_copy() -> None:
    source = np.array([0.25, 0.75])
    c = Categorical(source)
    source[0] = 0.9
    assert c.probs[0] == 0.25
    with pytest.raises(ValueError, match="read-only"):
        c.probs[0] = 0.5


def test_categorical_log_prob_matches_log_of_probs() -> None:
    probs = np.array([0.1, 0.2, 0.3, 0.4])
    x = np.array([[3, 0], [1, 2]])
    out = Categorical(probs).log_prob(x)
    assert out.shape == (2, 2) and out.dtype == np.float64
    np.testing.assert_array_equal(out, np.log(probs)[x])


def test_categorical_closed_forms_match_scipy() -> None:
    p = np.array([0.5, 0.25, 0.125, 0.125])
    q = np.array([0.1, 0.2, 0.3, 0.4])
    a, b = Categorical(p), Categorical(q)
    assert a.entropy(base=2) == pytest.approx(1.75, rel=1e-14)
    assert a.entropy() == pytest.approx(stats.entropy(p), rel=1e-13)
    assert a.kl_divergence(b) == pytest.approx(stats.entropy(p, q), rel=1e-13)
    assert a.cross_entropy(b) == pytest.approx(-np.sum(p * np.log(q)), rel=1e-13)


@given(st.integers(1, 6).flatmap(lambda k: st.tuples(prob_vectors(k), prob_vectors(k))))
def test_categorical_properties(pq) -> None:
    a, b = Categorical(pq[0]), Categorical(pq[1])
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h))
    assert 0.0 <= h <= math.log(a.k) + 1e-12


@pytest.mark.parametrize("tiny", [1e-17, 1e-300, 5e-324])
def test_categorical_kl_with_tiny_probability(tiny: float) -> None:
    # 0 < p_i << q_i: (p_i - q_i)/q_i rounds to -1, a log1p(-1) trap.
    a, b = Categorical([tiny, 1.0 - tiny]), Categorical([0.7, 0.3])
    assert a.kl_divergence(b) == pytest.approx(-math.log(0.3), rel=1e-12)
    assert Bernoulli(tiny).kl_divergence(Bernoulli(0.7)) == pytest.approx(-math.log(0.3))


def test_categorical_sample_frequencies() -> None:
    probs = np.array([0.1, 0.6, 0.3])
    x = Categorical(probs).sample(30_000, np.random.default_rng(11))
    freq = np.bincount(x, minlength=3) / x.size
    assert np.all(np.abs(freq - probs) < 4 * np.sqrt(probs * (1 - probs) / x.size))


def test_categorical_fit_matches_numerical_optimiser() -> None:
    x = Categorical([0.1, 0.2, 0.3, 0.4]).sample(300, np.random.default_rng(2))

    def nll(theta: np.ndarray) -> float:
        return -float(np.mean(special.log_softmax(np.r_[0.0, theta])[x]))

    res = optimize.minimize(nll, np.zeros(3), method="BFGS", options={"gtol": 1e-10})
    fitted = special.softmax(np.r_[0.0, res.x])
    fit = Categorical.fit(x)
    np.testing.assert_allclose(fit.probs, np.bincount(x, minlength=4) / x.size)
    np.testing.assert_allclose(fit.probs, fitted, atol=1e-5)


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30), st.integers(5, 8))
def test_categorical_fit_with_k(xs: list, k: int) -> None:
    fit = Categorical.fit(xs, k=k)
    assert fit.k == k
    np.testing.assert_allclose(fit.probs, np.bincount(xs, minlength=k) / len(xs))
    assert Categorical.fit(xs).k == max(xs) + 1


# ---------------------------------------------------------------------------
# Batches (0.2)
# ---------------------------------------------------------------------------


def test_batch_of_rows_equals_the_single_distributions() -> None:
    rng = np.random.default_rng(5)
    probs = rng.dirichlet(np.ones(4), size=(2, 3))
    probs[0, 0] = [0.5, 0.5, 0.0, 0.0]
    other = rng.dirichlet(np.ones(4), size=3)  # batch (3,) broadcasts against (2, 3)
    batch, q = Categorical(probs), Categorical(other)
    assert batch.batch_shape == (2, 3) and batch.k == 4
    for i, j in np.ndindex(2, 3):
        single, single_q = Categorical(probs[i, j]), Categorical(other[j])
        assert batch.entropy()[i, j] == single.entropy()
        assert batch.cross_entropy(q)[i, j] == single.cross_entropy(single_q)
        assert batch.kl_divergence(q, base=2)[i, j] == single.kl_divergence(single_q, base=2)
        assert batch.log_prob(3)[i, j] == single.log_prob(3)
    x = np.array([[0], [2]])  # (2, 1) broadcasts against (2, 3)
    np.testing.assert_array_equal(batch.prob(x), np.take_along_axis(
        probs, np.broadcast_to(x, (2, 3))[..., None], axis=-1)[..., 0])


def test_batch_sampling_frequencies_per_row() -> None:
    probs = np.array([[0.1, 0.6, 0.3], [0.0, 0.0, 1.0], [1 / 3, 1 / 3, 1 / 3]])
    x = Categorical(probs).sample(30_000, np.random.default_rng(6))
    assert x.shape == (30_000, 3) and x.dtype == np.int64
    for row in range(3):
        freq = np.bincount(x[:, row], minlength=3) / x.shape[0]
        tol = 4 * np.sqrt(probs[row] * (1 - probs[row]) / x.shape[0]) + 1e-12
        assert np.all(np.abs(freq - probs[row]) <= tol)


def test_batch_rows_must_each_be_distributions() -> None:
    with pytest.raises(ValueError, match=r"probs must sum to 1.*off by up to 1\.0e-01"):
        Categorical([[0.5, 0.5], [0.5, 0.6]])
    with pytest.raises(ValueError, match="same number of categories"):
        Categorical([[0.5, 0.5]]).kl_divergence(Categorical([0.2, 0.3, 0.5]))
    assert repr(Categorical([[0.5, 0.5], [1.0, 0.0]])) == (
        "Categorical(probs=[[0.5, 0.5], [1.0, 0.0]])")
