r"""Targets for classification: one-hot labels and label-smoothed targets.

A class label :math:`y \in \{0, \dots, K-1\}` is the distribution :math:`e_y`
(one-hot); label smoothing with weight :math:`\varepsilon` replaces it by
:math:`t_\varepsilon = (1-\varepsilon)\,e_y + \varepsilon\,u` with :math:`u` uniform
on the :math:`K` classes. Chapter 6 trains on both (:mod:`infolib.classification`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import as_class_labels, as_count, as_unit_interval_scalar

__all__ = ["one_hot", "smooth_labels"]


def _labels(labels: Any, n_classes: Any) -> tuple[np.ndarray, int]:
    k = as_count(n_classes, "n_classes")
    if k < 1:
        raise ValueError("n_classes must be >= 1 (got 0)")
    raw = np.asarray(labels)
    if raw.ndim != 1:
        raise ValueError(f"labels must be one-dimensional (got shape {raw.shape})")
    return as_class_labels(raw, k, raw.shape, name="target"), k


def one_hot(labels: Any, n_classes: int) -> np.ndarray:
    r"""One-hot target distributions :math:`t_{ik} = [k = y_i]`.

    Parameters
    ----------
    labels : array_like of int, shape (n,)
        Class labels :math:`y_i \in \{0, \dots, K-1\}`.
    n_classes : int
        The number of classes :math:`K`.

    Returns
    -------
    numpy.ndarray, shape (n, K)
        Rows :math:`e_{y_i}`: a 1 in column ``y_i``, zeros elsewhere (float64).

    Raises
    ------
    ValueError, TypeError
        If ``labels`` is not a 1-D array of integers in ``0..n_classes-1``.

    References
    ----------
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 4.3.4
    (the 1-of-K coding scheme).

    Examples
    --------
    >>> one_hot([2, 0], 3)
    array([[0., 0., 1.],
           [1., 0., 0.]])

    See Also
    --------
    smooth_labels : one-hot rows mixed with the uniform distribution.
    """
    y, k = _labels(labels, n_classes)
    return (y[:, None] == np.arange(k)[None, :]).astype(np.float64)


def smooth_labels(labels: Any, n_classes: int, *, epsilon: float) -> np.ndarray:
    r"""Label-smoothed targets :math:`t_i = (1 - \varepsilon)\, e_{y_i} + \varepsilon / K`.

    Each row is a probability distribution that keeps :math:`1 - \varepsilon +
    \varepsilon/K` on the observed class and spreads :math:`\varepsilon/K` on
    every other class; its entropy is positive for :math:`0 < \varepsilon \le 1`.

    Parameters
    ----------
    labels : array_like of int, shape (n,)
        Class labels in ``0..n_classes-1``.
    n_classes : int
        The number of classes :math:`K`.
    epsilon : float
        Smoothing weight in :math:`[0, 1]`; ``0`` gives :func:`one_hot`,
        ``1`` the uniform distribution.

    Returns
    -------
    numpy.ndarray, shape (n, K)

    Raises
    ------
    ValueError, TypeError
        On bad labels or ``epsilon`` outside :math:`[0, 1]`.

    References
    ----------
    Szegedy et al. (2016), "Rethinking the Inception architecture for computer
    vision", sec. 7; Goodfellow, Bengio & Courville (2016), *Deep Learning*,
    sec. 7.5.1.

    Examples
    --------
    >>> smooth_labels([1], 4, epsilon=0.2)
    array([[0.05, 0.85, 0.05, 0.05]])

    See Also
    --------
    one_hot : the case epsilon = 0.
    infolib.entropy : the entropy of the smoothed rows.
    """
    eps = as_unit_interval_scalar(epsilon, "epsilon")
    hot = one_hot(labels, n_classes)
    return (1.0 - eps) * hot + eps / hot.shape[1]
