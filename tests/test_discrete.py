"""Tests for infolib.discrete: values, identities, accuracy and bad input."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from infolib import cross_entropy, empirical_distribution, entropy, kl_divergence

# ---------------------------------------------------------------- helpers


def mp_kl(p: np.ndarray, q: np.ndarray, dps: int = 50) -> float:
    """KL of the exactly normalised inputs, computed with 50 significant digits."""
    with mp.workdps(dps):
        pm = [mp.mpf(float(x)) for x in p]
        qm = [mp.mpf(float(x)) for x in q]
        sp, sq = mp.fsum(pm), mp.fsum(qm)
        return float(
            mp.fsum(
                a / sp * mp.log((a / sp) / (b / sq)) for a, b in zip(pm, qm, strict=True) if a != 0
            )
        )


def mp_entropy(p: np.ndarray, dps: int = 50) -> float:
    with mp.workdps(dps):
        return float(-mp.fsum(mp.mpf(float(x)) * mp.log(mp.mpf(float(x))) for x in p if x > 0))


def mp_cross_entropy(p: np.ndarray, q: np.ndarray, dps: int = 50) -> float:
    with mp.workdps(dps):
        return float(
            -mp.fsum(
                mp.mpf(float(a)) * mp.log(mp.mpf(float(b)))
                for a, b in zip(p, q, strict=True)
                if a > 0
            )
        )


def rel_err(x: float, ref: float) -> float:
    return abs(x - ref) / abs(ref)


@st.composite
def distributions(draw, min_size: int = 1, max_size: int = 12, size: int | None = None):
    n = size if size is not None else draw(st.integers(min_size, max_size))
    w = draw(hnp.arrays(np.float64, n, elements=st.floats(0.0, 1.0, allow_subnormal=False)))
    if w.sum() == 0:
        w[0] = 1.0
    return w / w.sum()


@st.composite
def distribution_pairs(draw, positive_q: bool = True):
    n = draw(st.integers(1, 12))
    p = draw(distributions(size=n))
    q = draw(distributions(size=n))
    if positive_q:
        q = (q + 1e-3) / (q + 1e-3).sum()
    return p, q


# ---------------------------------------------------------------- exact values


def test_known_values():
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert entropy([1.0, 0.0, 0.0]) == 0.0
    assert math.isclose(entropy(np.full(8, 1 / 8), base=2), 3.0, rel_tol=1e-15)
    assert math.isclose(cross_entropy([0.5, 0.5], [0.25, 0.75]), -0.5 * math.log(0.25 * 0.75))
    assert math.isclose(
        kl_divergence([0.5, 0.5], [0.25, 0.75]), 0.5 * math.log(0.5 / 0.25 * 0.5 / 0.75)
    )


def test_return_types_and_broadcasting():
    assert isinstance(entropy([0.2, 0.8]), np.float64)
    p = np.array([[0.2, 0.8], [0.5, 0.5], [1.0, 0.0]])
    q = np.array([0.4, 0.6])
    h = cross_entropy(p, q)
    assert h.shape == (3,)
    expected = [cross_entropy(row, q) for row in p]
    np.testing.assert_allclose(h, expected, rtol=1e-15)
    # axis=0: distributions down the columns
    np.testing.assert_allclose(entropy(p.T, axis=0), entropy(p), rtol=1e-15)
    np.testing.assert_allclose(kl_divergence(p.T, q[:, None], axis=0), kl_divergence(p, q))


def test_zero_conventions_and_infinity():
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(math.log(2))
    assert kl_divergence([0.0, 1.0], [0.0, 1.0]) == 0.0
    assert cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert not np.isnan(kl_divergence([[0.0, 1.0], [0.5, 0.5]], [[0.0, 1.0], [1.0, 0.0]])).any()


def test_argument_order_matters():
    p, q = [0.9, 0.1], [0.5, 0.5]
    forward, reverse = kl_divergence(p, q), kl_divergence(q, p)
    assert forward == pytest.approx(0.9 * math.log(1.8) + 0.1 * math.log(0.2))
    assert reverse == pytest.approx(0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(5.0))
    assert abs(forward - reverse) > 0.1


# ---------------------------------------------------------------- identities (hypothesis)


@settings(max_examples=200, deadline=None)
@given(distribution_pairs(positive_q=False))
def test_kl_nonnegative(pq):
    p, q = pq
    assert kl_divergence(p, q) >= 0.0


@settings(max_examples=200, deadline=None)
@given(distributions())
def test_kl_of_p_with_itself_is_zero(p):
    assert kl_divergence(p, p) == 0.0


@settings(max_examples=200, deadline=None)
@given(distribution_pairs())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    lhs = cross_entropy(p, q)
    rhs = entropy(p) + kl_divergence(p, q)
    assert lhs == pytest.approx(rhs, rel=1e-12, abs=1e-14)
    assert lhs >= entropy(p) - 1e-14  # Gibbs' inequality


@settings(max_examples=100, deadline=None)
@given(distribution_pairs(), st.randoms(use_true_random=False))
def test_invariant_under_permutation(pq, rnd):
    p, q = pq
    perm = list(range(p.size))
    rnd.shuffle(perm)
    assert entropy(p[perm]) == pytest.approx(entropy(p), rel=1e-13, abs=1e-15)
    assert cross_entropy(p[perm], q[perm]) == pytest.approx(cross_entropy(p, q), rel=1e-13)
    assert kl_divergence(p[perm], q[perm]) == pytest.approx(
        kl_divergence(p, q), rel=1e-12, abs=1e-16
    )


@settings(max_examples=100, deadline=None)
@given(distribution_pairs(), st.floats(1.1, 100.0))
def test_change_of_base_divides_by_log_base(pq, base):
    p, q = pq
    for fn, args in ((entropy, (p,)), (cross_entropy, (p, q)), (kl_divergence, (p, q))):
        assert fn(*args, base=base) == pytest.approx(
            fn(*args) / math.log(base), rel=1e-14, abs=1e-300
        )


# ---------------------------------------------------------------- accuracy vs mpmath


def test_kl_nearly_equal_distributions_keeps_relative_accuracy():
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.ones(50))
    worst = 0.0
    for eps in (1e-3, 1e-5, 1e-7, 1e-9):
        q = p * (1 + eps * rng.standard_normal(50))
        q /= q.sum()
        ref = mp_kl(p, q)
        worst = max(worst, rel_err(kl_divergence(p, q), ref))
    assert worst < 1e-12, worst


def test_naive_formula_loses_all_digits_where_infolib_does_not():
    """The motivating failure: naive sum of p log(p/q) when p is close to q."""
    p = np.array([0.3, 0.7])
    q = np.array([0.3 + 1e-9, 0.7 - 1e-9])
    ref = mp_kl(p, q)
    naive = float(np.sum(p * np.log(p / q)))
    assert rel_err(naive, ref) > 1e-3  # the naive formula is badly wrong here
    assert rel_err(kl_divergence(p, q), ref) < 1e-12


def test_subnormal_probabilities():
    tiny = 5e-320  # subnormal
    p = np.array([tiny, 0.25, 0.75 - tiny])
    q = np.array([3 * tiny, 0.5, 0.5 - 3 * tiny])
    assert rel_err(entropy(p), mp_entropy(p)) < 1e-12
    assert rel_err(cross_entropy(p, q), mp_cross_entropy(p, q)) < 1e-12
    assert rel_err(kl_divergence(p, q), mp_kl(p, q)) < 1e-12


def test_random_inputs_against_mpmath():
    rng = np.random.default_rng(7)
    for alpha in (0.05, 1.0, 20.0):
        p = rng.dirichlet(np.full(30, alpha))
        q = rng.dirichlet(np.full(30, alpha))
        q = (q + 1e-12) / (q + 1e-12).sum()
        assert rel_err(entropy(p), mp_entropy(p)) < 1e-12
        assert rel_err(cross_entropy(p, q), mp_cross_entropy(p, q)) < 1e-12
        assert rel_err(kl_divergence(p, q), mp_kl(p, q)) < 1e-12


# ---------------------------------------------------------------- empirical distribution


def test_empirical_distribution_counts_over_support():
    p_hat = empirical_distribution([2, 2, 5, 2, 9], support=[9, 5, 2, 7])
    np.testing.assert_array_equal(p_hat, [0.2, 0.2, 0.6, 0.0])
    assert p_hat.sum() == 1.0


def test_empirical_distribution_rejects_samples_outside_support():
    with pytest.raises(ValueError, match="outside support"):
        empirical_distribution([1, 2, 4], support=[1, 2, 3])


def test_empirical_distribution_rejects_repeated_support():
    with pytest.raises(ValueError, match="support"):
        empirical_distribution([1, 2], support=[1, 2, 2])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("p", "match"),
    [
        ([0.5, -0.1, 0.6], "p must be non-negative"),
        ([0.5, np.nan, 0.5], "p must be finite"),
        ([0.5, np.inf], "p must be finite"),
        ([0.5, 0.6], "p must sum to 1"),
        ([], "p must not be empty"),
        (0.5, "p must have at least one dimension"),
    ],
)
def test_entropy_rejects_bad_p(p, match):
    with pytest.raises(ValueError, match=match):
        entropy(p)


def test_sum_message_reports_the_sums():
    with pytest.raises(ValueError, match=r"q must sum to 1 along axis -1 .*\[0\.8, 1\.2\]"):
        kl_divergence([[0.5, 0.5], [0.5, 0.5]], [[0.4, 0.4], [0.6, 0.6]])


def test_non_numeric_input_is_a_type_error():
    with pytest.raises(TypeError, match="p must be numeric"):
        entropy(["a", "b"])
    with pytest.raises(TypeError, match="q must be numeric"):
        cross_entropy([0.5, 0.5], "ab")
    with pytest.raises(TypeError, match="p must be numeric"):
        entropy([object(), object()])


def test_shapes_that_do_not_broadcast():
    with pytest.raises(ValueError, match="shape"):
        kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5])


@pytest.mark.parametrize("axis", [2, -3])
def test_axis_out_of_range(axis):
    with pytest.raises(ValueError, match="axis"):
        entropy(np.full((2, 2), 0.5), axis=axis)


def test_axis_must_be_integer():
    with pytest.raises(TypeError, match="axis"):
        entropy([0.5, 0.5], axis=0.5)


@pytest.mark.parametrize("base", [0, -2, 1, 1.0, math.inf, math.nan])
def test_bad_base(base):
    with pytest.raises(ValueError, match="base"):
        entropy([0.5, 0.5], base=base)


def test_base_must_be_a_number():
    with pytest.raises(TypeError, match="base"):
        entropy([0.5, 0.5], base="2")


def test_subnormal_q_does_not_overflow_to_infinity():
    # p / q overflows for q = 1e-310, but the divergence is finite: log(1e310) - 1 + ...
    value = kl_divergence([1.0, 0.0], [1e-310, 1.0])
    with mp.workdps(50):
        ref = float(mp.log(1 / mp.mpf(1e-310)))
    assert math.isfinite(value)
    assert rel_err(value, ref) < 1e-12


# ---------------------------------------------------------------- 0.1 bugs (issue 12)


def test_category_axis_is_never_broadcast_from_size_1():
    # 0.1 broadcast q = [1.0] against two categories and returned 0.3069
    with pytest.raises(ValueError, match="same number of categories"):
        kl_divergence([0.5, 0.5], [1.0])
    # 0.1 broadcast p = [1.0] against three categories and returned 3.5066
    with pytest.raises(ValueError, match="same number of categories"):
        cross_entropy([1.0], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="same number of categories"):
        kl_divergence(np.full((2, 3), 0.5), np.full((1, 3), 1 / 3), axis=0)


def test_a_vector_q_runs_along_axis():
    # 0.1 aligned the 1-D q with the last axis although the categories run down axis 0
    q = np.array([0.2, 0.3, 0.5])
    p = np.stack([q, [0.3, 0.4, 0.3], [0.6, 0.3, 0.1]], axis=1)  # columns are distributions
    by_hand = [sum(a * math.log(a / b) for a, b in zip(col, q, strict=True)) for col in p.T]
    np.testing.assert_allclose(kl_divergence(p, q, axis=0), by_hand, rtol=1e-14)
    assert kl_divergence(p, q, axis=0)[0] == 0.0
    np.testing.assert_allclose(cross_entropy(p, q, axis=0), [cross_entropy(c, q) for c in p.T])
    np.testing.assert_allclose(kl_divergence(q, p, axis=0), [kl_divergence(q, c) for c in p.T])


def test_masked_array_is_refused_not_unmasked():
    # 0.1 ignored the mask and returned 1.0397
    with pytest.raises(TypeError, match="masked array"):
        entropy(np.ma.masked_array([0.5, 0.25, 0.25], mask=[0, 0, 1]))


def test_sum_error_shows_the_deviation():
    # 0.1 printed "(got sums in [1, 1])" for sums that are off by 3e-7
    with pytest.raises(ValueError, match=r"off by up to 3\.0e-07"):
        entropy([0.5, 0.5 + 3e-7])


def test_float32_softmax_output_is_a_distribution():
    z = np.random.default_rng(3).normal(scale=4.0, size=(8, 100)).astype(np.float32)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    assert np.abs(p.sum(axis=1, dtype=np.float64) - 1).max() > 1e-9  # refused by 0.1
    q = np.full(100, 0.01, dtype=np.float32)
    for value in (entropy(p), cross_entropy(p, q), kl_divergence(p, q)):
        assert value.dtype == np.float64 and value.shape == (8,)
    np.testing.assert_allclose(kl_divergence(p, q), cross_entropy(p, q) - entropy(p), rtol=1e-12)


def test_near_equal_float32_distributions_keep_their_kl():
    """Renormalisation: the rounding of the float32 sums does not bias a small KL."""
    p64 = np.random.default_rng(4).dirichlet(np.ones(50))
    q64 = p64 * (1 + 1e-3 * np.sin(np.arange(50)))
    p32, q32 = p64.astype(np.float32), (q64 / q64.sum()).astype(np.float32)
    pr = p32.astype(np.float64) / p32.astype(np.float64).sum()
    qr = q32.astype(np.float64) / q32.astype(np.float64).sum()
    assert rel_err(kl_divergence(p32, q32), mp_kl(pr, qr)) < 1e-12


@pytest.mark.parametrize("shape_q", [(3, 4), (1, 4), (4,)])
def test_batch_axes_broadcast_and_categories_match(shape_q):
    rng = np.random.default_rng(5)
    p = rng.dirichlet(np.ones(4), size=(2, 3))
    q = rng.dirichlet(np.ones(4), size=shape_q[:-1]) if len(shape_q) > 1 else rng.dirichlet(
        np.ones(4))
    out = kl_divergence(p, q)
    qb = np.broadcast_to(q, p.shape)
    expected = [[kl_divergence(p[i, j], qb[i, j]) for j in range(3)] for i in range(2)]
    np.testing.assert_allclose(out, expected, rtol=1e-14)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([0.5, 0.5], [1.2, -0.2]),  # p > 0 everywhere: the sign of q shows as NaN
        ([1.0, 0.0], [1.2, -0.2]),  # p = 0 where q < 0: checked up front
        ([0.2, 0.3, 0.5], [0.6, 0.6, -0.2]),
    ],
)
def test_negative_q_is_refused_whatever_p(p, q):
    for f in (cross_entropy, kl_divergence):
        with pytest.raises(ValueError, match="q must be non-negative"):
            f(p, q)


@pytest.mark.parametrize("p", [[1.5, -0.5], [0.5, -0.1, 0.6], [[0.5, 0.5], [1.5, -0.5]]])
def test_negative_p_is_refused(p):
    for f in (entropy, lambda a: cross_entropy(a, np.full(np.shape(a), 0.5)),
              lambda a: kl_divergence(a, np.full(np.shape(a), 0.5))):
        with pytest.raises(ValueError, match="p must be non-negative"):
            f(p)
