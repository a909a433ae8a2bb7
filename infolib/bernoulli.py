r"""The Bernoulli distribution, with closed-form information measures.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._families import check_same_family, scalar_or_array
from infolib._special import kl_term, log0
from infolib._validation import (
    as_binary_values,
    as_count,
    as_generator,
    as_unit_interval_scalar,
    log_base,
)

__all__ = ["Bernoulli"]


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
        arr = as_binary_values(x, "x")
        out = np.where(arr == 1.0, log0(self.p), log0(1.0 - self.p))
        return scalar_or_array(out)

    def prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`P(X = x)` elementwise for ``x`` in ``{0, 1}``."""
        arr = as_binary_values(x, "x")
        return scalar_or_array(np.where(arr == 1.0, self.p, 1.0 - self.p))

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
        check_same_family(self, other)
        scale = log_base(base)
        h = 0.0
        if self.p > 0.0:
            h -= self.p * log0(other.p)
        if self.p < 1.0:
            h -= (1.0 - self.p) * (math.log1p(-other.p) if other.p < 1.0 else -math.inf)
        return h / scale

    def kl_divergence(self, other: Bernoulli, base: float | None = None) -> float:
        """KL divergence :math:`D_{\\mathrm{KL}}(\\text{self} \\,\\|\\, \\text{other}) \\ge 0`."""
        check_same_family(self, other)
        scale = log_base(base)
        p, q = self.p, other.p
        d = q - p
        kl = kl_term(p, q, d) + kl_term(1.0 - p, 1.0 - q, -d)
        return kl / scale

    @classmethod
    def fit(cls, samples: Any) -> Bernoulli:
        """Maximum-likelihood estimate :math:`\\hat p = \\bar x` from 0/1 ``samples``."""
        arr = as_binary_values(samples, "samples")
        if arr.ndim != 1:
            raise ValueError(f"samples must be one-dimensional (got shape {arr.shape})")
        return cls(float(np.mean(arr)))
