"""Input validation shared by every public function of :mod:`infolib`.

All checks live here so that the messages are uniform: each names the argument
and says what is wrong, for example ``"q must sum to 1 along axis -1 (got sums
in [0.8, 1.2])"``. The fast path of each check is a couple of vectorised
reductions; the slow path (building a precise message) only runs on failure.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

import numpy as np

#: Largest allowed deviation ``|sum(p) - 1|`` of a probability vector.
PROB_SUM_TOL = 1e-9

REDUCTIONS = ("mean", "sum", "none")


def as_float_array(x: Any, name: str) -> np.ndarray:
    """Convert ``x`` to a non-empty float64 array or raise naming ``name``."""
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got a string")
    try:
        arr = np.asarray(x)
    except Exception as exc:  # ragged nested lists and the like
        raise ValueError(f"{name} could not be converted to an array: {exc}") from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}")
    if np.iscomplexobj(arr):
        raise TypeError(f"{name} must be real, got a complex array")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty (got shape {arr.shape})")
    return arr.astype(np.float64, copy=False)


def check_finite(arr: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` if ``arr`` holds NaN or infinite values."""
    if not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinite values"
        raise ValueError(f"{name} must be finite, got {bad}")


def normalize_axis(axis: Any, ndim: int, name: str = "axis") -> int:
    """Return ``axis`` as a non-negative int, raising if it is out of range."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, Integral):
        raise TypeError(f"{name} must be an integer, got {axis!r}")
    axis = int(axis)
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array with {ndim} dimension(s)")
    return axis % ndim


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


def broadcast_pair(
    a: np.ndarray, name_a: str, b: np.ndarray, name_b: str
) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast two arrays, raising a ``ValueError`` that mentions their shapes."""
    if a.shape == b.shape:
        return a, b
    try:
        return np.broadcast_arrays(a, b)
    except ValueError:
        raise ValueError(
            f"{name_a} with shape {a.shape} and {name_b} with shape {b.shape} "
            "do not broadcast together"
        ) from None


def as_probability_pair(p: Any, q: Any, axis: Any = -1) -> tuple[np.ndarray, np.ndarray, int]:
    """Validate two distributions ``p`` and ``q`` that are compared along ``axis``."""
    pa, _ = as_probabilities(p, "p", axis)
    qa, _ = as_probabilities(q, "q", axis)
    pa, qa = broadcast_pair(pa, "p", qa, "q")
    return pa, qa, normalize_axis(axis, pa.ndim)


def log_base(base: Any) -> float:
    """Return ``log(base)`` (1.0 for ``base=None``, i.e. nats), validating ``base``."""
    if base is None:
        return 1.0
    if isinstance(base, (bool, np.bool_)) or not isinstance(base, Real):
        raise TypeError(f"base must be a positive real number or None, got {base!r}")
    b = float(base)
    if not math.isfinite(b) or b <= 0.0 or b == 1.0:
        raise ValueError(f"base must be finite, > 0 and != 1 (got {b!r})")
    return math.log(b)


def as_real_scalar(x: Any, name: str) -> float:
    """Return ``x`` as a finite Python float or raise naming ``name``."""
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, (Real, np.number)):
        raise TypeError(f"{name} must be a real number, got {x!r}")
    value = float(x)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite (got {value!r})")
    return value


def as_positive_scalar(x: Any, name: str) -> float:
    """Return ``x`` as a finite float > 0."""
    value = as_real_scalar(x, name)
    if value <= 0.0:
        raise ValueError(f"{name} must be > 0 (got {value!r})")
    return value


def as_unit_interval_scalar(x: Any, name: str) -> float:
    """Return ``x`` as a float in [0, 1]."""
    value = as_real_scalar(x, name)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must lie in [0, 1] (got {value!r})")
    return value


def as_sample_array(samples: Any, name: str = "samples", min_size: int = 1) -> np.ndarray:
    """Return a finite 1-D float array of at least ``min_size`` samples."""
    arr = as_float_array(samples, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (got shape {arr.shape})")
    check_finite(arr, name)
    if arr.size < min_size:
        raise ValueError(f"{name} must hold at least {min_size} value(s) (got {arr.size})")
    return arr


def as_count(n: Any, name: str = "n") -> int:
    """Return ``n`` as a non-negative int."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, Integral):
        raise TypeError(f"{name} must be a non-negative integer, got {n!r}")
    if int(n) < 0:
        raise ValueError(f"{name} must be >= 0 (got {int(n)})")
    return int(n)


def as_generator(rng: Any, name: str = "rng") -> np.random.Generator:
    """Accept a ``numpy.random.Generator`` (or an int seed) and return a Generator."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, Integral) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"{name} must be a numpy.random.Generator (e.g. numpy.random.default_rng(0)) "
        f"or an integer seed, got {type(rng).__name__}"
    )


def check_reduction(reduction: Any) -> str:
    """Return ``reduction`` if it is one of ``"mean"``, ``"sum"``, ``"none"``."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS} (got {reduction!r})")
    return reduction
