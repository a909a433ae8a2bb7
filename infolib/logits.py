"""Softmax, log-softmax and the cross-entropy loss computed from logits.

Derived in Part II, chapter "Classification", and Part III, chapter
"Numerical stability". Everything goes through the log-sum-exp trick, so
logits of any finite size (``1e4``, ``1e300``) give finite, accurate results.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import (
    PROB_SUM_TOL,
    as_float_array,
    check_finite,
    check_reduction,
    normalize_axis,
)

__all__ = ["log_softmax", "softmax", "cross_entropy_with_logits"]


def _as_logits(logits: Any, name: str = "logits") -> np.ndarray:
    arr = as_float_array(logits, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (got a scalar)")
    check_finite(arr, name)
    return arr


def _log_softmax(z: np.ndarray, axis: int) -> np.ndarray:
    """``z - logsumexp(z)`` as ``(z - m) - log1p(sum_{k != argmax} exp(z_k - m))``.

    The largest entry contributes exactly 1 to the sum; leaving it out and using
    ``log1p`` keeps the relative accuracy of tiny results (a confident, correct
    prediction has a loss of about ``exp(-gap)``, which ``log(1 + tiny)`` rounds away).
    """
    top = np.argmax(z, axis=axis)
    top = np.expand_dims(top, axis)
    # A gap beyond the float range (|z_j - max| > 1.8e308) is -inf: probability 0 exactly.
    with np.errstate(over="ignore"):
        shifted = z - np.take_along_axis(z, top, axis=axis)
    rest = np.exp(shifted)
    np.put_along_axis(rest, top, 0.0, axis=axis)
    return shifted - np.log1p(rest.sum(axis=axis, keepdims=True))


def log_softmax(logits: Any, *, axis: int = -1) -> np.ndarray:
    r"""Log-softmax :math:`\log\sigma(z)_j = z_j - \log\sum_k e^{z_k}`.

    Computed as :math:`(z_j - m) - \log\sum_k e^{z_k - m}` with
    :math:`m = \max_k z_k` (log-sum-exp), so no exponential overflows and the
    largest entry is exactly :math:`-\log\sum_k e^{z_k-m}`.

    Parameters
    ----------
    logits : array_like
        Finite real scores; the classes lie along ``axis``.
    axis : int, default -1
        Axis of the classes.

    Returns
    -------
    numpy.ndarray
        Log-probabilities, same shape as ``logits``.

    Raises
    ------
    ValueError, TypeError
        If ``logits`` is empty, non-numeric or not finite, or ``axis`` is out of range.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(6)
    array([-0.693147, -0.693147])
    >>> log_softmax([1e4, 0.0])  # log(softmax(z)) would give -inf
    array([     0., -10000.])
    """
    z = _as_logits(logits)
    return _log_softmax(z, normalize_axis(axis, z.ndim))


def softmax(logits: Any, *, axis: int = -1) -> np.ndarray:
    r"""Softmax :math:`\sigma(z)_j = e^{z_j} / \sum_k e^{z_k}`, computed stably.

    Parameters
    ----------
    logits : array_like
        Finite real scores; the classes lie along ``axis``.
    axis : int, default -1
        Axis of the classes.

    Returns
    -------
    numpy.ndarray
        Probabilities summing to 1 along ``axis``.

    Raises
    ------
    ValueError, TypeError
        If ``logits`` is empty, non-numeric or not finite, or ``axis`` is out of range.

    Examples
    --------
    >>> softmax([0.0, 0.0, 0.0]).round(6)
    array([0.333333, 0.333333, 0.333333])
    >>> softmax([1e4, 0.0])
    array([1., 0.])
    """
    z = _as_logits(logits)
    ax = normalize_axis(axis, z.ndim)
    with np.errstate(over="ignore"):
        e = np.exp(z - z.max(axis=ax, keepdims=True))
    return e / e.sum(axis=ax, keepdims=True)


def _class_labels(target: np.ndarray, n: int, k: int) -> np.ndarray:
    if target.shape != (n,):
        raise ValueError(
            f"target class labels must have shape ({n},) to match logits of shape ({n}, {k}) "
            f"(got shape {target.shape})"
        )
    if not np.issubdtype(target.dtype, np.integer):
        as_float = as_float_array(target, "target")
        check_finite(as_float, "target")
        if not np.all(as_float == np.round(as_float)):
            raise ValueError("target class labels must be integers (got non-integer values)")
        target = as_float.astype(np.int64)
    if target.min() < 0:
        raise ValueError(f"target class labels must be >= 0 (got {int(target.min())})")
    if target.max() >= k:
        raise ValueError(
            f"target class labels must be < {k}, the number of classes (got {int(target.max())})"
        )
    return target


def _soft_targets(target: Any, shape: tuple[int, ...]) -> np.ndarray:
    t = as_float_array(target, "target")
    if t.shape != shape:
        raise ValueError(
            f"target probabilities must have the shape of logits {shape} (got shape {t.shape})"
        )
    if not t.min() >= 0.0:
        check_finite(t, "target")
        raise ValueError("target probabilities must be non-negative")
    sums = t.sum(axis=1)
    if not np.all(np.abs(sums - 1.0) <= PROB_SUM_TOL):
        check_finite(t, "target")
        raise ValueError(
            f"target rows must sum to 1 within {PROB_SUM_TOL:g} "
            f"(got sums in [{sums.min():.6g}, {sums.max():.6g}])"
        )
    return t


def cross_entropy_with_logits(
    target: Any, logits: Any, *, reduction: str = "mean"
) -> np.ndarray | np.floating:
    r"""Cross-entropy loss :math:`\ell_i = -\sum_j t_{ij}\log\sigma(z_i)_j` from logits.

    With integer labels :math:`y_i` (a one-hot :math:`t_i`) this is
    :math:`\ell_i = -\log\sigma(z_i)_{y_i}`, the negative log-likelihood of the
    label; summed over samples it is the log loss. Same meaning as
    ``torch.nn.functional.cross_entropy`` (with integer or probability targets).

    Parameters
    ----------
    target : array_like
        Either integer class labels of shape ``(n,)`` with values in
        ``0..k-1``, or probability rows of shape ``(n, k)`` (one-hot or soft
        labels), each row summing to 1 within ``1e-9``.
    logits : array_like
        Finite scores of shape ``(n, k)``.
    reduction : {"mean", "sum", "none"}, default "mean"
        Average over samples, sum over samples, or return the ``n`` losses.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        The reduced loss in nats, or the per-sample losses for ``"none"``.

    Raises
    ------
    ValueError, TypeError
        On non-finite or mis-shaped logits, labels that are out of range,
        negative, non-integer or of the wrong length, soft targets that are
        not distributions, or an unknown ``reduction``.

    Examples
    --------
    >>> z = [[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]]
    >>> cross_entropy_with_logits([0, 1], z, reduction="none").round(6)
    array([0.169846, 0.094923])
    >>> cross_entropy_with_logits([[1, 0, 0], [0, 1, 0]], z, reduction="sum").round(6)
    np.float64(0.264769)
    """
    reduction = check_reduction(reduction)
    z = _as_logits(logits)
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (n, k) (got shape {z.shape})")
    n, k = z.shape
    logp = _log_softmax(z, axis=1)
    raw = np.asarray(target)
    if raw.ndim == 1:
        labels = _class_labels(raw, n, k)
        losses = -np.take_along_axis(logp, labels[:, None], axis=1)[:, 0]
    else:
        t = _soft_targets(raw, z.shape)
        with np.errstate(invalid="ignore"):  # 0 * (-inf) is mended just below
            prod = t * logp
        if not np.isfinite(prod).all():
            # 0 * log q = 0 even where log q underflows to -inf (|logit gaps| > 1e308).
            prod = np.where(t == 0.0, 0.0, prod)
        losses = -prod.sum(axis=1)
    if reduction == "none":
        return losses
    return np.float64(losses.sum() if reduction == "sum" else losses.mean())
