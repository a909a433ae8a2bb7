"""Tests for infolib.logits: softmax, log-softmax and cross_entropy_with_logits."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from infolib import cross_entropy, cross_entropy_with_logits, log_softmax, softmax


def mp_log_softmax(z: np.ndarray) -> np.ndarray:
    with mp.workdps(50):
        zm = [mp.mpf(float(v)) for v in z]
        lse = mp.log(mp.fsum(mp.exp(v) for v in zm))
        return np.array([float(v - lse) for v in zm])


logit_rows = hnp.arrays(
    np.float64, st.integers(1, 8), elements=st.floats(-50.0, 50.0, allow_subnormal=False)
)


@settings(max_examples=200, deadline=None)
@given(logit_rows)
def test_softmax_is_a_distribution_and_exp_of_log_softmax(z):
    s = softmax(z)
    assert s.min() >= 0.0
    assert s.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(np.exp(log_softmax(z)), s, rtol=1e-12, atol=1e-300)


@settings(max_examples=100, deadline=None)
@given(logit_rows, st.floats(-1e3, 1e3))
def test_shift_invariance(z, c):
    np.testing.assert_allclose(log_softmax(z + c), log_softmax(z), atol=1e-9)


@pytest.mark.parametrize("scale", [1.0, 1e4, 3e4, 1e300])
def test_extreme_logits_stay_finite_and_accurate(scale):
    z = np.array([1.0, -1.0, 0.5, 0.0]) * scale
    out = log_softmax(z)
    s = softmax(z)
    assert np.isfinite(s).all() and s.sum() == pytest.approx(1.0)
    if scale <= 3e4:
        ref = mp_log_softmax(z)
        np.testing.assert_allclose(out, ref, rtol=1e-12)
        assert np.isfinite(out).all()


def test_naive_log_of_softmax_fails_where_log_softmax_does_not():
    z = np.array([3e4, 0.0])
    with np.errstate(all="ignore"):
        naive = np.log(np.exp(z) / np.exp(z).sum())
    assert not np.isfinite(naive).all()  # overflow: nan / -inf
    np.testing.assert_allclose(log_softmax(z), [0.0, -3e4], rtol=1e-15)


def test_axis_argument():
    z = np.arange(12.0).reshape(3, 4)
    np.testing.assert_allclose(softmax(z, axis=0), softmax(z.T).T, rtol=1e-15)
    np.testing.assert_allclose(log_softmax(z, axis=0).sum(axis=1), log_softmax(z.T).sum(axis=0))


# ---------------------------------------------------------------- the loss


def test_labels_loss_is_negative_log_likelihood():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(50, 4))
    y = rng.integers(0, 4, size=50)
    per_sample = cross_entropy_with_logits(y, z, reduction="none")
    expected = -log_softmax(z)[np.arange(50), y]
    np.testing.assert_allclose(per_sample, expected, rtol=1e-14)
    assert cross_entropy_with_logits(y, z, reduction="sum") == pytest.approx(expected.sum())
    assert cross_entropy_with_logits(y, z) == pytest.approx(expected.mean())


def test_one_hot_targets_equal_integer_labels():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(30, 5))
    y = rng.integers(0, 5, size=30)
    one_hot = np.eye(5)[y]
    np.testing.assert_allclose(
        cross_entropy_with_logits(one_hot, z, reduction="none"),
        cross_entropy_with_logits(y, z, reduction="none"),
        rtol=1e-14,
    )


def test_soft_targets_equal_discrete_cross_entropy():
    rng = np.random.default_rng(2)
    z = rng.normal(size=(20, 3))
    t = rng.dirichlet(np.ones(3), size=20)
    np.testing.assert_allclose(
        cross_entropy_with_logits(t, z, reduction="none"),
        cross_entropy(t, softmax(z)),
        rtol=1e-12,
    )


def test_zero_target_with_vanishing_probability_is_not_nan():
    z = np.array([[0.0, -1e308, 1e308]])
    t = np.array([[0.0, 0.0, 1.0]])
    assert cross_entropy_with_logits(t, z) == 0.0


def test_float_labels_that_are_integers_are_accepted():
    z = np.zeros((2, 3))
    assert cross_entropy_with_logits(np.array([0.0, 2.0]), z) == pytest.approx(math.log(3))


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("target", "exc", "match"),
    [
        ([0, 3], ValueError, "must be < 3"),
        ([0, -1], ValueError, "must be >= 0"),
        ([0.5, 1.0], ValueError, "must be integers"),
        ([0, 1, 2], ValueError, r"shape \(2,\)"),
        ([[0.5, 0.5, 0.5], [1.0, 0.0, 0.0]], ValueError, "rows must sum to 1"),
        ([[1.5, -0.5, 0.0], [1.0, 0.0, 0.0]], ValueError, "non-negative"),
        ([[1.0, 0.0], [1.0, 0.0]], ValueError, "shape"),
        (["a", "b"], TypeError, "target must be numeric"),
    ],
)
def test_bad_targets(target, exc, match):
    with pytest.raises(exc, match=match):
        cross_entropy_with_logits(target, np.zeros((2, 3)))


@pytest.mark.parametrize(
    ("logits", "match"),
    [
        ([[0.0, np.nan, 0.0], [0.0, 0.0, 0.0]], "logits must be finite"),
        ([[0.0, np.inf, 0.0], [0.0, 0.0, 0.0]], "logits must be finite"),
        ([0.0, 0.0, 0.0], r"logits must have shape \(n, k\)"),
    ],
)
def test_bad_logits(logits, match):
    with pytest.raises(ValueError, match=match):
        cross_entropy_with_logits([0, 1], logits)


def test_unknown_reduction():
    with pytest.raises(ValueError, match="reduction"):
        cross_entropy_with_logits([0], np.zeros((1, 2)), reduction="average")


def test_softmax_bad_input():
    with pytest.raises(ValueError, match="logits must be finite"):
        softmax([1.0, np.nan])
    with pytest.raises(ValueError, match="logits must not be empty"):
        log_softmax([])
    with pytest.raises(ValueError, match="axis"):
        softmax([1.0, 2.0], axis=1)


def test_tiny_losses_keep_their_relative_accuracy():
    # loss = log(1 + e^-30): log of a sum near 1 would round most of it away
    loss = cross_entropy_with_logits([1], [[0.0, 30.0]])
    with mp.workdps(50):
        ref = float(mp.log1p(mp.exp(-30)))
    assert abs(loss - ref) / ref < 1e-13
    ties = log_softmax([2.0, 2.0, -40.0])
    np.testing.assert_allclose(ties[:2], -math.log(2.0 + math.exp(-42.0)), rtol=1e-15)
