"""One-dimensional minimisation on a bounded interval, as the chapters need it.

Chapters 5 and 9 find a KL projection or a maximum-likelihood estimate of a
one-parameter family numerically, to check a closed form. The helper here wraps
SciPy's bounded scalar minimiser with a tolerance stated once, and says when
the minimum sits on the edge of the interval (where the closed form may not
apply).
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Real

import numpy as np
from scipy import optimize

__all__ = ["minimize_on_interval"]


def minimize_on_interval(
    objective: Callable[[float], float],
    lower: float = 0.0,
    upper: float = 1.0,
    *,
    xatol: float = 1e-12,
    margin: float = 1e-9,
) -> float:
    r"""The minimiser of a one-variable function over the open interval ``(lower, upper)``.

    Uses SciPy's bounded Brent method on :math:`[\text{lower} + m, \text{upper} - m]`
    with ``m = margin * (upper - lower)`` (the ends themselves are often outside a
    family's parameter space, e.g. :math:`\theta = 0` or :math:`1`).

    Parameters
    ----------
    objective : callable
        ``objective(theta) -> float``, finite on the interval.
    lower, upper : float, default 0 and 1
        The open interval; ``lower < upper``, both finite.
    xatol : float, default 1e-12
        Absolute tolerance on the minimiser.
    margin : float, default 1e-9
        Distance kept from the ends, relative to the interval's length.

    Returns
    -------
    float
        The minimiser.

    Raises
    ------
    ValueError
        If the interval or a tolerance is not valid, or if the minimiser found is
        within ``10 * xatol + 1e-7 * (upper - lower)`` of an end of the searched
        interval (the minimum may lie outside, or on the boundary).

    See Also
    --------
    scipy.optimize.minimize_scalar : the underlying minimiser.

    Examples
    --------
    >>> round(minimize_on_interval(lambda t: (t - 0.3) ** 2), 9)
    0.3
    >>> minimize_on_interval(lambda t: t)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the minimum of objective on (0.0, 1.0) is at the end 1e-09: it may lie ...
    """
    for name, value in (("lower", lower), ("upper", upper), ("xatol", xatol), ("margin", margin)):
        if isinstance(value, bool) or not isinstance(value, Real) or not np.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not lower < upper:
        raise ValueError(f"lower must be smaller than upper, got lower={lower}, upper={upper}")
    if xatol <= 0 or not 0 <= margin < 0.5:
        raise ValueError(f"need xatol > 0 and 0 <= margin < 0.5, got {xatol} and {margin}")
    pad = margin * (upper - lower)
    low, high = lower + pad, upper - pad
    result = optimize.minimize_scalar(
        objective, bounds=(low, high), method="bounded", options={"xatol": xatol}
    )
    theta = float(result.x)
    # Brent's bounded method stays about sqrt(machine epsilon) * |x| away from an end
    near = 10 * xatol + 1e-7 * (high - low)
    for end in (low, high):
        if abs(theta - end) <= near:
            raise ValueError(
                f"the minimum of objective on ({float(lower)}, {float(upper)}) is at the end "
                f"{end:.3g}: it may lie on the boundary or outside"
            )
    return theta
