r"""Named functions of the book for derivations: :math:`\varphi(r) = r \log r - r + 1`.

The notation page fixes :math:`\varphi(r) = r \log r - r + 1 \ge 0`, the
function that writes :math:`\KL(p\,\|\,q) = \sum_i q_i\,\varphi(p_i/q_i)` and
:math:`\log n - H(p) = \frac1n \sum_i \varphi(n p_i)`.  :func:`phi` returns it
as a SymPy function that a :class:`~infolib.symbolic.Derivation` *shows* as
:math:`\varphi(\cdot)` and *proves* with through its definition: expanding an
expression (which every prover of the book does before comparing) replaces
:math:`\varphi(r)` by :math:`r \log r - r + 1`.  Nothing about :math:`\varphi`
is taken on trust: its sign is not declared (that :math:`\varphi \ge 0` is
proved from the definition, by convexity), and its derivative is computed from
the definition.  At :math:`r = 0` the definition needs the convention
:math:`0 \log 0 = 0`, which is left as an explicit :func:`~infolib.symbolic.xlogx`
term for :func:`~infolib.symbolic.zero_log_zero` to apply.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from infolib.symbolic.conventions import xlogx

__all__ = ["Phi", "phi"]


def _definition(r: sp.Expr) -> sp.Expr:
    """:math:`r \\log r - r + 1`, with :math:`0 \\log 0` kept as an explicit ``xlogx(0)``."""
    if r.is_zero:
        return xlogx(r) - r + 1
    return r * sp.log(r) - r + 1


class Phi(sp.Function):
    r""":math:`\varphi(r) = r \log r - r + 1`, shown as :math:`\varphi(r)`; see :func:`phi`."""

    nargs = 1

    def _latex(self, printer: Any) -> str:
        return r"\varphi\left(" + printer._print(self.args[0]) + r"\right)"

    def _eval_expand_basic(self, **hints: Any) -> sp.Expr:
        return _definition(self.args[0])

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        t = sp.Dummy("t", positive=True)
        return sp.diff(_definition(t), t).subs(t, self.args[0])

    def _eval_is_real(self) -> bool | None:
        return True if self.args[0].is_positive else None

    def definition(self) -> sp.Expr:
        """The defining expression :math:`r \\log r - r + 1` at this argument."""
        return _definition(self.args[0])


def phi(r: Any) -> Phi:
    r"""The function :math:`\varphi(r) = r \log r - r + 1` of the notation page.

    Displayed as :math:`\varphi(r)`; every prover of
    :class:`~infolib.symbolic.Derivation` expands it into its definition
    before comparing, so a step that *uses* the definition is proved, and a
    wrong one is refused.  For :math:`r > 0` it is real; its sign is not
    declared to SymPy (:math:`\varphi \ge 0` is a theorem, proved from the
    definition by :func:`~infolib.symbolic.prove_nonnegative`).  At
    :math:`r = 0` the definition reads :math:`0 \log 0 - 0 + 1`, with the
    convention :math:`0 \log 0 = 0` left to :func:`~infolib.symbolic.zero_log_zero`.

    Parameters
    ----------
    r : sympy expression or number
        The argument, typically a ratio :math:`p_i/q_i > 0`.

    Returns
    -------
    Phi
        The unevaluated application :math:`\varphi(r)`.

    See Also
    --------
    infolib.kl_divergence : computes :math:`\sum_i q_i\,\varphi(p_i/q_i)` numerically.
    infolib.symbolic.xlogx : the summand :math:`t \log t` with :math:`0 \log 0 = 0`.

    Examples
    --------
    >>> import sympy
    >>> from infolib.symbolic import Derivation, categorical_symbols, prove_nonnegative
    >>> r = sympy.Symbol("r", positive=True)
    >>> sympy.expand(phi(r)), sympy.diff(phi(r), r)
    (r*log(r) - r + 1, log(r))
    >>> prove_nonnegative(phi(r)), prove_nonnegative(phi(r), strict=True)
    (True, False)
    >>> p, q, i, n = categorical_symbols()
    >>> S = categorical_symbols().sum
    >>> kl = Derivation(S(q[i] * phi(p[i] / q[i])), substitutions={S(p[i]): 1, S(q[i]): 1})
    >>> kl.step(S(p[i] * sympy.log(p[i] / q[i])), "both sums are 1").check().checked
    True
    >>> from infolib.symbolic.display import latex
    >>> latex(q[i] * phi(p[i] / q[i]))
    '{q}_{i} \\varphi\\left(\\frac{{p}_{i}}{{q}_{i}}\\right)'
    """
    return Phi(sp.sympify(r))
