r"""The multivariate Gaussian :math:`\mathcal N(\mu, \Sigma)` in :math:`d` dimensions.

Part of :mod:`infolib.distributions` (see its docstring for the conventions).
Everything goes through the Cholesky factor :math:`\Sigma = LL^\top` and
triangular solves: no matrix is ever inverted, and the log-determinant is
:math:`2\sum_i \log L_{ii}`. The KL divergence, the term of the ELBO of a
variational autoencoder, is a sum of non-negative terms, so nearly equal
Gaussians keep its relative precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.linalg import solve_triangular

from infolib._families import check_same_family, keyword_base, parameter_key, parameter_repr
from infolib._special import HALF_LOG_2PI, normal_log_density, u_minus_log1p_array
from infolib._validation import (
    as_count,
    as_covariance,
    as_finite_array,
    as_generator,
    log_base,
)

__all__ = ["MultivariateGaussian"]


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class MultivariateGaussian:
    r"""Multivariate normal distribution :math:`\mathcal N(\mu, \Sigma)` on :math:`\mathbb R^d`.

    .. math::

        p(x) = (2\pi)^{-d/2} |\Sigma|^{-1/2}
               \exp\!\Big(-\tfrac12 (x - \mu)^\top \Sigma^{-1} (x - \mu)\Big).

    Parameters
    ----------
    mean : array_like, shape (d,)
        The mean :math:`\mu` (finite).
    cov : array_like, shape (d, d)
        The covariance :math:`\Sigma`: symmetric (to ``1e-10`` relative to its
        largest entry; it is then symmetrised exactly) and positive definite.
        Both are stored as read-only float64 arrays, with the lower Cholesky
        factor :attr:`cholesky`.

    Raises
    ------
    ValueError, TypeError
        If ``mean`` is not a finite vector, or ``cov`` has the wrong shape, is
        not finite, not symmetric or not positive definite (the message gives
        its smallest eigenvalue).

    Notes
    -----
    With :math:`\Sigma_p = L_p L_p^\top`, :math:`\Sigma_q = L_q L_q^\top`,
    :math:`M = L_q^{-1} L_p` (lower triangular, :math:`M_{ii} = (L_p)_{ii}/(L_q)_{ii}`)
    and :math:`w = L_q^{-1}(\mu_p - \mu_q)`, in nats:

    .. math::

        h(p) &= \tfrac d2 \log(2\pi e) + \tfrac12\log|\Sigma_p|, \\
        H(p, q) &= \tfrac d2 \log(2\pi) + \tfrac12\log|\Sigma_q|
                   + \tfrac12\operatorname{tr}(\Sigma_q^{-1}\Sigma_p)
                   + \tfrac12 (\mu_p - \mu_q)^\top\Sigma_q^{-1}(\mu_p - \mu_q), \\
        D_{\mathrm{KL}}(p \,\|\, q)
            &= \tfrac12\Big[\operatorname{tr}(\Sigma_q^{-1}\Sigma_p) - d
               + \log\frac{|\Sigma_q|}{|\Sigma_p|} + \|w\|^2\Big]
             = \tfrac12\Big[\sum_i g(M_{ii}^2 - 1) + \sum_{i > j} M_{ij}^2 + \|w\|^2\Big],

    with :math:`g(u) = u - \log(1 + u) \ge 0`, since
    :math:`\operatorname{tr}(\Sigma_q^{-1}\Sigma_p) = \|M\|_F^2` and
    :math:`\log(|\Sigma_q|/|\Sigma_p|) = -\sum_i \log M_{ii}^2`. Every term of
    the last form is non-negative, so nothing cancels between the trace,
    :math:`d` and the log-determinants. When the covariances are nearly equal
    (all eigenvalues :math:`\lambda_i` of
    :math:`B = L_q^{-1}(\Sigma_p - \Sigma_q)L_q^{-\top}` within
    :math:`\pm 1/2`), the first two sums are evaluated as
    :math:`\sum_i g(\lambda_i)` instead, from the difference
    :math:`\Sigma_p - \Sigma_q` of the inputs, so that the result keeps its
    relative precision (the square roots in :math:`L_p` would round it away);
    :math:`g` is evaluated by a series near 0. For :math:`d = 1` all three
    reduce to :class:`Gaussian`.

    The maximum-likelihood estimate from samples :math:`x_1, \dots, x_n` is the
    sample mean and the :math:`1/n` covariance
    :math:`\hat\Sigma = \frac1n\sum_j (x_j - \bar x)(x_j - \bar x)^\top`.

    References
    ----------
    Cover & Thomas (2006), *Elements of Information Theory*, 2nd ed., thm. 8.4.1;
    Bishop (2006), *Pattern Recognition and Machine Learning*, sec. 2.3 and 2.3.4;
    Kingma & Welling (2014), "Auto-encoding variational Bayes", appendix B.

    Examples
    --------
    >>> import numpy as np
    >>> p = MultivariateGaussian([0.0, 0.0], [[1.0, 0.5], [0.5, 2.0]])
    >>> p.dim
    2
    >>> round(p.entropy(), 6)  # log(2 pi e) + log(1.75) / 2
    3.117684
    >>> standard = MultivariateGaussian([0.0, 0.0], np.eye(2))
    >>> round(p.kl_divergence(standard), 6)  # (tr - d - log det) / 2
    0.220192
    >>> round(float(p.log_prob([0.0, 0.0])), 6)
    -2.117684
    >>> p.sample(5, np.random.default_rng(0)).shape
    (5, 2)
    >>> MultivariateGaussian.fit([[0.0, 1.0], [2.0, 1.0], [1.0, 4.0]]).mean
    array([1., 2.])

    See Also
    --------
    Gaussian : the univariate (and batched) Gaussian.
    """

    mean: np.ndarray
    cov: np.ndarray
    cholesky: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        mean = as_finite_array(self.mean, "mean", ndim=1, what="(d,)")
        cov, chol = as_covariance(self.cov, mean.shape[0])
        for name, arr in (("mean", mean), ("cov", cov), ("cholesky", chol)):
            arr = np.array(arr, dtype=np.float64, copy=True)
            arr.flags.writeable = False
            object.__setattr__(self, name, arr)

    @property
    def dim(self) -> int:
        """The dimension :math:`d`."""
        return int(self.mean.shape[0])

    def __repr__(self) -> str:
        return (f"MultivariateGaussian(mean={parameter_repr(self.mean)}, "
                f"cov={parameter_repr(self.cov)})")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(np.array_equal(self.mean, other.mean) and np.array_equal(self.cov, other.cov))

    def __hash__(self) -> int:
        return hash((type(self).__name__, parameter_key(self.mean), parameter_key(self.cov)))

    def _half_log_det(self) -> float:
        return float(np.sum(np.log(np.diag(self.cholesky))))

    def _whiten(self, v: np.ndarray) -> np.ndarray:
        """:math:`L^{-1} v` for the columns of ``v`` (one triangular solve, no inverse)."""
        return solve_triangular(self.cholesky, v, lower=True, check_finite=False)

    def log_prob(self, x: Any) -> np.ndarray | np.float64:
        r"""Return :math:`\log p(x)` for points ``x`` of shape ``(..., d)`` (result ``(...)``)."""
        arr = as_finite_array(x, "x")
        d = self.dim
        if arr.ndim == 0 or arr.shape[-1] != d:
            raise ValueError(f"x must have {d} coordinates along its last axis "
                             f"(got shape {arr.shape})")
        # In whitened coordinates the density is a product of d standard normal ones.
        white = self._whiten((arr - self.mean).reshape(-1, d).T)
        log_std = np.log(np.diag(self.cholesky))[:, None]
        out = normal_log_density(white, log_std).sum(axis=0).reshape(arr.shape[:-1])
        return out[()] if out.ndim == 0 else out

    def pdf(self, x: Any) -> np.ndarray | np.float64:
        """Return the density :math:`p(x)` for points ``x`` of shape ``(..., d)``."""
        return np.exp(self.log_prob(x))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        r"""Draw ``n`` points :math:`\mu + Lz`, :math:`z \sim \mathcal N(0, I)`; shape (n, d)."""
        n = as_count(n, "n")
        gen = as_generator(rng, "rng")
        return self.mean + gen.standard_normal((n, self.dim)) @ self.cholesky.T

    @keyword_base
    def entropy(self, *, base: float | None = None) -> float:
        r"""Differential entropy :math:`\tfrac d2\log(2\pi e) + \tfrac12\log|\Sigma|`."""
        scale = log_base(base)
        return (self.dim * (0.5 + HALF_LOG_2PI) + self._half_log_det()) / scale

    def _check_other(self, other: Any) -> None:
        check_same_family(self, other)
        if other.dim != self.dim:
            raise ValueError(f"other must have the dimension of self, d = {self.dim} "
                             f"(got {other.dim})")

    def _relative_factors(self, other: MultivariateGaussian) -> tuple[np.ndarray, np.ndarray]:
        """:math:`M = L_q^{-1} L_p` and :math:`w = L_q^{-1}(\\mu_p - \\mu_q)` (``other`` is q)."""
        m = other._whiten(self.cholesky)
        w = other._whiten(self.mean - other.mean)
        return m, w

    @keyword_base
    def cross_entropy(self, other: MultivariateGaussian, *, base: float | None = None) -> float:
        r"""Cross-entropy :math:`H(\text{self}, \text{other}) = -E_{\text{self}}[\log q]`."""
        self._check_other(other)
        scale = log_base(base)
        m, w = self._relative_factors(other)
        h = (self.dim * HALF_LOG_2PI + other._half_log_det()
             + 0.5 * float(np.sum(m * m)) + 0.5 * float(w @ w))
        return h / scale

    @keyword_base
    def kl_divergence(self, other: MultivariateGaussian, *, base: float | None = None) -> float:
        r"""KL divergence :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other}) \ge 0`."""
        self._check_other(other)
        scale = log_base(base)
        m, w = self._relative_factors(other)
        # B = Lq^-1 (cov_p - cov_q) Lq^-T: its eigenvalues l give tr - d - log det = sum g(l).
        b = other._whiten(other._whiten(self.cov - other.cov).T)
        lam = np.linalg.eigvalsh(0.5 * (b + b.T))
        if np.all(np.abs(lam) < 0.5):  # nearly equal covariances: no square root involved
            spread = float(np.sum(u_minus_log1p_array(lam)))
        else:
            lp, lq = np.diag(self.cholesky), np.diag(other.cholesky)
            u = ((lp - lq) / lq) * (lp / lq + 1.0)  # M_ii^2 - 1 without cancellation
            off = np.tril(m, -1)
            spread = float(np.sum(u_minus_log1p_array(u))) + float(np.sum(off * off))
        return 0.5 * (spread + float(w @ w)) / scale

    @classmethod
    def fit(cls, samples: Any) -> MultivariateGaussian:
        r"""Maximum-likelihood estimate: the sample mean and the :math:`1/n` covariance.

        ``samples`` has shape ``(n, d)``, one point per row; the covariance must
        come out positive definite (``n > d`` points not all on one hyperplane).
        """
        x = as_finite_array(samples, "samples", ndim=2, what="(n, d), one point per row")
        n, d = x.shape
        if n < 2:
            raise ValueError(f"samples must hold at least 2 points (got {n})")
        mean = x.mean(axis=0)
        dev = x - mean
        cov = (dev.T @ dev) / n
        try:
            return cls(mean, cov)
        except ValueError as exc:
            raise ValueError(
                f"samples: the maximum-likelihood covariance of {n} points in {d} dimensions "
                f"is not positive definite (they lie on a hyperplane; {exc})"
            ) from None
