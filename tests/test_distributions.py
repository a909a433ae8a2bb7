"""Tests of infolib.distributions: closed forms, accuracy, MLE fits, validation."""

from __future__ import annotations

import dataclasses
import math

import mpmath
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, special, stats

from infolib import discrete
from infolib.distributions import Bernoulli, Categorical, Gaussian
from infolib.montecarlo import (
    monte_carlo_cross_entropy,
    monte_carlo_entropy,
    monte_carlo_kl_divergence,
)

LOG2 = math.log(2.0)

# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
means = st.floats(min_value=-100.0, max_value=100.0, allow_nan=False)
stds = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)


@st.composite
def prob_vectors(draw, k: int | None = None) -> np.ndarray:
    """Probability vectors with some exact zeros and possibly tiny entries (>= 1e-300)."""
    if k is None:
        k = draw(st.integers(min_value=1, max_value=6))
    weight = st.one_of(st.just(0.0), st.floats(min_value=1e-300, max_value=1.0))
    w = np.array(draw(st.lists(weight, min_size=k, max_size=k)))
    assume(w.sum() > 0)
    return w / w.sum()


def gaussians() -> st.SearchStrategy[Gaussian]:
    return st.builds(Gaussian, means, stds)


def isclose(a: float, b: float, scale: float = 1.0, rel: float = 1e-9) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel * scale)


# ---------------------------------------------------------------------------
# Construction, immutability, repr
# ---------------------------------------------------------------------------


def test_attributes_are_stored_as_floats() -> None:
    assert Bernoulli(1).p == 1.0 and isinstance(Bernoulli(1).p, float)
    g = Gaussian(np.float32(0.5), 2)
    assert (g.mean, g.std) == (0.5, 2.0)
    assert isinstance(g.mean, float) and isinstance(g.std, float)
    assert g.variance == 4.0
    c = Categorical([0.2, 0.3, 0.5])
    assert c.probs.dtype == np.float64 and c.k == 3


@pytest.mark.parametrize(
    ("dist", "attr"),
    [(Bernoulli(0.3), "p"), (Gaussian(0.0, 1.0), "std"), (Categorical([0.5, 0.5]), "probs")],
)
def test_distributions_are_immutable(dist, attr) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(dist, attr, 0.5)
    with pytest.raises((AttributeError, TypeError)):
        dist.extra = 1  # __slots__: no new attributes


def test_categorical_probs_are_a_read_only_copy() -> None:
    source = np.array([0.25, 0.75])
    c = Categorical(source)
    source[0] = 0.9
    assert c.probs[0] == 0.25
    with pytest.raises(ValueError, match="read-only"):
        c.probs[0] = 0.5


def test_equality_and_hash() -> None:
    assert Bernoulli(0.3) == Bernoulli(0.3) and Bernoulli(0.3) != Bernoulli(0.4)
    assert Gaussian(0, 1) == Gaussian(0.0, 1.0)
    a, b = Categorical([0.5, 0.5]), Categorical(np.array([0.5, 0.5]))
    assert a == b and hash(a) == hash(b)
    assert a != Categorical([0.4, 0.6])
    assert len({Bernoulli(0.1), Bernoulli(0.1), Gaussian(0, 1)}) == 2


def test_repr_is_deterministic() -> None:
    assert repr(Gaussian(0.5, 1.2)) == "Gaussian(mean=0.5, std=1.2)"
    assert repr(Bernoulli(0.25)) == "Bernoulli(p=0.25)"
    assert repr(Categorical([0.2, 0.3, 0.5])) == "Categorical(probs=[0.2, 0.3, 0.5])"
    assert repr(Gaussian(0.1 + 0.2, 1)) == repr(Gaussian(0.1 + 0.2, 1))


# ---------------------------------------------------------------------------
# log_prob / prob / pdf against scipy.stats
# ---------------------------------------------------------------------------


def test_bernoulli_log_prob_matches_scipy() -> None:
    x = np.array([0, 1, 1, 0, 1])
    for p in (0.0, 0.2, 0.5, 1.0):
        with np.errstate(divide="ignore"):
            expected = stats.bernoulli(p).logpmf(x)
        np.testing.assert_allclose(Bernoulli(p).log_prob(x), expected, rtol=1e-15)
        np.testing.assert_allclose(Bernoulli(p).prob(x), stats.bernoulli(p).pmf(x))


def test_log_prob_edge_values_and_types() -> None:
    assert Bernoulli(0.0).log_prob(1) == -math.inf
    assert Bernoulli(1.0).log_prob(0) == -math.inf
    assert Bernoulli(1.0).log_prob(1) == 0.0
    assert Bernoulli(0.3).log_prob(True) == math.log(0.3)
    assert isinstance(Bernoulli(0.3).log_prob(1), np.floating)
    assert Bernoulli(0.3).log_prob([[0, 1]]).shape == (1, 2)
    assert Categorical([0.5, 0.5, 0.0]).log_prob(2) == -math.inf
    assert Categorical([0.5, 0.5]).prob(1.0) == 0.5  # integer-valued floats are indices


def test_categorical_log_prob_matches_log_of_probs() -> None:
    probs = np.array([0.1, 0.2, 0.3, 0.4])
    x = np.array([[3, 0], [1, 2]])
    out = Categorical(probs).log_prob(x)
    assert out.shape == (2, 2) and out.dtype == np.float64
    np.testing.assert_array_equal(out, np.log(probs)[x])


@given(means, stds, st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=5))
def test_gaussian_log_prob_and_pdf_match_scipy(mu: float, sigma: float, xs: list) -> None:
    g = Gaussian(mu, sigma)
    np.testing.assert_allclose(g.log_prob(xs), stats.norm(mu, sigma).logpdf(xs), rtol=1e-12)
    np.testing.assert_allclose(g.pdf(xs), stats.norm(mu, sigma).pdf(xs), rtol=1e-10, atol=1e-300)


# ---------------------------------------------------------------------------
# Closed forms against independent references
# ---------------------------------------------------------------------------


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


def test_categorical_closed_forms_match_scipy() -> None:
    p = np.array([0.5, 0.25, 0.125, 0.125])
    q = np.array([0.1, 0.2, 0.3, 0.4])
    a, b = Categorical(p), Categorical(q)
    assert a.entropy(base=2) == pytest.approx(1.75, rel=1e-14)
    assert a.entropy() == pytest.approx(stats.entropy(p), rel=1e-13)
    assert a.kl_divergence(b) == pytest.approx(stats.entropy(p, q), rel=1e-13)
    assert a.cross_entropy(b) == pytest.approx(-np.sum(p * np.log(q)), rel=1e-13)


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


def test_infinite_cases() -> None:
    assert Bernoulli(0.2).kl_divergence(Bernoulli(0.0)) == math.inf
    assert Bernoulli(0.2).cross_entropy(Bernoulli(1.0)) == math.inf
    assert Bernoulli(0.0).kl_divergence(Bernoulli(0.3)) == pytest.approx(-math.log(0.7))
    assert Bernoulli(1.0).kl_divergence(Bernoulli(1.0)) == 0.0
    assert Categorical([0.5, 0.5]).kl_divergence(Categorical([1.0, 0.0])) == math.inf
    # Extreme std ratios: finite or +inf, never NaN.
    assert Gaussian(0, 1e300).kl_divergence(Gaussian(0, 1e-300)) == math.inf
    assert math.isfinite(Gaussian(0, 1e-300).kl_divergence(Gaussian(0, 1e300)))


# ---------------------------------------------------------------------------
# Properties (hypothesis)
# ---------------------------------------------------------------------------


@given(unit, unit)
def test_bernoulli_properties(p: float, q: float) -> None:
    a, b = Bernoulli(p), Bernoulli(q)
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h))


@given(st.integers(1, 6).flatmap(lambda k: st.tuples(prob_vectors(k), prob_vectors(k))))
def test_categorical_properties(pq) -> None:
    a, b = Categorical(pq[0]), Categorical(pq[1])
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h))
    assert 0.0 <= h <= math.log(a.k) + 1e-12


@given(gaussians(), gaussians())
def test_gaussian_properties(a: Gaussian, b: Gaussian) -> None:
    kl = a.kl_divergence(b)
    assert kl >= 0.0
    assert a.kl_divergence(a) == 0.0
    h, ce = a.entropy(), a.cross_entropy(b)
    assert isclose(ce, h + kl, scale=1.0 + abs(h) + abs(kl) + abs(ce))


@given(
    st.one_of(
        st.tuples(st.builds(Bernoulli, unit), st.builds(Bernoulli, unit)),
        st.tuples(gaussians(), gaussians()),
        st.integers(1, 5).flatmap(
            lambda k: st.tuples(
                st.builds(Categorical, prob_vectors(k)), st.builds(Categorical, prob_vectors(k))
            )
        ),
    )
)
def test_base_2_is_nats_over_log_2(pair) -> None:
    a, b = pair
    for f in (
        lambda **kw: a.entropy(**kw),
        lambda **kw: a.cross_entropy(b, **kw),
        lambda **kw: a.kl_divergence(b, **kw),
    ):
        nats, bits = f(), f(base=2)
        assert isclose(bits, nats / LOG2, rel=1e-14)
        assert isclose(f(base=math.e), nats, rel=1e-14)


def test_kl_is_asymmetric() -> None:
    p, q = Bernoulli(0.1), Bernoulli(0.5)
    assert p.kl_divergence(q) == pytest.approx(0.1 * math.log(0.2) + 0.9 * math.log(1.8))
    assert q.kl_divergence(p) == pytest.approx(0.5 * math.log(5) + 0.5 * math.log(5 / 9))
    assert p.kl_divergence(q) < 0.4 < 0.5 < q.kl_divergence(p)

    g1, g2 = Gaussian(0, 1), Gaussian(0, 2)
    assert g1.kl_divergence(g2) == pytest.approx(math.log(2) + 1 / 8 - 0.5)
    assert g2.kl_divergence(g1) == pytest.approx(-math.log(2) + 2 - 0.5)
    assert g2.kl_divergence(g1) > 2 * g1.kl_divergence(g2)

    c1, c2 = Categorical([0.8, 0.1, 0.1]), Categorical([1 / 3, 1 / 3, 1 / 3])
    assert abs(c1.kl_divergence(c2) - c2.kl_divergence(c1)) > 0.05


@pytest.mark.parametrize("tiny", [1e-17, 1e-300, 5e-324])
def test_categorical_kl_with_tiny_probability(tiny: float) -> None:
    # 0 < p_i << q_i: (p_i - q_i)/q_i rounds to -1, a log1p(-1) trap.
    a, b = Categorical([tiny, 1.0 - tiny]), Categorical([0.7, 0.3])
    assert a.kl_divergence(b) == pytest.approx(-math.log(0.3), rel=1e-12)
    assert Bernoulli(tiny).kl_divergence(Bernoulli(0.7)) == pytest.approx(-math.log(0.3))


# ---------------------------------------------------------------------------
# Closed forms against Monte Carlo
# ---------------------------------------------------------------------------

MC_CASES = [
    (Bernoulli(0.3), Bernoulli(0.6)),
    (Categorical([0.5, 0.2, 0.2, 0.1]), Categorical([0.1, 0.3, 0.3, 0.3])),
    (Gaussian(0.0, 1.0), Gaussian(1.0, 2.0)),
    (Gaussian(2.0, 0.5), Gaussian(1.5, 0.6)),
]


@pytest.mark.parametrize(("p", "q"), MC_CASES, ids=repr)
def test_closed_forms_match_monte_carlo(p, q) -> None:
    x = p.sample(100_000, np.random.default_rng(12345))
    for est, exact in [
        (monte_carlo_entropy(x, p.log_prob), p.entropy()),
        (monte_carlo_cross_entropy(x, q.log_prob), p.cross_entropy(q)),
        (monte_carlo_kl_divergence(x, p.log_prob, q.log_prob), p.kl_divergence(q)),
    ]:
        assert est.standard_error > 0
        assert abs(est.estimate - exact) < 4 * est.standard_error


# ---------------------------------------------------------------------------
# Sampling
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dist", [Bernoulli(0.3), Categorical([0.2, 0.5, 0.3]), Gaussian(1.0, 2.0)], ids=repr
)
def test_sample_is_reproducible(dist) -> None:
    a = dist.sample(50, np.random.default_rng(7))
    b = dist.sample(50, np.random.default_rng(7))
    c = dist.sample(50, np.random.default_rng(8))
    assert a.shape == (50,)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert dist.sample(0, np.random.default_rng(0)).shape == (0,)


def test_sample_types_and_supports() -> None:
    rng = np.random.default_rng(0)
    b = Bernoulli(0.3).sample(1000, rng)
    assert b.dtype == np.int64 and set(np.unique(b)) <= {0, 1}
    assert set(Bernoulli(1.0).sample(100, rng)) == {1}
    assert set(Bernoulli(0.0).sample(100, rng)) == {0}
    c = Categorical([0.0, 0.5, 0.0, 0.5]).sample(1000, rng)
    assert c.dtype == np.int64 and set(np.unique(c)) == {1, 3}
    assert Gaussian(0, 1).sample(10, rng).dtype == np.float64


@pytest.mark.parametrize(
    "dist", [Bernoulli(0.3), Categorical([0.2, 0.5, 0.3]), Gaussian(1.0, 2.0)], ids=repr
)
def test_sample_mean_matches_distribution(dist) -> None:
    x = dist.sample(20_000, np.random.default_rng(3))
    if isinstance(dist, Bernoulli):
        mean, var = dist.p, dist.p * (1 - dist.p)
    elif isinstance(dist, Categorical):
        i = np.arange(dist.k)
        mean = float(i @ dist.probs)
        var = float((i - mean) ** 2 @ dist.probs)
    else:
        mean, var = dist.mean, dist.variance
    assert abs(x.mean() - mean) < 4 * math.sqrt(var / x.size)


def test_categorical_sample_frequencies() -> None:
    probs = np.array([0.1, 0.6, 0.3])
    x = Categorical(probs).sample(30_000, np.random.default_rng(11))
    freq = np.bincount(x, minlength=3) / x.size
    assert np.all(np.abs(freq - probs) < 4 * np.sqrt(probs * (1 - probs) / x.size))


# ---------------------------------------------------------------------------
# Maximum-likelihood fits
# ---------------------------------------------------------------------------


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


def test_categorical_fit_matches_numerical_optimiser() -> None:
    x = Categorical([0.1, 0.2, 0.3, 0.4]).sample(300, np.random.default_rng(2))

    def nll(theta: np.ndarray) -> float:
        return -float(np.mean(special.log_softmax(np.r_[0.0, theta])[x]))

    res = optimize.minimize(nll, np.zeros(3), method="BFGS", options={"gtol": 1e-10})
    fitted = special.softmax(np.r_[0.0, res.x])
    fit = Categorical.fit(x)
    np.testing.assert_allclose(fit.probs, np.bincount(x, minlength=4) / x.size)
    np.testing.assert_allclose(fit.probs, fitted, atol=1e-5)


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


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30), st.integers(5, 8))
def test_categorical_fit_with_k(xs: list, k: int) -> None:
    fit = Categorical.fit(xs, k=k)
    assert fit.k == k
    np.testing.assert_allclose(fit.probs, np.bincount(xs, minlength=k) / len(xs))
    assert Categorical.fit(xs).k == max(xs) + 1


# ---------------------------------------------------------------------------
# Validation: exception type and argument name
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "exc", "name"),
    [
        (lambda: Bernoulli(1.5), ValueError, "p"),
        (lambda: Bernoulli(-0.1), ValueError, "p"),
        (lambda: Bernoulli(float("nan")), ValueError, "p"),
        (lambda: Bernoulli("0.5"), TypeError, "p"),
        (lambda: Bernoulli(None), TypeError, "p"),
        (lambda: Categorical([0.5, 0.6]), ValueError, "probs"),
        (lambda: Categorical([-0.1, 1.1]), ValueError, "probs"),
        (lambda: Categorical([0.5, float("nan")]), ValueError, "probs"),
        (lambda: Categorical([[0.5, 0.5], [0.5, 0.5]]), ValueError, "probs"),
        (lambda: Categorical([]), ValueError, "probs"),
        (lambda: Categorical(1.0), ValueError, "probs"),
        (lambda: Categorical(["a", "b"]), TypeError, "probs"),
        (lambda: Gaussian(0.0, 0.0), ValueError, "std"),
        (lambda: Gaussian(0.0, -1.0), ValueError, "std"),
        (lambda: Gaussian(0.0, float("inf")), ValueError, "std"),
        (lambda: Gaussian(0.0, float("nan")), ValueError, "std"),
        (lambda: Gaussian(float("nan"), 1.0), ValueError, "mean"),
        (lambda: Gaussian(float("inf"), 1.0), ValueError, "mean"),
        (lambda: Gaussian("0", 1.0), TypeError, "mean"),
        (lambda: Gaussian(0.0, [1.0]), TypeError, "std"),
    ],
)
def test_bad_parameters(make, exc, name: str) -> None:
    with pytest.raises(exc, match=rf"\b{name}\b"):
        make()


@pytest.mark.parametrize(
    ("call", "exc", "name"),
    [
        (lambda: Bernoulli(0.5).log_prob(2), ValueError, "x"),
        (lambda: Bernoulli(0.5).log_prob([0, 0.5]), ValueError, "x"),
        (lambda: Bernoulli(0.5).log_prob(float("nan")), ValueError, "x"),
        (lambda: Bernoulli(0.5).prob(-1), ValueError, "x"),
        (lambda: Bernoulli(0.5).log_prob("1"), TypeError, "x"),
        (lambda: Categorical([0.5, 0.5]).log_prob(2), ValueError, "x"),
        (lambda: Categorical([0.5, 0.5]).log_prob(-1), ValueError, "x"),
        (lambda: Categorical([0.5, 0.5]).log_prob(0.5), ValueError, "x"),
        (lambda: Categorical([0.5, 0.5]).prob([]), ValueError, "x"),
        (lambda: Gaussian(0, 1).log_prob(float("inf")), ValueError, "x"),
        (lambda: Gaussian(0, 1).pdf([0.0, float("nan")]), ValueError, "x"),
        (lambda: Gaussian(0, 1).log_prob(1j), TypeError, "x"),
        (lambda: Gaussian(0, 1).sample(-1, np.random.default_rng(0)), ValueError, "n"),
        (lambda: Gaussian(0, 1).sample(2.5, np.random.default_rng(0)), TypeError, "n"),
        (lambda: Bernoulli(0.5).sample(3, None), TypeError, "rng"),
        (lambda: Categorical([1.0]).sample(3, np.random.RandomState(0)), TypeError, "rng"),
        (lambda: Gaussian(0, 1).entropy(base=1), ValueError, "base"),
        (lambda: Bernoulli(0.5).kl_divergence(Bernoulli(0.5), base=-2), ValueError, "base"),
        (lambda: Bernoulli(0.5).kl_divergence(Gaussian(0, 1)), TypeError, "other"),
        (lambda: Gaussian(0, 1).cross_entropy(0.5), TypeError, "other"),
        (lambda: Categorical([1.0, 0.0]).kl_divergence(Bernoulli(1.0)), TypeError, "other"),
        (lambda: Categorical([1.0, 0.0]).kl_divergence([1.0, 0.0]), TypeError, "other"),
        (lambda: Categorical([1.0, 0.0]).cross_entropy(Categorical([1.0])), ValueError, "other"),
    ],
)
def test_bad_method_arguments(call, exc, name: str) -> None:
    with pytest.raises(exc, match=rf"\b{name}\b"):
        call()


@pytest.mark.parametrize(
    ("call", "exc"),
    [
        (lambda: Bernoulli.fit([0, 1, 2]), ValueError),
        (lambda: Bernoulli.fit([]), ValueError),
        (lambda: Bernoulli.fit([[0, 1]]), ValueError),
        (lambda: Bernoulli.fit([0, float("nan")]), ValueError),
        (lambda: Bernoulli.fit("01"), TypeError),
        (lambda: Categorical.fit([0, 1.5]), ValueError),
        (lambda: Categorical.fit([0, -1]), ValueError),
        (lambda: Categorical.fit([0, 3], k=3), ValueError),
        (lambda: Categorical.fit([[0, 1]]), ValueError),
        (lambda: Categorical.fit([0, float("inf")]), ValueError),
        (lambda: Gaussian.fit([1.0]), ValueError),
        (lambda: Gaussian.fit([2.0, 2.0, 2.0]), ValueError),
        (lambda: Gaussian.fit([0.0, float("nan")]), ValueError),
        (lambda: Gaussian.fit([0.0, float("inf")]), ValueError),
        (lambda: Gaussian.fit([[0.0, 1.0], [2.0, 3.0]]), ValueError),
        (lambda: Gaussian.fit([1.7e308, 1.7e308, -1e308]), ValueError),
    ],
)
def test_bad_fit_samples(call, exc) -> None:
    with pytest.raises(exc, match=r"\bsamples\b"):
        call()


def test_bad_fit_k() -> None:
    with pytest.raises(ValueError, match=r"\bk\b"):
        Categorical.fit([0, 0], k=0)
    with pytest.raises(TypeError, match=r"\bk\b"):
        Categorical.fit([0, 0], k=2.0)
