r"""Special functions shared by the distribution families, without cancellation.

The closed forms of :mod:`infolib.distributions` subtract nearly equal numbers
when two distributions are close; these helpers evaluate the differences
directly, each to full relative precision. Each comes as a scalar function
(Python floats, used by distributions with scalar parameters, whose values are
those of infolib 0.1 bit for bit) and an elementwise array version (used by
batched distributions) that performs the same operations, so that a batch gives
the scalar values (exactly where numpy's ``log``/``log1p`` are the C library's,
as on x86-64 without AVX-512; otherwise within an ulp). :func:`normal_log_density`
is the one Gaussian log-density of the package.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "HALF_LOG_2PI",
    "kl_term",
    "kl_term_array",
    "log0",
    "normal_log_density",
    "u_minus_log1p",
    "u_minus_log1p_array",
]

#: :math:`\tfrac12\log(2\pi)`, the constant of every Gaussian log-density.
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def u_minus_log1p(u: float) -> float:
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


def kl_term(a: float, b: float, d: float) -> float:
    r"""Return :math:`a\log(a/b) - a + b \ge 0`, given ``d = b - a`` computed accurately.

    Summing this term over the outcomes of two distributions gives their KL
    divergence (the :math:`-a + b` parts add to zero), and every term is
    non-negative, so the sum has no cancellation. With :math:`u = d/a` the term
    equals :math:`a\,g(u)`, see :func:`u_minus_log1p`.
    """
    if a == 0.0:
        return b
    if b == 0.0:
        return math.inf
    u = d / a
    if abs(u) < 0.5:
        return a * u_minus_log1p(u)
    ratio = a / b
    if 0.0 < ratio < math.inf and ratio >= 2.2250738585072014e-308:
        log_ratio = math.log(ratio)
    else:  # a / b over- or underflowed (subnormal parameters)
        log_ratio = math.log(a) - math.log(b)
    return a * log_ratio + d


def log0(x: float) -> float:
    """Natural log with ``log(0) = -inf`` (and no warning)."""
    return math.log(x) if x > 0.0 else -math.inf


def normal_log_density(z: Any, log_std: Any) -> Any:
    r""":math:`\log\mathcal N(x; \mu, \sigma^2) = -z^2/2 - \log\sigma - \log(2\pi)/2`.

    ``z = (x - mu) / sigma`` is the standardised value and ``log_std`` is
    :math:`\log\sigma` (``math.log`` of a float, ``np.log`` of an array, as the
    caller has it); both broadcast.
    """
    return -0.5 * z * z - log_std - HALF_LOG_2PI


def u_minus_log1p_array(u: np.ndarray) -> np.ndarray:
    """Elementwise :func:`u_minus_log1p` (``u > -1``, ``+inf`` allowed), with its very bits.

    The series runs term by term as in the scalar function, each element stopping
    after the term where the scalar loop stops (at most about 20 terms for
    ``|u| < 1/2``), so a batch gives the values of the scalar calls exactly.
    """
    u = np.asarray(u, dtype=np.float64)
    small = np.abs(u) < 0.5
    with np.errstate(invalid="ignore"):  # inf - inf where u = inf, replaced below
        out = u - np.log1p(np.where(small, 0.0, u))
    out = np.where(u == np.inf, np.inf, out)
    if small.any():
        us = u[small]
        t = us / (2.0 + us)
        t2 = t * t
        power = t * t2
        series = np.zeros_like(t)
        active = np.ones(t.shape, dtype=bool)
        k = 3
        while active.any():
            term = power / k
            series = np.where(active, series + term, series)
            active &= ~(np.abs(term) <= 1e-17 * np.abs(series))
            power *= t2
            k += 2
        out[small] = us * t - 2.0 * series
    return out


def kl_term_array(a: np.ndarray, b: np.ndarray, d: np.ndarray) -> np.ndarray:
    r"""Elementwise :func:`kl_term`: :math:`a\log(a/b) - a + b` with ``d = b - a``."""
    a, b, d = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (a, b, d)))
    out = np.empty(a.shape)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        u = d / a
        near = (np.abs(u) < 0.5) & (a > 0.0) & (b > 0.0)
        ratio = a / b
        direct = (0.0 < ratio) & (ratio < np.inf) & (ratio >= 2.2250738585072014e-308)
        log_ratio = np.where(direct, np.log(np.where(direct, ratio, 1.0)),
                             np.log(a) - np.log(b))
        out[...] = a * log_ratio + d
        out[near] = a[near] * u_minus_log1p_array(u[near])
    out = np.where(b == 0.0, np.inf, out)
    return np.where(a == 0.0, b, out)
