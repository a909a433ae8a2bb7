"""Tests for infolib.logits: softmax, log-softmax and cross_entropy_with_logits."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from infolib import (
    binary_cross_entropy_with_logits,
    cross_entropy,
    cross_entropy_with_logits,
    log_softmax,
    softmax,
)
from infolib._kernels import BLOCK


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
        (0.0, "logits must have at least one dimension"),
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


# ---------------------------------------------------------------- batch dimensions (0.2)


def test_one_dimensional_logits_are_one_sample():
    z = np.array([2.0, 0.0, -1.0])
    assert cross_entropy_with_logits(0, z) == pytest.approx(-log_softmax(z)[0], rel=1e-15)
    assert cross_entropy_with_logits(0, z, reduction="none").shape == ()
    with pytest.raises(ValueError, match=r"class labels of shape \(\) or probabilities of shape"):
        cross_entropy_with_logits([0, 1], z)


def test_leading_batch_dimensions_equal_the_flattened_loss():
    rng = np.random.default_rng(7)
    z = rng.normal(size=(4, 5, 6))
    y = rng.integers(0, 6, size=(4, 5))
    t = rng.dirichlet(np.ones(6), size=(4, 5))
    flat = cross_entropy_with_logits(y.ravel(), z.reshape(-1, 6), reduction="none")
    np.testing.assert_array_equal(cross_entropy_with_logits(y, z, reduction="none"),
                                  flat.reshape(4, 5))
    assert cross_entropy_with_logits(y, z) == pytest.approx(flat.mean(), rel=1e-15)
    soft = cross_entropy_with_logits(t, z, reduction="none")
    np.testing.assert_allclose(soft, cross_entropy(t, softmax(z)), rtol=1e-12)


def test_classes_along_another_axis_like_torch_n_c_d():
    rng = np.random.default_rng(8)
    z = rng.normal(size=(3, 4, 5))  # (N, C, d): classes along axis 1
    y = rng.integers(0, 4, size=(3, 5))
    moved = cross_entropy_with_logits(y, np.moveaxis(z, 1, -1), reduction="none")
    np.testing.assert_allclose(cross_entropy_with_logits(y, z, axis=1, reduction="none"),
                               moved, rtol=1e-15)
    t = np.moveaxis(rng.dirichlet(np.ones(4), size=(3, 5)), -1, 1)
    np.testing.assert_allclose(
        cross_entropy_with_logits(t, z, axis=1, reduction="none"),
        cross_entropy_with_logits(np.moveaxis(t, 1, -1), np.moveaxis(z, 1, -1), reduction="none"),
        rtol=1e-15,
    )


@pytest.mark.parametrize("k", [3, 10, 3 * BLOCK])
def test_blocked_losses_equal_the_unblocked_formula_bit_for_bit(k):
    rng = np.random.default_rng(k)
    n = max(4, 4 * BLOCK // k)
    z = rng.normal(scale=8.0, size=(n, k))
    y = rng.integers(0, k, size=n)
    t = rng.dirichlet(np.ones(k), size=n)
    np.testing.assert_array_equal(cross_entropy_with_logits(y, z, reduction="none"),
                                  -log_softmax(z)[np.arange(n), y])
    np.testing.assert_array_equal(cross_entropy_with_logits(t, z, reduction="none"),
                                  -(t * log_softmax(z)).sum(axis=1))


def test_blocked_soft_losses_mend_zero_times_minus_infinity():
    n = 2 * BLOCK
    z = np.zeros((n, 3))
    z[-1] = [0.0, -1e308, 1e308]
    t = np.tile([0.0, 0.0, 1.0], (n, 1))
    losses = cross_entropy_with_logits(t, z, reduction="none")
    assert losses[-1] == 0.0 and np.isfinite(losses).all()
    np.testing.assert_allclose(losses[:-1], math.log(3.0), rtol=1e-15)


def test_float32_soft_targets_from_a_network():
    z = np.random.default_rng(9).normal(size=(5, 40)).astype(np.float32)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    t = e / e.sum(axis=1, keepdims=True)  # float32, rows off by ~1e-7
    loss = cross_entropy_with_logits(t, z, reduction="none")
    assert loss.dtype == np.float64
    t64 = t.astype(np.float64) / t.astype(np.float64).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(loss, cross_entropy_with_logits(t64, z.astype(np.float64),
                                                               reduction="none"), rtol=1e-15)


def test_cross_entropy_with_logits_matches_torch():
    torch = pytest.importorskip("torch", reason="torch is a benchmark-only dependency")
    rng = np.random.default_rng(10)
    z = rng.normal(scale=10.0, size=(6, 7, 5))
    y = rng.integers(0, 5, size=(6, 7))
    t = rng.dirichlet(np.ones(5), size=(6, 7))
    zt = torch.from_numpy(np.moveaxis(z, -1, 1).copy())  # torch wants (N, C, d)
    ref = torch.nn.functional.cross_entropy(zt, torch.from_numpy(y), reduction="none")
    # torch computes log(sum) and loses the relative precision of tiny losses: atol
    np.testing.assert_allclose(cross_entropy_with_logits(y, z, reduction="none"), ref.numpy(),
                               rtol=1e-13, atol=1e-15)
    ref_soft = torch.nn.functional.cross_entropy(
        zt, torch.from_numpy(np.moveaxis(t, -1, 1).copy()), reduction="none")
    np.testing.assert_allclose(cross_entropy_with_logits(t, z, reduction="none"),
                               ref_soft.numpy(), rtol=1e-13, atol=1e-15)


# ---------------------------------------------------------------- binary cross-entropy


def mp_bce(t: float, z: float) -> float:
    """-t log sigma(z) - (1 - t) log(1 - sigma(z)) at 60 digits."""
    with mp.workdps(60):
        tm, zm = mp.mpf(t), mp.mpf(z)
        # -log sigma(z) = log(1 + e^-z) and -log(1 - sigma(z)) = log(1 + e^z), exactly
        return float(tm * mp.log1p(mp.exp(-zm)) + (1 - tm) * mp.log1p(mp.exp(zm)))


@pytest.mark.parametrize(
    ("t", "z"),
    [(1.0, 40.0), (0.0, -40.0), (1.0, 700.0), (0.0, -700.0), (1.0, 2.0), (0.0, 2.0),
     (0.3, 0.5), (0.999, 8.0), (1e-9, -30.0), (0.5, 1e-12), (1.0, -30.0), (0.25, -3.0)],
)
def test_binary_cross_entropy_matches_mpmath(t, z):
    got = binary_cross_entropy_with_logits(t, z)
    ref = mp_bce(t, z)
    assert abs(got - ref) <= 4e-16 * abs(ref)


def test_tiny_binary_losses_keep_their_relative_precision():
    # torch's (1 - t) z - log_sigmoid(z) rounds this loss to 0 for t = 0, z = -40
    loss = binary_cross_entropy_with_logits([1.0, 0.0], [40.0, -40.0], reduction="none")
    with mp.workdps(50):
        ref = float(mp.log1p(mp.exp(-40)))
    np.testing.assert_allclose(loss, [ref, ref], rtol=1e-15)


def test_binary_cross_entropy_for_huge_logits_is_finite():
    loss = binary_cross_entropy_with_logits([0.0, 1.0, 0.5], [1e308, -1e308, 1e308],
                                            reduction="none")
    np.testing.assert_array_equal(loss, [1e308, 1e308, 5e307])


@settings(max_examples=100, deadline=None)
@given(st.floats(0.0, 1.0), st.floats(-50.0, 50.0))
def test_binary_is_the_two_class_cross_entropy(t, z):
    two_class = cross_entropy_with_logits([[1 - t, t]], [[0.0, z]])
    assert binary_cross_entropy_with_logits(t, z) == pytest.approx(two_class, rel=1e-12,
                                                                   abs=1e-300)


def test_binary_cross_entropy_shapes_and_reductions():
    rng = np.random.default_rng(11)
    z = rng.normal(size=(3, 4))
    t = rng.random((3, 4))
    none = binary_cross_entropy_with_logits(t, z, reduction="none")
    assert none.shape == (3, 4)
    assert binary_cross_entropy_with_logits(t, z) == pytest.approx(none.mean(), rel=1e-15)
    assert binary_cross_entropy_with_logits(t, z, reduction="sum") == pytest.approx(none.sum())
    assert isinstance(binary_cross_entropy_with_logits(1, 0.0, reduction="none"), np.float64)


def test_binary_cross_entropy_matches_torch():
    torch = pytest.importorskip("torch", reason="torch is a benchmark-only dependency")
    rng = np.random.default_rng(12)
    z = rng.normal(scale=5.0, size=(50, 3))
    t = np.where(rng.random((50, 3)) < 0.5, rng.random((50, 3)), rng.integers(0, 2, (50, 3)))
    ref = torch.nn.functional.binary_cross_entropy_with_logits(
        torch.from_numpy(z), torch.from_numpy(t), reduction="none").numpy()
    np.testing.assert_allclose(binary_cross_entropy_with_logits(t, z, reduction="none"), ref,
                               rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(
    ("target", "logits", "exc", "match"),
    [
        ([0.5, 1.5], [0.0, 0.0], ValueError, r"target must lie in \[0, 1\] \(got 1.5\)"),
        ([0.5, -0.1], [0.0, 0.0], ValueError, "target must lie in"),
        ([0.5, np.nan], [0.0, 0.0], ValueError, "target must be finite"),
        ([0.5], [0.0, 0.0], ValueError, r"target must have the shape of logits \(2,\)"),
        ([0.5, 0.5], [0.0, np.inf], ValueError, "logits must be finite"),
        ("ab", [0.0, 0.0], TypeError, "target must be numeric"),
    ],
)
def test_binary_cross_entropy_bad_input(target, logits, exc, match):
    with pytest.raises(exc, match=match):
        binary_cross_entropy_with_logits(target, logits)


def test_float32_logits_are_converted_block_by_block_with_the_same_values():
    rng = np.random.default_rng(13)
    z = rng.normal(scale=4.0, size=(3 * BLOCK // 4, 4)).astype(np.float32)
    y = rng.integers(0, 4, size=z.shape[0])
    np.testing.assert_array_equal(cross_entropy_with_logits(y, z, reduction="none"),
                                  cross_entropy_with_logits(y, z.astype(np.float64),
                                                            reduction="none"))
