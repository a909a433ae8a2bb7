"""Array conversion, shapes, axes and scalar arguments: the generic layer of validation.

Domain validators (probabilities, labels, logits, targets, parameters) live in
:mod:`infolib._validation`, which re-exports everything here; other modules
import from there. The dtype policy these functions implement is documented in
:mod:`infolib._validation`.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

import numpy as np

REDUCTIONS = ("mean", "sum", "none")


def as_numeric_array(x: Any, name: str) -> np.ndarray:
    """Return ``x`` as a non-empty real array, keeping a float16/32/64 dtype.

    Other real dtypes (bool, integers, longdouble) become float64. See the
    dtype policy in :mod:`infolib._validation`.
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got a string")
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(
            f"{name} is a masked array; infolib does not skip masked entries silently: "
            f"pass {name}.filled(value) or {name}.compressed() instead"
        )
    try:
        arr = np.asarray(x)
    except Exception as exc:  # ragged nested lists, tensors that require grad, ...
        raise ValueError(f"{name} could not be converted to an array: {exc}") from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}")
    if np.iscomplexobj(arr):
        raise TypeError(f"{name} must be real, got a complex array")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty (got shape {arr.shape})")
    if arr.dtype in (np.float16, np.float32, np.float64):
        return arr
    return arr.astype(np.float64)


def as_float_array(x: Any, name: str) -> np.ndarray:
    """Convert ``x`` to a non-empty float64 array or raise naming ``name``."""
    return as_numeric_array(x, name).astype(np.float64, copy=False)


def check_finite(arr: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` if ``arr`` holds NaN or infinite values."""
    if not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinite values"
        raise ValueError(f"{name} must be finite, got {bad}")


def as_finite_array(x: Any, name: str, *, ndim: int | None = None, what: str = "") -> np.ndarray:
    """Return a finite float64 array; with ``ndim``, of exactly that many dimensions.

    ``what`` describes the expected shape in the message, e.g. ``"(n, d)"``.
    """
    arr = as_float_array(x, name)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must have shape {what or f'of {ndim} dimension(s)'} "
                         f"(got shape {arr.shape})")
    check_finite(arr, name)
    return arr


def normalize_axis(axis: Any, ndim: int, name: str = "axis") -> int:
    """Return ``axis`` as a non-negative int, raising if it is out of range."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, Integral):
        raise TypeError(f"{name} must be an integer, got {axis!r}")
    axis = int(axis)
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array with {ndim} dimension(s)")
    return axis % ndim


def broadcast_shapes(**shapes: tuple[int, ...]) -> tuple[int, ...]:
    """Broadcast named shapes, raising a ``ValueError`` that names them all."""
    try:
        return np.broadcast_shapes(*shapes.values())
    except ValueError:
        listed = " and ".join(f"{k} with shape {v}" for k, v in shapes.items())
        raise ValueError(f"{listed} do not broadcast together") from None


def broadcast_pair(
    a: np.ndarray, name_a: str, b: np.ndarray, name_b: str
) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast two arrays, raising a ``ValueError`` that mentions their shapes."""
    if a.shape == b.shape:
        return a, b
    shape = broadcast_shapes(**{name_a: a.shape, name_b: b.shape})
    return np.broadcast_to(a, shape), np.broadcast_to(b, shape)


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


def check_reduction(reduction: Any) -> str:
    """Return ``reduction`` if it is one of ``"mean"``, ``"sum"``, ``"none"``."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS} (got {reduction!r})")
    return reduction


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
