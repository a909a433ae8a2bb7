"""Input validation shared by every public function of :mod:`infolib`.

All checks live here so that the messages are uniform: each names the argument
and says what is wrong, for example ``"q must sum to 1 along axis -1 (got sums
in [0.8, 1.2])"``. The fast path of each check is a couple of vectorised
reductions; the slow path (building a precise message) only runs on failure.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._arrays import (
    REDUCTIONS,
    as_count,
    as_float_array,
    as_generator,
    as_positive_scalar,
    as_real_scalar,
    as_sample_array,
    as_unit_interval_scalar,
    broadcast_pair,
    check_finite,
    check_reduction,
    log_base,
    normalize_axis,
)

__all__ = [
    "PROB_SUM_TOL",
    "REDUCTIONS",
    "as_count",
    "as_float_array",
    "as_generator",
    "as_positive_scalar",
    "as_probabilities",
    "as_probability_pair",
    "as_real_scalar",
    "as_sample_array",
    "as_unit_interval_scalar",
    "broadcast_pair",
    "check_finite",
    "check_reduction",
    "log_base",
    "normalize_axis",
]

#: Largest allowed deviation ``|sum(p) - 1|`` of a probability vector.
PROB_SUM_TOL = 1e-9


def _sum_message(name: str, sums: np.ndarray, axis_label: int) -> str:
    lo, hi = float(np.min(sums)), float(np.max(sums))
    return (
        f"{name} must sum to 1 along axis {axis_label} within {PROB_SUM_TOL:g} "
        f"(got sums in [{lo:.6g}, {hi:.6g}])"
    )


def as_probabilities(p: Any, name: str, axis: Any = -1) -> tuple[np.ndarray, int]:
    """Validate a (batch of) probability vector(s) along ``axis``.

    Returns the float64 array and the normalised axis. Entries must be finite
    and non-negative and every slice along ``axis`` must sum to 1 within
    :data:`PROB_SUM_TOL`.
    """
    arr = as_float_array(p, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (got a scalar)")
    ax = normalize_axis(axis, arr.ndim)
    # Fast path: NaN fails ``>= 0`` and an infinite entry makes the sum infinite.
    if not arr.min() >= 0.0:
        check_finite(arr, name)
        raise ValueError(f"{name} must be non-negative (got minimum {float(arr.min()):.6g})")
    sums = arr.sum(axis=ax)
    if not np.all(np.abs(sums - 1.0) <= PROB_SUM_TOL):
        check_finite(arr, name)
        raise ValueError(_sum_message(name, np.atleast_1d(sums), axis))
    return arr, ax


def as_probability_pair(p: Any, q: Any, axis: Any = -1) -> tuple[np.ndarray, np.ndarray, int]:
    """Validate two distributions ``p`` and ``q`` that are compared along ``axis``."""
    pa, _ = as_probabilities(p, "p", axis)
    qa, _ = as_probabilities(q, "q", axis)
    pa, qa = broadcast_pair(pa, "p", qa, "q")
    return pa, qa, normalize_axis(axis, pa.ndim)
