r"""Rounding up in inequality steps: :math:`t \le \lceil t \rceil < t + 1`.

SymPy knows little about ``ceiling`` inside sums: it cannot show, for
example, that :math:`\sum_i p_i \lceil -\log_2 q_i \rceil` is at least
:math:`\sum_i p_i (-\log_2 q_i)`.  :func:`ceiling_bounds` proves an inequality
step from the two bounds of rounding up and nothing else, so a chain such as
the one for the Shannon code, :math:`H_2(p, q) \le \sum_i p_i L_i <
H_2(p, q) + 1` with :math:`L_i = \lceil -\log_2 q_i \rceil`, is checked step
by step.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from infolib.symbolic._sign import prove_nonnegative
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["ceiling_bounds"]

# ceil(t) = t + up(t) with up(t) >= 0, or ceil(t) = t + 1 - down(t) with down(t) > 0
_UP = sp.Function("ceiling_gap_up", nonnegative=True)
_DOWN = sp.Function("ceiling_gap_down", positive=True)


def _drop_typed(e: sp.Basic) -> sp.Basic:
    return e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])


def ceiling_bounds(lhs: Any, rhs: Any, relation: str = "<=") -> bool:
    r"""Step method: prove an inequality step using :math:`t \le \lceil t \rceil < t + 1`.

    Every :math:`\lceil t \rceil` in the step is replaced, once by
    :math:`t + r` with an arbitrary :math:`r \ge 0` (this uses
    :math:`\lceil t \rceil \ge t`), once by :math:`t + 1 - s` with an arbitrary
    :math:`s > 0` (this uses :math:`\lceil t \rceil < t + 1`), a separate
    unknown for each distinct :math:`t`.  The step holds if, for one of the
    two replacements, the inequality is proved for *every* such value (by
    :func:`~infolib.symbolic.prove_nonnegative`): the true value
    :math:`\lceil t \rceil - t \in [0, 1)` is among them.  Nothing else about
    ``ceiling`` is used, so a step that needs more (for instance
    :math:`\lceil t \rceil = t` for an integer :math:`t`) is refused.

    Parameters
    ----------
    lhs, rhs : sympy expressions
        The two sides of the step.
    relation : {"<=", "<", ">=", ">"}
        The relation claimed (passed by :class:`~infolib.symbolic.Derivation`).
        An equality step is refused.

    Returns
    -------
    bool

    See Also
    --------
    infolib.coding.shannon_lengths : the lengths :math:`\lceil -\log_2 q_i \rceil`.

    Examples
    --------
    >>> import sympy
    >>> t = sympy.Symbol("t", real=True)
    >>> ceiling_bounds(t, sympy.ceiling(t), relation="<=")
    True
    >>> ceiling_bounds(sympy.ceiling(t), t + 1, relation="<")
    True
    >>> ceiling_bounds(t, sympy.ceiling(t), relation="<")   # equal when t is an integer
    False
    >>> ceiling_bounds(sympy.ceiling(t), t + sympy.Rational(1, 2), relation="<")
    False

    In a derivation, over a sum of Shannon code lengths:

    >>> from infolib.symbolic import categorical_symbols
    >>> p, q, i, n = categorical_symbols()
    >>> bits = -sympy.log(q[i]) / sympy.log(2)
    >>> d = Derivation(sympy.Sum(p[i] * bits, (i, 1, n))).step(
    ...     sympy.Sum(p[i] * sympy.ceiling(bits), (i, 1, n)), "round up",
    ...     relation="<=", method=ceiling_bounds)
    >>> d.check().relation
    '<='
    """
    if relation not in ("<=", "<", ">=", ">"):
        return False
    lhs, rhs = _drop_typed(sp.sympify(lhs)), _drop_typed(sp.sympify(rhs))
    gap = rhs - lhs if relation in ("<=", "<") else lhs - rhs
    if not gap.has(sp.ceiling):
        return False
    strict = relation in ("<", ">")
    for bound in (lambda t: t + _UP(t), lambda t: t + 1 - _DOWN(t)):
        replaced = gap.replace(sp.ceiling, bound)
        if not replaced.has(sp.ceiling) and prove_nonnegative(replaced, strict=strict):
            return True
    return False
