"""Tests of infolib.optimize."""

from __future__ import annotations

import numpy as np
import pytest

from infolib.optimize import minimize_on_interval


def test_finds_interior_minimisers_to_the_tolerance():
    rng = np.random.default_rng(7)
    for target in rng.uniform(0.01, 0.99, size=20):
        found = minimize_on_interval(lambda t, c=target: (t - c) ** 2 + np.cosh(t - c))
        assert abs(found - target) < 1e-7  # a minimiser is found to about sqrt(eps)
    # another interval, and an objective with its minimum at log 2
    assert abs(minimize_on_interval(lambda t: np.exp(t) - 2 * t, 0, 5) - np.log(2)) < 1e-8


def test_minimum_on_the_edge_is_reported_not_returned():
    with pytest.raises(ValueError, match="at the end"):
        minimize_on_interval(lambda t: -t)
    with pytest.raises(ValueError, match="lower must be smaller"):
        minimize_on_interval(lambda t: t, 1, 0)
    with pytest.raises(ValueError, match="upper must be a finite number"):
        minimize_on_interval(lambda t: t, 0, np.inf)
