r"""The categorical distribution, with closed-form information measures.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._families import (
    check_same_family,
    keyword_base,
    parameter_key,
    parameter_repr,
    scalar_or_array,
)
from infolib._validation import (
    as_category_indices,
    as_count,
    as_generator,
    as_probabilities,
    broadcast_shapes,
)
from infolib.discrete import cross_entropy, entropy, kl_divergence

__all__ = ["Categorical"]


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Categorical:
    r"""Categorical distribution on :math:`\{0, \dots, k-1\}` with probabilities ``probs``.

    .. math::

        P(X = i) = \pi_i, \qquad \pi_i \ge 0, \quad \sum_{i=0}^{k-1} \pi_i = 1.

    Parameters
    ----------
    probs : array_like, shape (..., k)
        Probability vector(s) along the last axis (non-negative, summing to 1
        within the tolerance of their dtype), copied and stored as a read-only
        float64 array. Leading axes are a batch of distributions of shape
        :attr:`batch_shape`, as in ``torch.distributions.Categorical(probs)``:
        every method then returns arrays of the batch shape. A single vector
        gives one distribution whose methods return floats, as in 0.1.

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

    A batch of two distributions (rows), against the fair die:

    >>> dice = Categorical([[0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1]])
    >>> dice.batch_shape, dice.k
    ((2,), 4)
    >>> dice.kl_divergence(die, base=2).round(6)
    array([0.     , 0.64322])
    >>> dice.log_prob(0).round(6)  # x broadcasts against the batch
    array([-1.386294, -0.356675])

    See Also
    --------
    Bernoulli : the two-outcome case.
    infolib.entropy, infolib.cross_entropy, infolib.kl_divergence
    """

    probs: np.ndarray

    def __post_init__(self) -> None:
        arr, _ = as_probabilities(self.probs, "probs")
        arr = np.array(arr, dtype=np.float64, copy=True)
        arr.flags.writeable = False
        object.__setattr__(self, "probs", arr)

    @property
    def k(self) -> int:
        """Number of categories."""
        return int(self.probs.shape[-1])

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """Shape of the batch of distributions (``()`` for one distribution)."""
        return self.probs.shape[:-1]

    def __repr__(self) -> str:
        if self.probs.ndim == 1:
            return f"Categorical(probs={self.probs.tolist()!r})"
        return f"Categorical(probs={parameter_repr(self.probs)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(np.array_equal(self.probs, other.probs))

    def __hash__(self) -> int:
        return hash((type(self).__name__, parameter_key(self.probs)))

    def _pick(self, x: Any) -> np.ndarray:
        """``probs[..., x]`` with the indices ``x`` broadcast against the batch."""
        idx = as_category_indices(x, "x", self.k)
        if self.probs.ndim == 1:
            return self.probs[idx]
        shape = broadcast_shapes(x=idx.shape, batch_shape=self.batch_shape)
        table = np.broadcast_to(self.probs, (*shape, self.k))
        picked = np.take_along_axis(table, np.broadcast_to(idx, shape)[..., None], axis=-1)
        return picked[..., 0]

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        r"""Return :math:`\log \pi_x` elementwise for integer indices ``x`` in ``0..k-1``.

        ``x`` broadcasts against the batch shape.
        """
        with np.errstate(divide="ignore"):
            out = np.log(self._pick(x))
        return scalar_or_array(np.asarray(out, dtype=np.float64))

    def prob(self, x: Any) -> np.ndarray | np.float64:
        r"""Return :math:`\pi_x` elementwise for integer indices ``x`` in ``0..k-1`` (broadcast)."""
        return scalar_or_array(np.asarray(self._pick(x), dtype=np.float64))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` independent category indices: ``int64``, shape ``(n, *batch_shape)``."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        # Inverse-CDF sampling; the last edge is forced to 1 so rounding in the
        # cumulative sum can never produce the index k.
        cdf = np.cumsum(self.probs, axis=-1)
        cdf[..., -1] = 1.0
        u = gen.random((n, *self.batch_shape))
        if self.probs.ndim == 1:
            idx = np.searchsorted(cdf, u, side="right")
        else:  # the number of edges <= u, as searchsorted(side="right") counts them
            idx = (cdf <= u[..., None]).sum(axis=-1)
        return np.minimum(idx, self.k - 1).astype(np.int64)

    def _check_other(self, other: Any) -> None:
        check_same_family(self, other)
        if other.k != self.k:
            raise ValueError(
                f"other must have the same number of categories as self "
                f"(got {other.k}, expected {self.k})"
            )

    def _result(self, value: np.ndarray | np.floating) -> float | np.ndarray:
        return float(value) if np.ndim(value) == 0 else value

    @keyword_base
    def entropy(self, *, base: float | None = None) -> float | np.ndarray:
        r"""Entropy :math:`H(\pi)` in nats (or in ``base``)."""
        return self._result(entropy(self.probs, base=base))

    @keyword_base
    def cross_entropy(self, other: Categorical, *, base: float | None = None) -> float | np.ndarray:
        r"""Cross-entropy :math:`H(\text{self}, \text{other})`; batches broadcast."""
        self._check_other(other)
        return self._result(cross_entropy(self.probs, other.probs, base=base))

    @keyword_base
    def kl_divergence(self, other: Categorical, *, base: float | None = None) -> float | np.ndarray:
        r"""KL divergence :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other})`, broadcast."""
        self._check_other(other)
        return self._result(kl_divergence(self.probs, other.probs, base=base))

    @classmethod
    def fit(cls, samples: Any, k: int | None = None) -> Categorical:
        r"""Maximum-likelihood estimate :math:`\hat\pi_i = n_i / n`.

        Parameters
        ----------
        samples : array_like of int, shape (n,)
            Observed category indices (integer-valued, ``>= 0``).
        k : int, optional
            Number of categories; defaults to ``max(samples) + 1``. Categories
            never observed get probability 0.
        """
        idx = as_category_indices(samples, "samples")
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
