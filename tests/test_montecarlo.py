"""Tests of infolib.montecarlo: estimates, standard errors, validation."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from infolib.distributions import Bernoulli, Categorical, Gaussian
from infolib.montecarlo import (
    MonteCarloEstimate,
    monte_carlo_cross_entropy,
    monte_carlo_entropy,
    monte_carlo_kl_divergence,
)

finite_lists = st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=50)


# ---------------------------------------------------------------------------
# MonteCarloEstimate
# ---------------------------------------------------------------------------


def test_estimate_unpacks_as_pair_and_keeps_n() -> None:
    result = MonteCarloEstimate(1.5, 0.25, n=16)
    estimate, standard_error = result
    assert (estimate, standard_error, result.n) == (1.5, 0.25, 16)
    assert tuple(result) == (1.5, 0.25)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.estimate = 2.0


def test_estimate_formatting() -> None:
    result = MonteCarloEstimate(1.23456, 0.00123, n=10)
    assert str(result) == "1.2346 ± 0.0012"
    assert result.format(2) == "1.23 ± 0.00"
    assert result.format(0) == "1 ± 0"
    assert str(MonteCarloEstimate(math.inf, 0.0, n=3)) == "inf ± 0.0000"
    with pytest.raises(ValueError, match="precision"):
        result.format(-1)
    with pytest.raises(ValueError, match="precision"):
        result.format(2.0)


def test_estimate_interval() -> None:
    result = MonteCarloEstimate(2.0, 0.5, n=10)
    assert result.interval() == pytest.approx((2.0 - 0.98, 2.0 + 0.98))
    assert result.interval(z=3) == (0.5, 3.5)
    assert result.interval(z=0) == (2.0, 2.0)
    assert MonteCarloEstimate(math.inf, 0.0, n=2).interval() == (math.inf, math.inf)
    with pytest.raises(ValueError, match=r"\bz\b"):
        result.interval(z=-1)
    with pytest.raises(ValueError, match=r"\bz\b"):
        result.interval(z=float("nan"))
    with pytest.raises(TypeError, match=r"\bz\b"):
        result.interval(z="2")


# ---------------------------------------------------------------------------
# Arithmetic of the estimators
# ---------------------------------------------------------------------------


def test_cross_entropy_is_mean_and_standard_error_by_hand() -> None:
    x = np.array([0.0, 1.0, 2.0, 5.0])
    log_q = stats.norm(1.0, 2.0).logpdf
    values = -log_q(x)
    result = monte_carlo_cross_entropy(x, log_q)
    assert result.n == 4
    assert result.estimate == pytest.approx(values.mean(), rel=1e-15)
    assert result.standard_error == pytest.approx(values.std(ddof=1) / 2.0, rel=1e-14)
    assert result.standard_error != pytest.approx(values.std(ddof=0) / 2.0, rel=1e-3)


def test_kl_uses_paired_differences() -> None:
    x = np.array([0.1, -0.4, 2.0, 0.7, -1.3])
    lp, lq = stats.norm(0, 1).logpdf(x), stats.norm(0.5, 1.5).logpdf(x)
    result = monte_carlo_kl_divergence(x, lp, lq)
    d = lp - lq
    assert result.estimate == pytest.approx(d.mean(), rel=1e-14)
    assert result.standard_error == pytest.approx(d.std(ddof=1) / math.sqrt(5), rel=1e-14)


@given(finite_lists)
def test_entropy_estimate_bounds(xs: list) -> None:
    x = np.array(xs)
    result = monte_carlo_entropy(x, stats.norm(0.0, 10.0).logpdf)
    terms = -stats.norm(0.0, 10.0).logpdf(x)
    assert terms.min() - 1e-9 <= result.estimate <= terms.max() + 1e-9
    assert result.standard_error >= 0.0
    assert result.n == len(xs)


@given(finite_lists)
def test_kl_of_identical_log_densities_is_exactly_zero(xs: list) -> None:
    log_p = stats.norm(1.0, 3.0).logpdf
    assert tuple(monte_carlo_kl_divergence(xs, log_p, log_p)) == (0.0, 0.0)


@given(finite_lists, st.floats(0.1, 10.0), st.sampled_from([2, 10, math.e]))
def test_base_scales_estimate_and_error(xs: list, sigma: float, base: float) -> None:
    log_q = stats.norm(0.0, sigma).logpdf
    nats = monte_carlo_cross_entropy(xs, log_q)
    other = monte_carlo_cross_entropy(xs, log_q, base=base)
    assert other.estimate == pytest.approx(nats.estimate / math.log(base), rel=1e-13, abs=1e-13)
    assert other.standard_error == pytest.approx(
        nats.standard_error / math.log(base), rel=1e-13, abs=1e-13
    )


# ---------------------------------------------------------------------------
# Forms of the log-density argument
# ---------------------------------------------------------------------------


def test_callable_array_and_distribution_object_agree() -> None:
    q = Gaussian(0.5, 1.5)
    x = Gaussian(0.0, 1.0).sample(1000, np.random.default_rng(0))
    a = monte_carlo_cross_entropy(x, q.log_prob)
    b = monte_carlo_cross_entropy(x, q.log_prob(x))
    c = monte_carlo_cross_entropy(x, q)
    d = monte_carlo_cross_entropy(list(x), lambda v: stats.norm(0.5, 1.5).logpdf(v))
    assert a == b == c
    assert d.estimate == pytest.approx(a.estimate, rel=1e-13)


def test_integer_samples_reach_the_callable_as_integers() -> None:
    probs = np.array([0.2, 0.3, 0.5])
    x = Categorical(probs).sample(500, np.random.default_rng(1))
    table = np.log(probs)
    result = monte_carlo_entropy(x, lambda idx: table[idx])  # indexing needs ints
    assert result.estimate == pytest.approx(-table[x].mean())


def test_scalar_valued_callable_is_broadcast() -> None:
    x = np.random.default_rng(2).uniform(0, 4, size=100)
    result = monte_carlo_cross_entropy(x, lambda v: -math.log(4.0))  # uniform on [0, 4]
    assert result.estimate == pytest.approx(math.log(4.0))
    assert result.standard_error == 0.0


def test_zero_density_gives_infinite_estimate() -> None:
    x = np.array([0, 1, 1, 0])
    q = Bernoulli(1.0)  # q(0) = 0
    ce = monte_carlo_cross_entropy(x, q.log_prob)
    kl = monte_carlo_kl_divergence(x, Bernoulli(0.5).log_prob, q.log_prob)
    for result in (ce, kl):
        assert result.estimate == math.inf
        assert result.standard_error == 0.0
        assert not math.isnan(result.estimate)


# ---------------------------------------------------------------------------
# Statistical behaviour
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "q"),
    [
        (Gaussian(0.0, 1.0), Gaussian(0.5, 1.5)),
        (Bernoulli(0.2), Bernoulli(0.7)),
        (Categorical([0.6, 0.3, 0.1]), Categorical([0.2, 0.2, 0.6])),
    ],
    ids=repr,
)
def test_estimates_agree_with_closed_forms(p, q) -> None:
    x = p.sample(50_000, np.random.default_rng(2024))
    checks = [
        (monte_carlo_cross_entropy(x, q, base=2), p.cross_entropy(q, base=2)),
        (monte_carlo_entropy(x, p), p.entropy()),
        (monte_carlo_kl_divergence(x, p, q), p.kl_divergence(q)),
    ]
    for result, exact in checks:
        lo, hi = result.interval(z=4.0)
        assert lo < exact < hi


def test_standard_error_shrinks_like_one_over_sqrt_n() -> None:
    p, q = Gaussian(0.0, 1.0), Gaussian(1.0, 1.0)
    rng = np.random.default_rng(5)
    small = monte_carlo_kl_divergence(p.sample(1_000, rng), p, q).standard_error
    large = monte_carlo_kl_divergence(p.sample(100_000, rng), p, q).standard_error
    assert large / small == pytest.approx(0.1, rel=0.1)
    # For N(0,1) vs N(1,1) the summand is 1/2 - x, with standard deviation 1.
    assert large == pytest.approx(1 / math.sqrt(100_000), rel=0.02)


def test_95_percent_intervals_cover_the_truth_about_95_percent_of_the_time() -> None:
    p, q = Gaussian(0.0, 1.0), Gaussian(0.3, 0.8)
    exact = p.cross_entropy(q)
    rng = np.random.default_rng(99)
    draws = p.sample(400 * 200, rng).reshape(400, 200)
    covered = 0
    for row in draws:
        lo, hi = monte_carlo_cross_entropy(row, q).interval()
        covered += lo <= exact <= hi
    assert 0.91 <= covered / 400 <= 0.99


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

GOOD = np.array([0.1, 0.5, -0.3, 1.2])


def _log_n01(x):
    return stats.norm.logpdf(x)


@pytest.mark.parametrize(
    ("call", "exc", "name"),
    [
        (lambda: monte_carlo_cross_entropy([1.0], _log_n01), ValueError, "samples"),
        (lambda: monte_carlo_cross_entropy([], _log_n01), ValueError, "samples"),
        (lambda: monte_carlo_cross_entropy([[0.0, 1.0]], _log_n01), ValueError, "samples"),
        (lambda: monte_carlo_cross_entropy([0.0, np.nan], _log_n01), ValueError, "samples"),
        (lambda: monte_carlo_cross_entropy([0.0, np.inf], _log_n01), ValueError, "samples"),
        (lambda: monte_carlo_cross_entropy("abc", _log_n01), TypeError, "samples"),
        (lambda: monte_carlo_cross_entropy(GOOD, lambda x: x * np.nan), ValueError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, lambda x: x[:2]), ValueError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, lambda x: "x"), TypeError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, np.zeros(3)), ValueError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, np.zeros((4, 1))), ValueError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, [0, 0, np.inf, 0]), ValueError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, 1.0), TypeError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, "log q"), TypeError, "log_q"),
        (lambda: monte_carlo_cross_entropy(GOOD, _log_n01, base=1), ValueError, "base"),
        (lambda: monte_carlo_entropy(GOOD, np.full(4, -np.inf)), ValueError, "log_p"),
        (lambda: monte_carlo_entropy(GOOD, lambda x: np.full(4, np.nan)), ValueError, "log_p"),
        (lambda: monte_carlo_kl_divergence(GOOD, _log_n01, [0, np.nan, 0, 0]), ValueError, "log_q"),
        (
            lambda: monte_carlo_kl_divergence(GOOD, [0, -np.inf, 0, 0], _log_n01),
            ValueError,
            "log_p",
        ),
        (lambda: monte_carlo_kl_divergence(GOOD, None, _log_n01), TypeError, "log_p"),
    ],
)
def test_bad_inputs(call, exc, name: str) -> None:
    with pytest.raises(exc, match=rf"\b{name}\b"):
        call()


# batched samples, shape (n, *batch): one estimate per sample set


def test_batched_estimate_matches_one_set_at_a_time():
    rng = np.random.default_rng(7)
    ps, qs = Gaussian(rng.normal(size=4), rng.uniform(0.5, 2, 4)), Gaussian(0.3, 1.5)
    x = ps.sample(2_000, rng)
    batch = monte_carlo_kl_divergence(x, ps.log_prob, qs.log_prob)
    assert batch.estimate.shape == batch.standard_error.shape == (4,) and batch.n == 2_000
    for j in range(4):  # the reference: each column as its own 1-D problem
        pj = Gaussian(float(ps.mean[j]), float(ps.std[j]))
        one = monte_carlo_kl_divergence(x[:, j], pj.log_prob, qs.log_prob)
        np.testing.assert_allclose(batch.estimate[j], one.estimate, rtol=1e-12)
        np.testing.assert_allclose(batch.standard_error[j], one.standard_error, rtol=1e-10)


def test_batched_infinite_entry_stays_per_column():
    x = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0]])
    with np.errstate(divide="ignore"):
        log_q = np.log(np.array([[0.5, 0.5], [0.5, 0.0], [0.5, 0.5]]))
    result = monte_carlo_cross_entropy(x, log_q)
    assert result.estimate[0] == pytest.approx(np.log(2)) and result.standard_error[0] == 0.0
    assert result.estimate[1] == np.inf and result.standard_error[1] == 0.0


def test_batched_log_density_of_wrong_shape_is_refused():
    x = np.zeros((10, 3))
    with pytest.raises(ValueError, match=r"log_q must return one value per sample.*\(10, 3\)"):
        monte_carlo_cross_entropy(x, lambda v: np.zeros(10))


def test_batched_format_and_interval_are_elementwise():
    result = MonteCarloEstimate(np.array([[1.0, 2.0]]), np.array([[0.1, 0.0]]), n=5)
    assert result.format(1).tolist() == [["1.0 ± 0.1", "2.0 ± 0.0"]]
    lo, hi = result.interval(2.0)
    np.testing.assert_allclose(lo, [[0.8, 2.0]])
    np.testing.assert_allclose(hi, [[1.2, 2.0]])


def test_scalar_samples_are_refused_even_when_batched():
    with pytest.raises(ValueError, match="samples must be at least one-dimensional"):
        monte_carlo_entropy(1.0, lambda v: 0.0)
