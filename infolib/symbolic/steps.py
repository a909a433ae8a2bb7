r"""Proof-step helpers for what SymPy cannot do alone.

Each helper is a *step method* (or a factory of one): pass it as
``Derivation.step(..., method=...)``.  It proves the step from the two
expressions it is given and returns ``False`` when it cannot; none of them
trusts the step's claim.  Sums: :func:`swap_sums`, :func:`evaluate_deltas`;
logarithms: :func:`log_of_product`; results proved earlier:
:func:`by_lemma`.  Calculus lives in :mod:`infolib.symbolic.calculus`,
expectations in :mod:`infolib.symbolic.expectation`, the convention
:math:`0 \log 0 = 0` in :mod:`infolib.symbolic.conventions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic._normalize import _apply_rewrites
from infolib.symbolic.derivation import Derivation

__all__ = [
    "by_lemma",
    "evaluate_deltas",
    "lagrange_stationary_points",
    "log_of_product",
    "swap_sums",
    "within_summation_ranges",
]


def _drop_typed(e: sp.Basic) -> sp.Basic:
    """The expression without display wrappers (``UnevaluatedExpr`` and the typed forms)."""
    return e.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])


def within_summation_ranges(expr: sp.Basic) -> sp.Basic:
    r"""Use that a summation index lies in its range: inside :math:`\sum_{i=a}^{b}`,
    the relations :math:`a \le i` and :math:`i \le b` are true.

    Evaluating a sum of Kronecker deltas leaves conditions on the outer
    indices, such as ``Piecewise((1, N >= i), (0, True))`` inside a sum over
    ``i = 1, ..., N``.  This replaces those relations by ``True`` wherever
    they concern a sum's own index, for ranges that are genuine intervals
    (``b - a + 1 >= 0`` provably; SymPy's sums with reversed limits follow
    another convention and are left alone).

    Examples
    --------
    >>> import sympy
    >>> i, j = sympy.symbols("i j", integer=True)
    >>> N = sympy.Symbol("N", integer=True, positive=True)
    >>> inner = sympy.Sum(sympy.KroneckerDelta(i, j), (j, 1, N)).doit()
    >>> inner
    Piecewise((1, (N >= i) & (i >= 1)), (0, True))
    >>> within_summation_ranges(sympy.Sum(inner, (i, 1, N))).doit()
    N
    """
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    args = [within_summation_ranges(a) for a in expr.args]
    if any(x is not y for x, y in zip(args, expr.args, strict=True)):
        expr = expr.func(*args)
    if not isinstance(expr, sp.Sum):
        return expr
    body = expr.function
    for var, low, high in expr.limits:
        if (high - low + 1).is_nonnegative is not True:
            continue
        true_here = {
            sp.Ge(var, low): sp.true,
            sp.Le(low, var): sp.true,
            sp.Le(var, high): sp.true,
            sp.Ge(high, var): sp.true,
        }
        body = body.xreplace(true_here)
    return sp.Sum(body, *expr.limits)


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
    the ``Piecewise`` stays and the step is refused. The ranges of the sums
    themselves are used too (:func:`within_summation_ranges`): inside
    :math:`\sum_{i=1}^N`, the index satisfies :math:`1 \le i \le N`.
    Used in chapters 4, 5 and 6.

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
        difference = within_summation_ranges(difference.doit()).doit().doit().xreplace(known)
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


def log_of_product(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    r"""Step method: the log of a product of positive factors is the sum of their logs.

    Rewrites every :math:`\log \prod_{i=a}^{b} f_i` in ``lhs`` and ``rhs`` as
    :math:`\sum_{i=a}^{b} \log f_i`, but only where SymPy knows every factor
    :math:`f_i` to be positive, then proves the two sides equal.  (Products of
    finitely many explicit factors are split by the automatic strategies
    already.)  Used in chapters 4 and 5.

    Examples
    --------
    >>> import sympy
    >>> i = sympy.Symbol("i", integer=True)
    >>> N = sympy.Symbol("N", integer=True, positive=True)
    >>> q = sympy.Function("q", positive=True)
    >>> x = sympy.IndexedBase("x")
    >>> log_lik = sympy.log(sympy.Product(q(x[i]), (i, 1, N)))
    >>> log_of_product(log_lik, sympy.Sum(sympy.log(q(x[i])), (i, 1, N)))
    True
    >>> r = sympy.Function("r", real=True)  # not known to be positive
    >>> log_of_product(sympy.log(sympy.Product(r(x[i]), (i, 1, N))),
    ...                sympy.Sum(sympy.log(r(x[i])), (i, 1, N)))
    False
    """

    def split(e: sp.Basic) -> sp.Basic:
        return e.replace(
            lambda a: isinstance(a, sp.log)
            and isinstance(a.args[0], sp.Product)
            and a.args[0].function.is_positive is True,
            lambda a: sp.Sum(sp.log(a.args[0].function), *a.args[0].limits),
        )

    return prove_equal(split(_drop_typed(lhs)), split(_drop_typed(rhs)))


def by_lemma(lemma: Derivation, **instance: Any) -> StepMethod:
    r"""Step-method factory: use an equality proved earlier, ``start = end``.

    The step ``lhs = rhs`` is accepted if it *is* an instance of the lemma:
    either ``rhs`` is ``lhs`` with the lemma's (instantiated) start replaced
    by its end, or the other way round, or ``lhs - rhs`` equals
    ``start - end`` (up to sign).  The lemma must have been checked and must
    prove an equality.

    Parameters
    ----------
    lemma : Derivation
        A checked chain of equalities.  It is used both as stated (its first
        and last expression as displayed) and with its named quantities
        (``rewrite``) expanded, so that a step may be written with the
        lemma's named quantities (:math:`\hat p_j`) or with what they stand
        for (:math:`c_j / N`).
    **instance
        How to instantiate the lemma: ``name=value`` replaces the symbol or
        undefined function called ``name``; a callable value replaces a
        function application, ``f=lambda arg: sympy.log(q(arg))`` turns
        :math:`f(s)` into :math:`\log q(s)`.

    Returns
    -------
    callable
        The step method.

    Examples
    --------
    >>> import sympy
    >>> a, b, c = sympy.symbols("a b c", positive=True)
    >>> f = sympy.Function("f")
    >>> square = Derivation((f(a) + f(b))**2).step(f(a)**2 + 2*f(a)*f(b) + f(b)**2, "expand")
    >>> _ = square.check()
    >>> use = Derivation((sympy.log(c) + 1)**2 + c).step(
    ...     sympy.log(c)**2 + 2*sympy.log(c) + 1 + c, "square of a sum",
    ...     method=by_lemma(square, f=sympy.log, a=c, b=sympy.E))
    >>> use.check().checked
    True
    """

    def instantiate(e: sp.Basic) -> sp.Basic:
        for name, value in instance.items():
            if callable(value):  # a function: replace its applications
                for fn in {a.func for a in e.atoms(AppliedUndef) if a.func.__name__ == name}:
                    e = e.replace(fn, value)
            else:  # a symbol
                e = e.xreplace({s: sp.sympify(value) for s in e.free_symbols if s.name == name})
        return e

    def by_lemma(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        if not lemma.checked or lemma.relation != "=" or not lemma.steps:
            return False
        rewrites = dict(lemma.rewrite)
        for st in lemma.steps:
            rewrites.update(st.rewrite)
        lhs, rhs = _drop_typed(lhs), _drop_typed(rhs)
        # the lemma as stated, then with its named quantities expanded
        for named in ({}, rewrites):
            start = instantiate(_apply_rewrites(lemma.start, named))
            end = instantiate(_apply_rewrites(lemma.steps[-1].expr, named))
            if lhs.has(start) and prove_equal(lhs.xreplace({start: end}), rhs):
                return True
            if lhs.has(end) and prove_equal(lhs.xreplace({end: start}), rhs):
                return True
            if prove_equal(lhs - rhs, start - end) or prove_equal(lhs - rhs, end - start):
                return True
        return False

    return by_lemma
