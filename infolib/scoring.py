r"""Scoring rules, calibration error and temperature scaling.

Derived in Part IV, chapter "Scoring rules, calibration and distillation". A
forecast is a probability vector :math:`q` over :math:`n` outcomes (the last
axis); the outcome :math:`y \in \{0, \dots, n-1\}` is an integer. Every score
here is a *loss*, :math:`S(q, y)`, to be minimised:

* the log score :math:`-\log q_y` (in nats; ``+inf`` if :math:`q_y = 0`),
* the Brier score :math:`\lVert q - e_y \rVert^2 = \sum_k (q_k - \delta_{ky})^2`,
* the linear score :math:`-q_y` (not proper: it rewards overconfidence).

Calibration is measured on the *confidence* :math:`\max_k q_k` and the
predicted class :math:`\arg\max_k q_k`, in :math:`M` equal-width bins
:math:`B_m = \{i : (m-1)/M < \max_k q_{ik} \le m/M\}` (Guo et al., 2017).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._validation import (
    as_bin_count,
    as_class_labels,
    as_forecasts,
    as_logits,
    as_probability_pair,
    as_temperatures,
)
from infolib.logits import log_softmax
from infolib.optimize import minimize_on_interval

__all__ = [
    "ReliabilityBins",
    "brier_score",
    "expected_calibration_error",
    "expected_score",
    "fit_temperature",
    "linear_score",
    "log_score",
    "reliability_bins",
    "temperature_nll",
]


def _at_outcome(q: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.take_along_axis(q, y[..., None], axis=-1)[..., 0]


def log_score(q: Any, y: Any) -> np.ndarray:
    r"""The log score (log loss) :math:`S(q, y) = -\log q_y`, in nats.

    Parameters
    ----------
    q : array_like, shape (..., n)
        Forecasts: probability vectors along the last axis.
    y : array_like of int, shape (...)
        Outcomes in ``0..n-1``.

    Returns
    -------
    numpy.ndarray, shape (...)
        :math:`-\log q_y`; ``+inf`` where the forecast gave the outcome probability 0.

    Raises
    ------
    ValueError, TypeError
        If ``q`` is not a batch of distributions or ``y`` not matching labels.

    References
    ----------
    Gneiting & Raftery (2007), "Strictly proper scoring rules, prediction, and
    estimation", sec. 3.

    Examples
    --------
    >>> float(log_score([0.5, 0.25, 0.25], 1).round(6))
    1.386294

    See Also
    --------
    brier_score, linear_score, expected_score
    infolib.cross_entropy : its expectation, :math:`H(p, q)`.
    """
    forecasts, outcomes = as_forecasts(q, y)
    with np.errstate(divide="ignore"):
        return -np.log(_at_outcome(forecasts, outcomes))


def brier_score(q: Any, y: Any) -> np.ndarray:
    r"""The Brier score :math:`S(q, y) = \lVert q - e_y \rVert^2 = \sum_k (q_k - \delta_{ky})^2`.

    Computed as :math:`\sum_k q_k^2 - 2 q_y + 1`; it lies in :math:`[0, 2]`.

    Parameters
    ----------
    q : array_like, shape (..., n)
        Forecasts along the last axis.
    y : array_like of int, shape (...)
        Outcomes in ``0..n-1``.

    Returns
    -------
    numpy.ndarray, shape (...)

    References
    ----------
    Brier (1950), "Verification of forecasts expressed in terms of probability".

    Examples
    --------
    >>> float(brier_score([0.5, 0.25, 0.25], 1).round(6))
    0.875

    See Also
    --------
    log_score, linear_score, expected_score
    """
    forecasts, outcomes = as_forecasts(q, y)
    return np.sum(forecasts**2, axis=-1) - 2.0 * _at_outcome(forecasts, outcomes) + 1.0


def linear_score(q: Any, y: Any) -> np.ndarray:
    r"""The linear score :math:`S(q, y) = -q_y`, an improper scoring rule.

    Its expectation :math:`-\sum_y p_y q_y` under :math:`p` is minimised by
    putting all the mass on a most probable outcome, not by :math:`q = p`.

    Parameters
    ----------
    q : array_like, shape (..., n)
    y : array_like of int, shape (...)

    Returns
    -------
    numpy.ndarray, shape (...)

    Examples
    --------
    >>> float(linear_score([0.5, 0.25, 0.25], 0))
    -0.5

    See Also
    --------
    log_score, brier_score, expected_score
    """
    forecasts, outcomes = as_forecasts(q, y)
    return -_at_outcome(forecasts, outcomes)


_RULES = {"log": log_score, "brier": brier_score, "linear": linear_score}


def expected_score(p: Any, q: Any, *, rule: str) -> np.ndarray:
    r"""Expected score :math:`\E_p[S(q, Y)] = \sum_y p_y\, S(q, y)` of a forecast under ``p``.

    Evaluates the score at every outcome (terms with :math:`p_y = 0` contribute
    0, also when :math:`S(q, y) = +\infty`) and averages with the weights ``p``.

    Parameters
    ----------
    p : array_like, shape (..., n)
        The distribution of the outcome.
    q : array_like, shape (..., n)
        The forecast; ``p`` and ``q`` broadcast like numpy.
    rule : {"log", "brier", "linear"}
        The scoring rule.

    Returns
    -------
    numpy.ndarray
        The expected score, of the broadcast batch shape.

    Raises
    ------
    ValueError
        On an unknown ``rule`` or if ``p`` or ``q`` is not a distribution.

    Examples
    --------
    >>> float(expected_score([0.5, 0.5], [0.5, 0.5], rule="brier"))
    0.5
    >>> float(expected_score([0.7, 0.3], [1.0, 0.0], rule="linear"))
    -0.7

    See Also
    --------
    log_score, brier_score, linear_score
    infolib.cross_entropy : the expected log score.
    """
    if rule not in _RULES:
        raise ValueError(f"rule must be one of {sorted(_RULES)} (got {rule!r})")
    pa, qa, _ = as_probability_pair(p, q, -1)
    n = pa.shape[-1]
    outcomes = np.broadcast_to(np.arange(n), (*qa.shape[:-1], n))
    # the score of the forecast q for each outcome: q repeated once per outcome
    every = _RULES[rule](np.repeat(qa[..., None, :], n, axis=-2), outcomes)
    return np.sum(np.where(pa > 0.0, pa * np.where(pa > 0.0, every, 0.0), 0.0), axis=-1)


@dataclass(frozen=True)
class ReliabilityBins:
    """Per-bin statistics of :func:`reliability_bins` (a reliability diagram's bars).

    Attributes
    ----------
    edges : numpy.ndarray, shape (M + 1,)
        Bin edges :math:`0, 1/M, \\dots, 1`; bin ``m`` is ``(edges[m], edges[m+1]]``.
    counts : numpy.ndarray of int, shape (..., M)
        Number of forecasts whose confidence falls in each bin.
    confidence : numpy.ndarray, shape (..., M)
        Mean confidence :math:`\\max_k q_{ik}` in each bin (0 in an empty bin).
    accuracy : numpy.ndarray, shape (..., M)
        Fraction of correct predicted classes in each bin (0 in an empty bin).
    """

    edges: np.ndarray
    counts: np.ndarray
    confidence: np.ndarray
    accuracy: np.ndarray

    @property
    def nonempty(self) -> np.ndarray:
        """Boolean mask of the bins that hold at least one forecast."""
        return self.counts > 0


def _bin_sums(q: Any, y: Any, bins: Any) -> tuple[np.ndarray, ...]:
    forecasts, outcomes = as_forecasts(q, y)
    m = as_bin_count(bins)
    if forecasts.ndim < 2:
        raise ValueError(f"q must have shape (..., N, n), N forecasts "
                         f"(got shape {forecasts.shape})")
    confidence = forecasts.max(axis=-1)
    correct = (np.argmax(forecasts, axis=-1) == outcomes).astype(np.float64)
    edges = np.linspace(0.0, 1.0, m + 1)
    # bin m holds edges[m] < confidence <= edges[m + 1]; confidence >= 1/n > 0
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, m - 1)
    batch = confidence.shape[:-1]
    flat = (np.arange(int(np.prod(batch)))[:, None] * m
            + index.reshape(-1, confidence.shape[-1])).ravel()
    size = int(np.prod(batch)) * m
    counts = np.bincount(flat, minlength=size).reshape(*batch, m)
    conf_sum = np.bincount(flat, weights=confidence.ravel(), minlength=size).reshape(*batch, m)
    hits = np.bincount(flat, weights=correct.ravel(), minlength=size).reshape(*batch, m)
    return edges, counts, conf_sum, hits


def reliability_bins(q: Any, y: Any, *, bins: int = 15) -> ReliabilityBins:
    r"""Bin statistics of a reliability diagram: confidence and accuracy in ``M`` equal bins.

    Forecast :math:`i` has confidence :math:`c_i = \max_k q_{ik}` and predicted
    class :math:`\hat y_i = \arg\max_k q_{ik}`; it falls in bin
    :math:`B_m = \{i : (m-1)/M < c_i \le m/M\}`. Each bin reports
    :math:`|B_m|`, :math:`\operatorname{conf}(B_m) = \frac{1}{|B_m|}\sum_{i \in B_m} c_i`
    and :math:`\operatorname{acc}(B_m) = \frac{1}{|B_m|}\sum_{i \in B_m} [\hat y_i = y_i]`.

    Parameters
    ----------
    q : array_like, shape (..., N, n)
        Forecasts of ``N`` examples (leading axes: a batch of data sets).
    y : array_like of int, shape (..., N)
        Outcomes.
    bins : int, default 15
        The number of bins :math:`M \ge 1`.

    Returns
    -------
    ReliabilityBins

    Raises
    ------
    ValueError, TypeError
        On bad forecasts or outcomes, or ``bins < 1``.

    References
    ----------
    Guo, Pleiss, Sun & Weinberger (2017), "On calibration of modern neural
    networks", sec. 2.

    Examples
    --------
    >>> r = reliability_bins([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]], [0, 1, 1], bins=2)
    >>> r.counts, r.accuracy.round(3), r.confidence.round(3)
    (array([0, 3]), array([0.   , 0.667]), array([0.   , 0.767]))

    See Also
    --------
    expected_calibration_error : the weighted mean gap of these bins.
    """
    edges, counts, conf_sum, hits = _bin_sums(q, y, bins)
    safe = np.maximum(counts, 1)
    return ReliabilityBins(edges, counts, conf_sum / safe, hits / safe)


def expected_calibration_error(q: Any, y: Any, *, bins: int = 15) -> np.ndarray:
    r"""Expected calibration error with ``M`` equal-width confidence bins.

    .. math::

        \mathrm{ECE} = \sum_{m=1}^{M} \frac{|B_m|}{N}
        \bigl|\operatorname{acc}(B_m) - \operatorname{conf}(B_m)\bigr|,

    with the bins of :func:`reliability_bins` (empty bins contribute 0). It lies
    in :math:`[0, 1]` and is a probability, not nats.

    Parameters
    ----------
    q : array_like, shape (..., N, n)
    y : array_like of int, shape (..., N)
    bins : int, default 15

    Returns
    -------
    numpy.ndarray, shape (...)
        One ECE per data set of the batch.

    References
    ----------
    Guo, Pleiss, Sun & Weinberger (2017), eq. (3); Naeini, Cooper &
    Hauskrecht (2015).

    Examples
    --------
    >>> float(expected_calibration_error([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]], [0, 1, 1],
    ...                                  bins=2).round(6))
    0.1

    See Also
    --------
    reliability_bins, fit_temperature
    """
    _, counts, conf_sum, hits = _bin_sums(q, y, bins)
    return np.abs(hits - conf_sum).sum(axis=-1) / counts.sum(axis=-1)


def temperature_nll(logits: Any, labels: Any, temperature: Any) -> np.ndarray:
    r"""Mean negative log-likelihood of the labels under :math:`\operatorname{softmax}(z/\tau)`.

    .. math::

        \mathrm{NLL}(\tau) = \frac1N \sum_{i=1}^N
        \Bigl(\log \sum_{k=1}^K e^{z_{ik}/\tau} - \frac{z_{i y_i}}{\tau}\Bigr).

    Parameters
    ----------
    logits : array_like, shape (N, K)
    labels : array_like of int, shape (N,)
    temperature : float or array_like of float > 0
        One temperature or an array of them (the result has its shape).

    Returns
    -------
    numpy.ndarray
        Mean NLL in nats, one per temperature.

    Raises
    ------
    ValueError, TypeError
        On non-finite logits, bad labels or a temperature :math:`\le 0`.

    Examples
    --------
    >>> float(temperature_nll([[2.0, 0.0]], [0], 1.0).round(6))
    0.126928

    See Also
    --------
    fit_temperature : its minimiser.
    """
    z = as_logits(logits)
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N, K) (got shape {z.shape})")
    y = as_class_labels(labels, z.shape[1], z.shape[:1], name="labels",
                        context=f"to match logits of shape {z.shape}")
    tau = as_temperatures(temperature)
    scaled = z / tau[..., None, None]
    logq = log_softmax(scaled)
    at_label = np.take_along_axis(logq, np.broadcast_to(y[:, None], (*logq.shape[:-1], 1)),
                                  axis=-1)[..., 0]
    return -at_label.mean(axis=-1)


def fit_temperature(
    logits: Any, labels: Any, *, lower: float = 0.05, upper: float = 20.0
) -> float:
    r"""Temperature scaling: the :math:`\tau` in ``(lower, upper)`` minimising the NLL.

    Fitted on held-out (validation) logits. In :math:`\beta = 1/\tau` the
    objective is convex, so a minimiser inside the interval is the minimiser
    over the interval; one at an end raises (the interval is too narrow, or the
    conditions of the chapter for an interior minimiser fail).

    Parameters
    ----------
    logits : array_like, shape (N, K)
    labels : array_like of int, shape (N,)
    lower, upper : float, default 0.05 and 20
        The search interval, ``0 < lower < upper``.

    Returns
    -------
    float
        The fitted temperature (relative accuracy about 1e-7: a minimiser found
        from function values is only as precise as the square root of the rounding
        error).

    Raises
    ------
    ValueError
        On bad inputs, ``lower <= 0``, or a minimiser at an end of the interval.

    References
    ----------
    Guo, Pleiss, Sun & Weinberger (2017), sec. 4.2.

    Examples
    --------
    >>> z = [[3.0, 0.0], [0.0, 3.0], [3.0, 0.0], [0.0, 3.0]]
    >>> round(fit_temperature(z, [0, 1, 1, 1]), 6)   # 3 / log 3: one in four is wrong
    2.730718

    See Also
    --------
    temperature_nll, infolib.optimize.minimize_on_interval
    """
    as_temperatures(lower, "lower")
    temperature_nll(logits, labels, upper)  # validates logits, labels and upper
    return minimize_on_interval(lambda t: float(temperature_nll(logits, labels, t)),
                                float(lower), float(upper), xatol=1e-10)
