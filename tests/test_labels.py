"""Tests for infolib.labels: one-hot and label-smoothed targets."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import entropy
from infolib.labels import one_hot, smooth_labels


def test_one_hot_exact():
    np.testing.assert_array_equal(one_hot([1, 0, 2], 3), [[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    assert one_hot([1, 0, 2], 3).dtype == np.float64


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 6), st.floats(0.0, 1.0), st.integers(0, 10_000))
def test_smooth_labels_are_distributions_with_known_entropy(k, eps, seed):
    y = np.random.default_rng(seed).integers(0, k, size=7)
    t = smooth_labels(y, k, epsilon=eps)
    np.testing.assert_allclose(t.sum(axis=1), 1.0, atol=1e-12)
    big, small = 1 - eps + eps / k, eps / k
    h = -big * np.log(big) - (k - 1) * (small * np.log(small) if small > 0 else 0.0)
    np.testing.assert_allclose(entropy(t), h, atol=1e-12)


def test_smoothing_zero_is_one_hot():
    np.testing.assert_array_equal(smooth_labels([2, 1], 3, epsilon=0.0), one_hot([2, 1], 3))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: one_hot([0, 3], 3), "< 3"),
        (lambda: one_hot([[0]], 3), "one-dimensional"),
        (lambda: one_hot([0.5], 3), "integers"),
        (lambda: one_hot([0], 0), "n_classes must be >= 1"),
        (lambda: smooth_labels([0], 3, epsilon=1.5), "epsilon"),
    ],
)
def test_bad_inputs(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_the_classification_import_path_still_works():
    from infolib import classification

    assert classification.one_hot is one_hot and classification.smooth_labels is smooth_labels
