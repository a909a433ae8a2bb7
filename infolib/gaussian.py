r"""The univariate Gaussian distribution, with closed-form information measures.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._families import (
    batch_shape_of,
    check_same_family,
    keyword_base,
    parameter_key,
    parameter_repr,
    scalar_or_array,
)
from infolib._special import HALF_LOG_2PI, normal_log_density, u_minus_log1p, u_minus_log1p_array
from infolib._validation import (
    as_count,
    as_finite_array,
    as_generator,
    as_parameter,
    as_sample_array,
    broadcast_shapes,
    log_base,
)

__all__ = ["Gaussian"]


def _log(x: float | np.ndarray) -> float | np.ndarray:
    """``math.log`` of a float (the 0.1 values), ``np.log`` of an array."""
    return math.log(x) if isinstance(x, float) else np.log(x)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Gaussian:
    r"""Univariate normal distribution :math:`\mathcal N(\mu, \sigma^2)`.

    .. math::

        p(x) = \frac{1}{\sigma\sqrt{2\pi}}
               \exp\!\Big(-\frac{(x - \mu)^2}{2\sigma^2}\Big).

    Parameters
    ----------
    mean : float or array_like
        Location :math:`\mu` (finite).
    std : float or array_like
        Standard deviation :math:`\sigma > 0` (finite). ``mean`` and ``std``
        broadcast together; arrays make a batch of independent Gaussians of
        shape :attr:`batch_shape` (both stored as read-only arrays of that
        shape), as in ``torch.distributions.Normal`` and ``scipy.stats.norm``:
        every method then returns arrays of the batch shape. Scalars are stored
        as floats and the methods return floats, as in 0.1.

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

    A batch: three standard deviations around one mean, against the standard normal:

    >>> widths = Gaussian(0.0, [0.5, 1.0, 2.0])
    >>> widths
    Gaussian(mean=[0.0, 0.0, 0.0], std=[0.5, 1.0, 2.0])
    >>> widths.entropy().round(6)
    array([0.725791, 1.418939, 2.112086])
    >>> widths.kl_divergence(g).round(6)
    array([0.318147, 0.      , 0.806853])
    >>> widths.log_prob([[0.0], [1.0]]).shape  # x broadcasts against the batch
    (2, 3)

    See Also
    --------
    MultivariateGaussian : the Gaussian in :math:`d` dimensions.
    infolib.mixtures.GaussianMixture : mixtures of univariate Gaussians.
    """

    mean: float | np.ndarray
    std: float | np.ndarray

    def __post_init__(self) -> None:
        mean = as_parameter(self.mean, "mean", "real")
        std = as_parameter(self.std, "std", "positive")
        if not (isinstance(mean, float) and isinstance(std, float)):
            shape = broadcast_shapes(mean=np.shape(mean), std=np.shape(std))
            mean, std = (np.broadcast_to(v, shape).copy() for v in (mean, std))
            mean.flags.writeable = std.flags.writeable = False
        object.__setattr__(self, "mean", mean)
        object.__setattr__(self, "std", std)

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """Shape of the batch of distributions (``()`` for one distribution)."""
        return batch_shape_of(self.mean)

    def __repr__(self) -> str:
        return f"Gaussian(mean={parameter_repr(self.mean)}, std={parameter_repr(self.std)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return (parameter_key(self.mean), parameter_key(self.std)) == (
            parameter_key(other.mean),
            parameter_key(other.std),
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, parameter_key(self.mean), parameter_key(self.std)))

    @property
    def variance(self) -> float | np.ndarray:
        r"""The variance :math:`\sigma^2`."""
        return self.std * self.std

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        r"""Return :math:`\log p(x)` elementwise for finite real ``x`` (broadcast)."""
        arr = as_finite_array(x, "x")
        z = (arr - self.mean) / self.std
        out = normal_log_density(z, _log(self.std))
        return scalar_or_array(np.asarray(out, dtype=np.float64))

    def pdf(self, x: Any) -> np.ndarray | np.float64:
        """Return the density :math:`p(x)` elementwise for finite real ``x``."""
        return scalar_or_array(np.exp(np.asarray(self.log_prob(x))))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent samples: float64, shape ``(n, *batch_shape)``."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return gen.normal(self.mean, self.std, size=(n, *self.batch_shape))

    @keyword_base
    def entropy(self, *, base: float | None = None) -> float | np.ndarray:
        r"""Differential entropy :math:`\tfrac12\log(2\pi e\sigma^2)` (may be negative)."""
        scale = log_base(base)
        return (0.5 + HALF_LOG_2PI + _log(self.std)) / scale

    @keyword_base
    def cross_entropy(self, other: Gaussian, *, base: float | None = None) -> float | np.ndarray:
        r"""Cross-entropy :math:`H(\text{self}, \text{other}) = -E_{\text{self}}[\log q]`."""
        check_same_family(self, other)
        scale = log_base(base)
        r = self.std / other.std
        z = (self.mean - other.mean) / other.std
        h = HALF_LOG_2PI + _log(other.std) + 0.5 * (r * r) + 0.5 * (z * z)
        return h / scale

    @keyword_base
    def kl_divergence(self, other: Gaussian, *, base: float | None = None) -> float | np.ndarray:
        r"""KL divergence :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other}) \ge 0`."""
        check_same_family(self, other)
        scale = log_base(base)
        z = (self.mean - other.mean) / other.std
        r = self.std / other.std
        if isinstance(r, float):
            if abs(r - 1.0) < 0.5:
                e = (self.std - other.std) / other.std
                kl = u_minus_log1p(e) + 0.5 * (e * e) + 0.5 * (z * z)
            else:
                # log(σq) - log(σp) rather than -log(r): r may over- or underflow.
                log_ratio = math.log(other.std) - math.log(self.std)
                kl = log_ratio + 0.5 * (r * r - 1.0) + 0.5 * (z * z)
            return kl / scale
        near = np.abs(r - 1.0) < 0.5
        e = (self.std - other.std) / other.std
        with np.errstate(over="ignore"):
            far = np.log(other.std) - np.log(self.std) + 0.5 * (r * r - 1.0)
            close = u_minus_log1p_array(np.where(near, e, 0.0)) + 0.5 * (e * e)
        return (np.where(near, close, far) + 0.5 * (z * z)) / scale

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
