"""Proving ``lhs == rhs`` exactly: the equality strategies, cheapest first."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import sympy as sp

from infolib.symbolic._methods import _validate_method
from infolib.symbolic._normalize import (
    _apply_pairs,
    _doit_applicable,
    _is_zero,
    _normalize,
    _normalized_pairs,
    _ops,
)
from infolib.symbolic.symbols import categorical_symbols  # noqa: F401 (doctests)


def _eq_attempts(
    diff: sp.Expr, name: str, pairs: tuple[tuple[sp.Basic, sp.Basic], ...]
) -> Iterator[sp.Basic]:
    if name == "structural":
        yield diff
    elif name in ("expand", "expand_log"):
        yield sp.expand(sp.expand_log(diff)) if name == "expand_log" else sp.expand(diff)
    elif name == "sum_linear":
        yield _normalize(diff)
    elif name == "simplify":
        yield sp.simplify(diff)
        yield sp.simplify(_normalize(diff))
    elif name == "substitute":
        substituted = _apply_pairs(_normalize(diff), pairs)
        yield substituted
        yield sp.simplify(substituted)
    elif name == "doit":
        done = _normalize(diff.doit())
        yield done
        yield sp.simplify(done)
        if pairs:
            substituted = _apply_pairs(done, pairs)
            yield substituted
            yield sp.simplify(substituted)
    else:  # pragma: no cover - guarded by the callers
        raise ValueError(f"unknown method {name!r}")


def _equal_infinite_by_doit(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """``lhs == rhs`` when one side is ``oo`` or ``-oo``: evaluate the other side and compare.

    The difference of the two sides cannot decide such a step (``oo - oo`` is
    ``nan``), so the ``doit`` strategy evaluates the finite-looking side (for
    instance a limit) and requires exactly the infinite value of the other.
    """
    for value, other in ((rhs, lhs), (lhs, rhs)):
        if value in (sp.oo, -sp.oo) and other not in (sp.oo, -sp.oo):
            try:
                done = sp.simplify(sp.sympify(other).doit())
            except Exception:  # pragma: no cover - evaluation failure
                return False
            return done == value
    return False


def _prove_zero(
    diff: sp.Expr, method: str | None, pairs: tuple[tuple[sp.Basic, sp.Basic], ...]
) -> tuple[str | None, sp.Basic]:
    """Return (strategy that proved ``diff == 0`` or None, simplest residual)."""
    if method is None:
        order = ["structural", "expand", "sum_linear", "simplify"]
        if pairs:
            order.append("substitute")
        if _doit_applicable(diff):
            order.append("doit")
    else:
        order = [method]
    seen: list[sp.Basic] = []
    for name in order:
        for residual in _eq_attempts(diff, name, pairs):
            if _is_zero(residual):
                return name, residual
            seen.append(residual)
    best = min(seen, key=_ops) if seen else diff
    return None, best


def prove_equal(
    lhs: Any,
    rhs: Any,
    *,
    method: str | None = None,
    substitutions: Mapping[Any, Any] | None = None,
) -> bool:
    r"""Whether SymPy can prove ``lhs == rhs`` exactly.

    Uses the same strategies as :meth:`Derivation.check` (see the module
    docstring).  ``False`` means "not proved", not "proved false".

    Parameters
    ----------
    lhs, rhs : sympy expressions
    method : str, optional
        One of ``"simplify"``, ``"expand"``, ``"expand_log"``,
        ``"sum_linear"``, ``"substitute"``, ``"doit"``; default: all, cheapest
        first.
    substitutions : mapping, optional
        Facts ``{expression: value}`` such as ``{Sum(p[i], (i, 1, n)): 1}``.

    Returns
    -------
    bool

    Examples
    --------
    >>> import sympy
    >>> p, q, i, n = categorical_symbols()
    >>> s = lambda e: sympy.Sum(e, (i, 1, n))
    >>> prove_equal(s(p[i] + q[i]), s(p[i]) + s(q[i]))
    True
    >>> prove_equal(s(2 * p[i]), 2, substitutions={s(p[i]): 1})
    True
    >>> prove_equal(s(p[i] * q[i]), s(p[i]) * s(q[i]))
    False
    """
    _validate_method(method, "=", bool(substitutions))
    if method == "doit" and _equal_infinite_by_doit(sp.sympify(lhs), sp.sympify(rhs)):
        return True
    pairs = _normalized_pairs(substitutions or {})
    diff = sp.sympify(lhs) - sp.sympify(rhs)
    return _prove_zero(diff, method, pairs)[0] is not None
