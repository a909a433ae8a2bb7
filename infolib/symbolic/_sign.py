"""Proving ``expr >= 0``: assumptions, termwise arguments and convexity."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef

from infolib.symbolic._normalize import (
    _BINDERS,
    _apply_pairs,
    _is_zero,
    _normalize,
    _normalized_pairs,
    _ops,
)

_UNKNOWN, _NONNEG, _POS = 0, 1, 2

#: The convexity argument gives up on a variable whose second derivative has more
#: operations than this: simplify() on such an expression can take minutes (a
#: nested log of a rational function of 317 operations took 122 s) and almost never
#: decides its sign. Giving up is sound, it only means "not proved".
_CONVEXITY_MAX_OPS = 200


def _assumption_sign(e: sp.Basic) -> int:
    if not isinstance(e, sp.Expr):
        return _UNKNOWN
    if _is_zero(e):
        return _NONNEG
    if e.is_positive:
        return _POS
    if e.is_nonnegative:
        return _NONNEG
    if e.is_Mul or e.is_Add:
        signs = [_assumption_sign(a) for a in e.args]
        if all(signs):
            return min(signs) if e.is_Mul else max(signs)
    return _UNKNOWN


@functools.lru_cache(maxsize=1024)
def _sign_cheap(e: sp.Basic) -> int:
    s = _assumption_sign(e)
    if s:
        return s
    # simplify() on sums/integrals is slow and rarely decides a sign: those are
    # handled termwise by _sign_termwise instead.
    forms = (sp.factor_terms,) if e.has(*_BINDERS) else (sp.factor_terms, sp.simplify)
    for form in forms:
        try:
            f = form(e)
        except Exception:  # pragma: no cover - simplification failure
            continue
        s = _assumption_sign(f)
        if s:
            return s
    return _UNKNOWN


def _is_smooth_real(e: sp.Basic) -> bool:
    """Whether ``e`` is a real smooth function of its (real) free symbols."""
    if not all(s.is_real for s in e.free_symbols):
        return False
    for sub in sp.preorder_traversal(e):
        if sub.is_Symbol or sub.is_Number or isinstance(sub, sp.NumberSymbol):
            continue
        if sub.is_Add or sub.is_Mul:
            continue
        if sub.is_Pow:
            if sub.exp.is_integer and sub.exp.is_nonnegative:
                continue
            if sub.base.is_positive and sub.exp.is_real:
                continue
            return False
        if isinstance(sub, sp.log) and sub.args[0].is_positive:
            continue
        if isinstance(sub, sp.exp) and sub.args[0].is_real:
            continue
        return False
    return True


def _variable_domain_ok(v: sp.Symbol) -> bool:
    """Whether ``v`` ranges over an open interval: (0, oo), (-oo, 0) or R."""
    if v.is_integer or not v.is_real:
        return False
    if v.is_positive or v.is_negative:
        return True
    return v.is_nonnegative is None and v.is_nonpositive is None


def _in_domain(c: sp.Basic, v: sp.Symbol) -> bool:
    if v.is_positive:
        return c.is_positive is True
    if v.is_negative:
        return c.is_negative is True
    return c.is_real is True


def _atoms_to_symbols(e: sp.Basic) -> sp.Basic | None:
    """Replace indexed elements and applied functions by real symbols."""
    atoms = sorted(e.atoms(sp.Indexed) | e.atoms(AppliedUndef), key=sp.default_sort_key)
    mapping = {}
    for k, a in enumerate(atoms):
        if a.is_positive:
            kw = {"positive": True}
        elif a.is_negative:
            kw = {"negative": True}
        elif a.is_nonnegative:
            kw = {"nonnegative": True}
        elif a.is_nonpositive:
            kw = {"nonpositive": True}
        elif a.is_real:
            kw = {"real": True}
        else:
            return None
        mapping[a] = sp.Symbol(f"_v{k}", **kw)
    return e.xreplace(mapping)


def _sign_convex(e: sp.Basic, depth: int) -> int:
    """Nonnegativity by convexity in one variable, recursively."""
    if depth > 2:
        return _UNKNOWN
    e = _atoms_to_symbols(e)
    if e is None or e.has(*_BINDERS) or not _is_smooth_real(e):
        return _UNKNOWN
    variables = sorted(
        (v for v in e.free_symbols if _variable_domain_ok(v)), key=sp.default_sort_key
    )
    for v in variables[:4]:
        g1 = sp.diff(e, v)
        if _is_zero(g1):
            continue
        g2 = sp.diff(g1, v)
        if sp.count_ops(g2) > _CONVEXITY_MAX_OPS or not _sign_cheap(g2):
            continue  # not provably convex in v
        try:
            critical = sp.solve(g1, v)
        except Exception:
            continue
        for c in sorted(critical, key=sp.default_sort_key):
            if not _in_domain(c, v) or not _is_zero(sp.simplify(g1.subs(v, c))):
                continue
            minimum = sp.simplify(e.subs(v, c))
            s = _sign_full(minimum, depth + 1)
            if s:
                return s  # e >= minimum (>= 0, or > 0)
    return _UNKNOWN


def _sign_termwise(e: sp.Basic, depth: int) -> int:
    # A single sum or integral whose summand is provably nonnegative over a
    # nonnegative range is nonnegative; try this before normalising, which may
    # pull constant summands out (Sum(f + 1/n) -> Sum(f) + 1) and hide it.
    if isinstance(e, _BINDERS) and len(e.limits) == 1 and len(e.limits[0]) == 3:
        _, a, b = e.limits[0]
        size = (b - a + 1) if isinstance(e, sp.Sum) else (b - a)
        if size.is_extended_nonnegative and _sign_full(sp.expand(e.function), depth):
            return _NONNEG
    e = _normalize(e)
    groups: dict[tuple, list[sp.Expr]] = {}
    lims: dict[tuple, tuple] = {}
    rest: list[sp.Expr] = []
    for term in sp.Add.make_args(e):
        binders = [f for f in sp.Mul.make_args(term) if isinstance(f, _BINDERS)]
        if len(binders) == 1 and len(binders[0].limits) == 1 and len(binders[0].limits[0]) == 3:
            b = binders[0]
            coeff = term / b
            if not coeff.has(*_BINDERS):
                key = (type(b).__name__, tuple(b.limits[0]))
                groups.setdefault(key, []).append(coeff * b.function)
                lims[key] = (type(b), tuple(b.limits[0]))
                continue
        rest.append(term)
    if not groups:
        return _UNKNOWN
    signs = []
    for key, parts in groups.items():
        cls, (_, a, b) = lims[key]
        size = (b - a + 1) if cls is sp.Sum else (b - a)  # number of terms / length
        if size.is_extended_positive:
            size_sign = _POS
        elif size.is_extended_nonnegative:
            size_sign = _NONNEG
        else:
            return _UNKNOWN
        s = _sign_full(sp.expand(sp.Add(*parts)), depth)
        if not s:
            return _UNKNOWN
        signs.append(_POS if (s == _POS and size_sign == _POS) else _NONNEG)
    if rest:
        s = _sign_full(sp.Add(*rest), depth, termwise=False)
        if not s:
            return _UNKNOWN
        signs.append(s)
    return max(signs)


def _sign_full(e: sp.Basic, depth: int = 0, termwise: bool = True) -> int:
    s = _sign_cheap(e)
    if s:
        return s
    if e.is_Mul:
        # A positive factor does not change the sign: strip it first, so that
        # (1/n) * Sum(f) is decided by the summand of the sum as it is written
        # (normalising the product would pull constant summands out of it).
        positive = [f for f in e.args if _assumption_sign(f) == _POS]
        if positive:
            rest = sp.Mul(*[f for f in e.args if f not in positive])
            s = _sign_full(rest, depth, termwise)
            if s or not e.has(*_BINDERS):
                return s
    if e.has(*_BINDERS):
        return _sign_termwise(e, depth) if termwise else _UNKNOWN
    return _sign_convex(e, depth)


def _prove_sign(
    d: sp.Expr, strict: bool, method: str | None, pairs: tuple[tuple[sp.Basic, sp.Basic], ...]
) -> tuple[str | None, sp.Basic]:
    """Try to prove ``d >= 0`` (``d > 0`` if strict)."""
    need = _POS if strict else _NONNEG
    normal = _normalize(d)
    forms = [("nonnegative", d), ("nonnegative", normal)]
    if pairs:
        forms.append(("substitute", _apply_pairs(normal, pairs)))
    seen = []
    for label, form in forms:
        seen.append(form)
        if method == "substitute" and label != "substitute":
            continue
        if method == "nonnegative" or (method is None and label == "nonnegative"):
            if _sign_cheap(form) >= need:
                return label, form
        if method in (None, "termwise", "substitute"):
            if _sign_full(form) >= need:
                return ("termwise" if label == "nonnegative" else label), form
    return None, min(seen, key=_ops)


def prove_nonnegative(
    expr: Any,
    *,
    strict: bool = False,
    substitutions: Mapping[Any, Any] | None = None,
) -> bool:
    r"""Whether SymPy can prove ``expr >= 0`` (``expr > 0`` if ``strict``).

    Tries the assumption system, termwise arguments for sums and integrals,
    and the convexity argument described in the module docstring.  ``False``
    means "not proved".

    Parameters
    ----------
    expr : sympy expression
    strict : bool, default False
    substitutions : mapping, optional
        Facts ``{expression: value}`` that may be used.

    Returns
    -------
    bool

    Examples
    --------
    >>> import sympy
    >>> t = sympy.Symbol("t", positive=True)
    >>> prove_nonnegative(t - 1 - sympy.log(t))          # log t <= t - 1
    True
    >>> prove_nonnegative(t - 1 - sympy.log(t), strict=True)   # equality at t = 1
    False
    >>> prove_nonnegative(sympy.log(t))
    False
    """
    pairs = _normalized_pairs(substitutions or {})
    return _prove_sign(sp.sympify(expr), strict, None, pairs)[0] is not None
