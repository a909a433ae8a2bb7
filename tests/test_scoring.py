"""Tests for infolib.scoring: scoring rules, calibration error, temperature scaling."""

from __future__ import annotations

import numpy as np
import pytest

from infolib import cross_entropy, entropy, kl_divergence
from infolib.scoring import (
    brier_score,
    expected_calibration_error,
    expected_score,
    fit_temperature,
    linear_score,
    log_score,
    reliability_bins,
    temperature_nll,
)


def _forecasts(rng, shape, n):
    return rng.dirichlet(np.ones(n) * 0.7, size=shape)


def test_scores_by_hand():
    q = [[0.5, 0.25, 0.25], [0.1, 0.9, 0.0]]
    np.testing.assert_allclose(log_score(q, [1, 1]), [np.log(4), -np.log(0.9)])
    np.testing.assert_allclose(brier_score(q, [1, 1]), [0.25 + 0.5625 + 0.0625, 0.01 + 0.01])
    np.testing.assert_allclose(linear_score(q, [0, 1]), [-0.5, -0.9])
    assert log_score(q, [1, 2])[1] == np.inf


def test_expected_log_score_is_cross_entropy_and_gibbs():
    rng = np.random.default_rng(1)
    p, q = _forecasts(rng, 500, 4), _forecasts(rng, 500, 4)
    np.testing.assert_allclose(expected_score(p, q, rule="log"), cross_entropy(p, q), rtol=1e-12)
    np.testing.assert_allclose(expected_score(p, q, rule="log"),
                               entropy(p) + kl_divergence(p, q), rtol=1e-10)
    assert np.all(expected_score(p, q, rule="log") >= expected_score(p, p, rule="log") - 1e-12)


def test_expected_brier_decomposition_and_linear_improper():
    rng = np.random.default_rng(2)
    p, q = _forecasts(rng, 500, 5), _forecasts(rng, 500, 5)
    rhs = ((q - p) ** 2).sum(-1) + 1 - (p**2).sum(-1)
    np.testing.assert_allclose(expected_score(p, q, rule="brier"), rhs, rtol=1e-12)
    mode = np.eye(5)[np.argmax(p, axis=-1)]
    assert np.all(expected_score(p, mode, rule="linear") <= expected_score(p, p, rule="linear"))


def test_expected_score_zero_probability_outcome_contributes_nothing():
    assert expected_score([1.0, 0.0], [1.0, 0.0], rule="log") == 0.0


def _ece_reference(q, y, bins):
    """Slow reference: loops over bins with explicit comparisons against the edges."""
    q, y = np.asarray(q, float), np.asarray(y)
    conf, pred = q.max(axis=1), q.argmax(axis=1)
    total = 0.0
    for m in range(bins):
        lo, hi = m / bins, (m + 1) / bins
        members = [i for i in range(len(y)) if (lo < conf[i] <= hi) or (m == 0 and conf[i] == 0)]
        if members:
            acc = np.mean([pred[i] == y[i] for i in members])
            avg = np.mean([conf[i] for i in members])
            total += len(members) / len(y) * abs(acc - avg)
    return total


@pytest.mark.parametrize("bins", [1, 2, 5, 10, 15])
def test_ece_matches_slow_reference(bins):
    rng = np.random.default_rng(bins)
    q = _forecasts(rng, 40, 3)
    y = rng.integers(0, 3, size=40)
    assert expected_calibration_error(q, y, bins=bins) == pytest.approx(
        _ece_reference(q, y, bins), abs=1e-13)


def test_ece_on_bin_edges_and_batches():
    # confidences exactly 0.5, 0.6 (an edge with bins=10 and bins=5) and 1.0
    q = np.array([[0.5, 0.5], [0.6, 0.4], [1.0, 0.0], [0.3, 0.7]])
    y = np.array([1, 0, 0, 1])
    for bins in (5, 10):
        assert expected_calibration_error(q, y, bins=bins) == pytest.approx(
            _ece_reference(q, y, bins), abs=1e-14)
    rng = np.random.default_rng(5)
    qb, yb = _forecasts(rng, (3, 30), 4), rng.integers(0, 4, size=(3, 30))
    batch = expected_calibration_error(qb, yb, bins=7)
    assert batch.shape == (3,)
    for b in range(3):
        assert batch[b] == pytest.approx(_ece_reference(qb[b], yb[b], 7), abs=1e-13)


def test_reliability_bins_statistics():
    r = reliability_bins([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]], [0, 1, 1], bins=2)
    np.testing.assert_array_equal(r.counts, [0, 3])
    np.testing.assert_allclose(r.accuracy, [0, 2 / 3])
    np.testing.assert_allclose(r.confidence, [0, (0.9 + 0.6 + 0.8) / 3])
    np.testing.assert_array_equal(r.nonempty, [False, True])
    np.testing.assert_allclose(r.edges, [0, 0.5, 1])


def test_perfectly_calibrated_forecasts_have_small_ece():
    rng = np.random.default_rng(7)
    q = _forecasts(rng, 200_000, 3)
    y = (rng.uniform(size=(200_000, 1)) > np.cumsum(q, axis=1)).sum(axis=1)
    assert expected_calibration_error(q, y, bins=10) < 0.01


def test_temperature_nll_by_hand_and_vectorised():
    z = np.array([[2.0, 0.0], [0.0, 1.0]])
    taus = np.array([0.5, 1.0, 3.0])
    want = [np.mean([np.log1p(np.exp(-2 / t)), np.log1p(np.exp(-1 / t))]) for t in taus]
    np.testing.assert_allclose(temperature_nll(z, [0, 1], taus), want, rtol=1e-13)


def test_fit_temperature_closed_form():
    # one of four examples wrong with margin 3: the minimiser is 3 / log 3
    z = [[3.0, 0.0], [0.0, 3.0], [3.0, 0.0], [0.0, 3.0]]
    assert fit_temperature(z, [0, 1, 1, 1]) == pytest.approx(3 / np.log(3), rel=1e-7)


def test_fit_temperature_all_correct_runs_to_the_end():
    # every example right: NLL decreases as tau -> 0, no interior minimiser
    with pytest.raises(ValueError, match="end"):
        fit_temperature([[3.0, 0.0], [0.0, 3.0]], [0, 1])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: log_score([0.5, 0.6], 0), r"q must sum to 1.*1\.1"),
        (lambda: brier_score([[0.5, 0.5]], [2]), "y class labels must be < 2"),
        (lambda: linear_score([1.2, -0.2], 0), "q must be non-negative"),
        (lambda: expected_score([0.5, 0.5], [0.5, 0.5], rule="spherical"), "rule must be one"),
        (lambda: expected_score([0.5, 0.6], [0.5, 0.5], rule="log"), "p must sum to 1"),
        (lambda: expected_calibration_error([[0.5, 0.5]], [0], bins=0),
         r"bins must be >= 1 \(got 0\)"),
        (lambda: expected_calibration_error([[0.5, 0.5]], [0], bins=2.5),
         "bins must be a non-negative integer"),
        (lambda: reliability_bins([0.5, 0.5], 0), "shape"),
        (lambda: expected_calibration_error([[0.7, 0.4]], [0]), "q must sum to 1"),
        (lambda: temperature_nll([[1.0, 0.0]], [0], 0.0), r"temperature must be > 0 \(got 0\.0\)"),
        (lambda: temperature_nll([[1.0, 0.0]], [0], [1.0, -2.0]),
         r"temperature must be > 0 \(got -2\.0\)"),
        (lambda: temperature_nll([[np.nan, 0.0]], [0], 1.0), "logits"),
        (lambda: fit_temperature([[1.0, 0.0]], [0], lower=-1.0),
         r"lower must be > 0 \(got -1\.0\)"),
        (lambda: fit_temperature([[1.0, 0.0]], [0], lower=2.0, upper=1.0), "lower must be smaller"),
    ],
)
def test_bad_inputs_name_the_argument(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
