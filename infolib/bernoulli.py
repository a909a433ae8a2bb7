r"""The Bernoulli distribution, with closed-form information measures.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special

from infolib._families import (
    batch_shape_of,
    check_same_family,
    keyword_base,
    parameter_key,
    parameter_repr,
    scalar_or_array,
)
from infolib._special import kl_term, kl_term_array, log0
from infolib._validation import as_binary_values, as_count, as_generator, as_parameter, log_base

__all__ = ["Bernoulli"]


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Bernoulli:
    r"""Bernoulli distribution on :math:`\{0, 1\}` with success probability ``p``.

    .. math::

        P(X = x) = p^x (1 - p)^{1 - x}, \qquad x \in \{0, 1\}.

    Parameters
    ----------
    p : float or array_like
        Probability of the outcome 1, in :math:`[0, 1]`. An array is a batch of
        independent Bernoulli distributions of shape :attr:`batch_shape`, as in
        ``torch.distributions.Bernoulli`` and ``scipy.stats.bernoulli``: every
        method then works elementwise and returns arrays of the batch shape.
        A scalar is stored as a float and methods return floats, as in 0.1.

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

    A batch of coins, against one coin (the parameters broadcast):

    >>> coins = Bernoulli([0.1, 0.5, 0.9])
    >>> coins.batch_shape
    (3,)
    >>> coins.kl_divergence(coin, base=2).round(6)
    array([0.531004, 0.      , 0.531004])
    >>> coins.sample(4, np.random.default_rng(0)).shape
    (4, 3)

    See Also
    --------
    Categorical : the distribution on ``k`` outcomes.
    infolib.binary_cross_entropy_with_logits : the cross-entropy from a logit.
    """

    p: float | np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "p", as_parameter(self.p, "p", "unit"))

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """Shape of the batch of distributions (``()`` for one distribution)."""
        return batch_shape_of(self.p)

    def __repr__(self) -> str:
        return f"Bernoulli(p={parameter_repr(self.p)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return parameter_key(self.p) == parameter_key(other.p)

    def __hash__(self) -> int:
        return hash((type(self).__name__, parameter_key(self.p)))

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        r"""Return :math:`\log P(X = x)` elementwise for ``x`` in ``{0, 1}``.

        ``x`` broadcasts against the batch shape. ``log_prob(1)`` is ``-inf``
        when ``p == 0`` (and ``log_prob(0)`` when ``p == 1``). Any other value
        of ``x`` raises ``ValueError``.
        """
        arr = as_binary_values(x, "x")
        if isinstance(self.p, float):
            return scalar_or_array(np.where(arr == 1.0, log0(self.p), log0(1.0 - self.p)))
        with np.errstate(divide="ignore"):
            out = np.where(arr == 1.0, np.log(self.p), np.log(1.0 - self.p))
        return scalar_or_array(out)

    def prob(self, x: Any) -> np.ndarray | np.float64:
        """Return :math:`P(X = x)` elementwise for ``x`` in ``{0, 1}`` (broadcast)."""
        arr = as_binary_values(x, "x")
        return scalar_or_array(np.where(arr == 1.0, self.p, 1.0 - self.p))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent samples: ``int64`` 0s and 1s of shape ``(n, *batch_shape)``."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return (gen.random((n, *self.batch_shape)) < self.p).astype(np.int64)

    @keyword_base
    def entropy(self, *, base: float | None = None) -> float | np.ndarray:
        r"""Entropy :math:`H(p)` in nats (or in ``base``), with :math:`0 \log 0 = 0`."""
        scale = log_base(base)
        p, q = self.p, 1.0 - self.p
        if isinstance(p, float):
            h = 0.0
            if p > 0.0:
                h -= p * math.log(p)
            if q > 0.0:
                h -= q * math.log1p(-p)
            return h / scale
        with np.errstate(divide="ignore", invalid="ignore"):
            h = (0.0 - special.xlogy(p, p)) - np.where(q > 0.0, q * np.log1p(-p), 0.0)
        return h / scale

    @keyword_base
    def cross_entropy(self, other: Bernoulli, *, base: float | None = None) -> float | np.ndarray:
        r"""Cross-entropy :math:`H(\text{self}, \text{other})`; ``+inf`` if other misses mass."""
        check_same_family(self, other)
        scale = log_base(base)
        p, q = self.p, other.p
        if isinstance(p, float) and isinstance(q, float):
            h = 0.0
            if p > 0.0:
                h -= p * log0(q)
            if p < 1.0:
                h -= (1.0 - p) * (math.log1p(-q) if q < 1.0 else -math.inf)
            return h / scale
        with np.errstate(divide="ignore", invalid="ignore"):
            one = np.where(p > 0.0, p * np.log(q), 0.0)
            zero = np.where(p < 1.0, (1.0 - p) * np.where(q < 1.0, np.log1p(-q), -np.inf), 0.0)
        return ((0.0 - one) - zero) / scale

    @keyword_base
    def kl_divergence(self, other: Bernoulli, *, base: float | None = None) -> float | np.ndarray:
        r"""KL divergence :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other}) \ge 0`."""
        check_same_family(self, other)
        scale = log_base(base)
        p, q = self.p, other.p
        d = q - p
        if isinstance(p, float) and isinstance(q, float):
            return (kl_term(p, q, d) + kl_term(1.0 - p, 1.0 - q, -d)) / scale
        return (kl_term_array(p, q, d) + kl_term_array(1.0 - p, 1.0 - q, -d)) / scale

    @classmethod
    def fit(cls, samples: Any) -> Bernoulli:
        r"""Maximum-likelihood estimate :math:`\hat p = \bar x` from 0/1 ``samples``."""
        arr = as_binary_values(samples, "samples")
        if arr.ndim != 1:
            raise ValueError(f"samples must be one-dimensional (got shape {arr.shape})")
        return cls(float(np.mean(arr)))
