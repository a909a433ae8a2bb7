"""Records of a derivation's steps, and the error a failing step raises."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from infolib.symbolic._methods import StepMethod
from infolib.symbolic._normalize import _is_zero, _normalize, _readable

__all__ = ["DerivationError", "Step", "step_error"]


class DerivationError(AssertionError):
    """A step of a :class:`~infolib.symbolic.Derivation` could not be proved.

    Attributes ``step`` (1-based number), ``why``, ``lhs``, ``rhs``,
    ``relation`` and ``residual`` (the simplest form the difference was
    reduced to) describe the failing step.

    Examples
    --------
    >>> import sympy
    >>> from infolib.symbolic import Derivation
    >>> x = sympy.Symbol("x")
    >>> d = Derivation((x + 1)**2).step(x**2 + 1, "binomial formula")
    >>> try:
    ...     d.check()
    ... except DerivationError as err:
    ...     print(err.step, err.why, err.residual)
    1 binomial formula 2*x
    """

    __module__ = "infolib.symbolic"  # where users import it from (and tracebacks name it)

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


def step_error(
    k: int,
    st: Step,
    lhs: sp.Expr,
    rhs: sp.Expr,
    residual: sp.Basic | None,
    note: str | None = None,
) -> DerivationError:
    """The error for step ``k``: both sides, the residual, and a hint where one helps."""
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
