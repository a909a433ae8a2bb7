"""Hypothesis strategies and a comparison helper shared by the distribution tests."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from infolib.gaussian import Gaussian

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
means = st.floats(min_value=-100.0, max_value=100.0, allow_nan=False)
stds = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)


@st.composite
def prob_vectors(draw, k: int | None = None) -> np.ndarray:
    """Probability vectors with some exact zeros and possibly tiny entries (>= 1e-300)."""
    if k is None:
        k = draw(st.integers(min_value=1, max_value=6))
    weight = st.one_of(st.just(0.0), st.floats(min_value=1e-300, max_value=1.0))
    w = np.array(draw(st.lists(weight, min_size=k, max_size=k)))
    assume(w.sum() > 0)
    return w / w.sum()


def gaussians() -> st.SearchStrategy[Gaussian]:
    return st.builds(Gaussian, means, stds)


def isclose(a: float, b: float, scale: float = 1.0, rel: float = 1e-9) -> bool:
    """``math.isclose`` with an absolute tolerance ``rel * scale``; infinities must match."""
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel * scale)
