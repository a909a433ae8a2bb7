r"""Steps that hold on an open interval: :math:`0 < \theta < 1`, :math:`0 < c < N`.

SymPy's assumptions know a symbol to be positive, negative or real, but not
to lie between two bounds: a parameter :math:`0 < \theta < 1` can only be
declared positive, so SymPy does not know that :math:`1 - \theta > 0`, and
will neither split :math:`\log\big((1 - \theta)^2\big)` nor decide the sign of
:math:`(1 - \theta)^{-2}`.  :func:`on_intervals` proves a step *for every
value of the variables in their intervals* by writing each variable as a
function of a fresh positive symbol :math:`u` that takes every value of the
interval exactly once:

.. math::

    v = a + \frac{b - a}{1 + u} \in (a, b), \qquad
    v = a + u \in (a, \infty), \qquad
    v = b - u \in (-\infty, b), \qquad u > 0 .

Used in chapter 4 (the Bernoulli log-likelihood is concave for
:math:`0 < c < N`, :math:`0 < \theta < 1`) and chapter 5 (logarithms of
binomial and geometric probabilities).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod, normalize_relation
from infolib.symbolic._sign import prove_nonnegative
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["on_intervals"]

#: Sign assumptions of a variable that its reparametrisation must keep.
_KEPT = ("real", "finite", "nonzero", "positive", "nonnegative", "negative", "nonpositive")
_BOUND_VARIABLES = (sp.Sum, sp.Product, sp.Integral, sp.Derivative, sp.Subs, sp.Lambda)


def _drop_typed(e: sp.Basic) -> sp.Basic:
    return e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])


def _bound_symbols(e: sp.Basic) -> set[sp.Basic]:
    """Symbols that ``e`` binds (summation, integration, differentiation variables)."""
    bound: set[sp.Basic] = set()
    for b in e.atoms(*_BOUND_VARIABLES):
        bound |= set(getattr(b, "variables", ()))
    return bound


def on_intervals(*ranges: tuple[Any, Any, Any]) -> StepMethod:
    r"""Step-method factory: prove a step for every value of variables in open intervals.

    Each range ``(v, a, b)`` says :math:`a < v < b` (``a`` may be ``-oo``, ``b``
    may be ``oo``, not both).  The method replaces every ``v`` in both sides by

    .. math::

        a + \frac{b - a}{1 + u}\ \ (a, b \text{ finite}), \qquad a + u\ \ (b = \infty),
        \qquad b - u\ \ (a = -\infty),

    with a fresh symbol :math:`u > 0` per variable, and proves the result:
    an equality with :func:`~infolib.symbolic.prove_equal`, an inequality
    (``lhs <= rhs`` etc.) by proving ``rhs - lhs`` nonnegative (positive if
    strict) with :func:`~infolib.symbolic.prove_nonnegative`.

    Why it is sound: each replacement is a bijection from :math:`u > 0` onto
    the interval (the first one is strictly decreasing, from :math:`b` at
    :math:`u \to 0` to :math:`a` at :math:`u \to \infty`), so "the step holds
    for every :math:`u > 0`" says exactly "the step holds for every
    :math:`v` in :math:`(a, b)`", and SymPy proves the former from the
    assumption :math:`u > 0` alone.  The method refuses (returns ``False``)
    rather than prove something else:

    - if a variable is bound in the step (a summation or differentiation
      variable: replacing it would change the expression, not evaluate it);
    - if the interval leaves the variable's declared domain (a ``positive``
      variable needs :math:`a \ge 0`), since the step's expressions were built
      under those assumptions.

    An integer variable (a count :math:`N`) is allowed: the step is then
    proved for every real value in the interval, integers included.

    Parameters
    ----------
    *ranges : tuples ``(variable, lower, upper)``
        The variables (SymPy symbols) and their open intervals.  The bounds may
        contain other symbols (``(N, c, oo)`` says :math:`N > c`) but none of
        the variables being replaced, and ``upper - lower`` must be provably
        positive.

    Returns
    -------
    callable
        The step method ``f(lhs, rhs, relation="=") -> bool``, usable on
        equality and inequality steps.

    Raises
    ------
    TypeError
        If a variable is not a SymPy symbol or a range is not a triple.
    ValueError
        If an interval is unbounded on both sides, empty or not provably
        non-empty, depends on one of the variables, or names a variable twice.

    See Also
    --------
    infolib.symbolic.lemma : declaring the relation of a lemma of one's own.
    infolib.symbolic.prove_nonnegative : the sign prover used for inequalities.

    Examples
    --------
    :math:`\log\big((1 - \theta)^2\big) = 2 \log(1 - \theta)` needs :math:`\theta < 1`:

    >>> import sympy
    >>> theta = sympy.Symbol("theta", positive=True)
    >>> unit = on_intervals((theta, 0, 1))
    >>> lhs = sympy.log((1 - theta) ** 2)
    >>> unit(lhs, 2 * sympy.log(1 - theta)), unit(lhs, sympy.log(1 - theta))
    (True, False)

    The Bernoulli log-likelihood :math:`c \log\theta + (N - c)\log(1 - \theta)`
    is concave when :math:`0 < c < N` and :math:`0 < \theta < 1`:

    >>> c, N = sympy.symbols("c N", positive=True)
    >>> second = -c / theta**2 - (N - c) / (1 - theta) ** 2
    >>> d = Derivation(second).step(0, "$0 < c < N$, $0 < \\theta < 1$", relation="<",
    ...                            method=on_intervals((theta, 0, 1), (N, c, sympy.oo)))
    >>> d.check().relation
    '<'
    >>> on_intervals((theta, 0, 1))(second, 0, relation="<")   # N > c not stated
    False
    """
    if not ranges:
        raise ValueError("on_intervals needs at least one range (variable, lower, upper)")
    replacements: dict[sp.Symbol, sp.Expr] = {}
    for rng in ranges:
        if not isinstance(rng, tuple) or len(rng) != 3:
            raise TypeError(f"each range must be a tuple (variable, lower, upper), got {rng!r}")
        v, a, b = rng[0], sp.sympify(rng[1]), sp.sympify(rng[2])
        if not isinstance(v, sp.Symbol):
            raise TypeError(f"the variable of a range must be a sympy Symbol, got {v!r}")
        if v in replacements:
            raise ValueError(f"the variable {v} has two ranges")
        low_inf, high_inf = a == -sp.oo, b == sp.oo
        if low_inf and high_inf:
            raise ValueError(f"the range of {v} is the whole real line: it states nothing")
        if (a.is_infinite and not low_inf) or (b.is_infinite and not high_inf):
            raise ValueError(f"the range ({a}, {b}) of {v} is empty")
        if not (low_inf or high_inf) and (b - a).is_positive is not True:
            raise ValueError(
                f"cannot show that the range ({a}, {b}) of {v} is non-empty: "
                f"declare the symbols so that {b - a} > 0 is known"
            )
        u = sp.Dummy(f"u_{v.name}", positive=True)
        if high_inf:
            replacements[v] = a + u
        elif low_inf:
            replacements[v] = b - u
        else:
            replacements[v] = a + (b - a) / (1 + u)
    for v, a, b in ((r[0], sp.sympify(r[1]), sp.sympify(r[2])) for r in ranges):
        if a.has(*replacements) or b.has(*replacements):
            raise ValueError(f"the range ({a}, {b}) of {v} depends on a variable being replaced")

    def keeps_domain(v: sp.Symbol, value: sp.Expr) -> bool:
        return all(
            getattr(value, f"is_{name}") is True
            for name in _KEPT
            if getattr(v, f"is_{name}") is True
        )

    domain_ok = all(keeps_domain(v, value) for v, value in replacements.items())

    def on_intervals(lhs: sp.Expr, rhs: sp.Expr, relation: str = "=") -> bool:
        rel = normalize_relation(relation)
        if not domain_ok:
            return False
        lhs, rhs = _drop_typed(sp.sympify(lhs)), _drop_typed(sp.sympify(rhs))
        if (_bound_symbols(lhs) | _bound_symbols(rhs)) & set(replacements):
            return False
        left, right = lhs.xreplace(replacements), rhs.xreplace(replacements)
        if rel == "=":
            return prove_equal(left, right)
        difference = right - left if rel in ("<=", "<") else left - right
        return prove_nonnegative(difference, strict=rel in ("<", ">"))

    return on_intervals
