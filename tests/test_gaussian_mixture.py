"""Tests of infolib.gaussian_mixture: the mixture density, moments, sampling, entropy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats

from infolib.distributions import Gaussian
from infolib.gaussian_mixture import GaussianMixture

BIMODAL = GaussianMixture([0.3, 0.7], [-2.0, 2.0], [0.6, 0.8])


def scipy_pdf(p: GaussianMixture, x: np.ndarray) -> np.ndarray:
    """Reference density: weighted sum of scipy.stats.norm densities."""
    rows = zip(p.weights, p.means, p.stds, strict=True)
    return sum(w * stats.norm.pdf(x, m, s) for w, m, s in rows)


def test_pdf_matches_scipy_and_integrates_to_one() -> None:
    x = np.linspace(-8, 8, 2001)
    np.testing.assert_allclose(BIMODAL.pdf(x), scipy_pdf(BIMODAL, x), rtol=1e-13, atol=1e-300)
    total = integrate.quad(lambda t: float(BIMODAL.pdf(t)), -30.0, 30.0, points=[-2, 2])[0]
    assert total == pytest.approx(1.0, abs=1e-10)


def test_log_prob_is_finite_far_in_the_tails() -> None:
    x = np.array([-200.0, 200.0])
    lp = BIMODAL.log_prob(x)
    assert np.all(np.isfinite(lp))
    # Far out the component with the largest std dominates: exact asymptote.
    expected = stats.norm.logpdf(200.0, 2.0, 0.8) + math.log(0.7)
    assert lp[1] == pytest.approx(expected, rel=1e-14)


def test_log_prob_broadcasts_over_shapes() -> None:
    x = np.arange(12.0).reshape(3, 4) - 6
    assert BIMODAL.log_prob(x).shape == (3, 4)
    assert isinstance(BIMODAL.log_prob(0.5), np.floating)


def test_zero_weight_component_is_ignored() -> None:
    p = GaussianMixture([1.0, 0.0], [0.0, 5.0], [1.0, 1.0])
    x = np.linspace(-4, 9, 50)
    np.testing.assert_allclose(p.log_prob(x), Gaussian(0.0, 1.0).log_prob(x), rtol=1e-14)


def test_moments_match_quadrature_and_scipy() -> None:
    m1 = integrate.quad(lambda t: t * float(BIMODAL.pdf(t)), -30.0, 30.0, points=[-2, 2])[0]
    m2 = integrate.quad(lambda t: t * t * float(BIMODAL.pdf(t)), -30.0, 30.0, points=[-2, 2])[0]
    assert BIMODAL.mean == pytest.approx(m1, abs=1e-10)
    assert BIMODAL.second_moment == pytest.approx(m2, rel=1e-10)
    assert BIMODAL.variance == pytest.approx(m2 - m1**2, rel=1e-10)
    assert BIMODAL.std == pytest.approx(math.sqrt(m2 - m1**2), rel=1e-10)
    # Hand computation: mean 0.3*(-2) + 0.7*2 = 0.8; E[X^2] = 0.3*4.36 + 0.7*4.64 = 4.556.
    assert BIMODAL.mean == pytest.approx(0.8, abs=1e-15)
    assert BIMODAL.variance == pytest.approx(4.556 - 0.64, rel=1e-14)


def test_sample_is_seeded_and_has_the_right_moments() -> None:
    a = BIMODAL.sample(200_000, np.random.default_rng(1))
    b = BIMODAL.sample(200_000, np.random.default_rng(1))
    np.testing.assert_array_equal(a, b)
    se = BIMODAL.std / math.sqrt(a.size)
    assert abs(a.mean() - BIMODAL.mean) < 5 * se
    assert np.mean(a < 0) == pytest.approx(0.3, abs=0.005)
    assert BIMODAL.sample(0, 0).shape == (0,)


def test_entropy_matches_adaptive_quadrature_and_single_gaussian() -> None:
    def f(t: float) -> float:
        lp = float(BIMODAL.log_prob(t))
        return -math.exp(lp) * lp

    h_ref = integrate.quad(f, -20, 20, points=[-2, 2], limit=200, epsabs=1e-13)[0]
    assert BIMODAL.entropy() == pytest.approx(h_ref, abs=1e-11)
    assert BIMODAL.entropy(base=2) == pytest.approx(h_ref / math.log(2), abs=1e-11)
    one = GaussianMixture([1.0], [3.0], [0.25])
    assert one.entropy() == pytest.approx(Gaussian(3.0, 0.25).entropy(), abs=1e-13)


def test_components_and_repr() -> None:
    assert BIMODAL.components() == (Gaussian(-2.0, 0.6), Gaussian(2.0, 0.8))
    expected = "GaussianMixture(weights=[0.3, 0.7], means=[-2.0, 2.0], stds=[0.6, 0.8])"
    assert repr(BIMODAL) == expected
    assert BIMODAL.n_components == 2
    with pytest.raises(ValueError):
        BIMODAL.weights[0] = 0.5  # read-only


def test_expect_accepts_batches_and_rejects_bad_shapes() -> None:
    out = BIMODAL.expect(lambda x: np.stack([np.ones_like(x), x, x * x]))
    np.testing.assert_allclose(out, [1.0, BIMODAL.mean, BIMODAL.second_moment], rtol=1e-13)
    with pytest.raises(ValueError, match="f\\(x\\) must end with"):
        BIMODAL.expect(lambda x: x[0])
    with pytest.raises(TypeError, match="f must be a vectorised callable"):
        BIMODAL.expect(3.0)


def test_bad_weights_raise() -> None:
    with pytest.raises(ValueError, match="weights must sum to 1"):
        GaussianMixture([0.5, 0.6], [0.0, 1.0], [1.0, 1.0])
    with pytest.raises(ValueError, match="weights must be non-negative"):
        GaussianMixture([-0.5, 1.5], [0.0, 1.0], [1.0, 1.0])
    with pytest.raises(ValueError, match="weights must be one-dimensional"):
        GaussianMixture([[0.5, 0.5]], [[0.0, 1.0]], [[1.0, 1.0]])


def test_bad_means_and_stds_raise() -> None:
    with pytest.raises(ValueError, match="means must have the same shape"):
        GaussianMixture([0.5, 0.5], [0.0], [1.0, 1.0])
    with pytest.raises(ValueError, match="stds must be > 0"):
        GaussianMixture([0.5, 0.5], [0.0, 1.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="means must be finite"):
        GaussianMixture([0.5, 0.5], [0.0, np.nan], [1.0, 1.0])
    with pytest.raises(TypeError, match="stds must be numeric"):
        GaussianMixture([0.5, 0.5], [0.0, 1.0], "ab")


def test_bad_x_and_sample_arguments_raise() -> None:
    with pytest.raises(ValueError, match="x must be finite"):
        BIMODAL.log_prob([0.0, np.inf])
    with pytest.raises(ValueError, match="n must be >= 0"):
        BIMODAL.sample(-1, np.random.default_rng(0))
    with pytest.raises(TypeError, match="rng must be"):
        BIMODAL.sample(3, "seed")
