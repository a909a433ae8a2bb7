r"""The univariate Gaussian distribution, with closed-form information measures.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._families import check_same_family, scalar_or_array
from infolib._special import HALF_LOG_2PI, u_minus_log1p
from infolib._validation import (
    as_count,
    as_float_array,
    as_generator,
    as_positive_scalar,
    as_real_scalar,
    as_sample_array,
    check_finite,
    log_base,
)

__all__ = ["Gaussian"]


@dataclass(frozen=True, slots=True, repr=False)
class Gaussian:
    r"""Univariate normal distribution :math:`\mathcal N(\mu, \sigma^2)`.

    .. math::

        p(x) = \frac{1}{\sigma\sqrt{2\pi}}
               \exp\!\Big(-\frac{(x - \mu)^2}{2\sigma^2}\Big).

    Parameters
    ----------
    mean : float
        Location :math:`\mu` (finite).
    std : float
        Standard deviation :math:`\sigma > 0` (finite).

    Notes
    -----
    Differential entropy and its relatives (nats; divide by :math:`\log b`
    for base :math:`b`), for :math:`p = \mathcal N(\mu_p, \sigma_p^2)` and
    :math:`q = \mathcal N(\mu_q, \sigma_q^2)`:

    .. math::

        h(p) &= \tfrac12 \log(2\pi e \sigma_p^2), \\
        H(p, q) &= \log(\sigma_q\sqrt{2\pi})
                  + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}, \\
        D_{\mathrm{KL}}(p \,\|\, q) &= \log\frac{\sigma_q}{\sigma_p}
                  + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2} - \frac12.

    The KL divergence is evaluated as
    :math:`g(e) + e^2/2 + (\mu_p - \mu_q)^2 / (2\sigma_q^2)` with
    :math:`e = (\sigma_p - \sigma_q)/\sigma_q` and :math:`g(e) = e - \log(1 + e)`
    computed by a cancellation-free series, so that all three terms are
    non-negative and nearly equal Gaussians keep full relative accuracy.
    Differential entropy can be negative (for :math:`\sigma < 1/\sqrt{2\pi e}`).

    The maximum-likelihood estimate from :math:`x_1, \dots, x_n` is the sample
    mean and the **biased** (:math:`1/n`) standard deviation
    :math:`\hat\sigma = \sqrt{\frac1n\sum_j (x_j - \bar x)^2}`, not the
    :math:`1/(n-1)` version.

    References
    ----------
    Cover & Thomas (2006), *Elements of Information Theory*, 2nd ed., sec. 8.1;
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 1.2.4 and 2.3.4.

    Examples
    --------
    >>> import numpy as np
    >>> g = Gaussian(mean=0.0, std=1.0)
    >>> g
    Gaussian(mean=0.0, std=1.0)
    >>> round(g.entropy(), 6)
    1.418939
    >>> round(g.kl_divergence(Gaussian(1.0, 2.0)), 6)
    0.443147
    >>> float(g.log_prob(0.0))
    -0.9189385332046727
    >>> Gaussian.fit([1.0, 3.0])
    Gaussian(mean=2.0, std=1.0)
    >>> g.sample(4, np.random.default_rng(0)).shape
    (4,)
    """

    mean: float
    std: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "mean", as_real_scalar(self.mean, "mean"))
        object.__setattr__(self, "std", as_positive_scalar(self.std, "std"))

    def __repr__(self) -> str:
        return f"Gaussian(mean={self.mean!r}, std={self.std!r})"

    @property
    def variance(self) -> float:
        """The variance :math:`\\sigma^2`."""
        return self.std * self.std

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`\\log p(x)` elementwise for finite real ``x``."""
        arr = as_float_array(x, "x")
        check_finite(arr, "x")
        z = (arr - self.mean) / self.std
        out = -0.5 * z * z - math.log(self.std) - HALF_LOG_2PI
        return scalar_or_array(np.asarray(out, dtype=np.float64))

    def pdf(self, x: Any) -> np.ndarray | np.float64:
        """Return the density :math:`p(x)` elementwise for finite real ``x``."""
        return scalar_or_array(np.exp(np.asarray(self.log_prob(x))))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent samples (a float64 array)."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return gen.normal(self.mean, self.std, size=n)

    def entropy(self, base: float | None = None) -> float:
        """Differential entropy :math:`\\tfrac12\\log(2\\pi e\\sigma^2)` (may be negative)."""
        scale = log_base(base)
        return (0.5 + HALF_LOG_2PI + math.log(self.std)) / scale

    def cross_entropy(self, other: Gaussian, base: float | None = None) -> float:
        """Cross-entropy :math:`H(\\text{self}, \\text{other}) = -E_{\\text{self}}[\\log q]`."""
        check_same_family(self, other)
        scale = log_base(base)
        r = self.std / other.std
        z = (self.mean - other.mean) / other.std
        h = HALF_LOG_2PI + math.log(other.std) + 0.5 * (r * r) + 0.5 * (z * z)
        return h / scale

    def kl_divergence(self, other: Gaussian, base: float | None = None) -> float:
        """KL divergence :math:`D_{\\mathrm{KL}}(\\text{self} \\,\\|\\, \\text{other}) \\ge 0`."""
        check_same_family(self, other)
        scale = log_base(base)
        z = (self.mean - other.mean) / other.std
        r = self.std / other.std
        if abs(r - 1.0) < 0.5:
            e = (self.std - other.std) / other.std
            kl = u_minus_log1p(e) + 0.5 * (e * e) + 0.5 * (z * z)
        else:
            # log(σq) - log(σp) rather than -log(r): r may over- or underflow.
            log_ratio = math.log(other.std) - math.log(self.std)
            kl = log_ratio + 0.5 * (r * r - 1.0) + 0.5 * (z * z)
        return kl / scale

    @classmethod
    def fit(cls, samples: Any) -> Gaussian:
        """Maximum-likelihood estimate: sample mean and the :math:`1/n` standard deviation.

        Needs at least two finite samples that are not all equal
        (``ValueError`` naming ``samples`` otherwise).
        """
        arr = as_sample_array(samples, "samples", min_size=2)
        with np.errstate(over="ignore", invalid="ignore"):
            mu = float(np.mean(arr))
            dev = arr - mu
            spread = float(np.max(np.abs(dev)))
            if spread == 0.0:
                raise ValueError(
                    "samples must not all be equal: the maximum-likelihood std would be 0"
                )
            # Scale by the largest deviation so squaring cannot overflow.
            sigma = spread * float(np.sqrt(np.mean((dev / spread) ** 2)))
        if not (math.isfinite(mu) and math.isfinite(sigma)):
            raise ValueError(
                "samples are too large in magnitude: the mean or spread overflows float64"
            )
        return cls(mu, sigma)
