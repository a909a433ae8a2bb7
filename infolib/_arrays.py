"""Arrays, shapes, axes, scalars, distribution parameters and samples: validation below
the probability layer.

:mod:`infolib._validation` holds the checks of distributions (probabilities,
joint tables, targets, logits, labels) and the dtype policy, and re-exports
everything here; other modules import all their checks from there. The dtype
policy that :func:`as_numeric_array` implements is documented there too.
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


def as_sample_array(
    samples: Any, name: str = "samples", min_size: int = 1, *, batched: bool = False
) -> np.ndarray:
    """Return a finite float array of at least ``min_size`` samples along axis 0.

    One-dimensional unless ``batched``: then the further axes, if any, are a batch
    of independent sample sets (column ``j`` of an ``(n, m)`` array is one set).
    """
    arr = as_float_array(samples, name)
    if arr.ndim == 0 or (arr.ndim != 1 and not batched):
        want = "at least one-dimensional" if batched else "one-dimensional"
        raise ValueError(f"{name} must be {want} (got shape {arr.shape})")
    check_finite(arr, name)
    if arr.shape[0] < min_size:
        raise ValueError(f"{name} must hold at least {min_size} value(s) along axis 0 "
                         f"(got {arr.shape[0]})")
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


# ---------------------------------------------------------------- distribution parameters


def as_unit_interval_array(x: Any, name: str) -> np.ndarray:
    """A float64 array of values in [0, 1] (binary targets, Bernoulli parameters)."""
    arr = as_float_array(x, name)
    if not (arr.min() >= 0.0 and arr.max() <= 1.0):
        check_finite(arr, name)
        bad = arr[(arr < 0.0) | (arr > 1.0)].flat[0]
        raise ValueError(f"{name} must lie in [0, 1] (got {float(bad)!r})")
    return arr


_SCALAR_CHECKS = {
    "real": as_real_scalar,
    "positive": as_positive_scalar,
    "unit": as_unit_interval_scalar,
}


def as_parameter(x: Any, name: str, domain: str = "real") -> float | np.ndarray:
    """A distribution parameter: a float for a scalar, else a read-only float64 array.

    ``domain`` is ``"real"`` (finite), ``"positive"`` (finite, > 0) or ``"unit"``
    (in [0, 1]). Scalars keep the messages of :func:`as_real_scalar` and friends.
    """
    if np.ndim(x) == 0 and not isinstance(x, np.ma.MaskedArray):
        return _SCALAR_CHECKS[domain](x.item() if isinstance(x, np.ndarray) else x, name)
    if np.issubdtype(np.asarray(x).dtype, np.bool_):
        raise TypeError(f"{name} must hold real numbers, got booleans")
    arr = as_unit_interval_array(x, name) if domain == "unit" else as_finite_array(x, name)
    if domain == "positive" and not arr.min() > 0.0:
        raise ValueError(f"{name} must be > 0 (got minimum {float(arr.min())!r})")
    arr = np.array(arr, dtype=np.float64, copy=True)
    arr.flags.writeable = False
    return arr


def as_covariance(cov: Any, d: int, name: str = "cov") -> tuple[np.ndarray, np.ndarray]:
    """A symmetric positive definite ``(d, d)`` matrix and its lower Cholesky factor.

    Symmetry is required to ``1e-10`` relative to the largest entry (the
    matrix is then symmetrised exactly); positive definiteness is tested by
    the Cholesky factorisation itself.
    """
    c = as_finite_array(cov, name)
    if c.shape != (d, d):
        raise ValueError(f"{name} must have shape ({d}, {d}) to match mean of length {d} "
                         f"(got shape {c.shape})")
    asym = float(np.max(np.abs(c - c.T)))
    if asym > 1e-10 * float(np.max(np.abs(c))):
        raise ValueError(f"{name} must be symmetric (largest |cov - cov.T| is {asym:.3g})")
    c = 0.5 * (c + c.T)
    try:
        chol = np.linalg.cholesky(c)
    except np.linalg.LinAlgError:
        chol = None
    # A pivot at rounding level means singular to working precision (e.g. collinear data).
    floor = 8.0 * d * np.finfo(np.float64).eps * float(np.max(np.abs(np.diag(c))))
    if chol is None or float(np.min(np.diag(chol))) ** 2 <= floor:
        smallest = float(np.linalg.eigvalsh(c)[0])
        raise ValueError(
            f"{name} must be positive definite (smallest eigenvalue {smallest:.3g}; "
            "singular to working precision if about 1e-16 of the largest)"
        )
    return c, chol


# ---------------------------------------------------------------- outcomes and samples


def as_binary_values(x: Any, name: str) -> np.ndarray:
    """A float64 array whose entries are all 0 or 1 (outcomes of a Bernoulli)."""
    arr = as_finite_array(x, name)
    if not np.all((arr == 0.0) | (arr == 1.0)):
        bad = arr[(arr != 0.0) & (arr != 1.0)].flat[0]
        raise ValueError(f"{name} must contain only 0 and 1 (got {bad!r})")
    return arr


def as_category_indices(x: Any, name: str, k: int | None = None) -> np.ndarray:
    """Integer-valued category indices (in ``0..k-1`` when ``k`` is given), as intp."""
    arr = as_finite_array(x, name)
    if not np.all(arr == np.floor(arr)):
        bad = arr[arr != np.floor(arr)].flat[0]
        raise ValueError(f"{name} must contain integer category indices (got {bad!r})")
    if arr.min() < 0:
        raise ValueError(f"{name} must contain indices >= 0 (got {int(arr.min())})")
    if k is not None and arr.max() >= k:
        raise ValueError(f"{name} must contain indices in 0..{k - 1} (got {int(arr.max())})")
    return arr.astype(np.intp)


def as_log_density_values(
    values: Any, name: str, shape: tuple[int, ...], *, returned: bool, zero_ok: bool = True
) -> np.ndarray:
    """One log-density value per sample, of the samples' ``shape``: no NaN, no ``+inf``.

    ``returned`` says the values came back from a callable (a scalar is then
    repeated, and the messages say "return"); with ``zero_ok=False`` a value
    ``-inf`` (density 0 at a sample drawn from that density) is refused too.
    """
    arr = as_float_array(values, name)
    if returned and arr.shape == ():
        arr = np.full(shape, float(arr))
    if arr.shape != tuple(shape):
        verb = "return" if returned else "have"
        raise ValueError(f"{name} must {verb} one value per sample: expected shape "
                         f"{tuple(shape)}, got {arr.shape}")
    if np.isnan(arr).any():
        raise ValueError(f"{name} returned NaN at {int(np.isnan(arr).sum())} sample(s)")
    if (arr == np.inf).any():
        raise ValueError(f"{name} must not be +inf (an infinite density) at a sample")
    if not zero_ok and np.isneginf(arr).any():
        raise ValueError(
            f"{name} is -inf at a sample: samples must be drawn from p, so p(x) > 0 at each"
        )
    return arr
