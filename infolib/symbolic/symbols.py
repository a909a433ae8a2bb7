"""Symbols for derivations: categories (indexed bases), densities (functions), and
the sums and integrals over them.

Every chapter writes sums over categories or samples and integrals over the
real line; the helpers here build them, so that no notebook defines its own:
:func:`sum_over` and :func:`integral_over` return callables (``S(expr)``), and
the symbol factories return tuples that also carry the matching helper
(``symbols.sum``, ``symbols.integral``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

__all__ = [
    "CategoricalSymbols",
    "DensitySymbols",
    "Integration",
    "Summation",
    "categorical_symbols",
    "density_symbols",
    "integral_over",
    "sum_over",
]


class Summation:
    r"""The sum :math:`\sum_{index=lower}^{upper}` as a callable: ``S(expr)``.

    Create it with :func:`sum_over`.  ``S(expr)`` is
    ``sympy.Sum(expr, (index, lower, upper))``; ``S.index``, ``S.lower`` and
    ``S.upper`` are the range.
    """

    def __init__(self, index: sp.Symbol, lower: Any, upper: Any) -> None:
        if not isinstance(index, sp.Symbol) or index.is_integer is not True:
            raise TypeError(f"index must be an integer sympy Symbol, got {index!r}")
        self.index = index
        self.lower = sp.sympify(lower)
        self.upper = sp.sympify(upper)

    def __call__(self, expr: Any) -> sp.Sum:
        return sp.Sum(expr, (self.index, self.lower, self.upper))

    def __repr__(self) -> str:
        return f"sum_over({self.index}, {self.lower}, {self.upper})"


class Integration:
    r"""The integral :math:`\int_{lower}^{upper} \cdot \, d\,variable` as a callable.

    Create it with :func:`integral_over`.  ``I(expr)`` is
    ``sympy.Integral(expr, (variable, lower, upper))``.
    """

    def __init__(self, variable: sp.Symbol, lower: Any, upper: Any) -> None:
        if not isinstance(variable, sp.Symbol) or variable.is_real is not True:
            raise TypeError(f"variable must be a real sympy Symbol, got {variable!r}")
        self.variable = variable
        self.lower = sp.sympify(lower)
        self.upper = sp.sympify(upper)

    def __call__(self, expr: Any) -> sp.Integral:
        return sp.Integral(expr, (self.variable, self.lower, self.upper))

    def __repr__(self) -> str:
        return f"integral_over({self.variable}, {self.lower}, {self.upper})"


def sum_over(index: sp.Symbol, lower: Any = 1, upper: Any = None) -> Summation:
    r"""A callable that sums an expression over ``index`` from ``lower`` to ``upper``.

    Parameters
    ----------
    index : sympy Symbol
        The summation index; must be declared ``integer=True``.
    lower, upper : int or sympy expression
        The range, both ends included.  ``upper`` is required.

    Returns
    -------
    Summation
        ``S`` with ``S(expr) == sympy.Sum(expr, (index, lower, upper))``.

    See Also
    --------
    integral_over : the same for integrals.
    categorical_symbols : symbols whose ``.sum`` is ``sum_over(i, 1, n)``.

    Examples
    --------
    >>> import sympy
    >>> j = sympy.Symbol("j", integer=True)
    >>> K = sympy.Symbol("K", integer=True, positive=True)
    >>> S = sum_over(j, 1, K)
    >>> S(sympy.Indexed("c", j))
    Sum(c[j], (j, 1, K))
    """
    if upper is None:
        raise TypeError("sum_over needs the upper end of the range, e.g. sum_over(i, 1, n)")
    return Summation(index, lower, upper)


def integral_over(variable: sp.Symbol, lower: Any = -sp.oo, upper: Any = sp.oo) -> Integration:
    r"""A callable that integrates an expression over ``variable`` (default: all of R).

    Parameters
    ----------
    variable : sympy Symbol
        The integration variable; must be declared ``real=True``.
    lower, upper : sympy expression, default -oo and oo

    Returns
    -------
    Integration
        ``I`` with ``I(expr) == sympy.Integral(expr, (variable, lower, upper))``.

    See Also
    --------
    sum_over : the same for sums.
    density_symbols : symbols whose ``.integral`` is ``integral_over(x)``.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> integral_over(x)(sympy.exp(-x**2))
    Integral(exp(-x**2), (x, -oo, oo))
    >>> integral_over(x, 0)(sympy.exp(-x)).doit()
    1
    """
    return Integration(variable, lower, upper)


class CategoricalSymbols(tuple):
    """``(*bases, index, n)`` as returned by :func:`categorical_symbols`.

    Unpacks like a tuple (``p, q, i, n = categorical_symbols()``) and carries
    ``.sum``, the sum over the categories ``i = 1, ..., n``.
    """

    sum: Summation

    def __new__(cls, items: Sequence[Any]) -> CategoricalSymbols:
        obj = super().__new__(cls, items)
        obj.sum = sum_over(obj[-2], 1, obj[-1])
        return obj

    @property
    def index(self) -> sp.Symbol:
        """The summation index ``i``."""
        return self[-2]

    @property
    def n(self) -> sp.Symbol:
        """The number of categories ``n``."""
        return self[-1]


class DensitySymbols(tuple):
    """``(x, *functions)`` as returned by :func:`density_symbols`.

    Unpacks like a tuple (``x, p, q = density_symbols()``) and carries
    ``.integral``, the integral over the real line in ``x``.
    """

    integral: Integration

    def __new__(cls, items: Sequence[Any]) -> DensitySymbols:
        obj = super().__new__(cls, items)
        obj.integral = integral_over(obj[0])
        return obj

    @property
    def variable(self) -> sp.Symbol:
        """The integration variable ``x``."""
        return self[0]


def categorical_symbols(
    names: Sequence[str] = ("p", "q"),
    index: str = "i",
    n: str = "n",
    *,
    positive: bool = True,
) -> CategoricalSymbols:
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
    CategoricalSymbols
        The tuple ``(*bases, index, n)``, with the defaults ``(p, q, i, n)``;
        its ``.sum`` sums over ``index = 1, ..., n``.

    See Also
    --------
    density_symbols : the same for densities.
    sum_over : sums over other ranges.

    Examples
    --------
    >>> import sympy
    >>> p, q, i, n = categorical_symbols()
    >>> p[i].is_positive, i.is_integer, n.is_positive
    (True, True, True)
    >>> sympy.Sum(p[i] * sympy.log(p[i] / q[i]), (i, 1, n))
    Sum(log(p[i]/q[i])*p[i], (i, 1, n))
    >>> symbols = categorical_symbols()
    >>> symbols.sum(symbols[0][symbols.index])
    Sum(p[i], (i, 1, n))
    """
    assumptions = {"positive": True} if positive else {"real": True}
    bases = tuple(sp.IndexedBase(name, **assumptions) for name in names)
    return CategoricalSymbols(
        (*bases, sp.Symbol(index, integer=True), sp.Symbol(n, integer=True, positive=True))
    )


def density_symbols(
    names: Sequence[str] = ("p", "q"),
    variable: str = "x",
    *,
    positive: bool = True,
) -> DensitySymbols:
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
    DensitySymbols
        The tuple ``(x, *functions)``, with the defaults ``(x, p, q)``; its
        ``.integral`` integrates over the real line in ``x``.

    See Also
    --------
    categorical_symbols : the same for categories.
    integral_over : integrals over other ranges.

    Examples
    --------
    >>> import sympy
    >>> x, p, q = density_symbols()
    >>> x.is_real, p(x).is_positive
    (True, True)
    >>> sympy.Integral(p(x) * sympy.log(p(x) / q(x)), (x, -sympy.oo, sympy.oo))
    Integral(p(x)*log(p(x)/q(x)), (x, -oo, oo))
    >>> density_symbols().integral(p(x))
    Integral(p(x), (x, -oo, oo))
    """
    x = sp.Symbol(variable, real=True)
    assumptions = {"positive": True} if positive else {"real": True}
    return DensitySymbols((x, *(sp.Function(name, **assumptions) for name in names)))
