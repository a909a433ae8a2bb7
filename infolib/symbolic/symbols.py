"""Symbols for derivations: categories (indexed bases) and densities (functions)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

__all__ = ["categorical_symbols", "density_symbols"]


def categorical_symbols(
    names: Sequence[str] = ("p", "q"),
    index: str = "i",
    n: str = "n",
    *,
    positive: bool = True,
) -> tuple[Any, ...]:
    r"""Symbols for derivations over a general number of categories.

    Parameters
    ----------
    names : sequence of str, default ("p", "q")
        One ``sympy.IndexedBase`` is created per name.  With ``positive=True``
        every element ``p[i]`` is known to SymPy to be positive, which is what
        makes ``log(p[i]/q[i]) = log(p[i]) - log(q[i])`` provable.
    index : str, default "i"
        Name of the summation index, an integer ``Symbol``.
    n : str, default "n"
        Name of the number of categories, a positive integer ``Symbol``.
    positive : bool, default True
        Whether the elements of the indexed bases are positive.

    Returns
    -------
    tuple
        ``(*bases, index, n)``; with the defaults ``(p, q, i, n)``.

    Examples
    --------
    >>> import sympy
    >>> p, q, i, n = categorical_symbols()
    >>> p[i].is_positive, i.is_integer, n.is_positive
    (True, True, True)
    >>> sympy.Sum(p[i] * sympy.log(p[i] / q[i]), (i, 1, n))
    Sum(log(p[i]/q[i])*p[i], (i, 1, n))
    """
    assumptions = {"positive": True} if positive else {"real": True}
    bases = tuple(sp.IndexedBase(name, **assumptions) for name in names)
    return (*bases, sp.Symbol(index, integer=True), sp.Symbol(n, integer=True, positive=True))


def density_symbols(
    names: Sequence[str] = ("p", "q"),
    variable: str = "x",
    *,
    positive: bool = True,
) -> tuple[Any, ...]:
    r"""Symbols for derivations about general probability densities.

    Parameters
    ----------
    names : sequence of str, default ("p", "q")
        One undefined ``sympy.Function`` class is created per name; apply it
        to the variable, ``p(x)``, to get the density value.
    variable : str, default "x"
        Name of the real integration variable.
    positive : bool, default True
        Whether the functions take positive values (needed to expand
        ``log(p(x)/q(x))``).

    Returns
    -------
    tuple
        ``(x, *functions)``; with the defaults ``(x, p, q)``.

    Examples
    --------
    >>> import sympy
    >>> x, p, q = density_symbols()
    >>> x.is_real, p(x).is_positive
    (True, True)
    >>> sympy.Integral(p(x) * sympy.log(p(x) / q(x)), (x, -sympy.oo, sympy.oo))
    Integral(p(x)*log(p(x)/q(x)), (x, -oo, oo))
    """
    x = sp.Symbol(variable, real=True)
    assumptions = {"positive": True} if positive else {"real": True}
    return (x, *(sp.Function(name, **assumptions) for name in names))
