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
  they contain no undefined functions or indexed symbols); asked for
  explicitly, it also evaluates limits, and a step to :math:`\pm\infty` is
  proved by evaluating the other side (their difference would be
  :math:`\infty - \infty`).

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
used instead to state a lemma of one's own; on an inequality step it must be told
the relation it proves (see :func:`lemma`).

Integrals are split over addition on the usual understanding that all the
integrals involved converge.

Where the code is
-----------------
One layer per module; each depends only on the layers above it in this list.

==========================  =============================================================
``symbols``                 symbol factories, ``sum_over``, ``integral_over``
``display``                 lines shown as typed (``product_as_typed``, ``nested_sum``...)
``densities``               Gaussian and exponential densities as SymPy expressions
``_normalize`` (private)    canonical linear form of sums and integrals
``_equality`` (private)     the equality strategies; ``prove_equal``
``_sign`` (private)         assumptions, termwise sums, convexity; ``prove_nonnegative``
``_methods`` (private)      strategy names, relations and the lemma protocol; ``lemma``
``_latex`` (private)        the LaTeX printer (natural factor order, typed forms)
``_errors`` (private)       ``Step``, ``DerivationError`` and its message
``derivation``              ``Derivation``: record, check, render
``steps``                   step methods for sums, deltas, logs, earlier lemmas
``calculus``                ``change_of_variables`` for limits and integrals
``expectation``             ``expectation`` and ``linearity_of_expectation``
``conventions``             ``xlogx``, ``one_hot_sum``, ``zero_log_zero`` (0 log 0 = 0)
``functions``               named functions shown as such, e.g. ``phi`` (r log r - r + 1)
``series``                  ``taylor_expansion``: a step to a polynomial plus O((x-a)^K)
``intervals``               ``on_intervals``: a step proved for every value in open intervals
``rounding``                ``ceiling_bounds``: steps from t <= ceil(t) < t + 1 alone
``assumptions``             ``only_assuming``: a step proved from weaker assumptions
==========================  =============================================================

Chapters import from ``infolib.symbolic`` only; the private modules are the
prover, whose soundness the property tests in ``tests/symbolic`` guard.
"""

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import lemma
from infolib.symbolic._sign import prove_nonnegative
from infolib.symbolic.assumptions import only_assuming
from infolib.symbolic.calculus import change_of_variables
from infolib.symbolic.conventions import one_hot_sum, xlogx, zero_log_zero
from infolib.symbolic.densities import exponential_density, gaussian_density
from infolib.symbolic.derivation import Derivation, DerivationError, Step
from infolib.symbolic.display import (
    as_typed,
    difference_as_typed,
    display_function,
    nested_sum,
    product_as_typed,
    quotient_as_typed,
    terms_as_typed,
)
from infolib.symbolic.expectation import expectation, linearity_of_expectation
from infolib.symbolic.functions import phi
from infolib.symbolic.intervals import on_intervals
from infolib.symbolic.rounding import ceiling_bounds
from infolib.symbolic.series import taylor_expansion
from infolib.symbolic.steps import (
    by_lemma,
    evaluate_deltas,
    lagrange_stationary_points,
    log_of_product,
    swap_sums,
    within_summation_ranges,
)
from infolib.symbolic.symbols import (
    categorical_symbols,
    density_symbols,
    integral_over,
    sum_over,
)

__all__ = [
    # the chain
    "Derivation",
    "DerivationError",
    "Step",
    "lemma",
    # symbols, sums and integrals
    "categorical_symbols",
    "density_symbols",
    "integral_over",
    "sum_over",
    "gaussian_density",
    "exponential_density",
    # showing a line as typed
    "as_typed",
    "difference_as_typed",
    "display_function",
    "nested_sum",
    "product_as_typed",
    "quotient_as_typed",
    "terms_as_typed",
    # proof steps
    "by_lemma",
    "change_of_variables",
    "evaluate_deltas",
    "expectation",
    "lagrange_stationary_points",
    "linearity_of_expectation",
    "log_of_product",
    "one_hot_sum",
    "swap_sums",
    "within_summation_ranges",
    "xlogx",
    "zero_log_zero",
    # steps on an open interval (infolib.symbolic.intervals)
    "on_intervals",
    # the bound t <= ceil(t) < t + 1 (infolib.symbolic.rounding)
    "ceiling_bounds",
    # the provers
    "prove_equal",
    "prove_nonnegative",
    # named functions, Taylor expansions, weaker assumptions
    "phi",
    "taylor_expansion",
    "only_assuming",
]
