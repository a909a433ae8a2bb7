r"""Show an expression as typed: named helpers for SymPy's display plumbing.

SymPy simplifies as it builds: ``n * (1/n) * log(1/n)`` becomes ``log(1/n)``
before anyone can display the intermediate line of a derivation.  The helpers
here keep a line as the mathematics is written, so that a chapter's
derivation cell reads like the chain it displays.  They change only what is
*shown*: the prover of :class:`~infolib.symbolic.Derivation` evaluates every
expression before comparing, so an unevaluated product is proved equal to its
evaluated form.

The typed forms are shown by the printer of :class:`~infolib.symbolic.Derivation`,
which :func:`latex` exposes; SymPy's own ``sympy.latex`` shows them as the
plain expression.

Examples
--------
>>> import sympy
>>> n = sympy.Symbol("n", positive=True)
>>> latex(product_as_typed(n, 1 / n, sympy.log(n)))
'n \\frac{1}{n} \\log{\\left(n \\right)}'
"""

from __future__ import annotations

from typing import Any

import sympy as sp

__all__ = [
    "as_typed",
    "latex",
    "difference_as_typed",
    "display_function",
    "nested_sum",
    "product_as_typed",
    "quotient_as_typed",
    "terms_as_typed",
]


class TypedTerms(sp.UnevaluatedExpr):
    """A sum shown with its terms in the given order (see :func:`terms_as_typed`)."""


class TypedProduct(sp.UnevaluatedExpr):
    """A product shown factor by factor (see :func:`product_as_typed`)."""


class TypedQuotient(sp.UnevaluatedExpr):
    """A fraction shown as written (see :func:`quotient_as_typed`)."""


def latex(expr: Any, **settings: Any) -> str:
    r"""LaTeX of ``expr`` as a :class:`~infolib.symbolic.Derivation` shows it.

    Products list numbers and symbols before functions (``p_i \log p_i``),
    and the typed forms of this module keep their order.  ``settings`` are
    ``sympy.latex`` settings (e.g. ``symbol_names``).

    Examples
    --------
    >>> import sympy
    >>> p = sympy.Symbol("p", positive=True)
    >>> sympy.latex(p * sympy.log(p)), latex(p * sympy.log(p))
    ('p \\log{\\left(p \\right)}', 'p \\log{\\left(p \\right)}')
    """
    from infolib.symbolic._latex import _NaturalLatexPrinter

    return _NaturalLatexPrinter(settings).doprint(sp.sympify(expr))


def as_typed(expr: Any) -> sp.UnevaluatedExpr:
    r"""Keep ``expr`` as one block that SymPy neither simplifies nor merges.

    Use it for a factor such as :math:`1 - \varepsilon` that SymPy would
    otherwise distribute, or for an inner sum that SymPy would merge with the
    outer one.

    Examples
    --------
    >>> import sympy
    >>> eps = sympy.Symbol("varepsilon")
    >>> latex(-as_typed(1 - eps) * sympy.log(as_typed(1 - eps)))
    '- \\left(1 - \\varepsilon\\right) \\log{\\left(1 - \\varepsilon \\right)}'
    """
    return sp.UnevaluatedExpr(sp.sympify(expr))


def product_as_typed(*factors: Any) -> sp.Expr:
    r"""The product of ``factors``, shown factor by factor (not multiplied out).

    Examples
    --------
    >>> import sympy
    >>> n = sympy.Symbol("n", positive=True)
    >>> e = product_as_typed(n, 1 / n, sympy.log(n))
    >>> latex(e), e.doit() == sympy.log(n)
    ('n \\frac{1}{n} \\log{\\left(n \\right)}', True)
    >>> latex(-product_as_typed(n, 1 / n))
    '- n \\frac{1}{n}'
    """
    return TypedProduct(sp.Mul(*(sp.sympify(f) for f in factors), evaluate=False))


def terms_as_typed(*terms: Any) -> sp.Expr:
    r"""The sum of ``terms``, shown in the given order, none merged.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> latex(terms_as_typed(0, x, -1))
    '0 + x - 1'
    """
    return TypedTerms(sp.Add(*(sp.sympify(t) for t in terms), evaluate=False))


def difference_as_typed(minuend: Any, subtrahend: Any) -> sp.Expr:
    r"""``minuend - subtrahend`` in that order (SymPy would sort the two terms).

    Examples
    --------
    >>> import sympy
    >>> a, b = sympy.symbols("a b")
    >>> latex(difference_as_typed(a, b)), latex(difference_as_typed(b, a))
    ('a - b', 'b - a')
    """
    return TypedTerms(sp.Add(sp.sympify(minuend), -sp.sympify(subtrahend), evaluate=False))


def quotient_as_typed(numerator: Any, denominator: Any) -> sp.Expr:
    r"""The fraction ``numerator / denominator`` as written (not cancelled).

    Examples
    --------
    >>> import sympy
    >>> p = sympy.Symbol("p", positive=True)
    >>> e = quotient_as_typed(p, p)
    >>> latex(e), e.doit()
    ('\\frac{p}{p}', 1)
    """
    den = sp.Pow(sp.sympify(denominator), -1, evaluate=False)
    return TypedQuotient(sp.Mul(sp.sympify(numerator), den, evaluate=False))


def nested_sum(outer: Any, inner: sp.Expr) -> sp.Expr:
    r"""``outer(inner)`` shown as two sums (SymPy merges nested sums into one).

    Parameters
    ----------
    outer : callable
        The outer sum, e.g. ``sum_over(j, 1, K)``.
    inner : sympy expression
        The inner sum, e.g. ``sum_over(i, 1, N)(delta * f(s[j]))``.

    Examples
    --------
    >>> import sympy
    >>> from infolib.symbolic import sum_over
    >>> i, j = sympy.symbols("i j", integer=True)
    >>> N = sympy.Symbol("N", integer=True, positive=True)
    >>> a = sympy.IndexedBase("a")
    >>> latex(nested_sum(sum_over(j, 1, N), sum_over(i, 1, N)(a[i, j])))
    '\\sum_{j=1}^{N} \\sum_{i=1}^{N} {a}_{i,j}'
    """
    return outer(sp.UnevaluatedExpr(inner))


def display_function(name: str, template: str, definition: Any = None) -> type:
    r"""An undefined function of one argument, shown with a LaTeX template.

    Parameters
    ----------
    name : str
        The function's name in text output.
    template : str
        LaTeX with ``{0}`` where the (typeset) argument goes, e.g.
        ``r"\log_b {0}"``.
    definition : callable, optional
        ``definition(arg)`` gives the expression the function stands for; it is
        available as ``F.definition`` (and ``F(arg).rewrite_definition()``) for
        a derivation's ``rewrite`` mapping.

    Returns
    -------
    type
        A ``sympy.Function`` subclass.

    Examples
    --------
    >>> import sympy
    >>> b, t = sympy.symbols("b t", positive=True)
    >>> LogB = display_function("LogB", r"\log_b {0}", lambda arg: sympy.log(arg) / sympy.log(b))
    >>> sympy.latex(LogB(t)), LogB(t).rewrite_definition()
    ('\\log_b t', log(t)/log(b))
    """

    def _latex(self: sp.Function, printer: Any) -> str:
        return template.format(printer._print(self.args[0]))

    def rewrite_definition(self: sp.Function) -> sp.Expr:
        if definition is None:
            raise TypeError(f"{name} was made without a definition")
        return sp.sympify(definition(self.args[0]))

    return type(
        name,
        (sp.Function,),
        {
            "nargs": 1,
            "_latex": _latex,
            "rewrite_definition": rewrite_definition,
            "definition": staticmethod(definition) if definition else None,
        },
    )
