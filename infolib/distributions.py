r"""Three small parametric families with closed-form information measures.

:class:`Bernoulli`, :class:`Categorical` and :class:`Gaussian` (univariate)
follow the conventions of ``torch.distributions`` and ``scipy.stats``: each is
an immutable value object with ``log_prob``, ``sample(n, rng)`` and the
closed-form ``entropy``, ``cross_entropy`` and ``kl_divergence``, plus a
``fit`` class method returning the maximum-likelihood estimate.

Conventions
-----------
* Logarithms are natural (results in **nats**) unless ``base`` is given;
  ``base=2`` gives bits. The result in base :math:`b` is the result in nats
  divided by :math:`\log b`.
* :math:`0 \log 0 = 0`, and :math:`H(p, q) = D_{\mathrm{KL}}(p \,\|\, q) = +\infty`
  whenever :math:`p` puts mass where :math:`q` has none.
* ``cross_entropy(other)`` and ``kl_divergence(other)`` read
  :math:`H(\text{self}, \text{other})` and
  :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other})`; ``other`` must be of
  the same family (otherwise ``TypeError``).

References
----------
.. [CT] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
   Wiley, 2006, ch. 2 (entropy, relative entropy) and ch. 8 (differential entropy).
.. [Bishop] C. M. Bishop, *Pattern Recognition and Machine Learning*, Springer,
   2006, sec. 1.6 (information theory) and sec. 2.1-2.3 (maximum likelihood for
   the Bernoulli, multinomial and Gaussian).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._validation import (
    as_count,
    as_float_array,
    as_generator,
    as_positive_scalar,
    as_probabilities,
    as_real_scalar,
    as_sample_array,
    as_unit_interval_scalar,
    check_finite,
    log_base,
)

__all__ = ["Bernoulli", "Categorical", "Gaussian"]

_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


# ---------------------------------------------------------------------------
# Private numerical helpers
# ---------------------------------------------------------------------------


def _u_minus_log1p(u: float) -> float:
    r"""Return :math:`g(u) = u - \log(1 + u) \ge 0` accurately for ``u > -1``.

    The direct formula cancels catastrophically for small ``|u|`` (the result
    is about :math:`u^2/2`). There we write :math:`t = u/(2+u)`, so that
    :math:`\log(1+u) = 2\,\mathrm{artanh}\,t` and :math:`u - 2t = u t`, giving
    :math:`g(u) = u t - 2\sum_{k\ge 1} t^{2k+1}/(2k+1)`, a sum with no
    cancellation (each correction is at most :math:`|t|/3 \le 1/9` of the
    leading term).
    """
    if u == math.inf:
        return math.inf
    if abs(u) >= 0.5:
        return u - math.log1p(u)
    t = u / (2.0 + u)
    t2 = t * t
    power = t * t2  # t**3
    series = 0.0
    k = 3
    while True:
        term = power / k
        series += term
        if abs(term) <= 1e-17 * abs(series):
            break
        power *= t2
        k += 2
    return u * t - 2.0 * series


def _kl_term(a: float, b: float, d: float) -> float:
    r"""Return :math:`a\log(a/b) - a + b \ge 0`, given ``d = b - a`` computed accurately.

    Summing this term over the outcomes of two distributions gives their KL
    divergence (the :math:`-a + b` parts add to zero), and every term is
    non-negative, so the sum has no cancellation. With :math:`u = d/a` the term
    equals :math:`a\,g(u)`, see :func:`_u_minus_log1p`.
    """
    if a == 0.0:
        return b
    if b == 0.0:
        return math.inf
    u = d / a
    if abs(u) < 0.5:
        return a * _u_minus_log1p(u)
    ratio = a / b
    if 0.0 < ratio < math.inf and ratio >= 2.2250738585072014e-308:
        log_ratio = math.log(ratio)
    else:  # a / b over- or underflowed (subnormal parameters)
        log_ratio = math.log(a) - math.log(b)
    return a * log_ratio + d


def _log(x: float) -> float:
    """Natural log with ``log(0) = -inf`` (and no warning)."""
    return math.log(x) if x > 0.0 else -math.inf


def _scalar_or_array(arr: np.ndarray) -> np.ndarray | np.float64:
    """Return a numpy float for 0-d results and the array otherwise."""
    return arr[()] if arr.ndim == 0 else arr


def _check_same_family(self: Any, other: Any) -> None:
    if type(other) is not type(self):
        raise TypeError(
            f"other must be a {type(self).__name__} (the same family as self), "
            f"got {type(other).__name__}"
        )


def _binary_array(x: Any, name: str) -> np.ndarray:
    """Validate an array whose entries are all 0 or 1."""
    arr = as_float_array(x, name)
    check_finite(arr, name)
    if not np.all((arr == 0.0) | (arr == 1.0)):
        bad = arr[(arr != 0.0) & (arr != 1.0)].flat[0]
        raise ValueError(f"{name} must contain only 0 and 1 (got {bad!r})")
    return arr


def _index_array(x: Any, name: str, k: int | None = None) -> np.ndarray:
    """Validate integer-valued category indices (in ``0..k-1`` when ``k`` is given)."""
    arr = as_float_array(x, name)
    check_finite(arr, name)
    if not np.all(arr == np.floor(arr)):
        bad = arr[arr != np.floor(arr)].flat[0]
        raise ValueError(f"{name} must contain integer category indices (got {bad!r})")
    if arr.min() < 0:
        raise ValueError(f"{name} must contain indices >= 0 (got {int(arr.min())})")
    if k is not None and arr.max() >= k:
        raise ValueError(f"{name} must contain indices in 0..{k - 1} (got {int(arr.max())})")
    return arr.astype(np.intp)


# ---------------------------------------------------------------------------
# Bernoulli
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class Bernoulli:
    r"""Bernoulli distribution on :math:`\{0, 1\}` with success probability ``p``.

    .. math::

        P(X = x) = p^x (1 - p)^{1 - x}, \qquad x \in \{0, 1\}.

    Parameters
    ----------
    p : float
        Probability of the outcome 1, in :math:`[0, 1]`.

    Notes
    -----
    Closed forms (in nats; divide by :math:`\log b` for base :math:`b`), with
    :math:`0 \log 0 = 0`:

    .. math::

        H(p) &= -p \log p - (1-p) \log(1-p), \\
        H(p, q) &= -p \log q - (1-p) \log(1-q), \\
        D_{\mathrm{KL}}(p \,\|\, q) &= p \log\frac{p}{q} + (1-p)\log\frac{1-p}{1-q}.

    The KL divergence is evaluated as the sum of the non-negative terms
    :math:`a\log(a/b) - a + b` with a cancellation-free series near
    :math:`a = b`, so nearly equal parameters keep full relative accuracy.
    The maximum-likelihood estimate from samples :math:`x_1, \dots, x_n` is the
    sample mean :math:`\hat p = \frac1n \sum_j x_j`.

    References
    ----------
    Cover & Thomas (2006), *Elements of Information Theory*, 2nd ed., sec. 2.1;
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 2.1.

    Examples
    --------
    >>> import numpy as np
    >>> coin = Bernoulli(0.5)
    >>> coin
    Bernoulli(p=0.5)
    >>> coin.entropy(base=2)
    1.0
    >>> float(coin.log_prob(1))
    -0.6931471805599453
    >>> round(Bernoulli(0.1).kl_divergence(coin), 6)
    0.368064
    >>> Bernoulli.fit([1, 0, 1, 1])
    Bernoulli(p=0.75)
    >>> coin.sample(5, np.random.default_rng(0)).shape
    (5,)
    """

    p: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "p", as_unit_interval_scalar(self.p, "p"))

    def __repr__(self) -> str:
        return f"Bernoulli(p={self.p!r})"

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`\\log P(X = x)` elementwise for ``x`` in ``{0, 1}``.

        ``log_prob(1)`` is ``-inf`` when ``p == 0`` (and ``log_prob(0)`` when
        ``p == 1``). Any other value of ``x`` raises ``ValueError``.
        """
        arr = _binary_array(x, "x")
        out = np.where(arr == 1.0, _log(self.p), _log(1.0 - self.p))
        return _scalar_or_array(out)

    def prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`P(X = x)` elementwise for ``x`` in ``{0, 1}``."""
        arr = _binary_array(x, "x")
        return _scalar_or_array(np.where(arr == 1.0, self.p, 1.0 - self.p))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent samples (an ``int64`` array of 0s and 1s)."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return (gen.random(n) < self.p).astype(np.int64)

    def entropy(self, base: float | None = None) -> float:
        """Entropy :math:`H(p)` in nats (or in ``base``), with :math:`0 \\log 0 = 0`."""
        scale = log_base(base)
        p, q = self.p, 1.0 - self.p
        h = 0.0
        if p > 0.0:
            h -= p * math.log(p)
        if q > 0.0:
            h -= q * math.log1p(-p)
        return h / scale

    def cross_entropy(self, other: Bernoulli, base: float | None = None) -> float:
        """Cross-entropy :math:`H(\\text{self}, \\text{other})`; ``+inf`` if other misses mass."""
        _check_same_family(self, other)
        scale = log_base(base)
        h = 0.0
        if self.p > 0.0:
            h -= self.p * _log(other.p)
        if self.p < 1.0:
            h -= (1.0 - self.p) * (math.log1p(-other.p) if other.p < 1.0 else -math.inf)
        return h / scale

    def kl_divergence(self, other: Bernoulli, base: float | None = None) -> float:
        """KL divergence :math:`D_{\\mathrm{KL}}(\\text{self} \\,\\|\\, \\text{other}) \\ge 0`."""
        _check_same_family(self, other)
        scale = log_base(base)
        p, q = self.p, other.p
        d = q - p
        kl = _kl_term(p, q, d) + _kl_term(1.0 - p, 1.0 - q, -d)
        return kl / scale

    @classmethod
    def fit(cls, samples: Any) -> Bernoulli:
        """Maximum-likelihood estimate :math:`\\hat p = \\bar x` from 0/1 ``samples``."""
        arr = _binary_array(samples, "samples")
        if arr.ndim != 1:
            raise ValueError(f"samples must be one-dimensional (got shape {arr.shape})")
        return cls(float(np.mean(arr)))


# ---------------------------------------------------------------------------
# Categorical
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Categorical:
    r"""Categorical distribution on :math:`\{0, \dots, k-1\}` with probabilities ``probs``.

    .. math::

        P(X = i) = \pi_i, \qquad \pi_i \ge 0, \quad \sum_{i=0}^{k-1} \pi_i = 1.

    Parameters
    ----------
    probs : array_like, shape (k,)
        Probability vector (non-negative, summing to 1 within ``1e-9``). It is
        copied and stored as a read-only float64 array.

    Notes
    -----
    The information measures delegate to :mod:`infolib.discrete`:

    .. math::

        H(\pi) = -\sum_i \pi_i \log \pi_i, \quad
        H(\pi, \rho) = -\sum_i \pi_i \log \rho_i, \quad
        D_{\mathrm{KL}}(\pi \,\|\, \rho) = \sum_i \pi_i \log\frac{\pi_i}{\rho_i},

    with :math:`0 \log 0 = 0` and :math:`+\infty` when :math:`\pi_i > 0 = \rho_i`.
    The maximum-likelihood estimate from samples is the vector of relative
    frequencies :math:`\hat\pi_i = n_i / n`.

    References
    ----------
    Cover & Thomas (2006), *Elements of Information Theory*, 2nd ed., sec. 2.1-2.3;
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 2.2.

    Examples
    --------
    >>> import numpy as np
    >>> die = Categorical([0.25, 0.25, 0.25, 0.25])
    >>> die
    Categorical(probs=[0.25, 0.25, 0.25, 0.25])
    >>> die.entropy(base=2)
    2.0
    >>> die.log_prob([0, 3])
    array([-1.38629436, -1.38629436])
    >>> Categorical.fit([0, 2, 2, 1], k=4)
    Categorical(probs=[0.25, 0.25, 0.5, 0.0])
    >>> die.sample(3, np.random.default_rng(0)).dtype
    dtype('int64')
    """

    probs: np.ndarray

    def __post_init__(self) -> None:
        arr, _ = as_probabilities(self.probs, "probs")
        if arr.ndim != 1:
            raise ValueError(f"probs must be one-dimensional (got shape {arr.shape})")
        arr = np.array(arr, dtype=np.float64, copy=True)
        arr.flags.writeable = False
        object.__setattr__(self, "probs", arr)

    @property
    def k(self) -> int:
        """Number of categories."""
        return int(self.probs.shape[0])

    def __repr__(self) -> str:
        inner = ", ".join(repr(float(v)) for v in self.probs)
        return f"Categorical(probs=[{inner}])"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(np.array_equal(self.probs, other.probs))

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.probs.tobytes()))

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`\\log \\pi_x` elementwise for integer indices ``x`` in ``0..k-1``."""
        idx = _index_array(x, "x", self.k)
        with np.errstate(divide="ignore"):
            out = np.log(self.probs[idx])
        return _scalar_or_array(np.asarray(out, dtype=np.float64))

    def prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`\\pi_x` elementwise for integer indices ``x`` in ``0..k-1``."""
        idx = _index_array(x, "x", self.k)
        return _scalar_or_array(np.asarray(self.probs[idx], dtype=np.float64))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent category indices (an ``int64`` array)."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        # Inverse-CDF sampling; the last edge is forced to 1 so rounding in the
        # cumulative sum can never produce the index k.
        cdf = np.cumsum(self.probs)
        cdf[-1] = 1.0
        idx = np.searchsorted(cdf, gen.random(n), side="right")
        return np.minimum(idx, self.k - 1).astype(np.int64)

    def _check_other(self, other: Any) -> None:
        _check_same_family(self, other)
        if other.k != self.k:
            raise ValueError(
                f"other must have the same number of categories as self "
                f"(got {other.k}, expected {self.k})"
            )

    def entropy(self, base: float | None = None) -> float:
        """Entropy :math:`H(\\pi)` in nats (or in ``base``)."""
        from infolib import discrete

        return float(discrete.entropy(self.probs, base=base))

    def cross_entropy(self, other: Categorical, base: float | None = None) -> float:
        """Cross-entropy :math:`H(\\text{self}, \\text{other})`."""
        self._check_other(other)
        from infolib import discrete

        return float(discrete.cross_entropy(self.probs, other.probs, base=base))

    def kl_divergence(self, other: Categorical, base: float | None = None) -> float:
        """KL divergence :math:`D_{\\mathrm{KL}}(\\text{self} \\,\\|\\, \\text{other})`."""
        self._check_other(other)
        from infolib import discrete

        return float(discrete.kl_divergence(self.probs, other.probs, base=base))

    @classmethod
    def fit(cls, samples: Any, k: int | None = None) -> Categorical:
        """Maximum-likelihood estimate :math:`\\hat\\pi_i = n_i / n`.

        Parameters
        ----------
        samples : array_like of int, shape (n,)
            Observed category indices (integer-valued, ``>= 0``).
        k : int, optional
            Number of categories; defaults to ``max(samples) + 1``. Categories
            never observed get probability 0.
        """
        idx = _index_array(samples, "samples")
        if idx.ndim != 1:
            raise ValueError(f"samples must be one-dimensional (got shape {idx.shape})")
        if k is None:
            k = int(idx.max()) + 1
        else:
            k = as_count(k, "k")
            if k < 1:
                raise ValueError("k must be >= 1 (got 0)")
            if idx.max() >= k:
                raise ValueError(
                    f"samples must contain indices in 0..{k - 1} for k={k} (got {int(idx.max())})"
                )
        counts = np.bincount(idx, minlength=k)
        return cls(counts / idx.size)


# ---------------------------------------------------------------------------
# Gaussian
# ---------------------------------------------------------------------------


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
        out = -0.5 * z * z - math.log(self.std) - _HALF_LOG_2PI
        return _scalar_or_array(np.asarray(out, dtype=np.float64))

    def pdf(self, x: Any) -> np.ndarray | np.float64:
        """Return the density :math:`p(x)` elementwise for finite real ``x``."""
        return _scalar_or_array(np.exp(np.asarray(self.log_prob(x))))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent samples (a float64 array)."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return gen.normal(self.mean, self.std, size=n)

    def entropy(self, base: float | None = None) -> float:
        """Differential entropy :math:`\\tfrac12\\log(2\\pi e\\sigma^2)` (may be negative)."""
        scale = log_base(base)
        return (0.5 + _HALF_LOG_2PI + math.log(self.std)) / scale

    def cross_entropy(self, other: Gaussian, base: float | None = None) -> float:
        """Cross-entropy :math:`H(\\text{self}, \\text{other}) = -E_{\\text{self}}[\\log q]`."""
        _check_same_family(self, other)
        scale = log_base(base)
        r = self.std / other.std
        z = (self.mean - other.mean) / other.std
        h = _HALF_LOG_2PI + math.log(other.std) + 0.5 * (r * r) + 0.5 * (z * z)
        return h / scale

    def kl_divergence(self, other: Gaussian, base: float | None = None) -> float:
        """KL divergence :math:`D_{\\mathrm{KL}}(\\text{self} \\,\\|\\, \\text{other}) \\ge 0`."""
        _check_same_family(self, other)
        scale = log_base(base)
        z = (self.mean - other.mean) / other.std
        r = self.std / other.std
        if abs(r - 1.0) < 0.5:
            e = (self.std - other.std) / other.std
            kl = _u_minus_log1p(e) + 0.5 * (e * e) + 0.5 * (z * z)
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
