"""How a step may be proved: strategy names, relations, and the lemma protocol.

A step of a :class:`~infolib.symbolic.Derivation` is proved either by one of
the built-in strategies (named by a string) or by a callable, a *lemma* of
the chapter's own.  A lemma on an equality step is called as
``method(lhs, rhs)``.  A lemma on an inequality step must know which relation
it is asked to prove, or a reversed inequality would pass unnoticed: it either
accepts a keyword argument ``relation`` (and is called as
``method(lhs, rhs, relation="<=")``), or declares the one relation it proves
with :func:`lemma` (``@lemma(proves="<=")``).  A callable that does neither is
refused on an inequality step, and one that declares another relation than
the step claims is refused too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

#: Type of the optional user-supplied proof of a step.
StepMethod = Callable[..., bool]

_EQ_METHODS = ("simplify", "expand", "expand_log", "sum_linear", "substitute", "doit")
_INEQ_METHODS = ("nonnegative", "termwise", "substitute")
_RELATIONS = {
    "=": "=",
    "==": "=",
    "<=": "<=",
    ">=": ">=",
    "<": "<",
    ">": ">",
    "\u2264": "<=",
    "\u2265": ">=",
}


def normalize_relation(relation: Any, name: str = "relation") -> str:
    """``relation`` in canonical spelling (``"="``, ``"<="``, ...) or ``ValueError``."""
    rel = _RELATIONS.get(relation) if isinstance(relation, str) else None
    if rel is None:
        raise ValueError(
            f"{name} must be one of {sorted(set(_RELATIONS.values()))}, got {relation!r}"
        )
    return rel


def lemma(proves: str = "=") -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    r"""Declare the relation a step method proves.

    ``@lemma(proves="<=")`` marks ``f(lhs, rhs) -> bool`` as a proof of
    ``lhs <= rhs``; a :class:`~infolib.symbolic.Derivation` then refuses to use
    it on a step that claims any other relation (for instance ``>=``, or a
    strict ``<``).  A method that can prove several relations takes a keyword
    argument ``relation`` instead and needs no declaration.

    Parameters
    ----------
    proves : {"=", "<=", ">=", "<", ">"}, default "="
        The relation ``lhs <proves> rhs`` that a ``True`` result establishes.

    Returns
    -------
    callable
        A decorator that sets the attribute ``proves`` and returns the function.

    Examples
    --------
    >>> import sympy
    >>> from infolib.symbolic import Derivation, prove_nonnegative
    >>> t = sympy.Symbol("t", positive=True)
    >>> @lemma(proves="<=")
    ... def below_tangent(lhs, rhs):
    ...     return prove_nonnegative(rhs - lhs)
    >>> Derivation(sympy.log(t)).step(t - 1, "tangent", relation="<=",
    ...                               method=below_tangent).check().relation
    '<='
    >>> Derivation(sympy.log(t)).step(t - 1, "tangent", relation=">=", method=below_tangent)
    Traceback (most recent call last):
    ...
    ValueError: the method below_tangent proves '<=', but the step claims '>='
    """
    rel = normalize_relation(proves, "proves")

    def declare(method: Callable[..., bool]) -> Callable[..., bool]:
        method.proves = rel  # type: ignore[attr-defined]
        return method

    return declare


def _method_name(method: Any) -> str:
    return getattr(method, "__name__", type(method).__name__)


def _accepts_relation(method: Callable[..., bool]) -> bool:
    try:
        params = inspect.signature(method).parameters.values()
    except (TypeError, ValueError):  # builtins without a signature
        return False
    return any(
        p.name == "relation" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params
    )


def lemma_protocol_error(method: Callable[..., bool], relation: str) -> str | None:
    """Why ``method`` may not prove a step claiming ``relation`` (None if it may)."""
    declared = getattr(method, "proves", None)
    name = _method_name(method)
    if declared is not None and declared != relation:
        return f"the method {name} proves {declared!r}, but the step claims {relation!r}"
    if relation != "=" and declared is None and not _accepts_relation(method):
        return (
            f"the method {name} on a {relation!r} step is not told which relation to prove: "
            "give it a keyword argument relation=..., or declare it with "
            f"@infolib.symbolic.lemma(proves={relation!r})"
        )
    return None


def call_step_method(method: Callable[..., bool], lhs: Any, rhs: Any, relation: str) -> bool:
    """Run a callable step method under the lemma protocol (see the module docstring)."""
    if lemma_protocol_error(method, relation) is not None:
        return False
    if _accepts_relation(method):
        return bool(method(lhs, rhs, relation=relation))
    return bool(method(lhs, rhs))


def _validate_method(method: Any, relation: str, has_subs: bool) -> None:
    if method is None:
        return
    if callable(method):
        problem = lemma_protocol_error(method, relation)
        if problem is not None:
            raise ValueError(problem)
        return
    allowed = _EQ_METHODS if relation == "=" else _INEQ_METHODS
    if method not in allowed:
        raise ValueError(
            f"unknown method {method!r} for a {relation!r} step; use one of {allowed}, "
            "None (automatic) or a callable f(lhs, rhs) -> bool"
        )
    if method == "substitute" and not has_subs:
        raise ValueError("method='substitute' needs substitutions (on the Derivation or the step)")


__all__ = ["StepMethod", "lemma", "normalize_relation"]
