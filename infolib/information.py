r"""Information measures of joint distributions, and the Jensen-Shannon divergence.

For a pair of discrete random variables with joint distribution
:math:`p(x, y)`, given as a table ``joint[x, y]`` (``X`` along the
second-to-last axis, ``Y`` along the last), with marginals :math:`p(x) =
\sum_y p(x, y)` and :math:`p(y) = \sum_x p(x, y)`:

.. math::

    H(X, Y) &= -\sum_{x, y} p(x, y) \log p(x, y), \\
    H(Y \mid X) &= -\sum_{x, y} p(x, y) \log p(y \mid x) = H(X, Y) - H(X), \\
    I(X; Y) &= \sum_{x, y} p(x, y) \log\frac{p(x, y)}{p(x)\,p(y)}
             = D_{\mathrm{KL}}\bigl(p(x, y) \,\|\, p(x)\,p(y)\bigr).

Conventions
-----------
* A table must sum to 1 over its last two axes (the tolerance of its dtype,
  see :mod:`infolib._validation`); any leading axes are a batch of tables, and
  the results have the batch shape.
* :math:`0 \log 0 = 0`; natural logarithms (nats) unless ``base`` is given
  (``base=2``: bits).
* Each measure is evaluated as a sum of non-negative terms, so that no result
  is ever negative and a nearly deterministic :math:`Y` (small
  :math:`H(Y \mid X)`) or nearly independent variables (small :math:`I`) are
  not swamped by the rounding of a difference of entropies.

References
----------
T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley,
2006, sec. 2.2 (joint and conditional entropy), 2.4 (mutual information);
J. Lin, "Divergence measures based on the Shannon entropy", *IEEE Trans.
Information Theory* 37(1), 1991 (the Jensen-Shannon divergence).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import special

from infolib._kernels import js_terms, kl_terms, to_base
from infolib._validation import as_joint_table, as_probability_pair

__all__ = ["joint_entropy", "conditional_entropy", "mutual_information", "jensen_shannon"]

_TABLE = (-2, -1)


def joint_entropy(joint: Any, *, base: float | None = None) -> np.ndarray | np.floating:
    r"""Joint entropy :math:`H(X, Y) = -\sum_{x, y} p(x, y) \log p(x, y)`.

    Parameters
    ----------
    joint : array_like, shape (..., n_x, n_y)
        Joint probabilities ``joint[..., x, y]``, each table summing to 1.
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`H(X, Y)` of each table (the batch shape ``joint.shape[:-2]``).

    Raises
    ------
    ValueError, TypeError
        If ``joint`` has fewer than two dimensions, negative or non-finite
        entries, a table that does not sum to 1, or ``base`` is invalid.

    Notes
    -----
    The entropy of the pair seen as one variable with :math:`n_x n_y` values;
    :math:`\max(H(X), H(Y)) \le H(X, Y) \le H(X) + H(Y)`.

    Examples
    --------
    >>> joint = [[0.25, 0.25], [0.0, 0.5]]  # joint[x, y]
    >>> joint_entropy(joint, base=2)
    np.float64(1.5)

    See Also
    --------
    conditional_entropy, mutual_information
    infolib.entropy : the entropy of one variable.
    """
    table = as_joint_table(joint)
    return to_base(special.entr(table).sum(axis=_TABLE), base)


def conditional_entropy(joint: Any, *, base: float | None = None) -> np.ndarray | np.floating:
    r"""Conditional entropy :math:`H(Y \mid X) = -\sum_{x, y} p(x, y)\log p(y \mid x)`.

    ``X`` runs along the second-to-last axis of ``joint``, ``Y`` along the last.

    Parameters
    ----------
    joint : array_like, shape (..., n_x, n_y)
        Joint probabilities ``joint[..., x, y]``, each table summing to 1.
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`H(Y \mid X) \ge 0` of each table; 0 when :math:`Y` is a
        function of :math:`X`. For :math:`H(X \mid Y)` pass the transposed
        table, ``np.swapaxes(joint, -1, -2)``.

    Raises
    ------
    ValueError, TypeError
        As :func:`joint_entropy`.

    Notes
    -----
    :math:`H(Y \mid X) = \sum_x p(x) H(Y \mid X = x) = H(X, Y) - H(X)`. The
    difference of entropies cancels when :math:`Y` is nearly determined by
    :math:`X`; instead the terms :math:`p(x, y)\log(p(x)/p(x, y)) \ge 0` are
    summed, the largest entry of each row as
    :math:`p(x, y^*)\,\mathrm{log1p}\bigl(\sum_{y \ne y^*} p(x, y) / p(x, y^*)\bigr)`,
    so every term keeps its relative precision.

    Examples
    --------
    >>> joint = [[0.25, 0.25], [0.0, 0.5]]  # given x = 1, y = 1 surely
    >>> conditional_entropy(joint, base=2)  # 0.5 * H(1/2, 1/2) + 0.5 * 0
    np.float64(0.5)
    >>> conditional_entropy([[0.5, 0.0], [0.0, 0.5]])  # Y = X
    np.float64(0.0)

    See Also
    --------
    joint_entropy, mutual_information
    """
    table = as_joint_table(joint)
    top = np.expand_dims(np.argmax(table, axis=-1), -1)
    p_top = np.take_along_axis(table, top, axis=-1)
    rest = table.copy()
    np.put_along_axis(rest, top, 0.0, axis=-1)
    others = rest.sum(axis=-1, keepdims=True)  # p(x) - p(x, y*), without cancellation
    p_x = p_top + others
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(rest > 0.0, p_x / rest, 1.0)  # >= 2 off the top entry
        top_ratio = np.where(p_top > 0.0, others / p_top, 0.0)
    terms = special.xlogy(rest, ratio).sum(axis=-1, keepdims=True)
    terms += special.xlog1py(p_top, top_ratio)
    return to_base(terms[..., 0].sum(axis=-1), base)


def mutual_information(joint: Any, *, base: float | None = None) -> np.ndarray | np.floating:
    r"""Mutual information :math:`I(X; Y) = D_{\mathrm{KL}}\bigl(p(x, y) \,\|\, p(x)p(y)\bigr)`.

    Parameters
    ----------
    joint : array_like, shape (..., n_x, n_y)
        Joint probabilities ``joint[..., x, y]``, each table summing to 1.
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`I(X; Y) \ge 0` of each table, 0 for independent variables;
        symmetric in :math:`X` and :math:`Y`.

    Raises
    ------
    ValueError, TypeError
        As :func:`joint_entropy`.

    Notes
    -----
    :math:`I(X; Y) = H(X) + H(Y) - H(X, Y) = H(Y) - H(Y \mid X)`. Evaluated as
    the KL divergence of the table from the product of its marginals, with the
    non-negative terms :math:`q\,\varphi(p/q)` of :func:`infolib.kl_divergence`
    (:math:`\varphi(r) = r\log r - r + 1`), after dividing the table by its sum
    (1 within the tolerance). The result is never negative, and for a table
    that departs from independence by a relative :math:`\delta` its relative
    error is about :math:`\varepsilon/\delta` (the rounding of the
    marginals), where :math:`H(X) + H(Y) - H(X, Y)` has an absolute error
    about :math:`\varepsilon H(X, Y)`: a relative error :math:`\varepsilon H/I
    \approx \varepsilon/\delta^2`.

    Examples
    --------
    >>> joint = [[0.25, 0.25], [0.0, 0.5]]
    >>> mutual_information(joint, base=2).round(6)  # H(Y) - H(Y|X) = 0.811278 - 0.5
    np.float64(0.311278)
    >>> mutual_information(np.outer([0.3, 0.7], [0.5, 0.5])) < 1e-16  # independent
    np.True_

    See Also
    --------
    joint_entropy, conditional_entropy
    infolib.kl_divergence : the divergence it is a case of.
    """
    table = as_joint_table(joint)
    table = table / table.sum(axis=_TABLE, keepdims=True)
    p_x = table.sum(axis=-1, keepdims=True)
    p_y = table.sum(axis=-2, keepdims=True)
    return to_base(kl_terms(table, p_x * p_y).sum(axis=_TABLE), base)


def jensen_shannon(
    p: Any, q: Any, *, base: float | None = None, axis: int = -1
) -> np.ndarray | np.floating:
    r"""Jensen-Shannon divergence :math:`\mathrm{JS}(p, q) = \tfrac12 D(p\|m) + \tfrac12 D(q\|m)`.

    Here :math:`m = (p + q)/2` and :math:`D` is the KL divergence. This is the
    divergence, not its square root: ``scipy.spatial.distance.jensenshannon``
    returns :math:`\sqrt{\mathrm{JS}}` (a metric).

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis``, aligned as in :func:`infolib.kl_divergence`
        (the category axis must match; other axes broadcast).
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.
    axis : int, default -1
        Axis holding the categories.

    Returns
    -------
    numpy.float64 or numpy.ndarray
        :math:`0 \le \mathrm{JS}(p, q) \le \log 2` (1 bit), symmetric in
        :math:`p, q`, finite even where the supports differ.

    Raises
    ------
    ValueError, TypeError
        As :func:`infolib.kl_divergence`.

    Notes
    -----
    :math:`\mathrm{JS}(p, q) = H(m) - \tfrac12 H(p) - \tfrac12 H(q)`, the mutual
    information between a fair coin and a draw from :math:`p` or :math:`q`
    chosen by it. Evaluated as the sum of the non-negative terms
    :math:`\tfrac12 m\,[\varphi(1 + x) + \varphi(1 - x)]`, :math:`x = (p - q)/(p + q)`,
    :math:`\varphi(r) = r\log r - r + 1`, with an even series for small :math:`|x|`,
    so nearly equal distributions keep their relative precision.

    Examples
    --------
    >>> jensen_shannon([1.0, 0.0], [0.0, 1.0], base=2)  # disjoint supports: 1 bit
    np.float64(1.0)
    >>> js = jensen_shannon([0.5, 0.5], [0.9, 0.1])
    >>> round(float(js), 6), round(float(np.sqrt(js)), 6)  # scipy's jensenshannon: the root
    (0.101749, 0.318982)

    See Also
    --------
    infolib.kl_divergence : the asymmetric divergence it symmetrises.
    scipy.spatial.distance.jensenshannon : its square root.
    """
    pa, qa, ax = as_probability_pair(p, q, axis)
    return to_base(js_terms(pa, qa).sum(axis=ax), base)
