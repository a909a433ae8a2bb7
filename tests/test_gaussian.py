"""Tests of infolib.gaussian: the univariate Gaussian's closed forms, accuracy, MLE fit."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats
from strategies import gaussians, isclose, means, stds

from infolib.gaussian import Gaussian


@given(means, stds, st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=5))
def test_gaussian_log_prob_and_pdf_match_scipy(mu: float, sigma: float, xs: list) -> None:
    g = Gaussian(mu, sigma)
    np.testing.assert_allclose(g.log_prob(xs), stats.norm(mu, sigma).logpdf(xs), rtol=1e-12)
    np.testing.assert_allclose(g.pdf(xs), stats.norm(mu, sigma).pdf(xs), rtol=1e-10, atol=1e-300)


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (3.0, 0.01), (-2.0, 50.0)])
def test_gaussian_entropy_matches_scipy(mu: float, sigma: float) -> None:
    assert Gaussian(mu, sigma).entropy() == pytest.approx(
        stats.norm(mu, sigma).entropy(), rel=1e-13
    )


def test_gaussian_entropy_can_be_negative() -> None:
    threshold = 1.0 / math.sqrt(2 * math.pi * math.e)
    assert Gaussian(0, threshold * 0.99).entropy() < 0 < Gaussian(0, threshold * 1.01).entropy()


GAUSS_PAIRS = [
    ((0.0, 1.0), (0.0, 1.0)),
    ((0.0, 1.0), (1.0, 2.0)),
    ((2.0, 0.5), (-1.0, 3.0)),
    ((0.0, 3.0), (0.5, 0.7)),
    ((10.0, 0.05), (10.1, 0.04)),
]


def _quad(func, mu: float, sigma: float) -> float:
    value, _ = integrate.quad(
        func, mu - 40 * sigma, mu + 40 * sigma, points=[mu], epsabs=0.0, epsrel=1e-12, limit=400
    )
    return value


@pytest.mark.parametrize(("pp", "qq"), GAUSS_PAIRS)
def test_gaussian_closed_forms_match_quadrature(pp, qq) -> None:
    p, q = Gaussian(*pp), Gaussian(*qq)
    fp, fq = stats.norm(*pp), stats.norm(*qq)

    h = _quad(lambda x: -fp.pdf(x) * fp.logpdf(x), *pp)
    ce = _quad(lambda x: -fp.pdf(x) * fq.logpdf(x), *pp)
    kl = _quad(lambda x: fp.pdf(x) * (fp.logpdf(x) - fq.logpdf(x)), *pp)

    assert p.entropy() == pytest.approx(h, rel=1e-9, abs=1e-12)
    assert p.cross_entropy(q) == pytest.approx(ce, rel=1e-9, abs=1e-12)
    assert p.kl_divergence(q) == pytest.approx(kl, rel=1e-8, abs=1e-12)


def _mp_gauss_kl(mp_, sp, mq, sq):
    mp_, sp, mq, sq = (mpmath.mpf(v) for v in (mp_, sp, mq, sq))  # exact binary values
    return mpmath.log(sq / sp) + (sp**2 + (mp_ - mq) ** 2) / (2 * sq**2) - mpmath.mpf(1) / 2


@pytest.mark.parametrize("eps", [1e-3, 1e-6, 1e-9, 1e-12, 1e-15])
@pytest.mark.parametrize(
    "shift",
    [
        lambda m, s, e: (m, s * (1 + e)),
        lambda m, s, e: (m, s * (1 - e)),
        lambda m, s, e: (m + e * s, s),
        lambda m, s, e: (m - e * s, s * (1 + 3 * e)),
    ],
    ids=["std_up", "std_down", "mean", "both"],
)
def test_gaussian_kl_nearly_equal_matches_mpmath(eps: float, shift) -> None:
    m, s = 0.3, 1.7
    m2, s2 = shift(m, s, eps)
    assert (m2, s2) != (m, s)
    with mpmath.workdps(60):
        for (a, b), (c, d) in [((m, s), (m2, s2)), ((m2, s2), (m, s))]:
            exact = _mp_gauss_kl(a, b, c, d)
            got = Gaussian(a, b).kl_divergence(Gaussian(c, d))
            assert got > 0
            assert abs((mpmath.mpf(got) - exact) / exact) <= 1e-12


def test_naive_gaussian_kl_formula_would_fail_the_accuracy_test() -> None:
    """Guard: the accuracy test above is meaningful (the textbook formula is not accurate)."""
    s, s2 = 1.7, 1.7 * (1 + 1e-9)
    naive = math.log(s2 / s) + s**2 / (2 * s2**2) - 0.5
    with mpmath.workdps(60):
        exact = _mp_gauss_kl(0.0, s, 0.0, s2)
        assert abs((mpmath.mpf(naive) - exact) / exact) > 1e-6
        got = Gaussian(0.0, s).kl_divergence(Gaussian(0.0, s2))
        assert abs((mpmath.mpf(got) - exact) / exact) <= 1e-12


@given(gaussians(), gaussians())
def test_gaussian_properties(a: Gaussian, b: Gaussian) -> None:
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h) + abs(kl) + abs(ce))


def test_gaussian_fit_matches_numerical_optimiser() -> None:
    x = Gaussian(1.5, 0.8).sample(200, np.random.default_rng(3))

    def nll(theta: np.ndarray) -> float:
        return -float(np.mean(stats.norm.logpdf(x, theta[0], math.exp(theta[1]))))

    res = optimize.minimize(nll, np.array([0.0, 0.0]), method="BFGS", options={"gtol": 1e-10})
    fit = Gaussian.fit(x)
    assert abs(fit.mean - res.x[0]) < 1e-5
    assert abs(fit.std - math.exp(res.x[1])) < 1e-5
    mu_scipy, sigma_scipy = stats.norm.fit(x)  # also the MLE
    assert fit.mean == pytest.approx(mu_scipy, rel=1e-12)
    assert fit.std == pytest.approx(sigma_scipy, rel=1e-12)


def test_gaussian_fit_uses_1_over_n() -> None:
    x = np.array([1.0, 2.0, 4.0, 7.0])
    fit = Gaussian.fit(x)
    assert fit.mean == 3.5
    assert fit.std == pytest.approx(np.std(x, ddof=0), rel=1e-15)
    assert fit.std == pytest.approx(math.sqrt(21 / 4), rel=1e-15)
    assert abs(fit.std - np.std(x, ddof=1)) > 0.3


@settings(max_examples=50)
@given(
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=30).filter(lambda v: np.ptp(v) > 1e-3),
    st.floats(-1e3, 1e3),
    st.floats(1e-2, 1e3),
)
def test_gaussian_fit_maximises_log_likelihood(xs: list, mu: float, sigma: float) -> None:
    fit = Gaussian.fit(xs)
    best = float(np.sum(fit.log_prob(xs)))
    other = float(np.sum(Gaussian(mu, sigma).log_prob(xs)))
    assert best >= other - 1e-9 * abs(other)


# ---------------------------------------------------------------------------
# Batches (0.2)
# ---------------------------------------------------------------------------


def test_batch_equals_the_scalar_gaussians() -> None:
    rng = np.random.default_rng(7)
    m1, s1 = rng.normal(size=20), np.exp(rng.normal(size=20))
    m2, s2 = rng.normal(size=20), np.exp(rng.normal(size=20))
    s2[:5] = s1[:5] * (1 + 1e-9)  # the near-equal branch
    s2[5:8] = s1[5:8] * 1e200  # the far branch with a huge ratio
    p, q = Gaussian(m1, s1), Gaussian(m2, s2)
    assert p.batch_shape == (20,)
    singles = [(Gaussian(float(a), float(b)), Gaussian(float(c), float(d)))
               for a, b, c, d in zip(m1, s1, m2, s2, strict=True)]
    x = np.linspace(-2, 2, 20)
    for got, want in [
        (p.entropy(), [a.entropy() for a, _ in singles]),
        (p.cross_entropy(q), [a.cross_entropy(b) for a, b in singles]),
        (p.kl_divergence(q), [a.kl_divergence(b) for a, b in singles]),
        (q.kl_divergence(p, base=2), [b.kl_divergence(a, base=2) for a, b in singles]),
        (p.log_prob(x), [a.log_prob(v) for (a, _), v in zip(singles, x, strict=True)]),
        (p.variance, [a.variance for a, _ in singles]),
    ]:
        np.testing.assert_allclose(got, want, rtol=1e-15, atol=0)


def test_parameters_broadcast_into_a_batch() -> None:
    g = Gaussian(np.array([0.0, 1.0, 2.0])[:, None], [1.0, 2.0])
    assert g.batch_shape == (3, 2)
    assert g.mean.shape == g.std.shape == (3, 2) and not g.std.flags.writeable
    assert g.log_prob(0.5).shape == (3, 2)
    assert g.log_prob(np.zeros((4, 1, 1))).shape == (4, 3, 2)
    assert g.sample(7, np.random.default_rng(0)).shape == (7, 3, 2)
    assert Gaussian(0.0, 1.0).kl_divergence(g).shape == (3, 2)
    assert g.pdf(0.0)[0, 0] == pytest.approx(stats.norm.pdf(0.0), rel=1e-15)


@pytest.mark.parametrize("eps", [1e-3, 1e-8, 1e-13])
def test_batch_kl_of_nearly_equal_gaussians_matches_mpmath(eps: float) -> None:
    m, s = np.array([0.3, -1.0]), np.array([1.7, 0.2])
    got = Gaussian(m, s).kl_divergence(Gaussian(m + eps * s, s * (1 + 3 * eps)))
    with mpmath.workdps(60):
        for value, a, b in zip(got, m, s, strict=True):
            exact = _mp_gauss_kl(a, b, float(a + eps * b), float(b * (1 + 3 * eps)))
            assert abs((mpmath.mpf(float(value)) - exact) / exact) <= 1e-12


def test_batch_sampling_moments() -> None:
    g = Gaussian([0.0, 5.0], [1.0, 0.1])
    x = g.sample(40_000, np.random.default_rng(8))
    np.testing.assert_allclose(x.mean(axis=0), [0.0, 5.0], atol=4 * 1.0 / 200)
    np.testing.assert_allclose(x.std(axis=0), [1.0, 0.1], rtol=0.02)
    # a scalar Gaussian draws the same numbers as in 0.1
    np.testing.assert_array_equal(Gaussian(1.0, 2.0).sample(3, np.random.default_rng(2)),
                                  np.random.default_rng(2).normal(1.0, 2.0, size=3))
