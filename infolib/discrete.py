"""Entropy, cross-entropy and KL divergence of discrete distributions.

Derived in the book's Part I: chapter 1 (entropy), chapter 2 (cross-entropy),
chapter 3 (KL divergence). All three functions take probability vectors along
``axis`` and broadcast over the other axes like numpy.

Conventions
-----------
* Natural logarithms by default (nats); ``base=2`` gives bits, any finite
  ``base > 0`` with ``base != 1`` is allowed.
* :math:`0 \\log 0 = 0` and :math:`0 \\log(0/q) = 0`.
* A term with :math:`p_i > 0` and :math:`q_i = 0` makes the cross-entropy and
  the KL divergence ``+inf`` (no NaN, no error).
* Every slice along ``axis`` must sum to 1 within the tolerance of its dtype:
  ``1e-9`` for float64; float16/float32 inputs, such as a network's softmax,
  get a tolerance scaled to their precision. Results are float64. See the
  dtype policy in :mod:`infolib._validation`.
* **Two distributions are aligned before they are checked.** The category
  axis (``axis``) must have the same length in ``p`` and ``q``; it is never
  broadcast from length 1. A one-dimensional argument is a single distribution
  along ``axis`` of the other (``kl_divergence(P, q, axis=0)`` compares every
  column of ``P`` with ``q``); the other axes broadcast like numpy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import special

from infolib._kernels import (
    BLOCK,
    KL_SERIES_COEFFS,
    KL_SERIES_CUTOFF,
    kl_sum,
    sum_last_axis,
    to_base,
)
from infolib._validation import (
    as_float_array,
    as_probabilities,
    as_probability_pair,
    check_nonnegative,
)

__all__ = [
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "empirical_distribution",
    "KL_SERIES_COEFFS",
    "KL_SERIES_CUTOFF",
]

# KL_SERIES_COEFFS: c_k = (-1)^k / (k (k - 1)) for k = 2..11, the Taylor coefficients of
# phi(1 + x) = (1 + x) log(1 + x) - x; kl_divergence evaluates each term q phi(p / q) as
# q x^2 sum_k c_k x^(k-2) with x = p/q - 1 where |x| <= KL_SERIES_CUTOFF (chapter 9).


def _blockwise(axis: int, *arrays: np.ndarray) -> bool:
    """Large C-contiguous inputs reduced along their last axis go block by block (same values)."""
    a = arrays[0]
    return axis == a.ndim - 1 and a.size > BLOCK and all(x.flags.c_contiguous for x in arrays)


def entropy(p: Any, *, base: float | None = None, axis: int = -1) -> np.ndarray | np.floating:
    r"""Shannon entropy :math:`H(p) = -\sum_i p_i \log p_i = \mathbb{E}_p[-\log p]`.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``; non-negative, finite, each slice summing
        to 1 (within ``1e-9`` for float64; see the module conventions).
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.
    axis : int, default -1
        Axis holding the categories.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        The entropy of each distribution (shape of ``p`` without ``axis``).

    Raises
    ------
    ValueError, TypeError
        If ``p`` is not a valid distribution (the message gives the largest
        deviation of a sum from 1), is a masked array, ``axis`` is out of range
        or ``base`` is not a valid base. The message names the argument.

    Notes
    -----
    Uses :math:`0 \log 0 = 0`. Each term :math:`-p_i\log p_i` is non-negative,
    so the sum is accurate to a few units in the last place, subnormal
    probabilities included. Derived in chapter 1 of the book.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    np.float64(1.0)
    >>> entropy([[1.0, 0.0], [0.25, 0.75]]).round(6)
    array([0.      , 0.562335])

    References
    ----------
    Cover, T. M. and Thomas, J. A. (2006). *Elements of Information Theory*, 2nd ed., ch. 2.

    See Also
    --------
    cross_entropy, kl_divergence
    joint_entropy : the entropy of a pair of variables.
    scipy.stats.entropy : the same with one argument (it normalises ``p`` silently).
    """
    arr, ax = as_probabilities(p, "p", axis, defer_sign=True)
    with np.errstate(invalid="ignore"):
        if _blockwise(ax, arr):
            total = sum_last_axis(special.entr, arr)
        else:
            total = special.entr(arr).sum(axis=ax)
    if not np.isfinite(total).all():  # entr(x < 0) = -inf: a negative entry shows here
        check_nonnegative(arr, "p")
    return to_base(total, base)


def cross_entropy(
    p: Any, q: Any, *, base: float | None = None, axis: int = -1
) -> np.ndarray | np.floating:
    r"""Cross-entropy :math:`H(p, q) = -\sum_i p_i \log q_i = \mathbb{E}_p[-\log q]`.

    Parameters
    ----------
    p : array_like
        The reference ("true") distribution along ``axis``.
    q : array_like
        The model distribution along ``axis``: the same number of categories as
        ``p``; the other axes broadcast (see the module conventions).
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.
    axis : int, default -1
        Axis holding the categories.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`H(p, q)`; ``+inf`` where some :math:`p_i > 0` has :math:`q_i = 0`.

    Raises
    ------
    ValueError, TypeError
        On invalid distributions, shapes that do not broadcast, a bad ``axis``
        or ``base``; the message names the argument.

    Notes
    -----
    Uses :math:`0 \log q = 0` (also for :math:`q = 0`). Not symmetric in
    :math:`p, q`; :math:`H(p, q) = H(p) + D_{\mathrm{KL}}(p\|q) \ge H(p)`.
    Derived in chapter 2 of the book.

    Examples
    --------
    >>> cross_entropy([0.5, 0.5], [0.25, 0.75], base=2).round(6)
    np.float64(1.207519)
    >>> cross_entropy([1.0, 0.0], [0.0, 1.0])
    np.float64(inf)

    References
    ----------
    Cover, T. M. and Thomas, J. A. (2006). *Elements of Information Theory*, 2nd ed., sec. 5.4.

    See Also
    --------
    entropy, kl_divergence
    cross_entropy_with_logits : the same loss computed from logits.
    """
    pa, qa, ax = as_probability_pair(p, q, axis, defer_q_sign=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        if _blockwise(ax, pa, qa):
            total = -sum_last_axis(special.xlogy, pa, qa)
        else:
            total = -special.xlogy(pa, qa).sum(axis=ax)
    if np.isnan(total).any():  # xlogy(p > 0, q < 0) is NaN: a negative q shows here
        check_nonnegative(qa, "q")
    return to_base(total, base)


def kl_divergence(
    p: Any, q: Any, *, base: float | None = None, axis: int = -1
) -> np.ndarray | np.floating:
    r"""Kullback-Leibler divergence :math:`D_{\mathrm{KL}}(p\|q) = \sum_i p_i \log(p_i/q_i)`.

    Parameters
    ----------
    p : array_like
        The reference ("true") distribution along ``axis``.
    q : array_like
        The model (approximating) distribution along ``axis``.
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.
    axis : int, default -1
        Axis holding the categories.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`D_{\mathrm{KL}}(p\|q) \ge 0`; ``+inf`` where some
        :math:`p_i > 0` has :math:`q_i = 0`.

    Raises
    ------
    ValueError, TypeError
        On invalid or masked distributions, different numbers of categories,
        other axes that do not broadcast, a bad ``axis`` or ``base``; the
        message names the argument.

    Notes
    -----
    The naive sum :math:`\sum_i p_i\log(p_i/q_i)` has first-order terms that
    cancel to a second-order result when :math:`p\approx q`, and returns
    rounding noise there. Because :math:`\sum_i p_i = \sum_i q_i = 1`,

    .. math:: D_{\mathrm{KL}}(p\|q) = \sum_i q_i\,\varphi(p_i/q_i),
              \qquad \varphi(r) = r\log r - r + 1 \ge 0,

    a sum of non-negative terms, each computed to full relative precision
    (a series near :math:`r = 1`). The result is therefore never negative and
    keeps its relative accuracy for nearly equal distributions. Uses
    :math:`0\log(0/q) = 0`. Not symmetric. Derived in chapter 3 of the book.

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.25, 0.75], base=2).round(6)
    np.float64(0.207519)
    >>> f"{kl_divergence([0.5, 0.5], [0.5 + 1e-9, 0.5 - 1e-9]):.6e}"  # not rounding noise
    '2.000000e-18'
    >>> P = np.array([[0.2, 0.5], [0.8, 0.5]])  # two distributions, down the columns
    >>> kl_divergence(P, [0.2, 0.8], axis=0).round(6)
    array([0.      , 0.223144])

    References
    ----------
    Kullback, S. and Leibler, R. A. (1951). On information and sufficiency.
    *Annals of Mathematical Statistics* 22(1), 79-86.

    See Also
    --------
    entropy, cross_entropy
    jensen_shannon : a symmetric, bounded relative of the KL divergence.
    mutual_information : the KL divergence of a joint from its marginals' product.
    scipy.special.rel_entr : the elementwise terms :math:`p_i\\log(p_i/q_i)`.
    """
    pa, qa, ax = as_probability_pair(p, q, axis, defer_q_sign=True)
    total = kl_sum(pa, qa, ax)
    if np.isnan(total).any():  # log1p((p - q)/q) is NaN for p > 0 > q
        check_nonnegative(qa, "q")
    return to_base(total, base)


def empirical_distribution(samples: Any, support: Any) -> np.ndarray:
    r"""Empirical distribution :math:`\hat p` of ``samples`` over ``support``.

    Each sample gets weight :math:`1/n`, so
    :math:`\hat p_j = \frac{1}{n}\#\{i : x_i = s_j\}` for the support values
    :math:`s_j`. This is the distribution in the equivalence
    :math:`\arg\min_\theta D_{\mathrm{KL}}(\hat p\|q_\theta)
    = \arg\max_\theta \prod_i q_\theta(x_i)`
    (Part II of the book).

    Parameters
    ----------
    samples : array_like
        One-dimensional observations; every value must appear in ``support``.
    support : array_like
        One-dimensional array of distinct possible values.

    Returns
    -------
    numpy.ndarray
        Probability vector of the same length as ``support``, summing to 1.

    Raises
    ------
    ValueError
        If a sample is not in ``support``, ``support`` has repeated values,
        or either argument is empty or not one-dimensional.

    Examples
    --------
    >>> empirical_distribution([1, 3, 3, 2, 3], support=[1, 2, 3])
    array([0.2, 0.2, 0.6])

    See Also
    --------
    infolib.distributions.Categorical.fit : the same counts as a distribution object.
    """
    values = as_float_array(support, "support")
    obs = as_float_array(samples, "samples")
    for name, arr in (("support", values), ("samples", obs)):
        if arr.ndim != 1:
            raise ValueError(f"{name} must be one-dimensional (got shape {arr.shape})")
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    if np.any(sorted_values[1:] == sorted_values[:-1]):
        raise ValueError("support must not contain repeated values")
    pos = np.clip(np.searchsorted(sorted_values, obs), 0, sorted_values.size - 1)
    found = sorted_values[pos] == obs
    if not found.all():
        bad = obs[~found]
        raise ValueError(f"samples contain {bad.size} value(s) outside support, e.g. {bad[0]!r}")
    counts = np.bincount(order[pos], minlength=values.size)
    return counts / obs.size
