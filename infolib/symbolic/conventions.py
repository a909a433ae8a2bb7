r"""The convention :math:`0 \log 0 = 0`, as an explicit step of a derivation.

SymPy evaluates ``0 * log(0)`` to ``nan``, and its Kronecker-delta rules can
reach :math:`H(e_y) = 0` without ever using the convention that the text
states.  Here the summand :math:`t \log t` of an entropy is written
:func:`xlogx` (shown as :math:`t \log t`, never evaluated on its own), so a
derivation can display :math:`0 \log 0` and then apply the convention in a
step of its own, proved by :func:`zero_log_zero`.  :func:`one_hot_sum`
evaluates a sum over a one-hot vector: one term at :math:`1`, the others at
:math:`0`.
"""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["XLogX", "one_hot_sum", "xlogx", "zero_log_zero"]


class XLogX(sp.Function):
    r""":math:`t \log t` with :math:`0 \log 0 = 0`; unevaluated until :func:`zero_log_zero`."""

    nargs = 1

    def _latex(self, printer: Any) -> str:
        shown = printer.parenthesize(self.args[0], PRECEDENCE["Mul"])
        return rf"{shown} \log {shown}"

    def _eval_is_real(self) -> bool | None:
        return True if self.args[0].is_nonnegative else None


def xlogx(t: Any) -> XLogX:
    r"""The entropy summand :math:`t \log t`, with the convention :math:`0 \log 0 = 0`.

    Examples
    --------
    >>> import sympy
    >>> sympy.latex(xlogx(sympy.Integer(0)))
    '0 \\log 0'
    """
    return XLogX(sp.sympify(t))


def _evaluate(e: sp.Basic) -> sp.Basic:
    """Every ``xlogx(t)`` as ``t log t``, and ``xlogx(0)`` as ``0`` (the convention)."""
    return e.replace(
        lambda a: isinstance(a, XLogX),
        lambda a: sp.Integer(0) if a.args[0] == 0 else a.args[0] * sp.log(a.args[0]),
    )


def zero_log_zero(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    r"""Step method: apply the convention :math:`0 \log 0 = 0` (and evaluate :math:`t \log t`).

    Both sides have each :func:`xlogx` replaced: :math:`0 \log 0` by
    :math:`0`, which is the convention (the limit of :math:`t \log t` as
    :math:`t \to 0^+`, chapter 1), and :math:`t \log t` by the product for
    every other argument.  The step holds if the results are provably equal.

    Examples
    --------
    >>> import sympy
    >>> K = sympy.Symbol("K", integer=True, positive=True)
    >>> zero_log_zero(-(xlogx(1) + (K - 1) * xlogx(0)), sympy.Integer(0))
    True
    >>> zero_log_zero(xlogx(0), sympy.Integer(1))
    False
    """
    return prove_equal(_evaluate(lhs), _evaluate(rhs))


def one_hot_sum(*facts: sp.Basic) -> StepMethod:
    r"""Step-method factory: a sum over a one-hot vector has one term at 1, the rest at 0.

    For :math:`1 \le y \le K`,
    :math:`\sum_{k=1}^K F(\delta_{ky}) = F(1) + (K - 1)\,F(0)` for any
    :math:`F`: exactly one index, :math:`k = y`, has :math:`\delta_{ky} = 1`.
    Every such sum in the left-hand side (its summand may depend on the index
    only through the delta) is replaced, :math:`F(0)` left unevaluated (so
    :math:`0 \log 0` can be shown), and the result must equal the right-hand
    side.  ``facts`` state the range of :math:`y`, as SymPy relations; both
    :math:`y \ge 1` and :math:`y \le K` are needed.

    Examples
    --------
    >>> import sympy
    >>> k, y = sympy.symbols("k y", integer=True)
    >>> K = sympy.Symbol("K", integer=True, positive=True)
    >>> e_y = sympy.KroneckerDelta(k, y)
    >>> H = -sympy.Sum(xlogx(e_y), (k, 1, K))
    >>> split = one_hot_sum(y >= 1, y <= K)
    >>> split(H, -(xlogx(1) + (K - 1) * xlogx(0)))
    True
    >>> one_hot_sum(y <= K)(H, -(xlogx(1) + (K - 1) * xlogx(0)))   # y >= 1 not stated
    False
    """
    stated = set()
    for fact in facts:
        if not isinstance(fact, sp.core.relational.Relational):
            raise TypeError(f"facts must be SymPy relations such as y <= K, got {fact!r}")
        stated |= {fact, fact.reversed}

    def in_range(y: sp.Basic, low: sp.Basic, high: sp.Basic) -> bool:
        return bool({sp.Ge(y, low), sp.Le(y, high)} <= stated) or (
            bool((y - low).is_nonnegative) and bool((high - y).is_nonnegative)
        )

    def split(s: sp.Sum) -> sp.Basic | None:
        if len(s.limits) != 1:
            return None
        k, low, high = s.limits[0]
        for delta in s.function.atoms(sp.KroneckerDelta):
            if k not in delta.args:
                continue
            (y,) = [a for a in delta.args if a != k] or [None]
            if y is None or y.has(k) or not in_range(y, low, high):
                continue
            slot = sp.Dummy("delta")
            shaped = s.function.xreplace({delta: slot})
            if shaped.has(k):
                continue
            at = {v: shaped.xreplace({slot: sp.Integer(v)}) for v in (0, 1)}
            return at[1] + (high - low) * at[0]
        return None

    def one_hot_sum(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        lhs = lhs.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])
        sums = [e for e in sp.preorder_traversal(lhs) if isinstance(e, sp.Sum)]
        replaced = {s: split(s) for s in sums}
        if not sums or any(v is None for v in replaced.values()):
            return False
        new = lhs.xreplace(replaced)
        if new.has(sp.nan):
            return False
        return prove_equal(new, rhs)

    return one_hot_sum
