r"""Symbolic derivations whose every step is proved by SymPy.

The chapters of the book display chains of equalities (and occasionally
inequalities) such as

.. math::

    D_{\mathrm{KL}}(p \| q) = \sum_i p_i \log\frac{p_i}{q_i}
    = \sum_i p_i (\log p_i - \log q_i) = \dots = -H(p) + H(p, q)

for a *general* number ``n`` of categories (``sympy.IndexedBase`` and
``sympy.Sum``) or for densities (``sympy.Integral``).  :class:`Derivation`
records such a chain, proves every consecutive pair with SymPy
(:meth:`Derivation.check`) and renders exactly the chain it checked as an
``aligned`` LaTeX block in Jupyter.  A false step raises
:class:`DerivationError`, so an executed notebook fails instead of printing a
wrong derivation.

How steps are proved
--------------------
An equality step ``lhs = rhs`` is accepted only if some normalisation of
``lhs - rhs`` is *exactly* zero (no numeric spot checks).  The automatic
strategy tries, cheapest first:

- ``structural``: ``lhs - rhs`` is already ``0`` after SymPy's automatic
  evaluation;
- ``expand``: ``sympy.expand``, which also expands logarithms and powers, but
  only where the symbols' assumptions make that valid (``log(a*b)`` is split
  only for positive ``a``, ``b``; ``force=True`` is never used);
- ``sum_linear``: a normaliser that rewrites every ``Sum``/``Integral`` of a
  linear combination into a linear combination of canonical ``Sum``/``Integral``
  objects of products (split over addition, constant factors pulled out,
  constant summands evaluated, bound variables renamed canonically so that
  ``Sum(a[i], (i, 1, n))`` and ``Sum(a[j], (j, 1, n))`` coincide), then expands;
- ``simplify``: ``sympy.simplify`` of the raw and of the normalised difference;
- ``substitute``: the derivation's ``substitutions`` (facts such as
  :math:`\sum_i p_i = 1`) are applied to the normalised form;
- ``doit``: sums and integrals are evaluated (tried automatically only when
  they contain no undefined functions or indexed symbols).

An inequality step ``lhs <= rhs`` is accepted if ``rhs - lhs`` is provably
nonnegative: by SymPy's assumption system (``is_nonnegative``), termwise (a
linear combination of sums or integrals over the same range is combined into one
sum/integral whose summand must be nonnegative), and, for summands that the
assumptions cannot decide, by a convexity argument: if the expression is a
smooth convex function of one variable ranging over an open interval
(positive, negative or real symbols, indexed elements and density values), a
critical point found by ``sympy.solve`` and verified inside that interval is the
global minimum, and the minimum value is proved nonnegative recursively (in the
remaining variables).  This proves e.g. ``log(x) <= x - 1`` and Gibbs' inequality without
any lemma being supplied.  A callable ``method(lhs, rhs) -> bool`` can always be
used instead to state a lemma of one's own.

Integrals are split over addition on the usual understanding that all the
integrals involved converge.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

__all__ = [
    "Derivation",
    "DerivationError",
    "Step",
    "categorical_symbols",
    "density_symbols",
    "evaluate_deltas",
    "lagrange_stationary_points",
    "prove_equal",
    "prove_nonnegative",
    "swap_sums",
]

#: Type of the optional user-supplied proof of a step.
StepMethod = Callable[[sp.Expr, sp.Expr], bool]

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
_LATEX_REL = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}
_BINDERS = (sp.Sum, sp.Integral)


# ----------------------------------------------------------------------------
# Symbols
# ----------------------------------------------------------------------------


def categorical_symbols(
    names: Sequence[str] = ("p", "q"),
    index: str = "i",
    n: str = "n",
    *,
    positive: bool = True,
) -> tuple[Any, ...]:
    r"""Symbols for derivations over a general number of categories.

    Parameters
    ----------
    names : sequence of str, default ("p", "q")
        One ``sympy.IndexedBase`` is created per name.  With ``positive=True``
        every element ``p[i]`` is known to SymPy to be positive, which is what
        makes ``log(p[i]/q[i]) = log(p[i]) - log(q[i])`` provable.
    index : str, default "i"
        Name of the summation index, an integer ``Symbol``.
    n : str, default "n"
        Name of the number of categories, a positive integer ``Symbol``.
    positive : bool, default True
        Whether the elements of the indexed bases are positive.

    Returns
    -------
    tuple
        ``(*bases, index, n)``; with the defaults ``(p, q, i, n)``.

    Examples
    --------
    >>> import sympy
    >>> p, q, i, n = categorical_symbols()
    >>> p[i].is_positive, i.is_integer, n.is_positive
    (True, True, True)
    >>> sympy.Sum(p[i] * sympy.log(p[i] / q[i]), (i, 1, n))
    Sum(log(p[i]/q[i])*p[i], (i, 1, n))
    """
    assumptions = {"positive": True} if positive else {"real": True}
    bases = tuple(sp.IndexedBase(name, **assumptions) for name in names)
    return (*bases, sp.Symbol(index, integer=True), sp.Symbol(n, integer=True, positive=True))


def density_symbols(
    names: Sequence[str] = ("p", "q"),
    variable: str = "x",
    *,
    positive: bool = True,
) -> tuple[Any, ...]:
    r"""Symbols for derivations about general probability densities.

    Parameters
    ----------
    names : sequence of str, default ("p", "q")
        One undefined ``sympy.Function`` class is created per name; apply it
        to the variable, ``p(x)``, to get the density value.
    variable : str, default "x"
        Name of the real integration variable.
    positive : bool, default True
        Whether the functions take positive values (needed to expand
        ``log(p(x)/q(x))``).

    Returns
    -------
    tuple
        ``(x, *functions)``; with the defaults ``(x, p, q)``.

    Examples
    --------
    >>> import sympy
    >>> x, p, q = density_symbols()
    >>> x.is_real, p(x).is_positive
    (True, True)
    >>> sympy.Integral(p(x) * sympy.log(p(x) / q(x)), (x, -sympy.oo, sympy.oo))
    Integral(p(x)*log(p(x)/q(x)), (x, -oo, oo))
    """
    x = sp.Symbol(variable, real=True)
    assumptions = {"positive": True} if positive else {"real": True}
    return (x, *(sp.Function(name, **assumptions) for name in names))


# ----------------------------------------------------------------------------
# Normalisation of expressions with sums and integrals
# ----------------------------------------------------------------------------


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


# ----------------------------------------------------------------------------
# Equality
# ----------------------------------------------------------------------------


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
    pairs = _normalized_pairs(substitutions or {})
    diff = sp.sympify(lhs) - sp.sympify(rhs)
    return _prove_zero(diff, method, pairs)[0] is not None


# ----------------------------------------------------------------------------
# Nonnegativity
# ----------------------------------------------------------------------------

_UNKNOWN, _NONNEG, _POS = 0, 1, 2


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
        if not _sign_cheap(g2):
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
    if e.has(*_BINDERS):
        return _sign_termwise(e, depth) if termwise else _UNKNOWN
    if e.is_Mul:
        positive = [f for f in e.args if _assumption_sign(f) == _POS]
        if positive:
            rest = sp.Mul(*[f for f in e.args if f not in positive])
            return _sign_full(rest, depth, termwise)
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


# ----------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------


def _factor_rank(f: sp.Basic) -> int:
    """Display order of factors: numbers, symbols, functions, sums, brackets."""
    if f.is_Number:
        return 0
    base = f.base if f.is_Pow else f
    if isinstance(base, (sp.Symbol, sp.Indexed, AppliedUndef, sp.NumberSymbol)) or base.is_Number:
        return 1
    if base.is_Add:
        return 3
    if isinstance(base, (*_BINDERS, sp.Product)):
        return 4
    return 2


class _NaturalLatexPrinter(LatexPrinter):
    """LaTeX printer writing ``p_i log p_i`` rather than SymPy's ``log(p_i) p_i``."""

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        self._term_order = settings.pop("order", None)
        settings["order"] = "none"
        super().__init__(settings)

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
        if self._term_order == "old":
            return super()._as_ordered_terms(expr, order="old")
        terms = list(expr.as_ordered_terms(order=self._term_order))
        rest = [t for t in terms if not t.is_Number]
        positive = [t for t in rest if not t.could_extract_minus_sign()]
        if positive:  # x - mu rather than -mu + x, and q/p - 1 rather than -1 + q/p
            rest.remove(positive[0])
            terms = [positive[0], *rest, *(t for t in terms if t.is_Number)]
        return terms

    def _print_Mul(self, expr: sp.Expr) -> str:
        if not isinstance(expr, sp.Mul) or not expr.is_commutative:
            return super()._print_Mul(expr)
        if expr.could_extract_minus_sign():
            negated = -expr
            if negated.is_Mul and not negated.could_extract_minus_sign():
                return "- " + self._print_Mul(negated)
            return super()._print_Mul(expr)
        args = sorted(expr.as_ordered_factors(), key=_factor_rank)
        return super()._print_Mul(sp.Mul._from_args(args))


_TEXT_SPECIALS = {
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "\\": r"\backslash ",
    "^": r"\hat{}",
    "~": r"\sim ",
}


def _latex_text(text: str) -> str:
    r"""Free text as math-mode LaTeX: ``\text{...}`` runs, ``$...$`` kept as math."""
    pieces = text.split("$")
    if len(pieces) % 2 == 0:  # unbalanced dollar: treat the last one literally
        pieces[-2] = pieces[-2] + r"\$" + pieces.pop()
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if k % 2 == 1:
            out.append(piece)
            continue
        run = ""
        for ch in piece:
            if ch in _TEXT_SPECIALS:
                if run:
                    out.append(r"\text{" + run + "}")
                    run = ""
                out.append(_TEXT_SPECIALS[ch])
            else:
                run += ch
        if run:
            out.append(r"\text{" + run + "}")
    return "".join(out)


# ----------------------------------------------------------------------------
# Derivation
# ----------------------------------------------------------------------------


class DerivationError(AssertionError):
    """A step of a :class:`Derivation` could not be proved.

    Attributes ``step`` (1-based number), ``why``, ``lhs``, ``rhs``,
    ``relation`` and ``residual`` (the simplest form the difference was
    reduced to) describe the failing step.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> d = Derivation((x + 1)**2).step(x**2 + 1, "binomial formula")
    >>> try:
    ...     d.check()
    ... except DerivationError as err:
    ...     print(err.step, err.why, err.residual)
    1 binomial formula 2*x
    """

    def __init__(
        self,
        message: str,
        *,
        step: int | None = None,
        why: str | None = None,
        lhs: Any = None,
        rhs: Any = None,
        relation: str = "=",
        residual: Any = None,
    ) -> None:
        super().__init__(message)
        self.step = step
        self.why = why
        self.lhs = lhs
        self.rhs = rhs
        self.relation = relation
        self.residual = residual


@dataclass
class Step:
    """One step of a derivation: the new expression and its justification.

    Unpacks as ``(expr, why)``; the remaining fields record how to prove it and,
    after :meth:`Derivation.check`, which strategy did (``proved_by``).
    """

    expr: sp.Expr
    why: str
    relation: str = "="
    method: str | StepMethod | None = None
    rewrite: dict[sp.Basic, sp.Basic] = field(default_factory=dict)
    substitutions: dict[sp.Basic, sp.Basic] = field(default_factory=dict)
    proved_by: str | None = None

    def __iter__(self) -> Iterator[Any]:
        return iter((self.expr, self.why))


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


def _sympify_map(m: Mapping[Any, Any] | None) -> dict[sp.Basic, sp.Basic]:
    return {sp.sympify(k): sp.sympify(v) for k, v in (m or {}).items()}


class Derivation:
    r"""A chain of equalities/inequalities, each step proved by SymPy.

    Parameters
    ----------
    start : sympy expression
        The first expression of the chain.
    name : str, optional
        LaTeX shown as the left-hand side of the first line, e.g.
        ``r"D_{\mathrm{KL}}(p \| q)"``.
    assumptions : str, optional
        LaTeX (math mode) shown after "assuming" on the first line, e.g.
        ``"p_i, q_i > 0"``.  Purely for display: SymPy's assumptions live on the
        symbols themselves.
    substitutions : mapping, optional
        Facts ``{expression: value}`` such as ``{Sum(p[i], (i, 1, n)): 1}``,
        usable by every step (automatically, or with ``method="substitute"``).
        They are rendered next to the assumptions unless
        ``show_substitutions=False``.
    rewrite : mapping, optional
        Symbols standing for named quantities and their definitions, replaced
        before comparing in every step (see :meth:`step`).
    symbol_names : mapping, optional
        Passed to ``sympy.latex`` (``{Symbol: "latex"}``).
    latex_settings : mapping, optional
        Further ``sympy.latex`` settings.  Unless ``order`` is given, products are
        displayed with symbols before functions (``p_i \log p_i``).
    show_substitutions : bool, default True
        Whether the facts in ``substitutions`` are rendered.

    Attributes
    ----------
    start : sympy expression
    steps : list of Step
        The appended steps; each unpacks as ``(expr, why)``.
    checked : bool
        Whether :meth:`check` has succeeded since the last change.

    Examples
    --------
    >>> import sympy
    >>> p, q, i, n = categorical_symbols()
    >>> s = lambda e: sympy.Sum(e, (i, 1, n))
    >>> d = Derivation(s(p[i] * sympy.log(p[i] / q[i])), name=r"D_{\mathrm{KL}}(p \| q)")
    >>> _ = d.step(s(p[i] * (sympy.log(p[i]) - sympy.log(q[i]))), "log of a quotient")
    >>> _ = d.step(s(p[i] * sympy.log(p[i])) - s(p[i] * sympy.log(q[i])), "linearity of the sum")
    >>> d.check().summary()
    '2 steps checked by SymPy'
    >>> print(d)
    Derivation D_{\mathrm{KL}}(p \| q): 2 steps checked by SymPy
         Sum(log(p[i]/q[i])*p[i], (i, 1, n))
       = Sum((log(p[i]) - log(q[i]))*p[i], (i, 1, n))    [log of a quotient]
       = Sum(log(p[i])*p[i], (i, 1, n)) - Sum(log(q[i])*p[i], (i, 1, n))    [linearity of the sum]
    """

    def __init__(
        self,
        start: Any,
        *,
        name: str | None = None,
        assumptions: str | None = None,
        substitutions: Mapping[Any, Any] | None = None,
        rewrite: Mapping[Any, Any] | None = None,
        symbol_names: Mapping[sp.Symbol, str] | None = None,
        latex_settings: Mapping[str, Any] | None = None,
        show_substitutions: bool = True,
    ) -> None:
        self.start: sp.Expr = sp.sympify(start)
        self.name = name
        self.assumptions = assumptions
        self.substitutions = _sympify_map(substitutions)
        self.rewrite = _sympify_map(rewrite)
        self.symbol_names = dict(symbol_names or {})
        self.latex_settings = dict(latex_settings or {})
        self.show_substitutions = show_substitutions
        self.steps: list[Step] = []
        self.checked: bool = False

    # -- building -------------------------------------------------------------

    def step(
        self,
        expr: Any,
        why: str,
        *,
        method: str | StepMethod | None = None,
        rewrite: Mapping[Any, Any] | None = None,
        substitutions: Mapping[Any, Any] | None = None,
        relation: str = "=",
    ) -> Derivation:
        r"""Append a step ``previous <relation> expr`` justified by ``why``.

        Parameters
        ----------
        expr : sympy expression
            The new expression.
        why : str
            Justification shown in the rendering.  Text; ``$...$`` pieces are
            typeset as math.
        method : str or callable, optional
            How to prove the step.  Equalities: ``"simplify"``, ``"expand"``,
            ``"expand_log"``, ``"sum_linear"``, ``"substitute"``, ``"doit"``.
            Inequalities: ``"nonnegative"`` (assumption system only),
            ``"termwise"`` (termwise and convexity arguments), ``"substitute"``.
            Default: all of them, cheapest first.  A callable
            ``f(lhs, rhs) -> bool`` is trusted to establish
            ``lhs <relation> rhs`` (a lemma of your own).
        rewrite : mapping, optional
            ``{symbol: definition}`` for symbols standing for named quantities;
            replaced before comparing in this and every later step.
        substitutions : mapping, optional
            Extra facts usable by this step only; rendered after ``why``.
        relation : {"=", "<=", ">=", "<", ">"}, default "="
            ``"<="`` claims ``previous <= expr``.  A chain mixing ``<=`` and
            ``>=`` steps is rejected.

        Returns
        -------
        Derivation
            ``self``, so that calls can be chained.

        Examples
        --------
        >>> import sympy
        >>> t = sympy.Symbol("t", positive=True)
        >>> d = Derivation(sympy.log(t)).step(t - 1, "$\\log t \\le t - 1$", relation="<=")
        >>> d.check().relation
        '<='
        """
        rel = _RELATIONS.get(relation)
        if rel is None:
            raise ValueError(
                f"relation must be one of {sorted(set(_RELATIONS.values()))}, got {relation!r}"
            )
        if not isinstance(why, str):
            raise TypeError(f"why must be a string, got {type(why).__name__}")
        subs = _sympify_map(substitutions)
        _validate_method(method, rel, bool(subs or self.substitutions))
        directions = {r[0] for r in [*(s.relation for s in self.steps), rel] if r != "="}
        if len(directions) > 1:
            raise ValueError("a chain mixing '<'/'<=' and '>'/'>=' steps proves nothing")
        self.steps.append(Step(sp.sympify(expr), why, rel, method, _sympify_map(rewrite), subs))
        self.checked = False
        return self

    # -- proving --------------------------------------------------------------

    @property
    def relation(self) -> str:
        """Relation between the first and last expression proved by the chain."""
        rels = [s.relation for s in self.steps if s.relation != "="]
        if not rels:
            return "="
        strict = any(r in ("<", ">") for r in rels)
        return rels[0][0] if strict else rels[0][0] + "="

    @property
    def conclusion(self) -> sp.Basic:
        """``first <relation> last`` as an unevaluated SymPy relational."""
        last = self.steps[-1].expr if self.steps else self.start
        cls = {"=": sp.Eq, "<=": sp.Le, ">=": sp.Ge, "<": sp.Lt, ">": sp.Gt}[self.relation]
        return cls(self.start, last, evaluate=False)

    def check(self) -> Derivation:
        """Prove every step; raise :class:`DerivationError` at the first failure.

        Returns
        -------
        Derivation
            ``self``, so that ``d.check()`` as the last line of a cell displays it.

        Raises
        ------
        DerivationError
            Naming the step number, its justification and both expressions.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x", positive=True)
        >>> d = Derivation(sympy.log(x**2)).step(2 * sympy.log(x), "power rule")
        >>> d.check().checked
        True
        """
        rewrites = dict(self.rewrite)
        previous = self.start
        for k, st in enumerate(self.steps, start=1):
            rewrites.update(st.rewrite)
            lhs = _apply_rewrites(previous, rewrites)
            rhs = _apply_rewrites(st.expr, rewrites)
            facts = {**self.substitutions, **st.substitutions}
            st.proved_by = self._prove_step(k, st, lhs, rhs, facts)
            previous = st.expr
        self.checked = True
        return self

    def _prove_step(
        self, k: int, st: Step, lhs: sp.Expr, rhs: sp.Expr, facts: Mapping[sp.Basic, sp.Basic]
    ) -> str:
        rel = st.relation
        if callable(st.method):
            if bool(st.method(lhs, rhs)):
                return getattr(st.method, "__name__", "callable")
            raise self._error(k, st, lhs, rhs, None, "the supplied method returned False")
        pairs = _normalized_pairs(facts)
        if rel == "=":
            by, residual = _prove_zero(lhs - rhs, st.method, pairs)
        else:
            d = rhs - lhs if rel in ("<=", "<") else lhs - rhs
            by, residual = _prove_sign(d, rel in ("<", ">"), st.method, pairs)
        if by is None:
            raise self._error(k, st, lhs, rhs, residual)
        return by

    def _error(
        self,
        k: int,
        st: Step,
        lhs: sp.Expr,
        rhs: sp.Expr,
        residual: sp.Basic | None,
        note: str | None = None,
    ) -> DerivationError:
        rel = st.relation
        head = f"step {k} ({st.why!r}) does not follow: "
        if rel == "=":
            msg = head + f"{sp.sstr(lhs)} != {sp.sstr(rhs)}"
            if residual is not None:
                msg += f"; difference simplifies to {sp.sstr(_readable(residual))}"
                if lhs.has(sp.log) or rhs.has(sp.log):
                    if _is_zero(_normalize(lhs - rhs, True)):
                        msg += (
                            " (it would hold if the arguments of the logarithms were known to be"
                            " positive: declare the symbols with positive=True)"
                        )
        else:
            msg = head + f"could not prove {sp.sstr(lhs)} {rel} {sp.sstr(rhs)}"
            if residual is not None:
                side = "rhs - lhs" if rel in ("<=", "<") else "lhs - rhs"
                msg += f"; {side} simplifies to {sp.sstr(_readable(residual))}"
        if st.method is not None:
            name = st.method if isinstance(st.method, str) else "callable"
            msg += f" [method={name}]"
        if note:
            msg += f" ({note})"
        return DerivationError(
            msg, step=k, why=st.why, lhs=lhs, rhs=rhs, relation=rel, residual=residual
        )

    # -- rendering ------------------------------------------------------------

    def _tex(self, expr: sp.Basic) -> str:
        settings = dict(self.latex_settings)
        if self.symbol_names:
            settings["symbol_names"] = self.symbol_names
        if "order" in settings:
            return sp.latex(expr, **settings)
        return _NaturalLatexPrinter(settings).doprint(expr)

    def _facts_tex(self, facts: Mapping[sp.Basic, sp.Basic]) -> list[str]:
        if not self.show_substitutions:
            return []
        return [f"{self._tex(k)} = {self._tex(v)}" for k, v in facts.items()]

    def latex(self) -> str:
        r"""The chain as a LaTeX ``aligned`` environment (without ``$$``).

        Returns
        -------
        str

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> print(Derivation((x + 1)**2, name="f(x)").step(x**2 + 2*x + 1, "expand").latex())
        \begin{aligned}
        f(x) &= \left(x + 1\right)^{2} \\
        &= x^{2} + 2 x + 1 && \text{(expand)}
        \end{aligned}
        """
        header = [self.assumptions] if self.assumptions else []
        header += self._facts_tex(self.substitutions)
        first = (f"{self.name} &= " if self.name else "& ") + self._tex(self.start)
        if header:
            first += r" && \text{assuming } " + r",\quad ".join(header)
        rows = [first]
        for st in self.steps:
            why = _latex_text(f"({st.why})")
            extra = self._facts_tex(st.substitutions)
            if extra:
                why += r"\text{ with } " + r",\ ".join(extra)
            rows.append(f"&{_LATEX_REL[st.relation]} {self._tex(st.expr)} && {why}")
        return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"

    def _repr_latex_(self) -> str:
        tex = self.latex()
        if not self.checked:  # never let an unchecked chain pass for a checked one
            tex += r"\qquad\text{(not checked by SymPy)}"
        return "$$" + tex + "$$"

    def summary(self) -> str:
        """One line: how many steps and whether SymPy has checked them.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> d = Derivation(x + x).step(2 * x, "collect")
        >>> d.summary()
        '1 step, not checked yet'
        >>> d.check().summary()
        '1 step checked by SymPy'
        """
        k = len(self.steps)
        count = f"{k} step" + ("" if k == 1 else "s")
        if not self.checked:
            return count + ", not checked yet"
        text = count + " checked by SymPy"
        if self.relation != "=":
            text += f" (the chain proves first {self.relation} last)"
        return text

    def __repr__(self) -> str:
        title = "Derivation" + (f" {self.name}" if self.name else "")
        lines = [f"{title}: {self.summary()}"]
        if self.assumptions:
            lines.append(f"  assuming {self.assumptions}")
        for k, v in self.substitutions.items():
            lines.append(f"  given {sp.sstr(k)} = {sp.sstr(v)}")
        lines.append(f"     {sp.sstr(self.start)}")
        for st in self.steps:
            line = f"  {st.relation:>2} {sp.sstr(st.expr)}    [{st.why}]"
            for k, v in st.substitutions.items():
                line += f" given {sp.sstr(k)} = {sp.sstr(v)}"
            lines.append(line)
        return "\n".join(lines)

    __str__ = __repr__


# ----------------------------------------------------------------------------
# Lagrange multipliers
# ----------------------------------------------------------------------------


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
