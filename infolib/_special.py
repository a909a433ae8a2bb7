r"""Scalar special functions shared by the distribution families, without cancellation.

The closed forms of :mod:`infolib.distributions` subtract nearly equal numbers
when two distributions are close; these helpers evaluate the differences
directly, each to full relative precision.
"""

from __future__ import annotations

import math

__all__ = ["HALF_LOG_2PI", "kl_term", "log0", "u_minus_log1p"]

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
