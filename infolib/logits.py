"""Softmax, log-softmax and the cross-entropy losses computed from logits.

Derived in Part II, chapter "Classification", and Part III, chapter
"Numerical stability". Everything goes through the log-sum-exp trick, so
logits of any finite size (``1e4``, ``1e300``) give finite, accurate results,
and a tiny loss (a confident, correct prediction) keeps its relative precision.

Large batches are processed in blocks of rows, so that
:func:`cross_entropy_with_logits` needs memory for its ``n`` losses and one
block, not for a copy of the logits; the values are those of the unblocked
computation, bit for bit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._kernels import BLOCK
from infolib._validation import (
    as_class_labels,
    as_logits,
    as_numeric_array,
    as_target_distributions,
    as_unit_interval_array,
    check_reduction,
    normalize_axis,
)

__all__ = [
    "log_softmax",
    "softmax",
    "cross_entropy_with_logits",
    "binary_cross_entropy_with_logits",
]


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

    See Also
    --------
    softmax : its exponential.
    cross_entropy_with_logits : the loss that picks from it.
    scipy.special.log_softmax : the same function (computed as log of a sum near 1).
    """
    z = as_logits(logits)
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

    See Also
    --------
    log_softmax : the logarithm, computed without the exponential's rounding.
    scipy.special.softmax : the same function.
    """
    z = as_logits(logits)
    ax = normalize_axis(axis, z.ndim)
    with np.errstate(over="ignore"):
        e = np.exp(z - z.max(axis=ax, keepdims=True))
    return e / e.sum(axis=ax, keepdims=True)


def _row_blocks(n_rows: int, k: int) -> range:
    """Start rows of blocks of about :data:`BLOCK` elements (at least one row each)."""
    return range(0, n_rows, max(1, BLOCK // k))


def _label_losses(z: np.ndarray, labels: np.ndarray, ax: int) -> np.ndarray:
    """``-log softmax(z)[label]`` for every sample (shape of ``labels``)."""
    if not (z.flags.c_contiguous and ax == z.ndim - 1 and z.size > BLOCK):
        logp = _log_softmax(z.astype(np.float64, copy=False), ax)
        picked = np.take_along_axis(logp, np.expand_dims(labels, ax), axis=ax)
        return -np.squeeze(picked, axis=ax)
    k = z.shape[-1]
    rows, y = z.reshape(-1, k), labels.reshape(-1)
    losses = np.empty(rows.shape[0])
    step = max(1, BLOCK // k)
    idx = np.arange(step)
    for r in _row_blocks(rows.shape[0], k):
        zb = rows[r : r + step].astype(np.float64, copy=False)  # float32 logits: per block
        i = idx[: zb.shape[0]]
        top = np.argmax(zb, axis=1)
        # What _log_softmax does, keeping only the labelled entry of each row.
        with np.errstate(over="ignore"):
            shifted = zb - zb[i, top][:, None]
        rest = np.exp(shifted)
        rest[i, top] = 0.0
        losses[r : r + step] = np.log1p(rest.sum(axis=1)) - shifted[i, y[r : r + step]]
    return losses.reshape(labels.shape)


def _soft_products(t: np.ndarray, logp: np.ndarray, mend: bool) -> np.ndarray:
    with np.errstate(invalid="ignore"):  # 0 * (-inf) is mended below
        prod = t * logp
    # 0 * log q = 0 even where log q underflows to -inf (|logit gaps| > 1e308).
    return np.where(t == 0.0, 0.0, prod) if mend else prod


def _soft_losses(z: np.ndarray, t: np.ndarray, ax: int) -> np.ndarray:
    """``-sum_j t_j log softmax(z)_j`` for every sample."""
    if not (z.flags.c_contiguous and t.flags.c_contiguous and ax == z.ndim - 1
            and z.size > BLOCK):
        logp = _log_softmax(z.astype(np.float64, copy=False), ax)
        prod = _soft_products(t, logp, mend=False)
        if not np.isfinite(prod).all():
            prod = _soft_products(t, logp, mend=True)
        return -prod.sum(axis=ax)
    k = z.shape[-1]
    rows, trows = z.reshape(-1, k), t.reshape(-1, k)
    losses = np.empty(rows.shape[0])
    step = max(1, BLOCK // k)
    for mend in (False, True):  # the mended pass only if some product was not finite
        finite = True
        for r in _row_blocks(rows.shape[0], k):
            zb = rows[r : r + step].astype(np.float64, copy=False)
            prod = _soft_products(trows[r : r + step], _log_softmax(zb, 1), mend)
            finite = finite and bool(np.isfinite(prod).all())
            losses[r : r + step] = -prod.sum(axis=1)
        if finite:
            break
    return losses.reshape(z.shape[:-1])


def _reduce(losses: np.ndarray, reduction: str) -> np.ndarray | np.floating:
    if reduction == "none":
        return losses[()] if losses.ndim == 0 else losses
    return np.float64(losses.sum() if reduction == "sum" else losses.mean())


def cross_entropy_with_logits(
    target: Any, logits: Any, *, reduction: str = "mean", axis: int = -1
) -> np.ndarray | np.floating:
    r"""Cross-entropy loss :math:`\ell_i = -\sum_j t_{ij}\log\sigma(z_i)_j` from logits.

    With integer labels :math:`y_i` (a one-hot :math:`t_i`) this is
    :math:`\ell_i = -\log\sigma(z_i)_{y_i}`, the negative log-likelihood of the
    label; summed over samples it is the log loss. Same meaning as
    ``torch.nn.functional.cross_entropy(logits, target)`` (note the argument
    order), with integer or probability targets.

    Parameters
    ----------
    target : array_like
        Either integer class labels of the batch shape ``logits.shape`` without
        ``axis`` (e.g. ``(n,)`` for logits ``(n, k)``), with values in
        ``0..k-1``, or probabilities of the shape of ``logits`` (one-hot or
        soft labels), summing to 1 along ``axis`` (the tolerance of their
        dtype, see :mod:`infolib._validation`).
    logits : array_like
        Finite scores, at least one-dimensional: any leading batch dimensions,
        the classes along ``axis``.
    reduction : {"mean", "sum", "none"}, default "mean"
        Average over all samples, sum over them, or return the losses (batch shape).
    axis : int, default -1
        Axis of the classes.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        The reduced loss in nats, or the per-sample losses for ``"none"``.

    Raises
    ------
    ValueError, TypeError
        On non-finite or scalar logits, labels that are out of range,
        negative, non-integer or of the wrong shape, soft targets that are not
        distributions, an unknown ``reduction`` or a bad ``axis``.

    Notes
    -----
    Computed as :math:`\ell_i = \log\bigl(1 + \sum_{j \ne m} e^{z_{ij} - z_{im}}\bigr)
    - (z_{i y_i} - z_{im})` with :math:`m` the largest logit of the row, so the
    loss of a confident, correct prediction (about :math:`e^{-\text{gap}}`)
    keeps its relative precision. Large batches are processed in blocks of rows
    (same values), so the extra memory is about that of the losses.

    Examples
    --------
    >>> z = [[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]]
    >>> cross_entropy_with_logits([0, 1], z, reduction="none").round(6)
    array([0.169846, 0.094923])
    >>> cross_entropy_with_logits([[1, 0, 0], [0, 1, 0]], z, reduction="sum").round(6)
    np.float64(0.264769)
    >>> cross_entropy_with_logits([[0, 1]], [z], reduction="none").round(6)  # batch shape (1, 2)
    array([[0.169846, 0.094923]])

    See Also
    --------
    binary_cross_entropy_with_logits : the two-class loss from one logit.
    log_softmax : the log-probabilities the loss picks from.
    infolib.cross_entropy : the same quantity from probabilities.
    """
    reduction = check_reduction(reduction)
    z = as_logits(logits, keep_dtype=True)  # float32 logits are converted block by block
    ax = normalize_axis(axis, z.ndim)
    batch = z.shape[:ax] + z.shape[ax + 1 :]
    raw = target if isinstance(target, np.ndarray) else as_numeric_array(target, "target")
    if raw.ndim == z.ndim - 1:
        labels = as_class_labels(raw, z.shape[ax], batch,
                                 context=f"to match logits of shape {z.shape}")
        losses = _label_losses(z, labels, ax)
    elif raw.shape == z.shape:
        t = as_target_distributions(np.moveaxis(raw, ax, -1), np.moveaxis(z, ax, -1).shape)
        losses = _soft_losses(z, np.moveaxis(t, -1, ax), ax)
    else:
        raise ValueError(
            f"target must hold class labels of shape {batch} or probabilities of shape "
            f"{z.shape}, to match logits of shape {z.shape} (got shape {raw.shape})"
        )
    return _reduce(losses, reduction)


def binary_cross_entropy_with_logits(
    target: Any, logits: Any, *, reduction: str = "mean"
) -> np.ndarray | np.floating:
    r"""Binary cross-entropy :math:`-t\log\sigma(z) - (1 - t)\log(1 - \sigma(z))` from logits.

    :math:`\sigma(z) = 1/(1 + e^{-z})` is the predicted probability of the
    outcome 1 and :math:`t \in [0, 1]` the target (a label 0/1 or a soft
    label), elementwise. Same values as
    ``torch.nn.functional.binary_cross_entropy_with_logits(logits, target)``
    (note the argument order), more accurate where torch cancels.

    Parameters
    ----------
    target : array_like
        Targets in :math:`[0, 1]`, of the shape of ``logits``.
    logits : array_like
        Finite real scores of any shape (a scalar too).
    reduction : {"mean", "sum", "none"}, default "mean"
        Average over all elements, sum over them, or return the elementwise losses.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        The loss in nats (reduced, or of the shape of ``logits`` for ``"none"``).

    Raises
    ------
    ValueError, TypeError
        If ``logits`` is not finite, ``target`` leaves :math:`[0, 1]`, the
        shapes differ, or ``reduction`` is unknown.

    Notes
    -----
    With :math:`-\log\sigma(z) = \max(-z, 0) + \log(1 + e^{-|z|})` and
    :math:`-\log(1 - \sigma(z)) = \max(z, 0) + \log(1 + e^{-|z|})`,

    .. math:: \ell = \log\bigl(1 + e^{-|z|}\bigr) + t\max(-z, 0) + (1 - t)\max(z, 0),

    three non-negative terms: no exponential overflows for any logit, nothing
    cancels, and a tiny loss (:math:`t = 1`, :math:`z = 40`: :math:`4.2\cdot
    10^{-18}`) keeps its full relative precision. This is the two-class case
    of :func:`cross_entropy_with_logits` with logits :math:`(0, z)`.

    Examples
    --------
    >>> binary_cross_entropy_with_logits([1.0, 0.0], [2.0, -1.0], reduction="none").round(6)
    array([0.126928, 0.313262])
    >>> f"{binary_cross_entropy_with_logits(1.0, 40.0):.6e}"  # log(1 + e^-40)
    '4.248354e-18'
    >>> float(binary_cross_entropy_with_logits(0.0, 1e4))  # no overflow
    10000.0

    See Also
    --------
    cross_entropy_with_logits : the loss for any number of classes.
    """
    reduction = check_reduction(reduction)
    z = as_logits(logits, min_ndim=0)
    t = as_unit_interval_array(target, "target")
    if t.shape != z.shape:
        raise ValueError(f"target must have the shape of logits {z.shape} (got shape {t.shape})")
    losses = np.log1p(np.exp(-np.abs(z)))
    losses += t * np.maximum(-z, 0.0)
    losses += (1.0 - t) * np.maximum(z, 0.0)
    return _reduce(losses, reduction)

