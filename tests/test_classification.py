"""Tests for infolib.classification: softmax regression (its gradient, fit and logits)."""

from __future__ import annotations

import numpy as np
import pytest

from infolib import cross_entropy_with_logits, kl_divergence, softmax
from infolib.classification import (
    fit_softmax_regression,
    softmax_regression_gradient,
)
from infolib.labels import one_hot, smooth_labels


def make_data(seed: int = 0, n: int = 60, d: int = 2, k: int = 3):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, size=n)
    X = rng.normal(size=(n, d)) + rng.normal(size=(k, d))[y]
    return X, y


def mean_ce(W, b, X, t):
    return cross_entropy_with_logits(t, X @ W + b)


def finite_difference_gradient(W, b, X, t, h=1e-6):
    theta = np.concatenate([W.ravel(), b])
    d, k = W.shape

    def f(th):
        return mean_ce(th[: d * k].reshape(d, k), th[d * k:], X, t)

    eye = np.eye(theta.size)
    g = np.array([(f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in eye])
    return g[: d * k].reshape(d, k), g[d * k:]


@pytest.mark.parametrize("soft", [False, True])
def test_gradient_matches_finite_differences(soft):
    X, y = make_data()
    rng = np.random.default_rng(1)
    W, b = rng.normal(size=(2, 3)), rng.normal(size=3)
    t = smooth_labels(y, 3, epsilon=0.1) if soft else one_hot(y, 3)
    gW, gb = softmax_regression_gradient(W, b, X, t)
    fW, fb = finite_difference_gradient(W, b, X, t)
    np.testing.assert_allclose(gW, fW, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(gb, fb, rtol=1e-6, atol=1e-8)


def test_gradient_accepts_integer_labels():
    X, y = make_data()
    W, b = np.ones((2, 3)), np.zeros(3)
    for got, want in zip(softmax_regression_gradient(W, b, X, y),
                         softmax_regression_gradient(W, b, X, one_hot(y, 3)), strict=True):
        np.testing.assert_array_equal(got, want)


def test_gradient_of_kl_equals_gradient_of_ce():
    X, y = make_data()
    t = smooth_labels(y, 3, epsilon=0.3)
    W, b = np.random.default_rng(2).normal(size=(2, 3)), np.zeros(3)
    h = 1e-6
    E = np.zeros_like(W)
    E[0, 1] = h

    def kl(Wx):
        return kl_divergence(t, softmax(X @ Wx + b)).mean()

    fd = (kl(W + E) - kl(W - E)) / (2 * h)
    assert softmax_regression_gradient(W, b, X, t)[0][0, 1] == pytest.approx(fd, rel=1e-6)


def test_fit_reaches_stationary_point_and_decreases_loss():
    X, y = make_data()
    fit = fit_softmax_regression(X, y, lr=1.0, steps=3000)
    assert fit.losses.shape == (3001,)
    assert fit.W_path.shape == (3001, 2, 3) and fit.b_path.shape == (3001, 3)
    assert np.all(np.diff(fit.losses) <= 1e-15)
    gW, gb = softmax_regression_gradient(fit.W, fit.b, X, y)
    assert max(np.abs(gW).max(), np.abs(gb).max()) < 1e-8
    # zero start: parameters stay centred over the classes
    np.testing.assert_allclose(fit.W.sum(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(fit.b.sum(), 0.0, atol=1e-12)
    assert fit.losses[-1] == pytest.approx(mean_ce(fit.W, fit.b, X, one_hot(y, 3)), rel=1e-14)


def test_fit_with_zero_steps_and_initial_values():
    X, y = make_data()
    W0, b0 = np.ones((2, 3)), np.arange(3.0)
    fit = fit_softmax_regression(X, y, lr=0.1, steps=0, W0=W0, b0=b0)
    np.testing.assert_array_equal(fit.W, W0)
    assert fit.losses[0] == pytest.approx(mean_ce(W0, b0, X, y))
    assert "steps=0" in repr(fit)


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: softmax_regression_gradient(np.zeros((3, 3)), np.zeros(3), np.zeros((4, 2)),
                                             [0, 1, 2, 0]), ValueError, "W must have shape"),
        (lambda: softmax_regression_gradient(np.zeros((2, 3)), np.zeros(2), np.zeros((4, 2)),
                                             [0, 1, 2, 0]), ValueError, "b must have shape"),
        (lambda: softmax_regression_gradient(np.zeros((2, 3)), np.zeros(3), np.zeros(4),
                                             [0, 1, 2, 0]), ValueError, "X must have shape"),
        (lambda: softmax_regression_gradient(np.zeros((2, 3)), np.zeros(3), np.zeros((4, 2)),
                                             [0, 1]), ValueError, "targets must have 4 rows"),
        (lambda: softmax_regression_gradient(np.zeros((2, 3)), np.zeros(3), np.zeros((2, 2)),
                                             [[0.5, 0.6, 0.0]] * 2), ValueError, "sum to 1"),
        (lambda: fit_softmax_regression(np.zeros((2, 2)), [0, 1], lr=0.0, steps=3),
         ValueError, "lr"),
        (lambda: fit_softmax_regression(np.zeros((2, 2)), [0, 1], lr=0.1, steps=-1),
         ValueError, "steps"),
        (lambda: fit_softmax_regression(np.array([[np.nan, 0.0]]), [0], lr=0.1, steps=1),
         ValueError, "X must be finite"),
        (lambda: fit_softmax_regression(np.zeros((2, 2)), [0, 1], lr="a", steps=1),
         TypeError, "lr"),
    ],
)
def test_bad_inputs(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# softmax_regression_logits: z_i = W^T x_i + b for one or many parameter sets

from infolib.classification import softmax_regression_logits  # noqa: E402


def test_logits_of_one_parameter_set_are_x_w_plus_b():
    X, _ = make_data()
    rng = np.random.default_rng(3)
    W, b = rng.normal(size=(2, 3)), rng.normal(size=3)
    z = softmax_regression_logits(X, W, b)
    assert z.shape == (X.shape[0], 3)
    # an independent route: one example and one class at a time
    by_hand = np.array([[sum(x[r] * W[r, k] for r in range(2)) + b[k] for k in range(3)]
                        for x in X])
    np.testing.assert_allclose(z, by_hand, rtol=1e-13, atol=1e-13)


def test_logits_of_a_batch_match_each_parameter_set_and_broadcast():
    X, y = make_data()
    rng = np.random.default_rng(4)
    W, b = rng.normal(size=(4, 5, 2, 3)), rng.normal(size=(5, 3))
    z = softmax_regression_logits(X, W, b)
    assert z.shape == (4, 5, X.shape[0], 3)
    np.testing.assert_allclose(z[2, 1], X @ W[2, 1] + b[1], rtol=1e-13, atol=1e-13)
    # a path of a fit: the losses it stores are those of its logits
    fit = fit_softmax_regression(X, y, lr=0.5, steps=5)
    path = softmax_regression_logits(X, fit.W_path, fit.b_path)
    losses = cross_entropy_with_logits(np.broadcast_to(one_hot(y, 3), path.shape).reshape(-1, 3),
                                       path.reshape(-1, 3), reduction="none")
    np.testing.assert_allclose(losses.reshape(6, -1).mean(axis=1), fit.losses, rtol=1e-13)
    # one bias for many weights
    assert softmax_regression_logits(X, W, np.zeros(3)).shape == (4, 5, X.shape[0], 3)


def test_logits_shift_by_a_common_vector_leaves_the_softmax_unchanged():
    X, _ = make_data()
    rng = np.random.default_rng(5)
    W, b, v = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(2, 1))
    np.testing.assert_allclose(softmax(softmax_regression_logits(X, W + v, b + 0.7)),
                               softmax(softmax_regression_logits(X, W, b)), rtol=1e-12)


@pytest.mark.parametrize(
    ("W", "b", "X", "exc", "match"),
    [
        (np.zeros((3, 2)), np.zeros(2), np.zeros((4, 2)), ValueError, "W must have shape"),
        (np.zeros(2), np.zeros(2), np.zeros((4, 2)), ValueError, "W must have shape"),
        (np.zeros((2, 3)), np.zeros(2), np.zeros((4, 2)), ValueError, "b must have shape"),
        (np.zeros((2, 3)), 0.0, np.zeros((4, 2)), ValueError, "b must have shape"),
        (np.zeros((4, 2, 3)), np.zeros((5, 3)), np.zeros((4, 2)), ValueError,
         "the batch of W with shape .4,. and the batch of b"),
        (np.zeros((2, 3)), np.zeros(3), np.zeros(4), ValueError, "X must have shape"),
        (np.full((2, 3), np.inf), np.zeros(3), np.zeros((4, 2)), ValueError, "W must be finite"),
        (np.zeros((2, 3)), [np.nan] * 3, np.zeros((4, 2)), ValueError, "b must be finite"),
        (np.zeros((2, 3)), np.zeros(3), "x", TypeError, "X must be numeric"),
    ],
)
def test_logits_bad_inputs(W, b, X, exc, match):
    with pytest.raises(exc, match=match):
        softmax_regression_logits(X, W, b)


def test_fit_from_zero_keeps_rows_not_columns_of_w_summing_to_zero():
    # regression test for the docstring of fit_softmax_regression, which said "columns"
    X, y = make_data()
    fit = fit_softmax_regression(X, y, lr=1.0, steps=500)
    np.testing.assert_allclose(fit.W_path.sum(axis=2), 0.0, atol=1e-12)   # rows, every step
    np.testing.assert_allclose(fit.b_path.sum(axis=1), 0.0, atol=1e-12)
    assert np.abs(fit.W.sum(axis=0)).max() > 0.1                           # columns do not
