"""Tests of infolib.multivariate: MultivariateGaussian against scipy, 50-digit mpmath
(explicit inverses and determinants), torch where installed, and its MLE fit."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from infolib.multivariate import MultivariateGaussian


def random_spd(rng: np.random.Generator, d: int, condition: float = 10.0) -> np.ndarray:
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    eig = np.exp(rng.uniform(0.0, np.log(condition), size=d))
    c = (q * eig) @ q.T
    return 0.5 * (c + c.T)


def mp_kl(mp_, cp, mq, cq) -> float:
    """KL(N(mp, cp) || N(mq, cq)) from the textbook formula at 50 digits."""
    with mp.workdps(50):
        mp_, mq = mp.matrix([float(v) for v in mp_]), mp.matrix([float(v) for v in mq])
        cp, cq = mp.matrix(cp.tolist()), mp.matrix(cq.tolist())
        inv = cq**-1
        d = cp.rows
        diff = mp_ - mq
        trace = sum((inv * cp)[i, i] for i in range(d))
        maha = (diff.T * inv * diff)[0, 0]
        return float((trace - d + maha + mp.log(mp.det(cq) / mp.det(cp))) / 2)


# ---------------------------------------------------------------- against scipy


@pytest.mark.parametrize("d", [1, 2, 5])
def test_log_prob_pdf_and_entropy_match_scipy(d: int) -> None:
    rng = np.random.default_rng(d)
    mean, cov = rng.normal(size=d), random_spd(rng, d)
    g, ref = MultivariateGaussian(mean, cov), stats.multivariate_normal(mean, cov)
    x = rng.normal(size=(4, 3, d))
    assert g.log_prob(x).shape == (4, 3)
    np.testing.assert_allclose(g.log_prob(x), ref.logpdf(x), rtol=1e-13)
    np.testing.assert_allclose(g.pdf(x), ref.pdf(x), rtol=1e-12)
    assert isinstance(g.log_prob(x[0, 0]), np.floating)
    assert g.entropy() == pytest.approx(ref.entropy(), rel=1e-13)
    assert g.entropy(base=2) == pytest.approx(ref.entropy() / np.log(2), rel=1e-13)


# ---------------------------------------------------------------- closed forms


@pytest.mark.parametrize("seed", range(6))
def test_kl_and_cross_entropy_match_mpmath(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    d = 1 + seed % 4
    mp_, mq = rng.normal(size=d), rng.normal(size=d)
    cp, cq = random_spd(rng, d), random_spd(rng, d)
    p, q = MultivariateGaussian(mp_, cp), MultivariateGaussian(mq, cq)
    ref = mp_kl(mp_, p.cov, mq, q.cov)
    assert p.kl_divergence(q) == pytest.approx(ref, rel=1e-12)
    assert p.cross_entropy(q) == pytest.approx(p.entropy() + ref, rel=1e-12)


@pytest.mark.parametrize("eps", [1e-4, 1e-7, 1e-10])
def test_kl_of_nearly_equal_gaussians_keeps_relative_precision(eps: float) -> None:
    """Diagonal covariances (a VAE's encoder): the Cholesky factor is exact."""
    var = np.array([0.5, 1.0, 2.0, 4.0])
    mean = np.array([0.1, -0.2, 0.3, 0.0])
    p = MultivariateGaussian(mean, np.diag(var))
    q = MultivariateGaussian(mean + eps, np.diag(var * (1 + eps * np.array([1, -2, 3, 1]))))
    ref = mp_kl(p.mean, p.cov, q.mean, q.cov)
    assert abs(p.kl_divergence(q) - ref) <= 1e-12 * ref
    # the textbook evaluation loses most digits there
    inv = np.linalg.inv(q.cov)
    naive = 0.5 * (np.trace(inv @ p.cov) - 4 + np.log(np.linalg.det(q.cov) / np.linalg.det(p.cov))
                   + (p.mean - q.mean) @ inv @ (p.mean - q.mean))
    if eps <= 1e-7:
        assert abs(naive - ref) > 1e-6 * ref


def test_vae_kl_to_the_standard_normal() -> None:
    """KL(N(mu, diag s^2) || N(0, I)) = sum(s^2 + mu^2 - 1 - log s^2) / 2, Kingma & Welling."""
    mu, s = np.array([0.5, -1.0, 0.0]), np.array([0.8, 1.2, 1.0])
    p = MultivariateGaussian(mu, np.diag(s**2))
    standard = MultivariateGaussian(np.zeros(3), np.eye(3))
    by_hand = 0.5 * np.sum(s**2 + mu**2 - 1 - np.log(s**2))
    assert p.kl_divergence(standard) == pytest.approx(by_hand, rel=1e-15)
    assert standard.kl_divergence(standard) == 0.0


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_identities(d: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    p = MultivariateGaussian(rng.normal(size=d), random_spd(rng, d, 100.0))
    q = MultivariateGaussian(rng.normal(size=d), random_spd(rng, d, 100.0))
    kl = p.kl_divergence(q)
    assert kl >= 0.0 and p.kl_divergence(p) == 0.0
    scale = 1 + abs(p.entropy()) + abs(kl)
    assert abs(p.cross_entropy(q) - (p.entropy() + kl)) <= 1e-12 * scale
    # invariance under a common affine map x -> A x + b
    a = rng.normal(size=(d, d)) + 3 * np.eye(d)
    b = rng.normal(size=d)
    pa = MultivariateGaussian(a @ p.mean + b, a @ p.cov @ a.T)
    qa = MultivariateGaussian(a @ q.mean + b, a @ q.cov @ a.T)
    assert pa.kl_divergence(qa) == pytest.approx(kl, rel=1e-8, abs=1e-12)


def test_kl_matches_torch() -> None:
    torch = pytest.importorskip("torch", reason="torch is a benchmark-only dependency")
    rng = np.random.default_rng(9)
    mp_, mq, cp, cq = rng.normal(size=3), rng.normal(size=3), random_spd(rng, 3), random_spd(
        rng, 3)
    p, q = MultivariateGaussian(mp_, cp), MultivariateGaussian(mq, cq)
    tp = torch.distributions.MultivariateNormal(torch.from_numpy(mp_),
                                                torch.from_numpy(p.cov.copy()))
    tq = torch.distributions.MultivariateNormal(torch.from_numpy(mq),
                                                torch.from_numpy(q.cov.copy()))
    assert p.kl_divergence(q) == pytest.approx(
        float(torch.distributions.kl_divergence(tp, tq)), rel=1e-12)
    x = rng.normal(size=(5, 3))
    np.testing.assert_allclose(p.log_prob(x), tp.log_prob(torch.from_numpy(x)).numpy(),
                               rtol=1e-13)


# ---------------------------------------------------------------- sampling and fitting


def test_sampling_moments() -> None:
    rng = np.random.default_rng(10)
    mean, cov = np.array([1.0, -2.0, 0.5]), random_spd(rng, 3)
    x = MultivariateGaussian(mean, cov).sample(100_000, np.random.default_rng(11))
    assert x.shape == (100_000, 3)
    np.testing.assert_allclose(x.mean(axis=0), mean, atol=4 * np.sqrt(cov.max() / 1e5))
    np.testing.assert_allclose(np.cov(x.T), cov, atol=0.05 * np.abs(cov).max())


def test_fit_is_the_mean_and_the_one_over_n_covariance() -> None:
    x = np.random.default_rng(12).normal(size=(50, 3)) @ np.array(
        [[1.0, 0.0, 0.0], [0.5, 1.0, 0.0], [0.2, -0.3, 2.0]])
    fit = MultivariateGaussian.fit(x)
    np.testing.assert_allclose(fit.mean, x.mean(axis=0), rtol=1e-15)
    np.testing.assert_allclose(fit.cov, np.cov(x.T, bias=True), rtol=1e-13)
    # the MLE: every other Gaussian gives the samples a smaller likelihood
    best = fit.log_prob(x).sum()
    rng = np.random.default_rng(13)
    for _ in range(20):
        other = MultivariateGaussian(fit.mean + 0.05 * rng.normal(size=3),
                                     fit.cov + 0.05 * random_spd(rng, 3, 2.0))
        assert other.log_prob(x).sum() < best


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("mean", "cov", "exc", "match"),
    [
        ([0.0, 0.0], [[1.0, 0.5], [0.4, 1.0]], ValueError, "cov must be symmetric"),
        ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], ValueError, "cov must be positive definite"),
        ([0.0, 0.0], [[1.0, 1.0], [1.0, 1.0]], ValueError, "cov must be positive definite"),
        ([0.0, 0.0], np.eye(3), ValueError, r"cov must have shape \(2, 2\)"),
        ([0.0, 0.0], [1.0, 1.0], ValueError, r"cov must have shape \(2, 2\)"),
        ([0.0, 0.0], [[1.0, np.nan], [np.nan, 1.0]], ValueError, "cov must be finite"),
        ([[0.0, 0.0]], np.eye(2), ValueError, r"mean must have shape \(d,\)"),
        ([0.0, np.inf], np.eye(2), ValueError, "mean must be finite"),
        ("ab", np.eye(2), TypeError, "mean must be numeric"),
    ],
)
def test_bad_parameters(mean, cov, exc, match) -> None:
    with pytest.raises(exc, match=match):
        MultivariateGaussian(mean, cov)


def test_bad_arguments() -> None:
    g = MultivariateGaussian([0.0, 0.0], np.eye(2))
    with pytest.raises(ValueError, match="x must have 2 coordinates"):
        g.log_prob([0.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="other must have the dimension"):
        g.kl_divergence(MultivariateGaussian([0.0], [[1.0]]))
    with pytest.raises(TypeError, match="other must be a MultivariateGaussian"):
        g.cross_entropy(np.eye(2))
    with pytest.raises(ValueError, match="base"):
        g.entropy(base=1)
    with pytest.raises(ValueError, match=r"samples: .* not positive definite"):
        MultivariateGaussian.fit([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])  # on a line
    with pytest.raises(ValueError, match="samples must have shape"):
        MultivariateGaussian.fit([0.0, 1.0])
    with pytest.raises(ValueError, match="at least 2 points"):
        MultivariateGaussian.fit([[0.0, 1.0]])


def test_value_object() -> None:
    a = MultivariateGaussian([0.0, 1.0], [[2.0, 0.5], [0.5, 1.0]])
    b = MultivariateGaussian(np.array([0.0, 1.0]), np.array([[2.0, 0.5], [0.5, 1.0]]))
    assert a == b and hash(a) == hash(b)
    assert repr(a) == "MultivariateGaussian(mean=[0.0, 1.0], cov=[[2.0, 0.5], [0.5, 1.0]])"
    np.testing.assert_allclose(a.cholesky @ a.cholesky.T, a.cov, rtol=1e-15)
    with pytest.raises(ValueError, match="read-only"):
        a.cov[0, 0] = 3.0
    with pytest.raises(AttributeError):
        a.mean = np.zeros(2)
