r"""Taylor expansions with a stated remainder, as steps of a derivation.

A typed ":math:`\approx`" proves nothing: it neither says how good the
approximation is nor lets a computer check it.  The precise statement is
Taylor's theorem with its remainder,

.. math::

    f(x) = \sum_{k=0}^{K-1} c_k (x - a)^k + O\big((x - a)^K\big)
    \qquad (x \to a),

and :func:`taylor_expansion` proves a step of exactly this form: the
right-hand side is a polynomial in :math:`x - a` plus the big-O remainder, and
the step holds if the left-hand side minus the polynomial is itself
:math:`O((x - a)^K)`.  A left-hand side that already carries a remainder
:math:`O((x - a)^{K'})` with :math:`K' \ge K` may be *weakened*: moving a term
into a coarser remainder is the step ":math:`= c_2 (x-a)^2 + O((x-a)^3)`".
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from infolib.symbolic._methods import StepMethod
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["taylor_expansion"]


def _drop_typed(e: sp.Basic) -> sp.Basic:
    return e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])


def _remainder_order(term: sp.Order, variable: sp.Symbol, point: sp.Expr) -> int | None:
    """``K`` if ``term`` is ``O((variable - point)**K)`` as ``variable -> point``, else None."""
    if term.variables != (variable,) or term.point != (point,):
        return None
    base, exponent = term.expr.as_base_exp()
    if sp.simplify(base - (variable - point)) != 0:
        return None
    if not (exponent.is_Integer and exponent >= 1):
        return None
    return int(exponent)


def _split(e: sp.Expr, variable: sp.Symbol, point: sp.Expr) -> tuple[sp.Expr, int | None] | None:
    """``(main part, K)`` of ``main + O((x - a)**K)``; ``K`` is None without a remainder.

    None if ``e`` has an ``Order`` anywhere but as one top-level term, or one
    of another form.
    """
    orders = [t for t in sp.Add.make_args(e) if isinstance(t, sp.Order)]
    main = sp.Add(*[t for t in sp.Add.make_args(e) if not isinstance(t, sp.Order)])
    if main.has(sp.Order) or len(orders) > 1:
        return None
    if not orders:
        return main, None
    order = _remainder_order(orders[0], variable, point)
    return (main, order) if order is not None else None


def taylor_expansion(variable: sp.Symbol, point: Any = 0) -> StepMethod:
    r"""Step-method factory: Taylor's theorem, ``lhs = polynomial + O((x - a)**K)``.

    The right-hand side must be ``P + O((x - a)**K)`` (SymPy's ``Order`` as
    ``x -> a``, with ``K >= 1`` an integer).  The step is proved if SymPy's
    series of :math:`\text{lhs} - P` at :math:`x = a`, taken to order
    :math:`K`, has no terms left: then
    :math:`\text{lhs} - P = O((x - a)^K)`.  A wrong coefficient, a missing
    term, a remainder of the wrong order or at the wrong point, or a
    left-hand side that is not smooth enough at :math:`a` (a :math:`\log x`
    term, a pole) leaves terms and the step is refused.  If the left-hand
    side already has a remainder :math:`O((x - a)^{K'})`, the step is the
    weakening :math:`P' + O((x-a)^{K'}) = P + O((x-a)^K)`, valid when
    :math:`K \le K'` and :math:`P' - P = O((x-a)^K)`.

    Parameters
    ----------
    variable : Symbol
        The variable :math:`x` of the expansion.
    point : sympy expression, default 0
        The finite point :math:`a` it tends to; may involve other symbols
        (:math:`p \to q`).

    Returns
    -------
    callable
        The step method, for ``Derivation.step(..., method=...)`` on an
        equality step.

    See Also
    --------
    infolib.symbolic.phi : :math:`\varphi(r)`, whose expansion at 1 starts with
        :math:`(r - 1)^2/2`.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> at_0 = taylor_expansion(x)
    >>> at_0(sympy.log(1 + x), x - x**2 / 2 + sympy.O(x**3))
    True
    >>> at_0(sympy.log(1 + x), x + x**2 / 2 + sympy.O(x**3))    # wrong sign
    False
    >>> at_0(sympy.log(1 + x), x - x**2 / 2 + sympy.O(x**4))    # remainder too small
    False
    >>> at_0(x - x**2 / 2 + sympy.O(x**3), x + sympy.O(x**2))   # weakening
    True
    >>> d = Derivation(sympy.exp(x)).step(1 + x + sympy.O(x**2), "Taylor at 0", method=at_0)
    >>> d.check().checked
    True
    >>> k = sympy.Symbol("k", integer=True)   # a polynomial written as a finite sum
    >>> at_0(sympy.exp(x), sympy.Sum(x**k / sympy.factorial(k), (k, 0, 3)) + sympy.O(x**4))
    True
    """
    a = sp.sympify(point)
    if not isinstance(variable, sp.Symbol):
        raise TypeError(f"variable must be a sympy Symbol, got {variable!r}")
    if a.has(variable) or a.is_finite is False:
        raise ValueError(f"point must be finite and free of {variable}, got {a}")

    def taylor_expansion(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        left = _split(_drop_typed(sp.sympify(lhs)), variable, a)
        right = _split(_drop_typed(sp.sympify(rhs)), variable, a)
        if left is None or right is None:
            return False
        (lhs_main, lhs_order), (polynomial, order) = left, right
        if order is None:
            return False  # no remainder: not a Taylor statement (an exact step needs no series)
        if lhs_order is not None and lhs_order < order:
            return False  # a remainder cannot be made finer
        if polynomial.has(sp.Order) or lhs_main.has(sp.Order):
            return False
        try:  # finite sums and derivatives are evaluated first: series needs explicit terms
            difference = (lhs_main - polynomial).doit()
            residual = sp.series(difference, variable, a, order).removeO()
        except Exception:  # SymPy cannot expand it: not proved
            return False
        return sp.simplify(residual) == 0

    return taylor_expansion
