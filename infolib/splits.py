r"""Information gain of threshold splits, the split criterion of decision trees.

A data set of :math:`N` examples has one real feature :math:`f_1, \dots, f_N`
and class labels :math:`y_1, \dots, y_N \in \{0, \dots, K-1\}`. A threshold
:math:`t` splits it into the examples with :math:`f \le t` and those with
:math:`f > t`; write :math:`S_t \in \{0, 1\}` for that indicator (row 0:
:math:`f \le t`, row 1: :math:`f > t`). Under the empirical distribution of
the pairs :math:`(S_t, Y)` (weight :math:`1/N` on each example), the
*information gain* of the split is

.. math::

    \mathrm{IG}(t) = H(Y) - \sum_{s \in \{0, 1\}} \frac{N_s}{N}\, H(Y \mid S_t = s)
                   = I(S_t; Y),

the mutual information between the label and the split indicator (ID3,
Quinlan 1986; the identity is derived in chapter 10 of the book).

Every function is vectorised over the candidate thresholds: one matrix
product counts the labels on each side of every threshold at once.

References
----------
J. R. Quinlan, "Induction of decision trees", *Machine Learning* 1, 81-106
(1986); T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd
ed., Wiley, 2006, sec. 2.4.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import as_category_indices, as_finite_array
from infolib.information import mutual_information

__all__ = ["candidate_thresholds", "split_tables", "information_gain"]


def _as_labelled_feature(
    feature: Any, labels: Any, n_classes: int | None
) -> tuple[np.ndarray, np.ndarray, int]:
    """Validate a feature vector and its labels (same length); return them and K."""
    f = as_finite_array(feature, "feature", ndim=1, what="(N,)")
    if n_classes is not None and (
        isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer))
        or n_classes < 1
    ):
        raise ValueError(f"n_classes must be a positive integer (got {n_classes!r})")
    y = as_category_indices(labels, "labels", None if n_classes is None else int(n_classes))
    if y.shape != f.shape:
        raise ValueError(
            f"labels must have shape {f.shape}, one label per feature value "
            f"(got shape {y.shape})"
        )
    k = int(y.max()) + 1 if n_classes is None else int(n_classes)
    return f, y, k


def candidate_thresholds(feature: Any) -> np.ndarray:
    r"""The midpoints between consecutive distinct values of ``feature``.

    Every split :math:`f \le t` of a finite sample is produced by one of these
    thresholds (or puts all examples on one side), so they are the only
    candidates a tree needs to try.

    Parameters
    ----------
    feature : array_like, shape (N,)
        Finite feature values.

    Returns
    -------
    numpy.ndarray, shape (D - 1,)
        :math:`(v_k + v_{k+1})/2` for the sorted distinct values
        :math:`v_1 < \dots < v_D`; empty if all values are equal.

    Raises
    ------
    ValueError, TypeError
        If ``feature`` is not a non-empty one-dimensional finite numeric array.

    Examples
    --------
    >>> candidate_thresholds([3.0, 1.0, 2.0, 2.0])
    array([1.5, 2.5])

    See Also
    --------
    information_gain
    """
    values = np.unique(as_finite_array(feature, "feature", ndim=1, what="(N,)"))
    return (values[:-1] + values[1:]) / 2


def split_tables(
    feature: Any, labels: Any, thresholds: Any, *, n_classes: int | None = None
) -> np.ndarray:
    r"""Empirical joint tables of the split indicator and the label, one per threshold.

    ``table[k, s, y]`` is the fraction of the :math:`N` examples with label
    :math:`y` that fall on side :math:`s` of threshold ``thresholds[k]``
    (:math:`s = 0`: :math:`f \le t`, :math:`s = 1`: :math:`f > t`), the
    distribution :math:`\hat p(s, y)` of the pair :math:`(S_t, Y)`.

    Parameters
    ----------
    feature : array_like, shape (N,)
        Finite feature values.
    labels : array_like of int, shape (N,)
        Class labels in ``0..n_classes-1``.
    thresholds : array_like, shape (T,)
        Finite thresholds.
    n_classes : int, optional
        The number :math:`K` of classes; default ``max(labels) + 1``.

    Returns
    -------
    numpy.ndarray, shape (T, 2, K)
        Each table is non-negative and sums to 1 (a valid ``joint`` for
        :mod:`infolib.information`).

    Raises
    ------
    ValueError, TypeError
        If ``feature`` or ``thresholds`` is not a one-dimensional finite
        array, ``labels`` are not integers in range or do not match
        ``feature`` in length, or ``n_classes`` is not a positive integer.

    Examples
    --------
    >>> split_tables([1.0, 2.0, 3.0, 4.0], [0, 0, 1, 1], [2.5])
    array([[[0.5, 0. ],
            [0. , 0.5]]])

    See Also
    --------
    information_gain, infolib.information.mutual_information
    """
    f, y, k = _as_labelled_feature(feature, labels, n_classes)
    t = as_finite_array(thresholds, "thresholds", ndim=1, what="(T,)")
    left = (f[None, :] <= t[:, None]).astype(np.float64)  # (T, N)
    one_hot = np.eye(k)[y]  # (N, K)
    counts_left = left @ one_hot  # (T, K), exact integer counts
    counts_right = one_hot.sum(axis=0) - counts_left
    return np.stack([counts_left, counts_right], axis=1) / f.size


def information_gain(
    feature: Any,
    labels: Any,
    thresholds: Any,
    *,
    n_classes: int | None = None,
    base: float | None = None,
) -> np.ndarray:
    r"""Information gain :math:`\mathrm{IG}(t) = I(S_t; Y)` of each threshold split.

    Parameters
    ----------
    feature : array_like, shape (N,)
        Finite feature values.
    labels : array_like of int, shape (N,)
        Class labels in ``0..n_classes-1``.
    thresholds : array_like, shape (T,)
        Finite thresholds; the split sends :math:`f \le t` to one side.
    n_classes : int, optional
        The number :math:`K` of classes; default ``max(labels) + 1``.
    base : float, optional
        Logarithm base: ``None`` (default) for nats, ``2`` for bits.

    Returns
    -------
    numpy.ndarray, shape (T,)
        :math:`0 \le \mathrm{IG}(t) \le H(Y)`; 0 for a threshold that leaves one
        side empty, :math:`H(Y)` for a split into pure sides.

    Raises
    ------
    ValueError, TypeError
        As :func:`split_tables`, or if ``base`` is invalid.

    Notes
    -----
    Equal to :math:`H(Y) - \frac{N_0}{N} H(Y \mid S_t = 0) - \frac{N_1}{N}
    H(Y \mid S_t = 1)`, the parent's entropy minus the weighted entropies of
    the children; computed as the mutual information of
    :func:`split_tables`, a sum of non-negative terms.

    Examples
    --------
    >>> feature, labels = [1.0, 2.0, 3.0, 4.0], [0, 0, 1, 1]
    >>> information_gain(feature, labels, [0.0, 1.5, 2.5], base=2).round(6)
    array([0.      , 0.311278, 1.      ])

    See Also
    --------
    split_tables, candidate_thresholds, infolib.information.mutual_information
    """
    return np.asarray(
        mutual_information(split_tables(feature, labels, thresholds, n_classes=n_classes),
                           base=base)
    )
