"""Tests for infolib.distillation: the softened KL loss and its gradient."""

from __future__ import annotations

import numpy as np
import pytest

from infolib import kl_divergence, softmax
from infolib.distillation import distillation_gradient, distillation_loss


def test_loss_is_kl_of_the_softened_distributions():
    rng = np.random.default_rng(3)
    v, z = rng.normal(scale=3, size=(200, 5)), rng.normal(scale=3, size=(200, 5))
    for tau in (0.5, 1.0, 4.0):
        want = kl_divergence(softmax(v / tau), softmax(z / tau))
        np.testing.assert_allclose(distillation_loss(v, z, temperature=tau, reduction="none"),
                                   want, rtol=1e-9, atol=1e-15)
    assert distillation_loss(v, z, temperature=2.0, reduction="sum") == pytest.approx(
        distillation_loss(v, z, temperature=2.0, reduction="none").sum())


def test_gradient_matches_central_differences():
    rng = np.random.default_rng(4)
    v, z = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    tau, h = 2.5, 1e-5
    shifts = h * np.eye(4)
    up = distillation_loss(v[:, None, :], z[:, None, :] + shifts, temperature=tau,
                           reduction="none")
    down = distillation_loss(v[:, None, :], z[:, None, :] - shifts, temperature=tau,
                             reduction="none")
    np.testing.assert_allclose(distillation_gradient(v, z, temperature=tau),
                               (up - down) / (2 * h), atol=1e-9)


def test_gradient_high_temperature_limit():
    rng = np.random.default_rng(5)
    v, z = rng.normal(size=(10, 3)), rng.normal(size=(10, 3))
    v, z = v - v.mean(-1, keepdims=True), z - z.mean(-1, keepdims=True)
    tau = 1e3
    scaled = tau**2 * distillation_gradient(v, z, temperature=tau)
    np.testing.assert_allclose(scaled, (z - v) / 3, atol=1e-2)
    assert np.abs(distillation_gradient(v, z, temperature=1.0).sum(-1)).max() < 1e-15


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: distillation_loss([1.0, 0.0], [1.0, 0.0], temperature=0.0),
         r"temperature must be > 0 \(got 0\.0\)"),
        (lambda: distillation_gradient([1.0, 0.0], [1.0, 0.0], temperature=-1),
         r"temperature must be > 0 \(got -1\.0\)"),
        (lambda: distillation_loss([1.0, 0.0], [1.0, 0.0, 2.0], temperature=1.0),
         "same number of classes"),
        (lambda: distillation_loss([np.inf, 0.0], [1.0, 0.0], temperature=1.0), "teacher_logits"),
        (lambda: distillation_loss([1.0, 0.0], [1.0, 0.0], temperature=1.0, reduction="avg"),
         "reduction"),
    ],
)
def test_bad_inputs_name_the_argument(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
