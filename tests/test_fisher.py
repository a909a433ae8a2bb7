"""Tests for infolib.fisher: closed forms, the finite formula, KL curvature, bad inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import infolib
from infolib.fisher import (
    bernoulli_fisher_information,
    finite_fisher_information,
    gaussian_fisher_information,
    mle_standard_error,
)


def test_bernoulli_closed_form_matches_the_finite_formula():
    p = np.linspace(0.01, 0.99, 99)
    q = np.stack([1 - p, p], axis=-1)
    np.testing.assert_allclose(
        finite_fisher_information(q, [-1.0, 1.0]), 1 / (p * (1 - p)), rtol=1e-14
    )
    assert bernoulli_fisher_information(0.5) == 4.0
    assert isinstance(bernoulli_fisher_information(0.25), float)


def test_finite_information_is_the_expected_squared_score():
    # q_theta = softmax(theta * b): score_j = b_j - E_q[b], so I = Var_q(b)
    rng = np.random.default_rng(0)
    b = rng.normal(size=(200, 5))
    theta = rng.normal(size=(200, 1))
    q = infolib.softmax(theta * b)
    mean_b = np.sum(q * b, axis=-1, keepdims=True)
    dq = q * (b - mean_b)
    variance = np.sum(q * (b - mean_b) ** 2, axis=-1)
    np.testing.assert_allclose(finite_fisher_information(q, dq), variance, rtol=1e-12)


def test_axis_and_broadcasting():
    q = np.array([[0.2, 0.5], [0.8, 0.5]])  # outcomes along axis 0
    out = finite_fisher_information(q, np.array([[-1.0], [1.0]]), axis=0)
    np.testing.assert_allclose(out, [1 / 0.16, 4.0])


@settings(max_examples=60, deadline=None)
@given(st.floats(0.05, 0.95), st.sampled_from([1e-2, 1e-3, 1e-4]))
def test_kl_curvature_is_half_the_information(theta, eps):
    kl = infolib.kl_divergence([1 - theta, theta], [1 - theta - eps, theta + eps])
    ratio = kl / (0.5 * bernoulli_fisher_information(theta) * eps**2)
    # the cubic term: ratio - 1 = O(eps), with a constant below 1/(theta (1 - theta))
    assert abs(ratio - 1) <= eps / (theta * (1 - theta))


def test_a_wrong_information_fails_the_curvature_check():
    theta, eps = 0.3, 1e-4
    kl = infolib.kl_divergence([1 - theta, theta], [1 - theta - eps, theta + eps])
    wrong = 1 / theta  # not 1/(theta (1 - theta))
    assert abs(kl / (0.5 * wrong * eps**2) - 1) > 0.1


def test_gaussian():
    assert gaussian_fisher_information(2.0) == 0.25
    np.testing.assert_array_equal(gaussian_fisher_information([0.5, 1.0], wrt="std"), [8.0, 2.0])
    # KL(N(mu, s^2) || N(mu + eps, s^2)) = eps^2 / (2 s^2) exactly
    s, eps = 1.7, 0.3
    kl = infolib.Gaussian(0.0, s).kl_divergence(infolib.Gaussian(eps, s))
    assert kl == pytest.approx(0.5 * gaussian_fisher_information(s) * eps**2, rel=1e-13)


def test_mle_standard_error():
    assert mle_standard_error(4.0, 100) == pytest.approx(0.05)
    np.testing.assert_allclose(mle_standard_error([1.0, 4.0], 4), [0.5, 0.25])


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.1, 1.5, [0.5, 1.0], np.nan])
def test_bernoulli_rejects_parameters_outside_the_open_interval(bad):
    with pytest.raises(ValueError, match="p must"):
        bernoulli_fisher_information(bad)


def test_bernoulli_rejects_strings():
    with pytest.raises(TypeError):
        bernoulli_fisher_information("0.5")


@pytest.mark.parametrize(
    "q, dq, match",
    [
        ([0.5, 0.6], [-1.0, 1.0], "q must sum to 1"),
        ([1.0, 0.0], [-1.0, 1.0], "q must be > 0"),
        ([0.5, 0.5], [1.0, 1.0], "dq must sum to 0"),
        ([0.5, 0.5], [-1.0, np.inf], "dq must be finite"),
        ([0.5, 0.5], [-1.0, 0.5, 0.5], "same number of outcomes"),
        ([0.5, 0.5], 0.0, "same number of outcomes"),
        ([-0.5, 1.5], [-1.0, 1.0], "q must be non-negative"),
    ],
)
def test_finite_rejects_bad_families(q, dq, match):
    with pytest.raises(ValueError, match=match):
        finite_fisher_information(q, dq)


def test_gaussian_rejects_bad_inputs():
    with pytest.raises(ValueError, match="std must be > 0"):
        gaussian_fisher_information(0.0)
    with pytest.raises(ValueError, match="std must be > 0"):
        gaussian_fisher_information([1.0, -2.0])
    with pytest.raises(ValueError, match="wrt must be"):
        gaussian_fisher_information(1.0, wrt="variance")


def test_standard_error_rejects_bad_inputs():
    with pytest.raises(ValueError, match="fisher must be > 0"):
        mle_standard_error(0.0, 10)
    with pytest.raises(ValueError, match="n must be >= 1"):
        mle_standard_error(1.0, 0)
    with pytest.raises(TypeError, match="n must be"):
        mle_standard_error(1.0, 2.5)
