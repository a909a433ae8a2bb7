"""Tests for infolib.information: joint and conditional entropy, mutual information,
Jensen-Shannon, against hand derivations, mpmath, scipy and (if installed) scikit-learn."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import jensenshannon

from infolib import (
    conditional_entropy,
    entropy,
    jensen_shannon,
    joint_entropy,
    kl_divergence,
    mutual_information,
)

LOG2 = math.log(2.0)

# ---------------------------------------------------------------- references


def mp_mutual_information(joint: np.ndarray) -> float:
    """sum p log(p / (p_x p_y)) of the exactly normalised table, 50 digits."""
    with mp.workdps(50):
        t = [[mp.mpf(float(v)) for v in row] for row in joint]
        total = mp.fsum(mp.fsum(row) for row in t)
        t = [[v / total for v in row] for row in t]
        px = [mp.fsum(row) for row in t]
        py = [mp.fsum(t[i][j] for i in range(len(t))) for j in range(len(t[0]))]
        return float(mp.fsum(t[i][j] * mp.log(t[i][j] / (px[i] * py[j]))
                             for i in range(len(t)) for j in range(len(t[0])) if t[i][j] > 0))


def mp_conditional_entropy(joint: np.ndarray) -> float:
    """-sum p(x, y) log(p(x, y) / p(x)), 50 digits."""
    with mp.workdps(50):
        total = mp.mpf(0)
        for row in joint:
            r = [mp.mpf(float(v)) for v in row]
            px = mp.fsum(r)
            total += mp.fsum(-v * mp.log(v / px) for v in r if v > 0)
        return float(total)


def mp_js(p: np.ndarray, q: np.ndarray) -> float:
    with mp.workdps(50):
        out = mp.mpf(0)
        for a, b in zip(p, q, strict=True):
            a, b = mp.mpf(float(a)), mp.mpf(float(b))
            m = (a + b) / 2
            out += (a * mp.log(a / m) if a else 0) + (b * mp.log(b / m) if b else 0)
        return float(out / 2)


@st.composite
def tables(draw, max_side: int = 5):
    nx, ny = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    t = rng.random((nx, ny)) * (rng.random((nx, ny)) < 0.8)
    if t.sum() == 0:
        t[0, 0] = 1.0
    return t / t.sum()


# ---------------------------------------------------------------- hand derivations


def test_the_worked_table():
    joint = np.array([[0.25, 0.25], [0.0, 0.5]])  # p(x) = (1/2, 1/2), p(y) = (1/4, 3/4)
    h_y = -(0.25 * math.log2(0.25) + 0.75 * math.log2(0.75))
    assert joint_entropy(joint, base=2) == 1.5
    assert conditional_entropy(joint, base=2) == 0.5
    assert conditional_entropy(joint.T, base=2) == pytest.approx(1.5 - h_y, rel=1e-15)
    assert mutual_information(joint, base=2) == pytest.approx(h_y - 0.5, rel=1e-15)


def test_deterministic_and_independent_extremes():
    px = np.array([0.2, 0.3, 0.5])
    permutation = np.diag(px)[:, [2, 0, 1]]  # Y is a function of X
    assert conditional_entropy(permutation) == 0.0
    assert mutual_information(permutation) == pytest.approx(entropy(px), rel=1e-15)
    py = np.array([0.6, 0.4])
    independent = np.outer(px, py)
    assert mutual_information(independent) < 1e-16
    assert conditional_entropy(independent) == pytest.approx(entropy(py), rel=1e-14)
    assert joint_entropy(independent) == pytest.approx(entropy(px) + entropy(py), rel=1e-14)


def test_batches_of_tables():
    rng = np.random.default_rng(0)
    batch = rng.dirichlet(np.ones(12), size=(4, 3)).reshape(4, 3, 3, 4)
    for f in (joint_entropy, conditional_entropy, mutual_information):
        out = f(batch)
        assert out.shape == (4, 3)
        expected = [[f(batch[i, j]) for j in range(3)] for i in range(4)]
        np.testing.assert_allclose(out, expected, rtol=1e-15)


# ---------------------------------------------------------------- identities


@settings(max_examples=200, deadline=None)
@given(tables())
def test_chain_rules_and_symmetry(joint):
    h_xy = joint_entropy(joint)
    h_x, h_y = entropy(joint.sum(axis=1)), entropy(joint.sum(axis=0))
    h_y_x, i_xy = conditional_entropy(joint), mutual_information(joint)
    tol = 1e-13 * (1 + h_xy)
    assert abs(h_y_x - (h_xy - h_x)) <= tol
    assert abs(i_xy - (h_x + h_y - h_xy)) <= tol
    assert abs(i_xy - (h_y - h_y_x)) <= tol
    assert abs(mutual_information(joint.T) - i_xy) <= tol
    assert i_xy >= 0.0 and h_y_x >= 0.0
    assert h_y_x <= h_y + tol  # conditioning reduces entropy
    assert max(h_x, h_y) <= h_xy + tol


@settings(max_examples=100, deadline=None)
@given(tables())
def test_mutual_information_is_a_kl_divergence(joint):
    product = np.outer(joint.sum(axis=1), joint.sum(axis=0))
    product /= product.sum()
    assert mutual_information(joint) == pytest.approx(
        kl_divergence(joint.ravel(), product.ravel()), rel=1e-12, abs=1e-15)


# ---------------------------------------------------------------- independent references


@pytest.mark.parametrize("seed", range(5))
def test_against_mpmath(seed):
    rng = np.random.default_rng(seed)
    joint = rng.dirichlet(np.full(20, 0.5)).reshape(4, 5)
    assert mutual_information(joint) == pytest.approx(mp_mutual_information(joint), rel=1e-13)
    assert conditional_entropy(joint) == pytest.approx(mp_conditional_entropy(joint), rel=1e-13)


@pytest.mark.parametrize("eps", [1e-3, 1e-6, 1e-9])
def test_nearly_independent_variables_keep_relative_precision(eps):
    px, py = np.array([0.3, 0.7]), np.array([0.2, 0.5, 0.3])
    joint = np.outer(px, py) * (1 + eps * np.array([[1, -1, 0.5], [-0.4, 0.3, -0.2]]))
    joint /= joint.sum()
    ref = mp_mutual_information(joint)
    err = abs(mutual_information(joint) - ref) / ref
    assert err <= 1e-14 / eps  # backward stable: the marginals are rounded
    naive = entropy(joint.sum(1)) + entropy(joint.sum(0)) - joint_entropy(joint)
    if eps <= 1e-6:  # the difference of entropies is mostly rounding noise there
        assert abs(naive - ref) / ref > 100 * max(err, 1e-16)


@pytest.mark.parametrize("eps", [1e-4, 1e-8, 1e-12])
def test_nearly_deterministic_y_keeps_relative_precision(eps):
    joint = np.array([[0.5 - eps, eps, 0.0], [0.0, eps, 0.5 - eps]])
    ref = mp_conditional_entropy(joint)
    assert abs(conditional_entropy(joint) - ref) <= 1e-13 * ref


def test_against_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is not installed")
    rng = np.random.default_rng(1)
    counts = rng.integers(0, 20, size=(4, 6))
    ref = metrics.mutual_info_score(None, None, contingency=counts)
    assert mutual_information(counts / counts.sum()) == pytest.approx(ref, rel=1e-12)


# ---------------------------------------------------------------- Jensen-Shannon


def test_jensen_shannon_known_values():
    assert jensen_shannon([1.0, 0.0], [0.0, 1.0], base=2) == 1.0
    assert jensen_shannon([1.0, 0.0], [0.0, 1.0]) == pytest.approx(LOG2, rel=1e-15)
    assert jensen_shannon([0.3, 0.7], [0.3, 0.7]) == 0.0
    p, q = np.array([0.5, 0.5]), np.array([0.9, 0.1])
    m = (p + q) / 2
    by_hand = entropy(m) - 0.5 * entropy(p) - 0.5 * entropy(q)
    assert jensen_shannon(p, q) == pytest.approx(by_hand, rel=1e-14)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8), st.integers(0, 2**32 - 1))
def test_jensen_shannon_is_the_square_of_scipys_distance(k, seed):
    rng = np.random.default_rng(seed)
    p, q = rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))
    js = jensen_shannon(p, q)
    assert 0.0 <= js <= LOG2 * (1 + 1e-15)
    assert js == jensen_shannon(q, p) or js == pytest.approx(jensen_shannon(q, p), rel=1e-15)
    assert math.sqrt(js) == pytest.approx(jensenshannon(p, q), rel=1e-10, abs=1e-12)
    assert math.sqrt(jensen_shannon(p, q, base=2)) == pytest.approx(
        jensenshannon(p, q, base=2), rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("eps", [1e-4, 1e-8, 1e-12])
def test_jensen_shannon_of_nearly_equal_distributions(eps):
    p = np.array([0.1, 0.2, 0.3, 0.4])
    q = p * (1 + eps * np.array([1.0, -1.0, 1.0, -0.25]))
    q /= q.sum()
    ref = mp_js(p, q)
    assert abs(jensen_shannon(p, q) - ref) <= 1e-14 * ref


def test_jensen_shannon_aligns_like_kl_divergence():
    rng = np.random.default_rng(2)
    p = rng.dirichlet(np.ones(3), size=4).T  # distributions down axis 0
    q = np.array([0.2, 0.3, 0.5])
    np.testing.assert_allclose(jensen_shannon(p, q, axis=0),
                               [jensen_shannon(c, q) for c in p.T], rtol=1e-15)
    with pytest.raises(ValueError, match="same number of categories"):
        jensen_shannon([0.5, 0.5], [1.0])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("f", [joint_entropy, conditional_entropy, mutual_information])
@pytest.mark.parametrize(
    ("joint", "exc", "match"),
    [
        ([0.5, 0.5], ValueError, "at least two dimensions"),
        ([[0.5, 0.5], [0.5, 0.5]], ValueError, "joint must sum to 1 over its last two axes"),
        ([[0.5, -0.5], [0.5, 0.5]], ValueError, "joint must be non-negative"),
        ([[0.5, np.nan], [0.5, 0.0]], ValueError, "joint must be finite"),
        (np.ma.masked_array([[0.5, 0.5]]), TypeError, "masked"),
        ([["a"]], TypeError, "joint must be numeric"),
    ],
)
def test_bad_tables(f, joint, exc, match):
    with pytest.raises(exc, match=match):
        f(joint)


def test_bad_base():
    with pytest.raises(ValueError, match="base"):
        mutual_information([[1.0]], base=1)
    with pytest.raises(TypeError, match="base"):
        jensen_shannon([1.0], [1.0], base="2")
