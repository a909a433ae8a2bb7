"""Normalisation of expressions with sums and integrals (canonical linear form)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef

_BINDERS = (sp.Sum, sp.Integral)


def _binder_depth(e: sp.Basic) -> int:
    """Nesting depth of Sum/Integral binders inside ``e``."""
    if isinstance(e, _BINDERS):
        inner = max(
            [_binder_depth(e.function)] + [_binder_depth(b) for lim in e.limits for b in lim[1:]]
        )
        return inner + len(e.limits)
    if not e.args:
        return 0
    return max(_binder_depth(a) for a in e.args)


def _canonical_var(cls: type, var: sp.Symbol, depth: int) -> sp.Symbol:
    if cls is sp.Sum:
        return sp.Symbol(f"_i{depth}", integer=True)
    if var.is_real:
        return sp.Symbol(f"_x{depth}", real=True)
    return sp.Symbol(f"_x{depth}")


def _expand(e: sp.Basic, force: bool = False) -> sp.Basic:
    if force:
        e = sp.expand_log(e, force=True)
    return sp.expand(e, force=force)


def _linear_binder(cls: type, body: sp.Expr, lim: tuple, force: bool) -> sp.Expr:
    """``cls(body, lim)`` as a linear combination of canonical binders."""
    var = lim[0]
    bounds = tuple(_canon(b, force) for b in lim[1:])
    definite = len(lim) == 3
    body = _expand(body, force)
    out = []
    for term in sp.Add.make_args(body):
        coeff, dep = term.as_independent(var, as_Add=False)
        if dep == 1 and definite:
            a, b = bounds
            if cls is sp.Sum:
                out.append(coeff * (b - a + 1))
                continue
            if a.is_finite and b.is_finite:
                out.append(coeff * (b - a))
                continue
        if definite:
            new = _canonical_var(cls, var, _binder_depth(dep))
            out.append(coeff * cls(dep.xreplace({var: new}), (new, *bounds)))
        else:
            out.append(coeff * cls(dep, (var, *bounds)))
    return sp.Add(*out)


def _canon(e: sp.Basic, force: bool = False) -> sp.Basic:
    """Rewrite every Sum/Integral in ``e`` into canonical linear form."""
    if not isinstance(e, sp.Basic) or e.is_Atom or not e.args:
        return e
    if isinstance(e, _BINDERS):
        body = _canon(e.function, force)
        for lim in e.limits:  # innermost first
            body = _linear_binder(type(e), body, tuple(lim), force)
        return body
    args = [_canon(a, force) for a in e.args]
    if all(x is y for x, y in zip(args, e.args, strict=True)):
        return e
    try:
        return e.func(*args)
    except Exception:  # pragma: no cover - exotic classes that cannot be rebuilt
        return e


@functools.lru_cache(maxsize=1024)
def _normalize(e: sp.Basic, force: bool = False) -> sp.Basic:
    """Canonical linear form: sums/integrals split and canonicalised, expanded."""
    e = sp.sympify(e)
    previous = None
    for _ in range(5):
        e = _expand(_canon(e, force), force)
        if e == previous:
            break
        previous = e
    return e


def _apply_pairs(e: sp.Basic, pairs: Sequence[tuple[sp.Basic, sp.Basic]]) -> sp.Basic:
    if not pairs:
        return e
    return _normalize(e.subs(list(pairs)))


def _normalized_pairs(subs: Mapping[Any, Any]) -> tuple[tuple[sp.Basic, sp.Basic], ...]:
    return tuple((_normalize(sp.sympify(k)), sp.sympify(v)) for k, v in subs.items())


def _apply_rewrites(e: sp.Basic, rewrites: Mapping[sp.Basic, sp.Basic]) -> sp.Basic:
    """Replace defined symbols by their definitions; drop ``UnevaluatedExpr`` wrappers."""
    if e.has(sp.UnevaluatedExpr):
        e = e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])
    if not rewrites:
        return e
    for _ in range(10):
        new = e.xreplace(dict(rewrites))
        if new == e:
            break
        e = new
    return e


_READABLE = {"_i": "ijklm", "_x": "xyzuv"}


def _readable(e: sp.Basic) -> sp.Basic:
    """Rename the canonical bound variables ``_i0, _x0, ...`` for messages."""
    taken = {s.name for s in e.free_symbols}
    mapping = {}
    for s in sorted(e.atoms(sp.Symbol) - e.free_symbols, key=sp.default_sort_key):
        prefix, digits = s.name[:2], s.name[2:]
        if prefix in _READABLE and digits.isdigit() and int(digits) < 5:
            name = _READABLE[prefix][int(digits)]
            if name not in taken:
                mapping[s] = sp.Symbol(name, **s.assumptions0)
    return e.xreplace(mapping)


def _is_zero(e: sp.Basic) -> bool:
    if e == 0:
        return True
    try:
        return bool(isinstance(e, sp.Expr) and e.is_zero is True)
    except Exception:  # pragma: no cover - assumption system failure
        return False


def _ops(e: sp.Basic) -> int:
    try:
        return int(sp.count_ops(e))
    except Exception:  # pragma: no cover
        return 10**9


def _doit_applicable(e: sp.Basic) -> bool:
    binders = [b for b in sp.preorder_traversal(e) if isinstance(b, (*_BINDERS, sp.Derivative))]
    if not binders:
        return False
    return not any(b.has(sp.Indexed) or b.atoms(AppliedUndef) for b in binders)
