"""Tests of infolib.distributions: what its three families share (construction,
immutability, the base and infinity conventions, sampling, Monte Carlo agreement,
validation). Family-specific tests are in test_bernoulli, test_categorical, test_gaussian."""

from __future__ import annotations

import dataclasses
import inspect
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import gaussians, isclose, prob_vectors, unit

from infolib.distributions import Bernoulli, Categorical, Gaussian, MultivariateGaussian
from infolib.montecarlo import (
    monte_carlo_cross_entropy,
    monte_carlo_entropy,
    monte_carlo_kl_divergence,
)

LOG2 = math.log(2.0)

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


def test_log_prob_edge_values_and_types() -> None:
    assert Bernoulli(0.0).log_prob(1) == -math.inf
    assert Bernoulli(1.0).log_prob(0) == -math.inf
    assert Bernoulli(1.0).log_prob(1) == 0.0
    assert Bernoulli(0.3).log_prob(True) == math.log(0.3)
    assert isinstance(Bernoulli(0.3).log_prob(1), np.floating)
    assert Bernoulli(0.3).log_prob([[0, 1]]).shape == (1, 2)
    assert Categorical([0.5, 0.5, 0.0]).log_prob(2) == -math.inf
    assert Categorical([0.5, 0.5]).prob(1.0) == 0.5  # integer-valued floats are indices


def test_infinite_cases() -> None:
    assert Bernoulli(0.2).kl_divergence(Bernoulli(0.0)) == math.inf
    assert Bernoulli(0.2).cross_entropy(Bernoulli(1.0)) == math.inf
    assert Bernoulli(0.0).kl_divergence(Bernoulli(0.3)) == pytest.approx(-math.log(0.7))
    assert Bernoulli(1.0).kl_divergence(Bernoulli(1.0)) == 0.0
    assert Categorical([0.5, 0.5]).kl_divergence(Categorical([1.0, 0.0])) == math.inf
    # Extreme std ratios: finite or +inf, never NaN.
    assert Gaussian(0, 1e300).kl_divergence(Gaussian(0, 1e-300)) == math.inf
    assert math.isfinite(Gaussian(0, 1e-300).kl_divergence(Gaussian(0, 1e300)))


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
        (lambda: Categorical([[0.5, 0.5], [0.5, 0.6]]), ValueError, "probs"),
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
        (lambda: Gaussian(0.0, ["1"]), TypeError, "std"),
        (lambda: Gaussian([0.0, 1.0], [1.0, 2.0, 3.0]), ValueError, "std"),
        (lambda: Gaussian([0.0, np.nan], 1.0), ValueError, "mean"),
        (lambda: Gaussian(0.0, [1.0, 0.0]), ValueError, "std"),
        (lambda: Bernoulli([0.5, 1.5]), ValueError, "p"),
        (lambda: Bernoulli(np.ma.masked_array([0.5])), TypeError, "p"),
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


# ---------------------------------------------------------------------------
# base is keyword-only (0.2)
# ---------------------------------------------------------------------------

FAMILY_PAIRS = [
    (Bernoulli(0.3), Bernoulli(0.6)),
    (Categorical([0.2, 0.8]), Categorical([0.5, 0.5])),
    (Gaussian(0.0, 1.0), Gaussian(1.0, 2.0)),
    (MultivariateGaussian([0.0], [[1.0]]), MultivariateGaussian([1.0], [[4.0]])),
]


@pytest.mark.parametrize(("a", "b"), FAMILY_PAIRS, ids=lambda d: type(d).__name__)
def test_base_is_keyword_only_and_positional_base_is_deprecated(a, b) -> None:
    for method in (type(a).entropy, type(a).cross_entropy, type(a).kl_divergence):
        base = inspect.signature(method).parameters["base"]
        assert base.kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.warns(DeprecationWarning, match="pass base by keyword"):
        assert a.entropy(2) == a.entropy(base=2)
    with pytest.warns(DeprecationWarning, match="pass base by keyword"):
        assert a.kl_divergence(b, 2) == a.kl_divergence(b, base=2)
    with pytest.raises(TypeError):
        a.kl_divergence(b, 2, 3)


def test_one_dimensional_multivariate_gaussian_is_the_gaussian() -> None:
    (g1, g2), (m1, m2) = FAMILY_PAIRS[2], FAMILY_PAIRS[3]
    assert m1.entropy() == pytest.approx(g1.entropy(), rel=1e-15)
    assert m1.cross_entropy(m2) == pytest.approx(g1.cross_entropy(g2), rel=1e-15)
    assert m1.kl_divergence(m2) == pytest.approx(g1.kl_divergence(g2), rel=1e-15)
    x = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(m1.log_prob(x[:, None]), g1.log_prob(x), rtol=1e-15)
