"""Input validation shared by every public function of :mod:`infolib`.

Every module imports its checks from here, one helper per concept (arrays,
probabilities, joint tables, labels, logits, targets, parameters; the generic
array and scalar helpers are defined in :mod:`infolib._arrays` and re-exported
here), so that the messages are uniform:
each names the argument and the offending value, for example ``"q must sum to 1
along axis -1 within 1e-09 (float64): off by up to 2.0e-01 (got sums in [0.8,
1.2])"``. The fast path of a check is a couple of vectorised reductions; the
slow path (building a precise message) only runs on failure.

.. _dtype-policy:

dtype policy
------------
This is the one place where infolib's handling of array types is defined; the
package docstring and the README point here.

* **Accepted:** any real numeric array-like: ``bool``, integers, ``float16``,
  ``float32``, ``float64`` (and ``longdouble``, converted to ``float64``),
  including tensors that ``numpy.asarray`` converts without copying (a torch
  CPU tensor without gradient). Strings, ``object`` and complex arrays raise
  ``TypeError``; so do **masked arrays**, because infolib never drops masked
  entries silently (pass ``x.filled(0.0)`` or ``x.compressed()`` instead).
* **Results are float64**, whatever the input dtype: inputs are converted
  before any arithmetic.
* **Sum tolerance of a distribution:** a probability vector must sum to 1
  within :data:`PROB_SUM_TOL` (``1e-9``) when it is ``float64`` or of an exact
  type (``bool``, integers), and within ``4 * eps * sqrt(k)`` (at least
  ``1e-9``) when it is ``float16`` or ``float32``, with ``eps`` the machine
  epsilon of its dtype and ``k`` the number of categories
  (:func:`sum_tolerance`). That bound covers the rounding of a float32
  softmax: rows of ``torch.softmax`` with ``k`` from 2 to 200 000 classes
  deviate from 1 by at most ``0.75 * eps * sqrt(k)``. ``[0.5, 0.6]`` is refused
  in every dtype.
* **Low-precision distributions are renormalised:** after the check, a
  ``float16``/``float32`` distribution is converted to ``float64`` and divided
  by its sum, so that the rounding of the lower precision (up to the
  tolerance above) cannot bias a result such as a small KL divergence.
  ``float64`` inputs are used exactly as given.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from infolib._arrays import (
    REDUCTIONS,
    as_binary_values,
    as_category_indices,
    as_count,
    as_covariance,
    as_finite_array,
    as_float_array,
    as_generator,
    as_log_density_values,
    as_numeric_array,
    as_parameter,
    as_positive_scalar,
    as_real_scalar,
    as_sample_array,
    as_unit_interval_array,
    as_unit_interval_scalar,
    broadcast_pair,
    broadcast_shapes,
    check_finite,
    check_reduction,
    log_base,
    normalize_axis,
)

__all__ = [
    "PROB_SUM_TOL",
    "REDUCTIONS",
    "as_binary_values",
    "as_category_indices",
    "as_class_labels",
    "as_bin_count",
    "as_count",
    "as_covariance",
    "as_finite_array",
    "as_float_array",
    "as_forecasts",
    "as_generator",
    "as_joint_table",
    "as_log_density_values",
    "as_logits",
    "as_family_tangent",
    "as_numeric_array",
    "as_open_unit_interval_array",
    "as_parameter",
    "as_positive_scalar",
    "as_probabilities",
    "as_probability_pair",
    "as_real_scalar",
    "as_sample_array",
    "as_target_distributions",
    "as_text",
    "as_ngram_order",
    "as_pseudocounts",
    "as_temperatures",
    "as_unit_interval_array",
    "as_unit_interval_scalar",
    "broadcast_pair",
    "broadcast_shapes",
    "check_finite",
    "check_nonnegative",
    "check_probabilities",
    "check_reduction",
    "log_base",
    "normalize_axis",
    "sum_tolerance",
]

#: Largest allowed deviation ``|sum(p) - 1|`` of a float64 probability vector.
PROB_SUM_TOL = 1e-9
#: Sum tolerance of float16/float32 vectors, in units of ``eps * sqrt(k)``.
LOW_PRECISION_SUM_FACTOR = 4.0

# Above this many elements, a C-contiguous array is checked block by block so
# that its minimum and its sums are computed in one sweep through memory.
_BLOCK = 1 << 16


# ---------------------------------------------------------------- probabilities


def sum_tolerance(dtype: np.dtype, k: int) -> float:
    """Allowed ``|sum - 1|`` of a probability vector of ``k`` entries of ``dtype``."""
    if dtype in (np.float16, np.float32):
        eps = float(np.finfo(dtype).eps)
        return max(PROB_SUM_TOL, LOW_PRECISION_SUM_FACTOR * eps * math.sqrt(k))
    return PROB_SUM_TOL


def _min_and_sums(arr: np.ndarray, axis: int, with_min: bool = True) -> tuple[float, np.ndarray]:
    """The minimum of ``arr`` (``nan`` unless ``with_min``) and its float64 sums along ``axis``.

    A large C-contiguous array is swept once, block by block, for both.
    """
    last = axis in (-1, arr.ndim - 1)
    if arr.size <= _BLOCK or not last or not arr.flags.c_contiguous:
        return (arr.min() if with_min else math.nan), arr.sum(axis=axis, dtype=np.float64)
    k = arr.shape[-1]
    rows = arr.reshape(-1, k)
    sums = np.zeros(rows.shape[0])
    minimum = math.inf if with_min else math.nan
    step = max(1, _BLOCK // k)
    for r in range(0, rows.shape[0], step):  # blocks of whole rows, or pieces of long rows
        for c in range(0, k, _BLOCK):
            block = rows[r : r + step, c : c + _BLOCK]
            if with_min:
                minimum = min(minimum, block.min())
            sums[r : r + step] += block.sum(axis=1, dtype=np.float64)
    return minimum, sums.reshape(arr.shape[:-1])


def check_nonnegative(arr: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` naming ``name`` if ``arr`` has a NaN, infinite or negative entry."""
    minimum = arr.min()
    if not minimum >= 0.0:
        check_finite(arr, name)
        raise ValueError(f"{name} must be non-negative (got minimum {float(minimum):.6g})")


def check_probabilities(
    arr: np.ndarray, name: str, axis: int, where: str | None = None, *, sign: bool = True
) -> None:
    """Raise unless ``arr`` is finite, non-negative and sums to 1 along ``axis``.

    The tolerance of the sums depends on the dtype (:func:`sum_tolerance`); the
    message gives the largest deviation. ``where`` says where the sums run in
    the message (default ``"along axis {axis}"``). With ``sign=False`` the
    minimum is not computed: the caller's arithmetic turns a negative entry
    into a non-finite result and then calls :func:`check_nonnegative` (a pass
    over the data saved on the fast path; the messages are the same).
    """
    minimum, sums = _min_and_sums(arr, axis, with_min=sign)
    # NaN fails ``>= 0``, and an infinite entry makes its sum infinite.
    if sign and not minimum >= 0.0:
        check_nonnegative(arr, name)
    _check_sums(arr, name, axis, where, sums)


def _check_sums(
    arr: np.ndarray, name: str, axis: int, where: str | None, sums: np.ndarray
) -> None:
    tol = sum_tolerance(arr.dtype, arr.shape[axis])
    deviation = np.abs(sums - 1.0)
    if not np.all(deviation <= tol):
        check_finite(arr, name)  # the messages of 0.1 for these come first
        check_nonnegative(arr, name)
        sums = np.atleast_1d(sums)
        raise ValueError(
            f"{name} must sum to 1 {where or f'along axis {axis}'} within {tol:.2g} "
            f"({arr.dtype}): off by up to {float(np.max(deviation)):.1e} "
            f"(got sums in [{float(sums.min()):.10g}, {float(sums.max()):.10g}])"
        )


def _as_float64_distribution(arr: np.ndarray, axis: int) -> np.ndarray:
    """float64 copy of a checked distribution; float16/32 ones are renormalised."""
    if arr.dtype == np.float64:
        return arr
    out = arr.astype(np.float64)
    if arr.dtype in (np.float16, np.float32):
        out /= out.sum(axis=axis, keepdims=True)
    return out


def as_probabilities(
    p: Any, name: str, axis: Any = -1, *, defer_sign: bool = False
) -> tuple[np.ndarray, int]:
    """Validate a (batch of) probability vector(s) along ``axis``.

    Returns the float64 array and the normalised axis. Entries must be finite
    and non-negative and every slice along ``axis`` must sum to 1 within the
    tolerance of its dtype (see the dtype policy above). With ``defer_sign``
    the sign is left to the caller (see :func:`check_probabilities`).
    """
    arr = as_numeric_array(p, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (got a scalar)")
    ax = normalize_axis(axis, arr.ndim)
    check_probabilities(arr, name, ax, f"along axis {axis}", sign=not defer_sign)
    return _as_float64_distribution(arr, ax), ax


def _category_aligned(arr: np.ndarray, ax: int, ndim: int) -> np.ndarray | None:
    """Give ``arr`` its category axis at ``ax`` of ``ndim`` broadcast dimensions.

    A one-dimensional array is a single distribution: its only axis is the
    category axis, wherever ``ax`` is. An array with more dimensions is aligned
    to the right, as numpy broadcasts; ``None`` if it then has no axis at ``ax``.
    """
    if arr.ndim == 1 and ndim > 1:
        return arr.reshape([arr.shape[0] if i == ax else 1 for i in range(ndim)])
    return arr if arr.ndim >= ndim - ax else None


def as_probability_pair(
    p: Any,
    q: Any,
    axis: Any = -1,
    names: tuple[str, str] = ("p", "q"),
    *,
    defer_q_sign: bool = False,
) -> tuple[np.ndarray, np.ndarray, int]:
    """Validate two distributions compared along ``axis``: broadcast first, then check.

    The category axis must have the same length in both, never broadcast from
    size 1; a one-dimensional argument is one distribution along ``axis`` of
    the other. The other axes broadcast like numpy. Returns the two float64
    arrays broadcast to one shape and the normalised axis.

    ``defer_q_sign`` is for a caller whose result is NaN wherever ``p > 0`` and
    ``q < 0`` (``xlogy(p, q)``, ``log1p((p - q)/q)``): if ``p`` has no zero,
    the sign of ``q`` is not computed here, and the caller calls
    :func:`check_nonnegative` on ``q`` when its result has a NaN.
    """
    np_, nq = names
    pa, qa = as_numeric_array(p, np_), as_numeric_array(q, nq)
    for name, arr in ((np_, pa), (nq, qa)):
        if arr.ndim == 0:
            raise ValueError(f"{name} must have at least one dimension (got a scalar)")
    ndim = max(pa.ndim, qa.ndim)
    ax = normalize_axis(axis, ndim)
    shapes = f"shapes {pa.shape} and {qa.shape}"
    pal, qal = _category_aligned(pa, ax, ndim), _category_aligned(qa, ax, ndim)
    if pal is None or qal is None:
        short = np_ if pal is None else nq
        raise ValueError(
            f"{np_} and {nq} with {shapes} cannot be compared along axis {axis}: broadcasting "
            f"would give {short} a category axis of size 1, and the category axis is never "
            "broadcast"
        )
    pa, qa = pal, qal
    cat = ax - ndim  # the category axis of both, counted from the end
    if pa.shape[cat] != qa.shape[cat]:
        raise ValueError(
            f"{np_} and {nq} must have the same number of categories along axis {axis} "
            f"(got {pa.shape[cat]} and {qa.shape[cat]}, {shapes}); "
            "the category axis is never broadcast"
        )
    try:
        shape = np.broadcast_shapes(pa.shape, qa.shape)
    except ValueError:
        raise ValueError(
            f"{np_} and {nq} with {shapes} do not broadcast together "
            f"(with the categories along axis {axis})"
        ) from None
    where = f"along axis {axis}"
    p_min, p_sums = _min_and_sums(pa, cat)
    if not p_min >= 0.0:
        check_nonnegative(pa, np_)
    _check_sums(pa, np_, cat, where, p_sums)
    # Where p = 0 the caller's arithmetic cannot reveal a negative q: check it here.
    check_probabilities(qa, nq, cat, where, sign=not (defer_q_sign and p_min > 0.0))
    pa, qa = _as_float64_distribution(pa, cat), _as_float64_distribution(qa, cat)
    if pa.shape != shape or qa.shape != shape:
        pa, qa = np.broadcast_arrays(pa, qa)
    return pa, qa, ax


def as_joint_table(joint: Any, name: str = "joint") -> np.ndarray:
    """Validate a (batch of) joint distribution table(s) ``joint[..., x, y]``.

    Entries must be finite and non-negative, and each table (the last two
    axes) must sum to 1 within the tolerance of its dtype. Returns float64.
    """
    arr = as_numeric_array(joint, name)
    if arr.ndim < 2:
        raise ValueError(
            f"{name} must have at least two dimensions, joint[..., x, y] (got shape {arr.shape})"
        )
    flat = arr.reshape(*arr.shape[:-2], -1)
    check_probabilities(flat, name, -1, "over its last two axes (x, y)")
    return _as_float64_distribution(flat, -1).reshape(arr.shape)


# ---------------------------------------------------------------- logits, labels, targets


def as_logits(
    logits: Any, name: str = "logits", min_ndim: int = 1, keep_dtype: bool = False
) -> np.ndarray:
    """Finite scores, with a class axis unless ``min_ndim=0`` (binary logits).

    float64, or with ``keep_dtype`` the float16/32/64 dtype of the input, for a
    caller that converts block by block.
    """
    arr = as_numeric_array(logits, name)
    if not keep_dtype:
        arr = arr.astype(np.float64, copy=False)
    if arr.ndim < min_ndim:
        raise ValueError(f"{name} must have at least one dimension (got a scalar)")
    # NaN propagates through min and max, and +-inf shows in one of them.
    if not (math.isfinite(arr.min()) and math.isfinite(arr.max())):
        check_finite(arr, name)
    return arr


def as_class_labels(
    target: Any, n_classes: int, shape: tuple[int, ...], name: str = "target", context: str = ""
) -> np.ndarray:
    """Integer class labels of exactly ``shape`` with values in ``0..n_classes-1``.

    Integer-valued floats are accepted. ``context`` completes the shape message,
    e.g. ``"to match logits of shape (n, k)"``.
    """
    if isinstance(target, np.ma.MaskedArray):
        as_numeric_array(target, name)  # raises: masked entries are never skipped
    raw = np.asarray(target)
    if raw.shape != shape:
        raise ValueError(f"{name} class labels must have shape {shape} {context}".rstrip()
                         + f" (got shape {raw.shape})")
    if not np.issubdtype(raw.dtype, np.integer):
        as_float = as_finite_array(raw, name)
        if not np.all(as_float == np.round(as_float)):
            raise ValueError(f"{name} class labels must be integers (got non-integer values)")
        raw = as_float.astype(np.int64)
    if raw.size and raw.min() < 0:
        raise ValueError(f"{name} class labels must be >= 0 (got {int(raw.min())})")
    if raw.size and raw.max() >= n_classes:
        raise ValueError(
            f"{name} class labels must be < {n_classes}, the number of classes "
            f"(got {int(raw.max())})"
        )
    return raw


def as_target_distributions(
    target: Any, shape: tuple[int, ...], name: str = "target"
) -> np.ndarray:
    """Probability rows (along the last axis) of exactly ``shape``, as float64."""
    t = as_numeric_array(target, name)
    if t.shape != shape:
        raise ValueError(
            f"{name} probabilities must have the shape of logits {shape} (got shape {t.shape})"
        )
    minimum, sums = _min_and_sums(t, -1)
    if not minimum >= 0.0:
        check_finite(t, name)
        raise ValueError(f"{name} probabilities must be non-negative")
    tol = sum_tolerance(t.dtype, shape[-1])
    if not np.all(np.abs(sums - 1.0) <= tol):
        check_finite(t, name)
        raise ValueError(
            f"{name} rows must sum to 1 within {tol:.2g} ({t.dtype}): off by up to "
            f"{float(np.max(np.abs(sums - 1.0))):.1e} "
            f"(got sums in [{float(sums.min()):.10g}, {float(sums.max()):.10g}])"
        )
    return _as_float64_distribution(t, -1)


# ------------------------------------------------ one-parameter families (fisher)


def as_open_unit_interval_array(x: Any, name: str) -> np.ndarray:
    """A float64 array of values strictly inside (0, 1) (a parameter of an open family)."""
    arr = as_unit_interval_array(x, name)
    if not (arr.min() > 0.0 and arr.max() < 1.0):
        bad = arr[(arr <= 0.0) | (arr >= 1.0)].flat[0]
        raise ValueError(f"{name} must lie in the open interval (0, 1) (got {float(bad)!r})")
    return arr


def as_family_tangent(
    q: Any, dq: Any, axis: Any = -1, names: tuple[str, str] = ("q", "dq")
) -> tuple[np.ndarray, np.ndarray, int]:
    """A finite family's probabilities ``q`` and their derivative ``dq`` in the parameter.

    ``q`` must be probability vectors along ``axis`` with every entry > 0;
    ``dq`` must be finite, broadcast against ``q`` with the same number of
    outcomes, and sum to 0 along ``axis`` (the derivative of a sum that is 1
    for every parameter) within ``1e-9`` times ``1 + sum |dq|``. Returns the
    two float64 arrays broadcast to one shape and the normalised axis.
    """
    nq, nd = names
    qa, ax = as_probabilities(q, nq, axis)
    if not qa.min() > 0.0:
        raise ValueError(
            f"{nq} must be > 0 for every outcome (got minimum {float(qa.min())!r}): "
            "the Fisher information of a family needs q_theta(x) > 0"
        )
    da = as_finite_array(dq, nd)
    cat = ax - qa.ndim  # the outcome axis, counted from the end
    if da.ndim < -cat or da.shape[cat] != qa.shape[cat]:
        raise ValueError(
            f"{nq} and {nd} must have the same number of outcomes along axis {axis} "
            f"(got shapes {qa.shape} and {da.shape}); the outcome axis is never broadcast"
        )
    qa, da = broadcast_pair(qa, nq, da, nd)
    deviation = np.abs(da.sum(axis=cat)) / (1.0 + np.abs(da).sum(axis=cat))
    if not np.all(deviation <= PROB_SUM_TOL):
        raise ValueError(
            f"{nd} must sum to 0 along axis {axis} (the derivative of sum q = 1): "
            f"off by up to {float(deviation.max()):.1e} relative to 1 + sum |{nd}|"
        )
    return qa, da, qa.ndim + cat


# ---------------------------------------------------------------- text models (infolib.ngram)


def as_text(text: Any, name: str = "text") -> str:
    """Return ``text`` if it is a non-empty ``str``."""
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a str, got {type(text).__name__}")
    if not text:
        raise ValueError(f"{name} must be a non-empty string (got '')")
    return text


def as_positive_count(value: Any, name: str) -> int:
    """Return ``value`` as an int >= 1 (an n-gram's order, a number of bins, ...)."""
    count = as_count(value, name)
    if count < 1:
        raise ValueError(f"{name} must be >= 1 (got {count})")
    return count


def as_ngram_order(order: Any, name: str = "order") -> int:
    """Return ``order`` as an int >= 1 (the number of characters of an n-gram)."""
    return as_positive_count(order, name)


def as_pseudocounts(alpha: Any, name: str = "alpha") -> np.ndarray:
    """Return ``alpha`` as a float64 array of finite values >= 0 (additive smoothing)."""
    arr = as_finite_array(alpha, name)
    if arr.size and float(arr.min()) < 0.0:
        raise ValueError(f"{name} must be >= 0 (got minimum {float(arr.min())!r})")
    return arr


# ---------------------------------------------------------------- forecasts and bins


def as_forecasts(q: Any, outcomes: Any, name: str = "q") -> tuple[np.ndarray, np.ndarray]:
    """Forecasts ``q[..., n]`` (rows summing to 1) and integer outcomes, shape ``q.shape[:-1]``."""
    forecasts, _ = as_probabilities(q, name, -1)
    shape = forecasts.shape[:-1]
    y = as_class_labels(outcomes, forecasts.shape[-1], shape, name="y",
                        context=f"to match {name} of shape {forecasts.shape}")
    return forecasts, y


def as_bin_count(bins: Any, name: str = "bins") -> int:
    """A number of bins: an integer >= 1."""
    return as_positive_count(bins, name)


def as_temperatures(temperature: Any, name: str = "temperature") -> np.ndarray:
    """A temperature tau > 0, or an array of them, as float64 (finite)."""
    arr = as_finite_array(temperature, name)
    if not arr.min() > 0.0:
        raise ValueError(f"{name} must be > 0 (got {float(arr.min())!r})")
    return arr
