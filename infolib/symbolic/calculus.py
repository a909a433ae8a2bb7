r"""Calculus steps SymPy cannot be trusted to do alone: changes of variables.

A substitution step ("put :math:`t = e^{-u}`") is easy to fake: evaluating
both limits, or both integrals, accepts any rewriting with the same value.
:func:`change_of_variables` proves the step *as a substitution*: it carries
out the substitution in every limit or integral over the old variable,
checks the conditions that make it valid, and then requires the transformed
expression to equal the next line.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic._sign import prove_nonnegative
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["change_of_variables"]


def _drop_typed(e: sp.Basic) -> sp.Basic:
    return e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])


def _monotone_sign(g: sp.Expr, var: sp.Symbol) -> int:
    """+1 if g is provably increasing in var on its domain, -1 if decreasing, 0 otherwise."""
    slope = sp.diff(g, var)
    if prove_nonnegative(slope, strict=True):
        return 1
    if prove_nonnegative(-slope, strict=True):
        return -1
    return 0


def _one_sided_limit(g: sp.Expr, var: sp.Symbol, point: sp.Expr, side: str) -> sp.Expr:
    if point in (sp.oo, -sp.oo):
        return sp.limit(g, var, point)
    return sp.limit(g, var, point, side)


def _targets(rhs: sp.Basic, cls: type, var: sp.Symbol) -> set:
    """Limit points (for Limit) or ranges (for Integral) over ``var`` in ``rhs``."""
    found = set()
    for e in sp.preorder_traversal(rhs):
        if cls is sp.Limit and isinstance(e, sp.Limit) and e.args[1] == var:
            found.add((e.args[2], str(e.args[3])))
        if cls is sp.Integral and isinstance(e, sp.Integral):
            for lim in e.limits:
                if lim[0] == var and len(lim) == 3:
                    found.add((lim[1], lim[2]))
    return found


def _transform_limit(e: sp.Limit, old: sp.Symbol, g: sp.Expr, new: sp.Symbol, target) -> Any:
    body, var, point, side = e.args
    if var != old:
        return None
    new_point, new_side = target
    side = str(side)
    if _one_sided_limit(g, new, new_point, new_side) != point:
        return None  # u -> u0 does not send t = g(u) to the old limit point
    if point.is_finite:  # g must approach t0 from the side the old limit asks for
        away = g - point
        if side == "+" and not prove_nonnegative(away, strict=True):
            return None
        if side == "-" and not prove_nonnegative(-away, strict=True):
            return None
        if side == "+-" and not (
            prove_nonnegative(away, strict=True) or prove_nonnegative(-away, strict=True)
        ):
            return None
    if not _monotone_sign(g, new):
        return None  # not a bijection near the point: the limits need not agree
    return sp.Limit(body.subs(old, g), new, new_point, new_side)


def _transform_integral(e: sp.Integral, old: sp.Symbol, g: sp.Expr, new: sp.Symbol, target):
    if len(e.limits) != 1 or e.limits[0][0] != old or len(e.limits[0]) != 3:
        return None
    _, a, b = e.limits[0]
    c, d = target
    if (d - c).is_extended_positive is not True:
        return None
    direction = _monotone_sign(g, new)
    if direction == 0:
        return None
    ends = (_one_sided_limit(g, new, c, "+"), _one_sided_limit(g, new, d, "-"))
    if ends != ((a, b) if direction > 0 else (b, a)):
        return None  # the new range is not mapped onto the old one
    jacobian = direction * sp.diff(g, new)  # |g'(u)|: a decreasing g also swaps the ends
    return sp.Integral(e.function.subs(old, g) * jacobian, (new, c, d))


def change_of_variables(old: sp.Symbol, new_expr: Any, new: sp.Symbol) -> StepMethod:
    r"""Step-method factory: substitute ``old = new_expr`` (a function of ``new``).

    Every ``Limit`` and every ``Integral`` over ``old`` in the left-hand side
    is transformed, and the result must equal the right-hand side (proved by
    the equality prover, so the *transformed expression* is compared, not
    just values).  The new limit point, or the new range of integration, is
    read from the right-hand side, and the substitution is accepted only if

    - :math:`g = ` ``new_expr`` is strictly monotone in ``new`` on the domain
      declared for ``new`` (its derivative is provably positive or negative),
      so that it is a bijection;
    - for a limit :math:`t \to t_0^{\pm}`: :math:`g(u) \to t_0` as ``new``
      tends to the new point, from the side the old limit asks for
      (:math:`g(u) > t_0` for :math:`t \to t_0^+`);
    - for an integral over :math:`(a, b)`: :math:`g` maps the new range
      :math:`(c, d)` onto :math:`(a, b)`, and the integrand gains the factor
      :math:`|g'(u)|`.

    Parameters
    ----------
    old : Symbol
        The variable being replaced.
    new_expr : sympy expression
        :math:`g(u)`, what ``old`` becomes.
    new : Symbol
        The new variable :math:`u`, with assumptions giving its domain
        (``positive=True`` for :math:`(0, \infty)`, ``real=True`` for
        :math:`\mathbb R`).

    Returns
    -------
    callable
        The step method.

    Examples
    --------
    >>> import sympy
    >>> t, u = sympy.symbols("t u", positive=True)
    >>> by_t_exp = change_of_variables(t, sympy.exp(-u), u)
    >>> lhs = sympy.Limit(t * sympy.log(t), t, 0, "+")
    >>> by_t_exp(lhs, sympy.Limit(-u * sympy.exp(-u), u, sympy.oo))
    True
    >>> by_t_exp(lhs, sympy.Limit(-u * sympy.exp(-2 * u), u, sympy.oo))  # same value, wrong
    False
    >>> x, y = sympy.symbols("x y", real=True)
    >>> shift = change_of_variables(x, 2 * y + 1, y)
    >>> shift(sympy.Integral(sympy.exp(-x**2), (x, -sympy.oo, sympy.oo)),
    ...       sympy.Integral(2 * sympy.exp(-(2 * y + 1)**2), (y, -sympy.oo, sympy.oo)))
    True
    """
    g = sp.sympify(new_expr)
    if not isinstance(old, sp.Symbol) or not isinstance(new, sp.Symbol):
        raise TypeError(f"old and new must be sympy Symbols, got {old!r} and {new!r}")
    if old in g.free_symbols:
        raise ValueError(f"new_expr must not contain the old variable {old}, got {g}")

    def change_of_variables(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        lhs, rhs = _drop_typed(lhs), _drop_typed(rhs)
        transformed = lhs
        for cls, transform in ((sp.Limit, _transform_limit), (sp.Integral, _transform_integral)):
            olds = [
                e
                for e in sp.preorder_traversal(lhs)
                if isinstance(e, cls) and old in {lim[0] for lim in _limits(e)}
            ]
            if not olds:
                continue
            targets = _targets(rhs, cls, new)
            if len(targets) != 1:
                return False  # the new point or range must be unambiguous
            (target,) = targets
            for e in olds:
                replaced = transform(e, old, g, new, target)
                if replaced is None:
                    return False
                transformed = transformed.xreplace({e: replaced})
        if transformed == lhs:
            return False  # nothing was substituted
        return _equal_without_evaluating(transformed, rhs, new)

    return change_of_variables


def _limits(e: sp.Basic) -> list[tuple]:
    if isinstance(e, sp.Limit):
        return [(e.args[1],)]
    return [tuple(lim) for lim in e.limits]


def _equal_without_evaluating(a: sp.Basic, b: sp.Basic, var: sp.Symbol) -> bool:
    """``a == b`` where limits and integrals over ``var`` are matched, never evaluated.

    Evaluating both sides would accept any rewriting with the same value.
    Each limit or integral over ``var`` in ``a`` must meet one in ``b`` with
    the same point or range and a provably equal body; matched pairs are then
    replaced by one fresh symbol, and what remains is compared.
    """

    def binders(e: sp.Basic) -> list:
        return [
            x
            for x in sp.preorder_traversal(e)
            if isinstance(x, (sp.Limit, sp.Integral)) and var in {lim[0] for lim in _limits(x)}
        ]

    def same(x: sp.Basic, y: sp.Basic) -> bool:
        if type(x) is not type(y):
            return False
        if isinstance(x, sp.Limit):
            return x.args[1:] == y.args[1:] and prove_equal(x.args[0], y.args[0])
        return x.limits == y.limits and prove_equal(x.function, y.function)

    left, right = binders(a), binders(b)
    frozen_a, frozen_b = {}, {}
    for x in left:
        partner = next((y for y in right if y not in frozen_b and same(x, y)), None)
        if partner is None:
            return False
        frozen_a[x] = frozen_b[partner] = sp.Dummy("binder")
    if len(frozen_b) != len(right):
        return False
    return prove_equal(a.xreplace(frozen_a), b.xreplace(frozen_b))
