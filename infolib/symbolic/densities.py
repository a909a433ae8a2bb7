r"""Densities as SymPy expressions, written once for every chapter that integrates them.

Chapters 1, 2, 7 and 8 integrate Gaussian densities symbolically; the formula
lives here, in the form the book displays.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

__all__ = ["exponential_density", "gaussian_density"]


def gaussian_density(x: Any, mean: Any, std: Any) -> sp.Expr:
    r"""The normal density :math:`\frac{1}{\sigma\sqrt{2\pi}} e^{-(x-\mu)^2/(2\sigma^2)}`.

    Parameters
    ----------
    x, mean, std : sympy expressions
        The variable, :math:`\mu` and :math:`\sigma` (declare ``std`` positive so
        that SymPy can integrate and take logarithms).

    Returns
    -------
    sympy expression

    See Also
    --------
    infolib.Gaussian : the same density, numerically.

    Examples
    --------
    >>> import sympy
    >>> x, mu = sympy.symbols("x mu", real=True)
    >>> sigma = sympy.Symbol("sigma", positive=True)
    >>> sympy.integrate(gaussian_density(x, mu, sigma), (x, -sympy.oo, sympy.oo))
    1
    >>> sympy.expand_log(sympy.log(gaussian_density(x, mu, sigma)))
    -log(sigma) - log(pi)/2 - log(2)/2 - (-mu + x)**2/(2*sigma**2)
    """
    x, mean, std = (sp.sympify(v) for v in (x, mean, std))
    return sp.exp(-((x - mean) ** 2) / (2 * std**2)) / (std * sp.sqrt(2 * sp.pi))


def exponential_density(x: Any, rate: Any) -> sp.Expr:
    r"""The exponential density :math:`\beta e^{-\beta x}` on :math:`x \ge 0` (rate :math:`\beta`).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", nonnegative=True)
    >>> beta = sympy.Symbol("beta", positive=True)
    >>> sympy.integrate(x * exponential_density(x, beta), (x, 0, sympy.oo))
    1/beta
    """
    x, rate = sp.sympify(x), sp.sympify(rate)
    return rate * sp.exp(-rate * x)
