"""Names of the proof strategies a step may request, and their validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

#: Type of the optional user-supplied proof of a step.
StepMethod = Callable[[sp.Expr, sp.Expr], bool]

_EQ_METHODS = ("simplify", "expand", "expand_log", "sum_linear", "substitute", "doit")
_INEQ_METHODS = ("nonnegative", "termwise", "substitute")


def _validate_method(method: Any, relation: str, has_subs: bool) -> None:
    if method is None or callable(method):
        return
    allowed = _EQ_METHODS if relation == "=" else _INEQ_METHODS
    if method not in allowed:
        raise ValueError(
            f"unknown method {method!r} for a {relation!r} step; use one of {allowed}, "
            "None (automatic) or a callable f(lhs, rhs) -> bool"
        )
    if method == "substitute" and not has_subs:
        raise ValueError("method='substitute' needs substitutions (on the Derivation or the step)")
