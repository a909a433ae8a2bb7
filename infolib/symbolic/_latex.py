"""LaTeX rendering: natural factor order and free text in math mode."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

from infolib.symbolic._normalize import _BINDERS


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


def _is_typed_sum(e: sp.Basic) -> bool:
    """A sum kept as typed (``terms_as_typed``, ``as_typed(a + b)``): SymPy does not see an Add."""
    return isinstance(e, sp.UnevaluatedExpr) and e.args[0].is_Add


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
        if isinstance(expr, sp.Mul) and _is_typed_sum(-expr):  # -(a + b), not -a + b
            return r"- \left(%s\right)" % self._print(-expr)
        if not isinstance(expr, sp.Mul) or not expr.is_commutative:
            return super()._print_Mul(expr)
        if expr.could_extract_minus_sign():
            negated = -expr
            if negated.is_Mul and not negated.could_extract_minus_sign():
                return "- " + self._print_Mul(negated)
            return super()._print_Mul(expr)
        args = sorted(expr.as_ordered_factors(), key=_factor_rank)
        return super()._print_Mul(sp.Mul._from_args(args))

    def _print_Sum(self, expr: sp.Sum) -> str:
        tex = super()._print_Sum(expr)
        if _is_typed_sum(expr.function):  # SymPy brackets an Add summand, not a typed one
            body = self._print(expr.function)
            tex = tex[: len(tex) - len(body)] + r"\left(%s\right)" % body
        return tex

    # Lines kept as typed (infolib.symbolic.display): the arguments in the given order.

    def _print_TypedTerms(self, expr: sp.Expr) -> str:
        out = ""
        for k, term in enumerate(expr.args[0].args):
            if k and term.could_extract_minus_sign():
                out += " - " + self.parenthesize(-term, PRECEDENCE["Add"])
            else:
                out += (" + " if k else "") + self.parenthesize(term, PRECEDENCE["Add"])
        return out

    def _print_TypedProduct(self, expr: sp.Expr) -> str:
        factors = list(expr.args[0].args)
        sign = ""
        if factors and factors[0] == -1:
            sign, factors = "- ", factors[1:]
        parts = [self.parenthesize(f, PRECEDENCE["Mul"]) for f in factors]
        out = parts[0] if parts else "1"
        for prev, f, part in zip(factors[:-1], factors[1:], parts[1:], strict=True):
            joiner = r" \cdot " if (prev.is_Number and f.is_Number) else " "
            out += joiner + part
        return sign + out

    def _print_TypedQuotient(self, expr: sp.Expr) -> str:
        numerator, denominator = expr.args[0].args
        return r"\frac{%s}{%s}" % (self._print(numerator), self._print(denominator.base))


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
