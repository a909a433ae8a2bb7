"""Helpers shared by the classes of the distribution families."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["check_same_family", "scalar_or_array"]


def scalar_or_array(arr: np.ndarray) -> np.ndarray | np.float64:
    """Return a numpy float for 0-d results and the array otherwise."""
    return arr[()] if arr.ndim == 0 else arr


def check_same_family(self: Any, other: Any) -> None:
    if type(other) is not type(self):
        raise TypeError(
            f"other must be a {type(self).__name__} (the same family as self), "
            f"got {type(other).__name__}"
        )
