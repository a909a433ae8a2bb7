"""Proof-step helpers for what SymPy cannot do alone: sum swaps, deltas, multipliers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sympy as sp

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["evaluate_deltas", "lagrange_stationary_points", "swap_sums"]


def swap_sums(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    r"""Step method: swap the order of the double sum in ``lhs``, then prove ``= rhs``.

    :math:`\sum_{i=a}^{b}\sum_{j=c}^{d} f_{ij} = \sum_{j=c}^{d}\sum_{i=a}^{b} f_{ij}`
    holds for finite sums whose ranges do not depend on each other's index; the
    method checks both conditions, so it refuses a swap that would be wrong.
    ``lhs`` must contain exactly one double sum (write nested sums with
    ``sympy.UnevaluatedExpr`` to *display* them as two sums; SymPy merges them).
    Used in chapter 5 (grouping samples into counts).

    Examples
    --------
    >>> import sympy
    >>> i, j, n, m = sympy.symbols("i j n m", integer=True, positive=True)
    >>> a = sympy.IndexedBase("a")
    >>> swap_sums(sympy.Sum(a[i, j], (j, 1, m), (i, 1, n)),
    ...           sympy.Sum(a[i, j], (i, 1, n), (j, 1, m)))
    True
    >>> swap_sums(sympy.Sum(a[i, j], (j, 1, i), (i, 1, n)),  # inner range depends on i
    ...           sympy.Sum(a[i, j], (i, 1, n), (j, 1, i)))
    False
    """
    lhs = lhs.replace(lambda e: isinstance(e, sp.UnevaluatedExpr), lambda e: e.args[0])
    doubles = [
        e for e in sp.preorder_traversal(lhs) if isinstance(e, sp.Sum) and len(e.limits) == 2
    ]
    if len(doubles) != 1:
        return False
    (v1, a1, b1), (v2, a2, b2) = doubles[0].limits
    finite = all(bound.is_finite for bound in (a1, b1, a2, b2))
    independent = not (a1.has(v2) or b1.has(v2) or a2.has(v1) or b2.has(v1))
    if not (finite and independent):
        return False
    swapped = doubles[0].reorder_limit(0, 1)
    return prove_equal(lhs.xreplace({doubles[0]: swapped}), rhs)


def evaluate_deltas(
    *facts: sp.Basic, substitutions: Mapping[Any, Any] | None = None
) -> StepMethod:
    r"""Step-method factory: evaluate derivatives and Kronecker-delta sums, then prove.

    Differentiating a sum over indexed symbols, or summing a Kronecker delta,
    leaves SymPy asking whether an index lies in the summation range: the sum
    :math:`\sum_{k=1}^K \delta_{ky} a_k` evaluates to
    ``Piecewise((a_y, (y >= 1) & (y <= K)), (0, True))``.
    The returned method evaluates ``lhs - rhs`` (``doit``), answers those
    questions *only* from ``facts`` (relations such as ``y <= K`` that the
    derivation assumes; both spellings, ``y <= K`` and ``K >= y``, are
    recognised), and requires the result to reduce to zero, using
    ``substitutions`` (e.g. :math:`\sum_k t_k = 1`) if given. Without the facts
    the ``Piecewise`` stays and the step is refused. Used in chapters 4, 5 and 6.

    Examples
    --------
    >>> import sympy
    >>> k, y, K = sympy.symbols("k y K", integer=True, positive=True)
    >>> a = sympy.IndexedBase("a")
    >>> picks_out = Derivation(sympy.Sum(sympy.KroneckerDelta(k, y) * a[k], (k, 1, K)))
    >>> picks_out.step(a[y], "only k = y survives", method=evaluate_deltas(y <= K)).check().checked
    True
    >>> evaluate_deltas()(sympy.Sum(sympy.KroneckerDelta(k, y) * a[k], (k, 1, K)), a[y])
    False
    """
    known: dict[sp.Basic, sp.Basic] = {}
    for fact in facts:
        if not isinstance(fact, sp.core.relational.Relational):
            raise TypeError(f"facts must be SymPy relations such as y <= K, got {fact!r}")
        known[fact] = sp.true
        known[fact.reversed] = sp.true

    def evaluate_deltas(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        difference = (lhs - rhs).replace(
            lambda e: isinstance(e, sp.UnevaluatedExpr), lambda e: e.args[0]
        )
        difference = difference.doit().doit().xreplace(known)
        if difference.has(sp.Piecewise):
            difference = sp.piecewise_fold(difference).xreplace(known)
        return prove_equal(difference, 0, substitutions=substitutions)

    return evaluate_deltas


def lagrange_stationary_points(
    objective: Any,
    variables: Sequence[sp.Symbol],
    constraints: Any,
    *,
    multipliers: Sequence[sp.Symbol] | None = None,
) -> list[dict[sp.Symbol, sp.Expr]]:
    r"""Stationary points of ``objective`` subject to equality constraints.

    Solves :math:`\nabla_x [f(x) - \sum_j \lambda_j g_j(x)] = 0`,
    :math:`g_j(x) = 0` with ``sympy.solve``.

    Parameters
    ----------
    objective : sympy expression
    variables : sequence of Symbol
    constraints : expression, Eq, or a sequence of them
        Each expression ``g`` means ``g = 0``; ``Eq(a, b)`` means ``a = b``.
    multipliers : sequence of Symbol, optional
        Default ``lambda_1, lambda_2, ...``.

    Returns
    -------
    list of dict
        One ``{symbol: value}`` per solution (variables and multipliers).

    Examples
    --------
    The distribution on three outcomes with maximal entropy is uniform:

    >>> import sympy
    >>> p1, p2, p3 = sympy.symbols("p1:4", positive=True)
    >>> H = -sum(v * sympy.log(v) for v in (p1, p2, p3))
    >>> [sol] = lagrange_stationary_points(H, [p1, p2, p3], p1 + p2 + p3 - 1)
    >>> sol[p1], sol[p2], sol[p3]
    (1/3, 1/3, 1/3)
    """
    if isinstance(constraints, (sp.Basic, int, float)) or not isinstance(constraints, Iterable):
        constraints = [constraints]
    gs = []
    for c in constraints:
        c = sp.sympify(c)
        gs.append(c.lhs - c.rhs if isinstance(c, sp.Equality) else c)
    if multipliers is None:
        multipliers = sp.symbols(f"lambda_1:{len(gs) + 1}")
    multipliers = list(multipliers)
    if len(multipliers) != len(gs):
        raise ValueError(f"need {len(gs)} multipliers, got {len(multipliers)}")
    lagrangian = sp.sympify(objective) - sum(m * g for m, g in zip(multipliers, gs, strict=True))
    equations = [sp.diff(lagrangian, v) for v in variables] + gs
    return sp.solve(equations, [*variables, *multipliers], dict=True)
