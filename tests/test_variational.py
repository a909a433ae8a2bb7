"""Tests of infolib.variational: the conjugate Gaussian model against numerical integration
with scipy and the marginal Gaussian of scipy.stats; the VAE's KL term against
MultivariateGaussian and 50-digit mpmath; bad inputs."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from scipy import integrate, stats

from infolib.distributions import Gaussian, MultivariateGaussian
from infolib.variational import (
    conjugate_gaussian_log_evidence,
    conjugate_gaussian_posterior,
    gaussian_elbo,
    kl_to_standard_normal,
)

CASES = [  # (x, prior_mean, prior_std, noise_std)
    ([0.3], 0.0, 1.0, 1.0),
    ([1.0, 2.5, -0.4], 0.5, 2.0, 0.7),
    ([-3.0, -2.2, -2.9, -3.4, -1.8, -2.5], 1.0, 0.5, 1.3),
    ([10.0, 11.0], -1.0, 3.0, 0.2),
]


def log_joint(v: float, x: list[float], mu0: float, s0: float, sigma: float) -> float:
    return float(stats.norm.logpdf(v, mu0, s0) + stats.norm.logpdf(x, v, sigma).sum())


def quad(f, lo: float, hi: float) -> float:
    value, _ = integrate.quad(f, lo, hi, limit=200, epsabs=1e-13, epsrel=1e-12)
    return value


@pytest.mark.parametrize(("x", "mu0", "s0", "sigma"), CASES)
def test_evidence_and_posterior_match_numerical_integration(x, mu0, s0, sigma) -> None:
    post = conjugate_gaussian_posterior(x, mu0, s0, sigma)
    log_ev = conjugate_gaussian_log_evidence(x, mu0, s0, sigma)
    # integrate the joint scaled by exp(-log_ev), around the posterior mean
    lo, hi = post.mean - 30 * post.std, post.mean + 30 * post.std

    def scaled(v: float) -> float:
        return math.exp(log_joint(v, x, mu0, s0, sigma) - log_ev)

    assert quad(scaled, lo, hi) == pytest.approx(1.0, rel=1e-9)
    assert quad(lambda v: v * scaled(v), lo, hi) == pytest.approx(post.mean, abs=1e-9)
    second = quad(lambda v: (v - post.mean) ** 2 * scaled(v), lo, hi)
    assert second == pytest.approx(post.std**2, rel=1e-8)


@pytest.mark.parametrize(("x", "mu0", "s0", "sigma"), CASES)
def test_evidence_is_the_marginal_gaussian_density(x, mu0, s0, sigma) -> None:
    n = len(x)
    cov = sigma**2 * np.eye(n) + s0**2 * np.ones((n, n))
    ref = stats.multivariate_normal(np.full(n, mu0), cov).logpdf(x)
    assert conjugate_gaussian_log_evidence(x, mu0, s0, sigma) == pytest.approx(ref, rel=1e-12)


@pytest.mark.parametrize(("x", "mu0", "s0", "sigma"), CASES)
def test_elbo_matches_numerical_integration(x, mu0, s0, sigma) -> None:
    for m, s in [(0.0, 1.0), (1.3, 0.2), (-2.0, 3.0)]:
        q = Gaussian(m, s)

        def integrand(v: float, q=q) -> float:
            return math.exp(q.log_prob(v)) * (log_joint(v, x, mu0, s0, sigma) - q.log_prob(v))

        ref = quad(integrand, m - 40 * s, m + 40 * s)
        assert gaussian_elbo(x, m, s, mu0, s0, sigma) == pytest.approx(ref, rel=1e-9, abs=1e-9)


def test_evidence_equals_elbo_plus_kl_on_a_batch() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(1.0, 2.0, size=(7, 50))  # 50 data sets of 7 observations
    mu0, s0, sigma = rng.normal(size=50), rng.uniform(0.3, 3, 50), rng.uniform(0.3, 3, 50)
    m, s = rng.normal(size=50), rng.uniform(0.1, 2, 50)
    post = conjugate_gaussian_posterior(x, mu0, s0, sigma)
    assert post.batch_shape == (50,)
    kl = Gaussian(m, s).kl_divergence(post)
    np.testing.assert_allclose(gaussian_elbo(x, m, s, mu0, s0, sigma) + kl,
                               conjugate_gaussian_log_evidence(x, mu0, s0, sigma), rtol=1e-12)
    at_post = gaussian_elbo(x, post.mean, post.std, mu0, s0, sigma)
    assert np.all(at_post > gaussian_elbo(x, m, s, mu0, s0, sigma))


def test_scalar_results_are_floats() -> None:
    assert isinstance(conjugate_gaussian_log_evidence([1.0], 0.0, 1.0, 1.0), float)
    assert isinstance(gaussian_elbo([1.0], 0.0, 1.0, 0.0, 1.0, 1.0), float)
    assert isinstance(conjugate_gaussian_posterior([1.0], 0.0, 1.0, 1.0).mean, float)
    assert isinstance(kl_to_standard_normal([1.0], [1.0]), float)


# ---------------------------------------------------------------- the VAE's KL term


def test_kl_to_standard_normal_matches_multivariate_gaussian() -> None:
    rng = np.random.default_rng(1)
    for d in (1, 2, 5, 16):
        mu, sd = rng.normal(size=(20, d)), rng.uniform(0.2, 3.0, size=(20, d))
        ours = kl_to_standard_normal(mu, sd)
        ref = [MultivariateGaussian(a, np.diag(b**2)).kl_divergence(
            MultivariateGaussian(np.zeros(d), np.eye(d))) for a, b in zip(mu, sd, strict=True)]
        np.testing.assert_allclose(ours, ref, rtol=1e-12)


def test_kl_to_standard_normal_axis_and_precision() -> None:
    mu = np.array([[0.1, -0.2, 0.3]])
    sd = np.array([[1.0 + 1e-9, 0.9, 1.2]])
    assert kl_to_standard_normal(mu.T, sd.T, axis=0) == pytest.approx(
        float(kl_to_standard_normal(mu, sd)[0]), rel=1e-15)
    # near sigma = 1: sigma^2 - 1 - log sigma^2 ~ 2 eps^2; compared with 50 digits
    eps = 1e-9
    with mp.workdps(50):
        s2 = (1 + mp.mpf(eps)) ** 2
        ref = float((s2 - 1 - mp.log(s2)) / 2)
    assert kl_to_standard_normal([0.0], [1.0 + eps]) == pytest.approx(ref, rel=1e-6)


# ---------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"prior_std": 0.0}, r"prior_std must be > 0 \(got 0.0\)"),
        ({"prior_std": -1.0}, r"prior_std must be > 0 \(got -1.0\)"),
        ({"noise_std": -0.5}, r"noise_std must be > 0 \(got -0.5\)"),
        ({"noise_std": [1.0, 0.0]}, r"noise_std must be > 0 \(got minimum 0.0\)"),
        ({"x": []}, r"x must not be empty"),
        ({"x": [1.0, np.nan]}, r"x must be finite"),
        ({"prior_mean": np.inf}, r"prior_mean must be finite"),
    ],
)
def test_bad_model_inputs(kwargs, message) -> None:
    args = {"x": [1.0, 2.0], "prior_mean": 0.0, "prior_std": 1.0, "noise_std": 1.0} | kwargs
    for func in (conjugate_gaussian_posterior, conjugate_gaussian_log_evidence):
        with pytest.raises(ValueError, match=message):
            func(**args)
    with pytest.raises(ValueError, match=message):
        gaussian_elbo(q_mean=0.0, q_std=1.0, **args)


def test_bad_q_and_shapes() -> None:
    with pytest.raises(ValueError, match=r"q_std must be > 0 \(got 0.0\)"):
        gaussian_elbo([1.0], 0.0, 0.0, 0.0, 1.0, 1.0)
    with pytest.raises(ValueError, match=r"q_std must be > 0 \(got minimum -2.0\)"):
        gaussian_elbo([1.0], 0.0, [1.0, -2.0], 0.0, 1.0, 1.0)
    with pytest.raises(TypeError, match="q_mean must be a real number"):
        gaussian_elbo([1.0], "a", 1.0, 0.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="prior_mean"):
        conjugate_gaussian_posterior(np.zeros((3, 4)), np.zeros(5), 1.0, 1.0)
    with pytest.raises(ValueError, match="q_mean"):
        gaussian_elbo(np.zeros((3, 4)), np.zeros(5), 1.0, 0.0, 1.0, 1.0)


def test_bad_vae_inputs() -> None:
    with pytest.raises(ValueError, match=r"std must be > 0 \(got minimum -0.1\)"):
        kl_to_standard_normal([0.0, 1.0], [1.0, -0.1])
    with pytest.raises(ValueError, match=r"std must be > 0 \(got 0.0\)"):
        kl_to_standard_normal([0.0, 1.0], 0.0)
    with pytest.raises(ValueError, match="mean must be finite"):
        kl_to_standard_normal([np.nan], [1.0])
    with pytest.raises(ValueError, match="at least one dimension"):
        kl_to_standard_normal(0.0, 1.0)
    with pytest.raises(ValueError, match="mean"):
        kl_to_standard_normal(np.zeros(3), np.ones(4))
    with pytest.raises(ValueError, match="axis"):
        kl_to_standard_normal(np.zeros(3), np.ones(3), axis=2)
