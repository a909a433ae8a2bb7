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
used instead to state a lemma of one's own.

Integrals are split over addition on the usual understanding that all the
integrals involved converge.
"""

from infolib.symbolic._equality import prove_equal
from infolib.symbolic._methods import lemma
from infolib.symbolic._sign import prove_nonnegative
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
from infolib.symbolic.rounding import ceiling_bounds
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
    "ceiling_bounds",
    # the provers
    "prove_equal",
    "prove_nonnegative",
]
