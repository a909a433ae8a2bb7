"""Tests for infolib.splits: information gain of threshold splits, against the
textbook formula (parent entropy minus weighted child entropies, counted in a
Python loop) and hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pytest

from infolib import entropy
from infolib.splits import candidate_thresholds, information_gain, split_tables

FEATURE = np.array([0.5, 1.0, 1.5, 2.0, 3.0, 3.5, 4.0, 5.0])
LABELS = np.array([0, 0, 1, 0, 1, 1, 2, 1])


def gain_by_loop(feature, labels, t, k):
    """H(parent) - sum (N_s / N) H(child s), with counts taken one example at a time."""
    def h(ys):
        counts = np.array([sum(1 for v in ys if v == c) for c in range(k)], float)
        return float(entropy(counts / counts.sum())) if counts.sum() else 0.0
    left = [lab for f, lab in zip(feature, labels, strict=True) if f <= t]
    right = [lab for f, lab in zip(feature, labels, strict=True) if f > t]
    n = len(labels)
    return h(list(labels)) - len(left) / n * h(left) - len(right) / n * h(right)


def test_candidate_thresholds_are_midpoints_of_distinct_values():
    np.testing.assert_array_equal(candidate_thresholds([2.0, 1.0, 2.0, 4.0]), [1.5, 3.0])
    assert candidate_thresholds([1.0, 1.0]).shape == (0,)


def test_split_tables_are_joint_distributions_with_the_right_counts():
    thresholds = candidate_thresholds(FEATURE)
    tables = split_tables(FEATURE, LABELS, thresholds)
    assert tables.shape == (thresholds.size, 2, 3)
    np.testing.assert_allclose(tables.sum(axis=(1, 2)), 1.0, rtol=0, atol=1e-15)
    # threshold 1.75: left = {0.5, 1.0, 1.5} with labels 0, 0, 1
    k = int(np.flatnonzero(thresholds == 1.75)[0])
    np.testing.assert_array_equal(tables[k] * 8, [[2, 1, 0], [1, 3, 1]])


def test_information_gain_matches_the_weighted_child_entropies():
    thresholds = np.concatenate([[-1.0, 10.0], candidate_thresholds(FEATURE)])
    gains = information_gain(FEATURE, LABELS, thresholds)
    expected = [gain_by_loop(FEATURE, LABELS, t, 3) for t in thresholds]
    np.testing.assert_allclose(gains, expected, rtol=1e-13, atol=1e-15)
    assert gains[0] == 0.0 and gains[1] == 0.0  # one side empty: no information


def test_a_pure_split_gains_the_whole_label_entropy_in_bits():
    gains = information_gain([1, 2, 3, 4], [0, 0, 1, 1], [2.5], base=2)
    assert gains[0] == pytest.approx(1.0, rel=1e-15)
    # a split that keeps the label proportions gains nothing
    gains = information_gain([1, 2, 3, 4], [0, 1, 0, 1], [2.5])
    assert gains[0] == pytest.approx(0.0, abs=1e-16)


def test_n_classes_adds_empty_classes_without_changing_the_gain():
    t = candidate_thresholds(FEATURE)
    wide = split_tables(FEATURE, LABELS, t, n_classes=5)
    assert wide.shape == (t.size, 2, 5) and not wide[..., 3:].any()
    np.testing.assert_allclose(information_gain(FEATURE, LABELS, t, n_classes=5),
                               information_gain(FEATURE, LABELS, t), rtol=1e-15, atol=0)


def test_gain_is_at_most_the_label_entropy():
    rng = np.random.default_rng(7)
    feature = rng.normal(size=200)
    labels = rng.integers(0, 4, size=200)
    gains = information_gain(feature, labels, candidate_thresholds(feature))
    h_y = float(entropy(np.bincount(labels) / 200))
    assert gains.min() >= 0.0 and gains.max() <= h_y + 1e-15
    assert math.isfinite(gains.sum())


@pytest.mark.parametrize(
    ("feature", "labels", "thresholds", "kwargs", "match"),
    [
        ([1.0, np.nan], [0, 1], [0.5], {}, "feature must be finite"),
        ([[1.0, 2.0]], [0, 1], [0.5], {}, r"feature must have shape \(N,\)"),
        ([1.0, 2.0], [0, 1, 1], [0.5], {}, r"labels must have shape \(2,\)"),
        ([1.0, 2.0], [0, -1], [0.5], {}, "labels must contain indices >= 0"),
        ([1.0, 2.0], [0, 1.5], [0.5], {}, "labels must contain integer"),
        ([1.0, 2.0], [0, 2], [0.5], {"n_classes": 2}, r"indices in 0..1 \(got 2\)"),
        ([1.0, 2.0], [0, 1], [0.5], {"n_classes": 0}, r"positive integer \(got 0\)"),
        ([1.0, 2.0], [0, 1], [0.5], {"n_classes": 2.5}, "n_classes must be a positive integer"),
        ([1.0, 2.0], [0, 1], [np.inf], {}, "thresholds must be finite"),
        ([1.0, 2.0], [0, 1], [[0.5]], {}, r"thresholds must have shape \(T,\)"),
        ([], [], [0.5], {}, "feature must not be empty"),
    ],
)
def test_bad_input_names_the_argument(feature, labels, thresholds, kwargs, match):
    with pytest.raises(ValueError, match=match):
        split_tables(feature, labels, thresholds, **kwargs)


def test_bad_types_and_base():
    with pytest.raises(TypeError, match="feature must be numeric"):
        information_gain(["a", "b"], [0, 1], [0.5])
    with pytest.raises(ValueError, match="base"):
        information_gain([1.0, 2.0], [0, 1], [1.5], base=1.0)
    with pytest.raises(ValueError, match="feature must be finite"):
        candidate_thresholds([1.0, np.inf])
