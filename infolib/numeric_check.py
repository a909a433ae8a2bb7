"""Numeric checks of identities on many random inputs at once.

Every chapter pairs a symbolic proof with a numeric check: both sides of an
identity are evaluated (vectorised) on seeded random inputs, and the largest
deviation is reported. :func:`check_identity` raises if the deviation exceeds
the tolerance, so a notebook cell fails when an identity does not hold.

What a passing check prints is portable: the bound it established ("every
deviation within 1e-12"), never the measured deviation, whose last digits
depend on the CPU and on numpy's release.  To claim agreement "to rounding
error", pass a tolerance of that size (``rtol=1e-14``): the claim is then
checked, not just printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._validation import as_float_array, broadcast_pair

__all__ = ["IdentityCheck", "IdentityCheckError", "check_identity", "check_inequality"]


class IdentityCheckError(AssertionError):
    """Raised when a numerically checked identity or inequality does not hold."""


@dataclass(frozen=True)
class IdentityCheck:
    """Result of a numeric check: what was compared and the largest deviation found.

    The text form states the *bound* the check established, "every deviation
    within 1e-12", and never the measured deviation itself: that number
    depends on the last bits of a sum, which change with the CPU, the
    operating system and numpy's release, and a stored notebook output must
    not.  The measured value is kept in ``max_deviation`` for whoever wants it.
    A failing check shows the measured value (it is an error message, not a
    stored output).
    """

    statement: str
    n_cases: int
    max_deviation: float
    tolerance: float
    holds: bool
    kind: str = "identity"

    def __str__(self) -> str:
        cases = "case" if self.n_cases == 1 else "cases"
        head = f"{self.statement}: "
        if self.holds:
            bound = (
                f"every deviation within {self.tolerance:.0e}"
                if self.kind == "identity"
                else f"no violation beyond {self.tolerance:.0e}"
            )
            return head + f"holds on {self.n_cases:,} {cases}; {bound}"
        what = "largest deviation" if self.kind == "identity" else "largest violation"
        return head + (
            f"FAILS on {self.n_cases:,} {cases}; {what} {self.max_deviation:.1e} "
            f"exceeds the tolerance {self.tolerance:.0e}"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def check_identity(
    statement: str, lhs: Any, rhs: Any, *, rtol: float = 1e-12, atol: float = 1e-14
) -> IdentityCheck:
    r"""Check ``lhs == rhs`` elementwise and report the largest scaled deviation.

    The reported deviation of a case is :math:`|l - r| / \max(1, |r|)`: a
    relative error for large values and an absolute one near zero. The check
    holds when every case satisfies :math:`|l - r| \le \text{atol} + \text{rtol}\,|r|`.
    Infinite values must agree exactly.

    Parameters
    ----------
    statement : str
        What is being checked, e.g. ``"H(p, q) = H(p) + KL(p || q)"``.
    lhs, rhs : array_like
        Both sides evaluated on the same random cases (must broadcast).
    rtol, atol : float
        Relative and absolute tolerances.

    Returns
    -------
    IdentityCheck
        Printable summary (the bound, not the measured deviation, see
        :class:`IdentityCheck`): it states the larger of ``rtol`` and ``atol``,
        so a purely absolute check (``rtol=0``) states ``atol``.
        ``.max_deviation`` is the largest scaled deviation.

    Raises
    ------
    IdentityCheckError
        If some case differs by more than ``atol + rtol * |rhs|``.

    Examples
    --------
    >>> print(check_identity("2 + 2 = 4", [2.0 + 2.0], [4.0]))
    2 + 2 = 4: holds on 1 case; every deviation within 1e-12
    >>> check_identity("0.1 + 0.2 = 0.3", [0.1 + 0.2], [0.3], rtol=1e-14).max_deviation < 1e-15
    True
    """
    left = as_float_array(lhs, "lhs")
    right = as_float_array(rhs, "rhs")
    left, right = broadcast_pair(left, "lhs", right, "rhs")
    same_inf = np.isinf(left) & (left == right)
    if np.isnan(left).any() or np.isnan(right).any():
        raise IdentityCheckError(f"{statement}: a side evaluated to NaN")
    with np.errstate(invalid="ignore"):
        diff = np.where(same_inf, 0.0, np.abs(left - right))
    scale = np.where(same_inf, 1.0, np.maximum(np.abs(right), 1.0))
    bound = atol + rtol * np.where(same_inf, 0.0, np.abs(right))
    holds = bool(np.all(diff <= bound))
    # the bound printed: the larger tolerance (an absolute one alone when rtol is 0)
    reported = max(rtol, atol)
    result = IdentityCheck(statement, int(left.size), float((diff / scale).max()), reported, holds)
    if not holds:
        worst = int(np.argmax(diff - bound))
        raise IdentityCheckError(
            f"{result}; case {worst}: lhs={left.flat[worst]!r}, rhs={right.flat[worst]!r}"
        )
    return result


def check_inequality(
    statement: str, smaller: Any, larger: Any, *, atol: float = 1e-14
) -> IdentityCheck:
    """Check ``smaller <= larger + atol`` elementwise; report the closest approach.

    The reported deviation is the largest violation ``max(smaller - larger, 0)``
    (zero when the inequality holds everywhere).

    Examples
    --------
    >>> print(check_inequality("0 <= x^2", [0.0, 0.0], [1.0, 4.0]))
    0 <= x^2: holds on 2 cases; no violation beyond 1e-14
    """
    small = as_float_array(smaller, "smaller")
    large = as_float_array(larger, "larger")
    small, large = broadcast_pair(small, "smaller", large, "larger")
    if np.isnan(small).any() or np.isnan(large).any():
        raise IdentityCheckError(f"{statement}: a side evaluated to NaN")
    with np.errstate(invalid="ignore"):
        violation = np.maximum(np.nan_to_num(small - large, nan=0.0), 0.0)
    worst = float(violation.max())
    result = IdentityCheck(statement, int(small.size), worst, atol, worst <= atol, "inequality")
    if not result.holds:
        raise IdentityCheckError(str(result))
    return result
