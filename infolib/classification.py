r"""Multinomial logistic (softmax) regression trained by minimising cross-entropy.

Derived in Part II, chapter 6, "Classification: cross-entropy is log loss". The
model gives class probabilities :math:`q_\theta(\cdot \mid x) = \sigma(x^\top W + b)`
for a feature vector :math:`x \in \mathbb R^d`, with weights
:math:`W \in \mathbb R^{d \times K}`, biases :math:`b \in \mathbb R^K` and the
softmax :math:`\sigma`. It is trained on target distributions :math:`t_i`
(one-hot labels, or soft labels such as label smoothing) by minimising the mean
cross-entropy

.. math::

    L(W, b) = \frac1n \sum_{i=1}^n H\bigl(t_i, \sigma(z_i)\bigr),
    \qquad z_i = x_i^\top W + b,

whose gradient with respect to the logits is :math:`\sigma(z_i) - t_i`
(chapter 6 proves this for any number :math:`K` of classes).

Everything is plain numpy: no Python loop over samples or classes, only over
gradient steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._validation import (
    as_class_labels,
    as_count,
    as_finite_array,
    as_positive_scalar,
    as_target_distributions,
    broadcast_shapes,
)
from infolib.labels import one_hot, smooth_labels
from infolib.logits import cross_entropy_with_logits, softmax

__all__ = [
    "SoftmaxRegressionFit",
    "fit_softmax_regression",
    "one_hot",
    "smooth_labels",
    "softmax_regression_gradient",
    "softmax_regression_logits",
]


def _features(X: Any) -> np.ndarray:
    return as_finite_array(X, "X", ndim=2, what="(n, d)")


def _parameters(W: Any, b: Any, d: int) -> tuple[np.ndarray, np.ndarray]:
    w = as_finite_array(W, "W", ndim=2, what=f"({d}, K) to match X with {d} feature(s)")
    if w.shape[0] != d:
        raise ValueError(f"W must have shape ({d}, K) to match X with {d} feature(s) "
                         f"(got shape {w.shape})")
    bias = as_finite_array(b, "b", ndim=1, what=f"({w.shape[1]},) to match W of shape {w.shape}")
    if bias.shape != (w.shape[1],):
        raise ValueError(f"b must have shape ({w.shape[1]},) to match W of shape {w.shape} "
                         f"(got shape {bias.shape})")
    return w, bias


def _targets(targets: Any, n: int, k: int) -> np.ndarray:
    raw = np.asarray(targets)
    if raw.ndim == 1:
        if raw.shape[0] != n:
            raise ValueError(f"targets must have {n} rows to match X (got shape {raw.shape})")
        return one_hot(raw, k)
    return as_target_distributions(raw, (n, k))


def _gradient(
    w: np.ndarray, bias: np.ndarray, x: np.ndarray, t: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    delta = (softmax(x @ w + bias, axis=1) - t) / x.shape[0]
    return x.T @ delta, delta.sum(axis=0)


def softmax_regression_gradient(
    W: Any, b: Any, X: Any, targets: Any
) -> tuple[np.ndarray, np.ndarray]:
    r"""Gradient of the mean cross-entropy of a softmax regression.

    With logits :math:`z_i = x_i^\top W + b` and
    :math:`L = \frac1n\sum_i H(t_i, \sigma(z_i))`, the chain rule and
    :math:`\partial H(t, \sigma(z)) / \partial z = \sigma(z) - t` give

    .. math::

        \nabla_W L = \frac1n \sum_{i=1}^n x_i \bigl(\sigma(z_i) - t_i\bigr)^\top,
        \qquad
        \nabla_b L = \frac1n \sum_{i=1}^n \bigl(\sigma(z_i) - t_i\bigr).

    Because :math:`D_{\mathrm{KL}}(t_i \,\|\, \sigma(z_i)) = H(t_i, \sigma(z_i)) - H(t_i)`
    and :math:`H(t_i)` does not depend on the parameters, this is also the
    gradient of the mean KL divergence.

    Parameters
    ----------
    W : array_like, shape (d, K)
        Weights.
    b : array_like, shape (K,)
        Biases.
    X : array_like, shape (n, d)
        Features, one sample per row.
    targets : array_like
        Integer labels of shape ``(n,)`` in ``0..K-1`` or target distributions
        of shape ``(n, K)`` (rows summing to 1).

    Returns
    -------
    grad_W : numpy.ndarray, shape (d, K)
    grad_b : numpy.ndarray, shape (K,)
        Partial derivatives of the mean cross-entropy (nats per sample).

    Raises
    ------
    ValueError, TypeError
        On mis-shaped or non-finite inputs, bad labels or targets that are not
        distributions.

    References
    ----------
    Bishop (2006), *Pattern Recognition and Machine Learning*, eq. (4.109);
    Murphy (2022), *Probabilistic Machine Learning: An Introduction*, sec. 10.3.2.

    Examples
    --------
    >>> gW, gb = softmax_regression_gradient(np.zeros((1, 2)), np.zeros(2), [[1.0], [2.0]], [0, 1])
    >>> gW.round(6), gb.round(6)
    (array([[ 0.25, -0.25]]), array([0., 0.]))

    See Also
    --------
    fit_softmax_regression : gradient descent with it.
    """
    x = _features(X)
    w, bias = _parameters(W, b, x.shape[1])
    t = _targets(targets, x.shape[0], w.shape[1])
    return _gradient(w, bias, x, t)


@dataclass(frozen=True)
class SoftmaxRegressionFit:
    """Result of :func:`fit_softmax_regression`.

    Attributes
    ----------
    W : numpy.ndarray, shape (d, K)
        Final weights.
    b : numpy.ndarray, shape (K,)
        Final biases.
    losses : numpy.ndarray, shape (steps + 1,)
        Mean cross-entropy (nats) at the initial parameters and after every step.
    W_path : numpy.ndarray, shape (steps + 1, d, K)
        The weights at every step, starting with the initial ones.
    b_path : numpy.ndarray, shape (steps + 1, K)
        The biases at every step.
    """

    W: np.ndarray
    b: np.ndarray
    losses: np.ndarray
    W_path: np.ndarray
    b_path: np.ndarray

    def __repr__(self) -> str:
        d, k = self.W.shape
        return (f"SoftmaxRegressionFit(d={d}, K={k}, steps={self.losses.size - 1}, "
                f"final_loss={self.losses[-1]:.6g})")


def fit_softmax_regression(
    X: Any,
    targets: Any,
    *,
    lr: float,
    steps: int,
    n_classes: int | None = None,
    W0: Any = None,
    b0: Any = None,
) -> SoftmaxRegressionFit:
    r"""Fit a softmax regression by plain gradient descent on the mean cross-entropy.

    Repeats :math:`(W, b) \leftarrow (W, b) - \eta\, \nabla L(W, b)` ``steps``
    times, with the gradient of :func:`softmax_regression_gradient` and
    :math:`L(W, b) = \frac1n \sum_i H(t_i, \sigma(x_i^\top W + b))` computed by
    :func:`infolib.cross_entropy_with_logits`. With one-hot targets
    :math:`L` is the mean negative log-likelihood of the labels, so the
    minimiser is the maximum-likelihood estimate.

    Starting from zero (the default), every row of ``W`` (the weights of one
    feature for the ``K`` classes) and the entries of ``b`` keep summing to
    zero, because the gradient :math:`\frac1n \sum_i x_i (\sigma(z_i) - t_i)^\top`
    has rows that sum to zero over the classes (each :math:`\sigma(z_i) - t_i`
    does): this picks one representative of the parameters, which are otherwise
    identified only up to adding the same vector to every column of ``W`` and
    the same number to every entry of ``b``. (The columns do not sum to zero.)

    Parameters
    ----------
    X : array_like, shape (n, d)
        Features.
    targets : array_like
        Integer labels of shape ``(n,)`` or target distributions of shape ``(n, K)``.
    lr : float
        Step size :math:`\eta > 0`.
    steps : int
        Number of gradient steps (``0`` evaluates the loss at the start only).
    n_classes : int, optional
        :math:`K` for integer labels (default: the largest label plus one);
        ignored for target distributions.
    W0, b0 : array_like, optional
        Initial parameters; zeros by default.

    Returns
    -------
    SoftmaxRegressionFit
        Final parameters, the loss history and the parameter path.

    Raises
    ------
    ValueError, TypeError
        On bad inputs (see :func:`softmax_regression_gradient`), ``lr <= 0``
        or a negative ``steps``.

    References
    ----------
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 4.3.4;
    Mao (2019), "Cross Entropy, KL Divergence, and Maximum Likelihood Estimation".

    Examples
    --------
    >>> X = np.array([[-1.0], [-0.5], [0.5], [1.0], [0.2]])
    >>> fit = fit_softmax_regression(X, [0, 1, 1, 1, 0], lr=1.0, steps=200)
    >>> fit
    SoftmaxRegressionFit(d=1, K=2, steps=200, final_loss=0.536063)
    >>> bool(fit.losses[-1] < fit.losses[0])
    True

    See Also
    --------
    softmax_regression_gradient : the gradient of each step.
    infolib.cross_entropy_with_logits : the loss.
    """
    x = _features(X)
    eta = as_positive_scalar(lr, "lr")
    n_steps = as_count(steps, "steps")
    raw = np.asarray(targets)
    if raw.ndim == 1:
        if n_classes is None:
            labels = as_class_labels(raw, np.iinfo(np.int64).max, (x.shape[0],), name="targets",
                                     context="to match the rows of X")
            n_classes = int(labels.max()) + 1
        k = as_count(n_classes, "n_classes")
    elif raw.ndim == 2:
        k = raw.shape[1]
    else:
        raise ValueError(f"targets must have shape (n,) or (n, K) (got shape {raw.shape})")
    w0 = np.zeros((x.shape[1], k)) if W0 is None else W0
    bias0 = np.zeros(k) if b0 is None else b0
    w, bias = _parameters(w0, bias0, x.shape[1])
    t = _targets(raw, x.shape[0], k)
    W_path = np.empty((n_steps + 1, *w.shape))
    b_path = np.empty((n_steps + 1, k))
    W_path[0], b_path[0] = w, bias
    for s in range(n_steps):
        g_w, g_b = _gradient(W_path[s], b_path[s], x, t)
        W_path[s + 1] = W_path[s] - eta * g_w
        b_path[s + 1] = b_path[s] - eta * g_b
    logits = np.einsum("nd,sdk->snk", x, W_path) + b_path[:, None, :]
    losses = cross_entropy_with_logits(
        np.broadcast_to(t, logits.shape).reshape(-1, k), logits.reshape(-1, k), reduction="none"
    ).reshape(n_steps + 1, -1).mean(axis=1)
    return SoftmaxRegressionFit(W_path[-1].copy(), b_path[-1].copy(), losses, W_path, b_path)


def softmax_regression_logits(X: Any, W: Any, b: Any) -> np.ndarray:
    r"""Logits :math:`z_i = W^\top x_i + b` of a softmax regression, for one or many parameter sets.

    For features :math:`x_i \in \mathbb R^d` (the rows of ``X``), weights
    :math:`W \in \mathbb R^{d \times K}` and biases :math:`b \in \mathbb R^K`,

    .. math::

        z_{ik} = \sum_{r=1}^{d} x_{ir} W_{rk} + b_k,
        \qquad i = 1, \dots, N, \quad k = 1, \dots, K.

    ``W`` and ``b`` may carry leading batch dimensions (a path of parameters
    during training, or parameters moved in many directions at once); they
    broadcast against each other, and the result has the batch shape followed
    by ``(N, K)``. Feed the result to :func:`infolib.softmax` or
    :func:`infolib.cross_entropy_with_logits`.

    Parameters
    ----------
    X : array_like, shape (N, d)
        Features, one example per row.
    W : array_like, shape (..., d, K)
        Weights (one parameter set per leading index).
    b : array_like, shape (..., K)
        Biases.

    Returns
    -------
    numpy.ndarray, shape (..., N, K)
        The logits, batch dimensions first.

    Raises
    ------
    ValueError, TypeError
        If an input is empty, non-numeric or not finite, if ``W`` does not have
        ``d`` rows or ``b`` not ``K`` entries, or if the batch shapes of ``W``
        and ``b`` do not broadcast.

    See Also
    --------
    fit_softmax_regression : its ``W_path`` and ``b_path`` are batches of parameters.
    softmax_regression_gradient : the gradient of the mean cross-entropy of these logits.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 2.0]])
    >>> W = np.array([[1.0, -1.0], [0.5, 0.0]])
    >>> softmax_regression_logits(X, W, [0.0, 1.0])
    array([[1., 0.],
           [1., 1.]])
    >>> softmax_regression_logits(X, np.stack([W, 2 * W]), np.zeros(2)).shape   # two parameter sets
    (2, 2, 2)
    """
    x = _features(X)
    d = x.shape[1]
    w = as_finite_array(W, "W")
    if w.ndim < 2 or w.shape[-2] != d:
        raise ValueError(
            f"W must have shape (..., {d}, K) to match X with {d} feature(s) "
            f"(got shape {w.shape})"
        )
    bias = as_finite_array(b, "b")
    if bias.ndim < 1 or bias.shape[-1] != w.shape[-1]:
        raise ValueError(
            f"b must have shape (..., {w.shape[-1]}) to match W of shape {w.shape} "
            f"(got shape {bias.shape})"
        )
    broadcast_shapes(**{"the batch of W": w.shape[:-2], "the batch of b": bias.shape[:-1]})
    return np.einsum("nd,...dk->...nk", x, w) + bias[..., None, :]
