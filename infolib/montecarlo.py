r"""Monte Carlo estimates of entropy, cross-entropy and KL divergence.

Given samples :math:`x_1, \dots, x_n` drawn independently from :math:`p`, each
quantity is an expectation under :math:`p` and is estimated by a sample mean:

.. math::

    \hat H(p, q) = \frac1n \sum_{j=1}^n -\log q(x_j), \qquad
    \hat D_{\mathrm{KL}}(p \,\|\, q) = \frac1n \sum_{j=1}^n
        \big(\log p(x_j) - \log q(x_j)\big), \qquad
    \hat H(p) = \frac1n \sum_{j=1}^n -\log p(x_j),

with the standard error :math:`s / \sqrt n`, where :math:`s` is the sample
standard deviation (``ddof=1``) of the summands. By the central limit theorem
the estimate is approximately normal around the true value, so
``estimate ± 1.96 · standard_error`` is an approximate 95 % confidence interval.
Results are in nats unless ``base`` is given (``base=2`` gives bits).

The log-densities may be given as

* a callable evaluated on the whole sample array at once (vectorised),
* an object with a ``log_prob`` method, such as
  :class:`infolib.distributions.Gaussian`, or
* an array of the log-density values at the samples (same shape).

Samples of shape ``(n, *batch)`` are a batch of independent sample sets (axis 0
indexes the samples), as drawn by a batched distribution; every estimate and
standard error is then an array of the batch shape.

References
----------
C. M. Bishop, *Pattern Recognition and Machine Learning*, Springer, 2006,
sec. 11.1 (basic sampling, Monte Carlo estimates); T. M. Cover and J. A. Thomas,
*Elements of Information Theory*, 2nd ed., Wiley, 2006, sec. 2.3 and 11.2.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Union

import numpy as np

from infolib._validation import (
    as_log_density_values,
    as_real_scalar,
    as_sample_array,
    log_base,
)

__all__ = [
    "MonteCarloEstimate",
    "monte_carlo_cross_entropy",
    "monte_carlo_entropy",
    "monte_carlo_kl_divergence",
]

#: A log-density: a vectorised callable, an object with ``log_prob``, or the values.
LogDensity = Union[Callable[[np.ndarray], Any], Any]


@dataclass(frozen=True, slots=True)
class MonteCarloEstimate:
    r"""A Monte Carlo estimate with its standard error.

    Unpacks as a pair, ``estimate, standard_error = result``; the sample size
    is available as ``result.n``.

    Attributes
    ----------
    estimate : float or numpy.ndarray
        The sample mean of the summands; for batched samples of shape
        ``(n, *batch)``, an array of shape ``batch``, one mean per sample set.
    standard_error : float or numpy.ndarray
        :math:`s/\sqrt n` with :math:`s` the ``ddof=1`` standard deviation of
        the summands (same shape as ``estimate``). It is ``0.0`` where the
        estimate is ``+inf`` (some sample had :math:`q(x_j) = 0`, which shows
        the true value is infinite).
    n : int
        Number of samples (per sample set).

    Examples
    --------
    >>> result = MonteCarloEstimate(1.23456, 0.00123, n=1000)
    >>> estimate, standard_error = result
    >>> str(result)
    '1.2346 ± 0.0012'
    >>> result.format(2)
    '1.23 ± 0.00'
    >>> lo, hi = result.interval()
    >>> round(lo, 4), round(hi, 4)
    (1.2322, 1.237)

    A batched estimate formats entry by entry:

    >>> import numpy as np
    >>> MonteCarloEstimate(np.array([1.0, 2.5]), np.array([0.01, 0.02]), n=100).format(2)
    array(['1.00 ± 0.01', '2.50 ± 0.02'], dtype='<U11')

    See Also
    --------
    monte_carlo_cross_entropy : returns one of these.
    """

    estimate: float | np.ndarray
    standard_error: float | np.ndarray
    n: int

    def __iter__(self) -> Iterator[float | np.ndarray]:
        return iter((self.estimate, self.standard_error))

    def interval(self, z: float = 1.96) -> tuple[Any, Any]:
        """Return ``(estimate - z·se, estimate + z·se)``; ``z=1.96`` gives ≈95 % coverage."""
        zv = as_real_scalar(z, "z")
        if zv < 0.0:
            raise ValueError(f"z must be >= 0 (got {zv!r})")
        half = zv * self.standard_error
        return (self.estimate - half, self.estimate + half)

    def format(self, precision: int = 4) -> str | np.ndarray:
        """Return ``"estimate ± standard_error"`` with ``precision`` decimals.

        For a batched estimate, an array of such strings of the batch shape.
        """
        if isinstance(precision, bool) or not isinstance(precision, int) or precision < 0:
            raise ValueError(f"precision must be a non-negative integer (got {precision!r})")
        if np.ndim(self.estimate) == 0:
            return f"{self.estimate:.{precision}f} ± {self.standard_error:.{precision}f}"
        pairs = zip(np.ravel(self.estimate), np.ravel(self.standard_error), strict=True)
        text = [f"{e:.{precision}f} ± {s:.{precision}f}" for e, s in pairs]  # str formatting
        return np.array(text).reshape(np.shape(self.estimate))

    def __str__(self) -> str:
        return str(self.format())


def _evaluate(
    log_f: Any, name: str, samples: np.ndarray, raw: np.ndarray, zero_ok: bool = True
) -> np.ndarray:
    """Evaluate a log-density argument at the samples and validate the values.

    ``raw`` is the samples array in its original dtype (integer category
    indices stay integers), passed to callables and ``log_prob`` methods.
    """
    if callable(log_f) or hasattr(log_f, "log_prob"):
        func = log_f if callable(log_f) else log_f.log_prob
        return as_log_density_values(func(raw), name, samples.shape, returned=True,
                                     zero_ok=zero_ok)
    if isinstance(log_f, (str, bytes)) or not hasattr(log_f, "__len__"):
        raise TypeError(
            f"{name} must be a callable, an object with a log_prob method, or an "
            f"array of log-density values, got {type(log_f).__name__}"
        )
    return as_log_density_values(log_f, name, samples.shape, returned=False, zero_ok=zero_ok)


def _summarise(terms: np.ndarray, scale: float) -> MonteCarloEstimate:
    """The mean of the summands along axis 0 and its standard error, per batch entry."""
    n = terms.shape[0]
    infinite = np.isposinf(terms).any(axis=0)  # some q(x_j) = 0: the true value is +inf
    with np.errstate(over="ignore", invalid="ignore"):
        estimate = np.mean(terms, axis=0)
        standard_error = np.std(terms, ddof=1, axis=0) / math.sqrt(n)
    estimate = np.where(infinite, math.inf, estimate) / scale
    standard_error = np.where(infinite, 0.0, standard_error) / scale
    if terms.ndim == 1:
        return MonteCarloEstimate(float(estimate), float(standard_error), n)
    return MonteCarloEstimate(estimate, standard_error, n)


def _prepare(samples: Any) -> tuple[np.ndarray, np.ndarray]:
    arr = as_sample_array(samples, "samples", min_size=2, batched=True)
    return arr, np.asarray(samples)


def monte_carlo_cross_entropy(
    samples: Any, log_q: LogDensity, *, base: float | None = None
) -> MonteCarloEstimate:
    r"""Estimate the cross-entropy :math:`H(p, q) = -E_p[\log q(X)]` from samples of ``p``.

    Parameters
    ----------
    samples : array_like, shape (n,) or (n, *batch)
        At least two finite samples :math:`x_j \sim p` along axis 0. Further
        axes are a batch of independent sample sets, for instance
        ``Gaussian(means, stds).sample(n, rng)``: the log-densities are then
        evaluated on the whole array (they must return its shape) and the
        estimate and standard error are arrays of the batch shape.
    log_q : callable, object with ``log_prob``, or array_like of the samples' shape
        :math:`\log q`, evaluated on all samples at once, or its values at the
        samples. NaN or ``+inf`` values raise ``ValueError``. A value ``-inf``
        (:math:`q(x_j) = 0`) makes the estimate ``+inf`` with standard error 0.
    base : float, optional
        Logarithm base of the result; nats by default.

    Returns
    -------
    MonteCarloEstimate
        ``(estimate, standard_error)`` with :math:`\hat H = \frac1n\sum_j -\log q(x_j)`
        and standard error :math:`s/\sqrt n`.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.distributions import Gaussian
    >>> p, q = Gaussian(0.0, 1.0), Gaussian(0.5, 1.5)
    >>> x = p.sample(100_000, np.random.default_rng(0))
    >>> result = monte_carlo_cross_entropy(x, q.log_prob)
    >>> abs(result.estimate - p.cross_entropy(q)) < 4 * result.standard_error
    True

    See Also
    --------
    monte_carlo_entropy, monte_carlo_kl_divergence
    infolib.distributions : closed forms to check an estimate against.
    """
    arr, raw = _prepare(samples)
    scale = log_base(base)
    log_q_values = _evaluate(log_q, "log_q", arr, raw)
    return _summarise(-log_q_values, scale)


def monte_carlo_entropy(
    samples: Any, log_p: LogDensity, *, base: float | None = None
) -> MonteCarloEstimate:
    r"""Estimate the entropy :math:`H(p) = -E_p[\log p(X)]` from samples of ``p``.

    ``log_p`` follows the rules of ``log_q`` in :func:`monte_carlo_cross_entropy`,
    except that ``-inf`` is also an error: a sample cannot have probability 0
    under the distribution it was drawn from.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.distributions import Bernoulli
    >>> coin = Bernoulli(0.5)
    >>> x = coin.sample(1000, np.random.default_rng(1))
    >>> monte_carlo_entropy(x, coin.log_prob, base=2).format(3)
    '1.000 ± 0.000'

    See Also
    --------
    monte_carlo_cross_entropy, monte_carlo_kl_divergence
    """
    arr, raw = _prepare(samples)
    scale = log_base(base)
    log_p_values = _evaluate(log_p, "log_p", arr, raw, zero_ok=False)
    return _summarise(-log_p_values, scale)


def monte_carlo_kl_divergence(
    samples: Any, log_p: LogDensity, log_q: LogDensity, *, base: float | None = None
) -> MonteCarloEstimate:
    r"""Estimate :math:`D_{\mathrm{KL}}(p \,\|\, q) = E_p[\log p(X) - \log q(X)]`.

    The summands :math:`\log p(x_j) - \log q(x_j)` are paired, so the standard
    error accounts for the correlation between the two log-densities. Unlike the
    exact divergence, an individual estimate can be negative.

    Parameters
    ----------
    samples : array_like, shape (n,) or (n, *batch)
        At least two finite samples :math:`x_j \sim p` along axis 0. Further
        axes are a batch of independent sample sets, for instance
        ``Gaussian(means, stds).sample(n, rng)``: the log-densities are then
        evaluated on the whole array (they must return its shape) and the
        estimate and standard error are arrays of the batch shape.
    log_p, log_q : callable, object with ``log_prob``, or array_like of the samples' shape
        Log-densities as in :func:`monte_carlo_cross_entropy`. ``log_p`` must
        be finite at every sample; ``log_q = -inf`` at a sample gives ``+inf``.
    base : float, optional
        Logarithm base of the result; nats by default.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.distributions import Gaussian
    >>> p, q = Gaussian(0.0, 1.0), Gaussian(1.0, 1.0)
    >>> x = p.sample(50_000, np.random.default_rng(0))
    >>> result = monte_carlo_kl_divergence(x, p.log_prob, q.log_prob)
    >>> abs(result.estimate - p.kl_divergence(q)) < 4 * result.standard_error
    True

    Six pairs at once, from one batch of samples of shape ``(n, 6)``:

    >>> ps, qs = Gaussian(np.zeros(6), 1.0), Gaussian(np.arange(6.0), 2.0)
    >>> batch = monte_carlo_kl_divergence(ps.sample(50_000, np.random.default_rng(1)),
    ...                                   ps.log_prob, qs.log_prob)
    >>> batch.estimate.shape
    (6,)
    >>> bool(np.all(np.abs(batch.estimate - ps.kl_divergence(qs)) < 4 * batch.standard_error))
    True

    See Also
    --------
    monte_carlo_cross_entropy, monte_carlo_entropy
    infolib.kl_divergence : the exact divergence of discrete distributions.
    """
    arr, raw = _prepare(samples)
    scale = log_base(base)
    log_p_values = _evaluate(log_p, "log_p", arr, raw, zero_ok=False)
    log_q_values = _evaluate(log_q, "log_q", arr, raw)
    return _summarise(log_p_values - log_q_values, scale)

