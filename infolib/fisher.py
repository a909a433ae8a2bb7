r"""Fisher information of one-parameter families, batched.

The Fisher information of a family :math:`q_\theta` is the variance of the
score :math:`\partial_\theta \log q_\theta(X)` under :math:`X \sim q_\theta`,

.. math::

    \mathcal I(\theta) = \E_{q_\theta}\big[(\partial_\theta \log q_\theta(X))^2\big]
    = \sum_x \frac{(\partial_\theta q_\theta(x))^2}{q_\theta(x)}
    \quad\text{(finite outcome set, } q_\theta(x) > 0\text{)},

and it is the curvature of the KL divergence between neighbouring members:
:math:`\KL(q_\theta\,\|\,q_{\theta+\varepsilon}) = \tfrac12 \mathcal I(\theta)
\varepsilon^2 + O(\varepsilon^3)`. Chapter 4 of the book ("Fisher information:
the curvature of KL") derives both facts and the link to the variance of the
maximum-likelihood estimate, :math:`\approx 1/(N \mathcal I(\theta))`.

All results are in units of 1/(parameter unit)^2 (no logarithm base enters:
:math:`\mathcal I` is the curvature of a divergence in nats).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import (
    as_count,
    as_family_tangent,
    as_open_unit_interval_array,
    as_parameter,
)

__all__ = [
    "bernoulli_fisher_information",
    "finite_fisher_information",
    "gaussian_fisher_information",
    "mle_standard_error",
]


def _out(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else arr


def finite_fisher_information(q: Any, dq: Any, *, axis: int = -1) -> float | np.ndarray:
    r"""Fisher information of a family on finitely many outcomes, from q and its derivative.

    .. math::

        \mathcal I(\theta) = \sum_{x} \frac{\big(\partial_\theta q_\theta(x)\big)^2}{q_\theta(x)}
        = \E_{q_\theta}\big[(\partial_\theta \log q_\theta(X))^2\big].

    Parameters
    ----------
    q : array_like
        The probabilities :math:`q_\theta(x)` along ``axis`` (a batch on the
        other axes); every entry must be > 0 and each vector must sum to 1.
    dq : array_like
        Their derivatives :math:`\partial_\theta q_\theta(x)`, broadcastable
        against ``q`` with the same number of outcomes; each vector must sum to
        0 (the derivative of :math:`\sum_x q_\theta(x) = 1`).
    axis : int, default -1
        The outcome axis.

    Returns
    -------
    float or ndarray
        :math:`\mathcal I(\theta) \ge 0`, one value per distribution of the batch.

    Raises
    ------
    ValueError
        If ``q`` is not a batch of positive probability vectors, if ``dq`` has
        another number of outcomes, is not finite or does not sum to 0.

    See Also
    --------
    bernoulli_fisher_information : the closed form :math:`1/(\theta(1-\theta))`.
    infolib.kl_divergence : :math:`\KL(q_\theta\,\|\,q_{\theta+\varepsilon})
        \approx \tfrac12 \mathcal I(\theta) \varepsilon^2`.

    Examples
    --------
    The Bernoulli family :math:`q_\theta = (1 - \theta, \theta)` has
    :math:`\partial_\theta q_\theta = (-1, 1)`:

    >>> round(finite_fisher_information([0.75, 0.25], [-1.0, 1.0]), 6)
    5.333333
    >>> finite_fisher_information([[0.5, 0.5], [0.9, 0.1]], [-1.0, 1.0]).round(6)
    array([ 4.      , 11.111111])
    """
    qa, da, ax = as_family_tangent(q, dq, axis)
    return _out(np.sum(da * da / qa, axis=ax))


def bernoulli_fisher_information(p: Any) -> float | np.ndarray:
    r"""Fisher information of the Bernoulli family in its success probability.

    .. math::

        \mathcal I(p) = \frac{1}{p(1 - p)}, \qquad 0 < p < 1.

    Parameters
    ----------
    p : float or array_like
        Success probabilities in the open interval :math:`(0, 1)` (a batch).

    Returns
    -------
    float or ndarray
        :math:`1/(p(1-p)) \ge 4`, of the shape of ``p``.

    Raises
    ------
    ValueError
        If some ``p`` is not strictly between 0 and 1 (at the ends the
        information is infinite and the family has no interior there).

    See Also
    --------
    finite_fisher_information : the same number from :math:`q` and
        :math:`\partial_\theta q`.
    mle_standard_error : :math:`1/\sqrt{N \mathcal I}`, here
        :math:`\sqrt{p(1-p)/N}`.

    Examples
    --------
    >>> bernoulli_fisher_information(0.5)
    4.0
    >>> bernoulli_fisher_information([0.1, 0.3]).round(6)
    array([11.111111,  4.761905])
    """
    arr = as_open_unit_interval_array(p, "p")
    return _out(1.0 / (arr * (1.0 - arr)))


def gaussian_fisher_information(std: Any, *, wrt: str = "mean") -> float | np.ndarray:
    r"""Fisher information of the Gaussian :math:`\mathcal N(\mu, \sigma^2)` in one parameter.

    .. math::

        \mathcal I_\mu = \frac{1}{\sigma^2} \quad(\text{``wrt="mean"``}),
        \qquad
        \mathcal I_\sigma = \frac{2}{\sigma^2} \quad(\text{``wrt="std"``}),

    each with the other parameter held fixed; neither depends on :math:`\mu`.

    Parameters
    ----------
    std : float or array_like
        Standard deviations :math:`\sigma > 0` (a batch).
    wrt : {"mean", "std"}, keyword-only
        The parameter that varies.

    Returns
    -------
    float or ndarray
        The information, of the shape of ``std``.

    Raises
    ------
    ValueError
        If some ``std`` is not finite and > 0, or ``wrt`` is not one of the two.

    See Also
    --------
    bernoulli_fisher_information : the discrete counterpart.
    infolib.Gaussian.kl_divergence : for equal :math:`\sigma`,
        :math:`\KL = \varepsilon^2/(2\sigma^2) = \tfrac12 \mathcal I_\mu \varepsilon^2`
        exactly.

    Examples
    --------
    >>> gaussian_fisher_information(2.0)
    0.25
    >>> gaussian_fisher_information([0.5, 1.0], wrt="std")
    array([8., 2.])
    """
    factors = {"mean": 1.0, "std": 2.0}
    if wrt not in factors:
        raise ValueError(f"wrt must be 'mean' or 'std' (got {wrt!r})")
    sd = np.asarray(as_parameter(std, "std", "positive"), dtype=np.float64)
    return _out(factors[wrt] / (sd * sd))


def mle_standard_error(fisher: Any, n: Any) -> float | np.ndarray:
    r"""Asymptotic standard error :math:`1/\sqrt{N \mathcal I(\theta)}` of an MLE.

    For :math:`N` independent draws from :math:`q_\theta` and a regular family,
    :math:`\sqrt N (\hat\theta - \theta)` tends in distribution to
    :math:`\mathcal N(0, 1/\mathcal I(\theta))` (Casella & Berger 2002,
    Theorem 10.1.12), so :math:`\hat\theta` has standard deviation about
    :math:`1/\sqrt{N \mathcal I(\theta)}`.

    Parameters
    ----------
    fisher : float or array_like
        Fisher informations :math:`\mathcal I(\theta) > 0` (a batch).
    n : int
        The sample size :math:`N \ge 1`.

    Returns
    -------
    float or ndarray
        :math:`1/\sqrt{N \mathcal I}`, of the shape of ``fisher``.

    Raises
    ------
    ValueError
        If some ``fisher`` is not finite and > 0, or ``n`` < 1.
    TypeError
        If ``n`` is not an integer.

    See Also
    --------
    bernoulli_fisher_information, gaussian_fisher_information

    Examples
    --------
    >>> mle_standard_error(bernoulli_fisher_information(0.5), 100)
    0.05
    """
    info = np.asarray(as_parameter(fisher, "fisher", "positive"), dtype=np.float64)
    size = as_count(n, "n")
    if size < 1:
        raise ValueError(f"n must be >= 1 (got {size})")
    return _out(1.0 / np.sqrt(size * info))
