"""Tests of infolib.mixtures: the forward and reverse KL divergence of a mixture to a Gaussian."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from infolib.distributions import Gaussian
from infolib.mixtures import GaussianMixture, forward_kl, reverse_kl

BIMODAL = GaussianMixture([0.3, 0.7], [-2.0, 2.0], [0.6, 0.8])


def quad_forward(p: GaussianMixture, mu: float, sigma: float) -> float:
    def f(x: float) -> float:
        lp = float(p.log_prob(x))
        return math.exp(lp) * (lp - stats.norm.logpdf(x, mu, sigma))

    lo = min(p.means.min() - 15 * p.stds.max(), mu - 15 * sigma)
    hi = max(p.means.max() + 15 * p.stds.max(), mu + 15 * sigma)
    pts = sorted({*p.means.tolist(), mu})
    return integrate.quad(f, lo, hi, points=pts, limit=500, epsabs=1e-13, epsrel=1e-12)[0]


def quad_reverse(p: GaussianMixture, mu: float, sigma: float) -> float:
    def f(x: float) -> float:
        lq = stats.norm.logpdf(x, mu, sigma)
        return math.exp(lq) * (lq - float(p.log_prob(x)))

    return integrate.quad(
        f, mu - 15 * sigma, mu + 15 * sigma, points=[mu], limit=500, epsabs=1e-13, epsrel=1e-12
    )[0]


params = st.tuples(st.floats(-5.0, 5.0), st.floats(0.05, 5.0))


@settings(max_examples=25, deadline=None)
@given(params)
def test_forward_kl_matches_adaptive_quadrature(mu_sigma: tuple[float, float]) -> None:
    mu, sigma = mu_sigma
    assert float(forward_kl(BIMODAL, mu, sigma)) == pytest.approx(
        quad_forward(BIMODAL, mu, sigma), rel=1e-9, abs=1e-9
    )


@settings(max_examples=25, deadline=None)
@given(params)
def test_reverse_kl_matches_adaptive_quadrature(mu_sigma: tuple[float, float]) -> None:
    mu, sigma = mu_sigma
    assert float(reverse_kl(BIMODAL, mu, sigma)) == pytest.approx(
        quad_reverse(BIMODAL, mu, sigma), rel=1e-9, abs=1e-9
    )


def test_forward_kl_equals_closed_form_cross_entropy_minus_entropy() -> None:
    mu = np.linspace(-3, 3, 7)[:, None]
    sigma = np.array([0.5, 1.0, 2.0])
    ce = (
        0.5 * math.log(2 * math.pi)
        + np.log(sigma)
        + (BIMODAL.variance + (BIMODAL.mean - mu) ** 2) / (2 * sigma**2)
    )
    np.testing.assert_allclose(forward_kl(BIMODAL, mu, sigma), ce - BIMODAL.entropy(), rtol=1e-11)
    assert forward_kl(BIMODAL, mu, sigma).shape == (7, 3)


def test_single_component_reduces_to_the_gaussian_closed_form() -> None:
    a, b = Gaussian(0.3, 0.7), Gaussian(-1.0, 1.9)
    pa = GaussianMixture([1.0], [a.mean], [a.std])
    assert float(forward_kl(pa, b.mean, b.std)) == pytest.approx(a.kl_divergence(b), rel=1e-12)
    assert float(reverse_kl(pa, b.mean, b.std)) == pytest.approx(b.kl_divergence(a), rel=1e-12)
    assert float(forward_kl(pa, a.mean, a.std)) == pytest.approx(0.0, abs=1e-13)


def test_directions_differ_and_base_converts() -> None:
    f = float(forward_kl(BIMODAL, 0.0, 1.0))
    r = float(reverse_kl(BIMODAL, 0.0, 1.0))
    assert abs(f - r) > 0.1  # the two directions are different numbers
    assert float(forward_kl(BIMODAL, 0.0, 1.0, base=2)) == pytest.approx(f / math.log(2))
    assert float(reverse_kl(BIMODAL, 0.0, 1.0, base=2)) == pytest.approx(r / math.log(2))


def test_forward_minimiser_is_moment_matching() -> None:
    res = optimize.minimize(
        lambda t: float(forward_kl(BIMODAL, t[0], math.exp(t[1]))), [0.0, 0.0], method="BFGS"
    )
    assert res.x[0] == pytest.approx(BIMODAL.mean, abs=1e-5)
    assert math.exp(res.x[1]) == pytest.approx(BIMODAL.std, abs=1e-5)


def test_reverse_kl_has_a_local_minimum_at_each_mode() -> None:
    p = GaussianMixture([0.5, 0.5], [-2.0, 2.0], [0.7, 0.7])
    sols = [
        optimize.minimize(
            lambda t: float(reverse_kl(p, t[0], math.exp(t[1]))), [m0, 0.0], method="BFGS"
        ).x[0]
        for m0 in (-3.0, 3.0)
    ]
    assert sols[0] == pytest.approx(-2.0, abs=0.05)
    assert sols[1] == pytest.approx(2.0, abs=0.05)


def test_bad_kl_arguments_raise() -> None:
    with pytest.raises(TypeError, match="p must be a GaussianMixture"):
        forward_kl(Gaussian(0.0, 1.0), 0.0, 1.0)
    with pytest.raises(TypeError, match="p must be a GaussianMixture"):
        reverse_kl([0.5, 0.5], 0.0, 1.0)
    with pytest.raises(ValueError, match="std must be > 0"):
        reverse_kl(BIMODAL, 0.0, -1.0)
    with pytest.raises(ValueError, match="mean must be finite"):
        forward_kl(BIMODAL, np.nan, 1.0)
    with pytest.raises(ValueError, match="do not broadcast"):
        forward_kl(BIMODAL, [0.0, 1.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="n_nodes must be >= 3"):
        reverse_kl(BIMODAL, 0.0, 1.0, n_nodes=2)
    with pytest.raises(ValueError, match="half_width must be > 0"):
        forward_kl(BIMODAL, 0.0, 1.0, half_width=0.0)
    with pytest.raises(ValueError, match="base must be"):
        forward_kl(BIMODAL, 0.0, 1.0, base=1.0)


def test_a_coarse_grid_is_detectably_wrong() -> None:
    """The accuracy check above can fail: a grid of 5 nodes misses the answer."""
    coarse = float(reverse_kl(BIMODAL, 0.0, 1.0, n_nodes=5, half_width=2.0))
    assert abs(coarse - quad_reverse(BIMODAL, 0.0, 1.0)) > 1e-3
