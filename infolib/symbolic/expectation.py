r"""Expectations in derivations: the operator :math:`\E[\cdot]` and its linearity.

SymPy's own ``sympy.stats`` works with random variables of named
distributions; the derivations of the book need something plainer: a sample
:math:`x_1, \dots, x_N` of *unspecified* distribution, about which only a
few moments are known (:math:`\E[x_i x_j] = \mu^2 + \sigma^2\delta_{ij}` for
independent draws).  :func:`expectation` writes :math:`\E[\cdot]` around an
expression; :func:`linearity_of_expectation` is the step method that pushes
it through sums and constant factors and, if asked, replaces the moments it
is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sympy as sp

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import StepMethod
from infolib.symbolic.derivation import Derivation  # noqa: F401 (doctests)

__all__ = ["Expectation", "expectation", "linearity_of_expectation"]


class Expectation(sp.Function):
    r"""The expectation :math:`\E[\,\cdot\,]`, left unevaluated.

    SymPy knows nothing about it but its display; the steps that use its
    properties are proved by :func:`linearity_of_expectation`.
    """

    nargs = 1

    def _latex(self, printer: Any) -> str:
        return r"\mathbb{E}\left[" + printer._print(self.args[0]) + r"\right]"


def expectation(expr: Any) -> Expectation:
    r"""The expectation :math:`\E[\text{expr}]` as an unevaluated expression.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> sympy.latex(expectation(x**2))
    '\\mathbb{E}\\left[x^{2}\\right]'
    """
    return Expectation(sp.sympify(expr))


def _is_random(e: sp.Basic, random: tuple) -> bool:
    return any(e.has(r) for r in random)


def _square_of_sums(e: sp.Basic, random: tuple) -> sp.Basic:
    """Rewrite a power ``Sum(f, (j, a, b))**2`` of a random sum as a double sum."""

    def expand_square(power: sp.Pow) -> sp.Basic:
        inner = power.base
        (j, a, b) = inner.limits[0]
        k = sp.Dummy(j.name, integer=True)
        return sp.Sum(inner.function * inner.function.xreplace({j: k}), (j, a, b), (k, a, b))

    return e.replace(
        lambda x: x.is_Pow
        and x.exp == 2
        and isinstance(x.base, sp.Sum)
        and len(x.base.limits) == 1
        and _is_random(x.base, random),
        expand_square,
    )


def _push(e: sp.Basic, random: tuple) -> sp.Basic:
    """Push every Expectation in ``e`` through sums, finite Sums and constant factors."""
    if isinstance(e, Expectation):
        return _expect(e.args[0], random)
    if not e.args:
        return e
    return e.func(*[_push(a, random) for a in e.args])


def _expect(arg: sp.Basic, random: tuple) -> sp.Basic:
    arg = sp.expand(_square_of_sums(arg, random))
    out = []
    for term in sp.Add.make_args(arg):
        constant, rest = term.as_independent(*random, as_Add=False)
        if rest == 1:
            out.append(constant)
            continue
        # a product of random sums becomes one multiple sum
        sums = [f for f in sp.Mul.make_args(rest) if isinstance(f, sp.Sum)]
        others = [f for f in sp.Mul.make_args(rest) if not isinstance(f, sp.Sum)]
        finite = all(lim[1].is_finite and lim[2].is_finite for s in sums for lim in s.limits)
        if sums and finite:
            body = sp.Mul(*others)
            limits = []
            for s in sums:
                renamed = {lim[0]: sp.Dummy(lim[0].name, integer=True) for lim in s.limits}
                body = body * s.function.xreplace(renamed)
                limits += [(renamed[lim[0]], lim[1], lim[2]) for lim in s.limits]
            out.append(constant * sp.Sum(_expect(body, random), *limits))
            continue
        out.append(constant * Expectation(rest))
    return sp.Add(*out)


def _moment_rules(moments: Mapping[Any, Any]) -> list[tuple[sp.Basic, sp.Basic]]:
    """Patterns ``E[key] -> value`` with the indices of ``key`` as wildcards."""
    rules = []
    for key, value in moments.items():
        key, value = sp.sympify(key), sp.sympify(value)
        indices = sorted(
            {i for a in key.atoms(sp.Indexed) for i in a.indices if isinstance(i, sp.Symbol)},
            key=sp.default_sort_key,
        )
        wild = {i: sp.Wild(f"w_{i.name}") for i in indices}
        rules.append((Expectation(key.xreplace(wild)), value.xreplace(wild)))
        # E[x_i x_j] also gives E[x_i^2]: set the two indices equal
        factors = sp.Mul.make_args(key)
        if len(factors) == 2 and all(isinstance(f, sp.Indexed) for f in factors):
            (a, b) = factors
            if a.base == b.base and len(a.indices) == len(b.indices) == 1:
                i, j = a.indices[0], b.indices[0]
                diagonal = value.xreplace({j: i})
                rules.append((Expectation(a.xreplace(wild) ** 2), diagonal.xreplace(wild)))
    return rules


def _apply_moments(e: sp.Basic, rules: list[tuple[sp.Basic, sp.Basic]]) -> sp.Basic:
    for pattern, value in rules:
        e = e.replace(pattern, value)
    return e


def linearity_of_expectation(
    random: Sequence[Any], *, moments: Mapping[Any, Any] | None = None
) -> StepMethod:
    r"""Step-method factory: linearity of :math:`\E`, and the moments given.

    Both sides have every :math:`\E[\cdot]` pushed through sums, finite
    :math:`\sum` and factors that are not random
    (:math:`\E[a X + b Y] = a\E[X] + b\E[Y]`, :math:`\E[c] = c`); a square
    of a random sum is first written as a double sum.  Then each moment in
    ``moments`` replaces its expectation, its index symbols matching any
    index (``{x[i] * x[j]: mu**2 + sigma**2 * KroneckerDelta(i, j)}`` also
    gives :math:`\E[x_k^2] = \mu^2 + \sigma^2`).  The step holds if the two
    results are provably equal.

    Parameters
    ----------
    random : sequence
        What is random: ``IndexedBase`` objects (``x`` for a sample
        :math:`x_i`), symbols or undefined functions.
    moments : mapping, optional
        ``{expression: value}`` facts about expectations (without the
        :math:`\E`).

    Returns
    -------
    callable
        The step method.

    Examples
    --------
    >>> import sympy
    >>> i, j = sympy.symbols("i j", integer=True)
    >>> N = sympy.Symbol("N", integer=True, positive=True)
    >>> mu = sympy.Symbol("mu", real=True)
    >>> x = sympy.IndexedBase("x", real=True)
    >>> mean = sympy.Sum(x[i], (i, 1, N)) / N
    >>> d = Derivation(expectation(mean), name=r"\E[\bar x]")
    >>> _ = d.step(sympy.Sum(expectation(x[i]), (i, 1, N)) / N, "linearity",
    ...            method=linearity_of_expectation([x]))
    >>> _ = d.step(sympy.Sum(mu, (i, 1, N)) / N, r"$\E[x_i] = \mu$",
    ...            method=linearity_of_expectation([x], moments={x[i]: mu}))
    >>> _ = d.step(mu, "N equal terms")
    >>> d.check().summary()
    '3 steps checked by SymPy'
    """
    random = tuple(random)
    if not random:
        raise ValueError("random must name at least one random quantity, got an empty sequence")
    rules = _moment_rules(moments or {})

    def linearity_of_expectation(lhs: sp.Expr, rhs: sp.Expr) -> bool:
        sides = []
        for side in (lhs, rhs):
            side = side.replace(lambda a: isinstance(a, sp.UnevaluatedExpr), lambda a: a.args[0])
            side = _apply_moments(_push(side, random), rules)
            sides.append(side)
        return prove_equal(sides[0], sides[1])

    return linearity_of_expectation
