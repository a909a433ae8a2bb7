"""The Derivation: a chain of relations, each step proved by SymPy, rendered as LaTeX."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy as sp

from infolib.symbolic._equality import _equal_infinite_by_doit, _prove_zero
from infolib.symbolic._errors import DerivationError, Step, step_error
from infolib.symbolic._latex import _latex_text, _NaturalLatexPrinter
from infolib.symbolic._methods import (
    StepMethod,
    _validate_method,
    call_step_method,
    lemma_protocol_error,
    normalize_relation,
)
from infolib.symbolic._normalize import (
    _apply_rewrites,
    _normalized_pairs,
)
from infolib.symbolic._sign import _prove_sign
from infolib.symbolic.symbols import categorical_symbols  # noqa: F401 (doctests)

__all__ = ["Derivation", "DerivationError", "Step"]

_LATEX_REL = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}


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
            ``f(lhs, rhs) -> bool`` is a lemma of your own, trusted to
            establish ``lhs <relation> rhs``.  On an inequality step it must
            be told the relation: it takes a keyword ``relation`` or is
            declared with :func:`~infolib.symbolic.lemma` (``proves="<="``);
            otherwise, or if it declares another relation, the step is
            refused (``ValueError`` here, :class:`DerivationError` in
            :meth:`check` if a step was changed afterwards).
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
        rel = normalize_relation(relation)
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
            problem = lemma_protocol_error(st.method, rel)
            if problem is not None:
                raise step_error(k, st, lhs, rhs, None, problem)
            if call_step_method(st.method, lhs, rhs, rel):
                return getattr(st.method, "__name__", "callable")
            raise step_error(k, st, lhs, rhs, None, "the supplied method returned False")
        pairs = _normalized_pairs(facts)
        if rel == "=" and st.method == "doit" and _equal_infinite_by_doit(lhs, rhs):
            return "doit"  # an infinite value: lhs - rhs would be oo - oo
        if rel == "=":
            by, residual = _prove_zero(lhs - rhs, st.method, pairs)
        else:
            d = rhs - lhs if rel in ("<=", "<") else lhs - rhs
            by, residual = _prove_sign(d, rel in ("<", ">"), st.method, pairs)
        if by is None:
            raise step_error(k, st, lhs, rhs, residual)
        return by

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
