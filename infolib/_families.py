"""Helpers shared by the classes of the distribution families.

Parameters are Python floats for a single distribution (the behaviour of 0.1)
and read-only float64 arrays for a batch; these helpers give both the same
repr, equality, hashing and result types, and make ``base`` keyword-only.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = [
    "batch_shape_of",
    "check_same_family",
    "keyword_base",
    "parameter_key",
    "parameter_repr",
    "scalar_or_array",
]

# Batches with at most this many numbers show them in the repr.
_REPR_SIZE = 12


def scalar_or_array(arr: np.ndarray) -> np.ndarray | np.float64:
    """Return a numpy float for 0-d results and the array otherwise."""
    return arr[()] if arr.ndim == 0 else arr


def check_same_family(self: Any, other: Any) -> None:
    if type(other) is not type(self):
        raise TypeError(
            f"other must be a {type(self).__name__} (the same family as self), "
            f"got {type(other).__name__}"
        )


def batch_shape_of(*params: float | np.ndarray) -> tuple[int, ...]:
    """The broadcast shape of the parameters (``()`` for scalars)."""
    return np.broadcast_shapes(*(np.shape(p) for p in params))


def parameter_repr(value: float | np.ndarray) -> str:
    """``repr`` of a float, the nested list of a small array, else its shape."""
    if isinstance(value, float):
        return repr(value)
    if value.size <= _REPR_SIZE:
        return repr(value.tolist())
    return f"<array of shape {value.shape}>"


def parameter_key(value: float | np.ndarray) -> Any:
    """A hashable key such that equal parameters have equal keys."""
    if isinstance(value, float):
        return value
    return (value.shape, value.tobytes())


def keyword_base(method: Callable[..., Any]) -> Callable[..., Any]:
    """Make ``base`` keyword-only; ``base`` by position still works, with a warning.

    0.1 accepted ``dist.entropy(2)``; 0.2 documents ``dist.entropy(base=2)``.
    """
    n_positional = sum(
        p.kind is p.POSITIONAL_OR_KEYWORD for p in inspect.signature(method).parameters.values()
    )

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if len(args) == n_positional + 1 and "base" not in kwargs:
            warnings.warn(
                f"pass base by keyword: {method.__name__}(..., base={args[-1]!r}); "
                "base by position is deprecated since infolib 0.2",
                DeprecationWarning,
                stacklevel=2,
            )
            *args, kwargs["base"] = args
        return method(*args, **kwargs)

    return wrapper
