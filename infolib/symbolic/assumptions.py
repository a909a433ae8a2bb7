r"""Proving a step from weaker assumptions than the symbols carry.

SymPy's assumptions belong to a symbol, not to a range of indices: an
``IndexedBase("q", positive=True)`` says :math:`q_i > 0` for *every*
:math:`i`.  A proof often needs the strong assumption on one range and only
a weak one elsewhere; Gibbs' inequality needs :math:`q_i > 0` on the support
of :math:`p` but allows :math:`q_i = 0` outside it.  :func:`only_assuming`
proves one step with the symbol replaced by a namesake that carries *only* the
weaker assumption, so that the step is seen to follow from, say,
:math:`q_i \ge 0` alone.
"""

from __future__ import annotations

import sympy as sp

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic._sign import prove_nonnegative
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["only_assuming"]


def _weaker(original: sp.Basic, assumptions: dict[str, bool]) -> sp.Basic:
    """A namesake of ``original`` with only ``assumptions``; they must follow from its own."""
    if isinstance(original, sp.IndexedBase):
        new = sp.IndexedBase(original.name, **assumptions)
    elif isinstance(original, sp.Symbol):
        new = sp.Symbol(original.name, **assumptions)
    else:
        raise TypeError(f"only a Symbol or an IndexedBase can be weakened, got {original!r}")
    for fact, value in new.assumptions0.items():
        if fact == "commutative":
            continue
        if original.assumptions0.get(fact) != value:
            raise ValueError(
                f"{original} does not carry the assumption {fact}={value}: only_assuming may "
                "only weaken the assumptions of a symbol, never add to them"
            )
    return new


def only_assuming(symbol: sp.Basic, **assumptions: bool) -> StepMethod:
    r"""Step-method factory: prove the step with ``symbol`` assuming only ``assumptions``.

    ``symbol`` (a ``Symbol`` or an ``IndexedBase``) is replaced in both sides by
    a symbol of the same name that carries only the given assumptions, and the
    step is proved by the default strategies (an equality by
    :func:`~infolib.symbolic.prove_equal`, an inequality by
    :func:`~infolib.symbolic.prove_nonnegative`).  The assumptions must follow
    from the symbol's own (``nonnegative=True`` for a positive symbol), so the
    step is proved from *less* than the symbol carries; asking for more raises
    ``ValueError``.

    Parameters
    ----------
    symbol : Symbol or IndexedBase
        What to weaken, e.g. the model probabilities ``q``.
    **assumptions : bool
        SymPy assumptions of the weaker namesake, e.g. ``nonnegative=True``.

    Returns
    -------
    callable
        The step method, usable on equality and inequality steps (it takes the
        keyword ``relation``).

    See Also
    --------
    infolib.symbolic.prove_nonnegative : the sign prover used for inequalities.

    Examples
    --------
    >>> import sympy
    >>> from infolib.symbolic import sum_over
    >>> i = sympy.Symbol("i", integer=True)
    >>> m, r = sympy.symbols("m r", integer=True, nonnegative=True)
    >>> q = sympy.IndexedBase("q", positive=True)
    >>> tail = sum_over(i, m + 1, m + r)(q[i])
    >>> d = Derivation(sympy.Integer(0)).step(tail, "$q_i \\ge 0$", relation="<=",
    ...                                       method=only_assuming(q, nonnegative=True))
    >>> d.check().checked
    True
    >>> strict = Derivation(sympy.Integer(0)).step(tail, "needs $q_i > 0$", relation="<",
    ...                                            method=only_assuming(q, nonnegative=True))
    >>> strict.check()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    infolib.symbolic.DerivationError: step 1 ('needs $q_i > 0$') does not follow: ...
    """
    weak = _weaker(symbol, dict(assumptions))

    def only_assuming(lhs: sp.Expr, rhs: sp.Expr, relation: str = "=") -> bool:
        lhs = sp.sympify(lhs).xreplace({symbol: weak})
        rhs = sp.sympify(rhs).xreplace({symbol: weak})
        if relation == "=":
            return prove_equal(lhs, rhs)
        difference = rhs - lhs if relation in ("<", "<=") else lhs - rhs
        return prove_nonnegative(difference, strict=relation in ("<", ">"))

    return only_assuming
