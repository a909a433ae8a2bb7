"""Tests for infolib._validation (and the generic helpers of infolib._arrays it re-exports):
the dtype policy, masked arrays, the alignment of two distributions, the messages."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import _validation as v
from infolib import cross_entropy, entropy, kl_divergence

# ---------------------------------------------------------------- the dtype policy


def float32_softmax(z: np.ndarray) -> np.ndarray:
    """A softmax computed entirely in float32, as a network's last layer does."""
    z = z.astype(np.float32)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@pytest.mark.parametrize("k", [2, 10, 1000, 50_000])
def test_float32_softmax_rows_are_distributions(k):
    rng = np.random.default_rng(k)
    p = float32_softmax(rng.normal(scale=5.0, size=(20, k)))
    assert p.dtype == np.float32
    assert np.abs(p.astype(np.float64).sum(axis=-1) - 1.0).max() > 1e-9  # the 0.1 tolerance
    h = entropy(p)
    assert h.dtype == np.float64 and h.shape == (20,)
    # renormalised in float64: the same as the entropy of the normalised rows
    p64 = p.astype(np.float64)
    np.testing.assert_allclose(h, entropy(p64 / p64.sum(axis=-1, keepdims=True)), rtol=1e-14)


def test_torch_float32_softmax_is_accepted():
    torch = pytest.importorskip("torch", reason="torch is a benchmark-only dependency")
    z = torch.randn(64, 1000, generator=torch.Generator().manual_seed(0)) * 5
    p = torch.softmax(z, -1)
    h = entropy(p.numpy())
    assert h.dtype == np.float64
    np.testing.assert_allclose(h, entropy(p.double().numpy() / p.double().sum(-1, keepdim=True)
                                          .numpy()), rtol=1e-13)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_a_wrong_sum_is_refused_in_every_dtype(dtype):
    with pytest.raises(ValueError, match="p must sum to 1"):
        entropy(np.array([0.5, 0.6], dtype=dtype))
    with pytest.raises(ValueError, match="q must sum to 1"):
        kl_divergence([0.5, 0.5], np.array([0.5, 0.51], dtype=dtype))


def test_sum_tolerance_scales_with_precision_and_size():
    assert v.sum_tolerance(np.dtype(np.float64), 10**6) == v.PROB_SUM_TOL
    assert v.sum_tolerance(np.dtype(np.int64), 3) == v.PROB_SUM_TOL
    eps32 = float(np.finfo(np.float32).eps)
    assert v.sum_tolerance(np.dtype(np.float32), 100) == pytest.approx(4 * eps32 * 10)
    assert v.sum_tolerance(np.dtype(np.float16), 4) > v.sum_tolerance(np.dtype(np.float32), 4)
    # still far below the error of [0.5, 0.6]
    assert v.sum_tolerance(np.dtype(np.float16), 2) < 0.01


def test_float64_tolerance_is_unchanged():
    entropy([0.5, 0.5 + 0.9e-9])
    with pytest.raises(ValueError, match="within 1e-09"):
        entropy([0.5, 0.5 + 1.1e-9])


def test_exact_float32_input_gives_the_float64_value():
    p = np.array([0.25, 0.25, 0.5])
    assert entropy(p.astype(np.float32)) == entropy(p)
    assert kl_divergence(p.astype(np.float16), p[::-1].copy()) == kl_divergence(p, p[::-1].copy())


def test_integer_and_bool_inputs_are_exact_types():
    assert entropy([1, 0]) == 0.0
    assert entropy(np.array([True, False])) == 0.0
    assert v.as_numeric_array([1, 2], "x").dtype == np.float64


# ---------------------------------------------------------------- refused inputs


@pytest.mark.parametrize(
    "call",
    [
        lambda m: entropy(m),
        lambda m: cross_entropy(m, [0.5, 0.25, 0.25]),
        lambda m: kl_divergence([0.5, 0.25, 0.25], m),
    ],
)
def test_masked_arrays_are_refused(call):
    masked = np.ma.masked_array([0.5, 0.25, 0.25], mask=[0, 0, 1])
    with pytest.raises(TypeError, match=r"masked array.*filled"):
        call(masked)


def test_a_masked_array_without_masked_entries_is_refused_too():
    with pytest.raises(TypeError, match="p is a masked array"):
        entropy(np.ma.masked_array([0.5, 0.5]))


@pytest.mark.parametrize(
    ("x", "exc", "match"),
    [
        ("ab", TypeError, "string"),
        ([1 + 1j, 0], TypeError, "real"),
        ([[0.5], [0.5, 0.5]], ValueError, "could not be converted"),
        ([], ValueError, "empty"),
        (np.array([object()]), TypeError, "numeric"),
    ],
)
def test_as_numeric_array_refuses(x, exc, match):
    with pytest.raises(exc, match=match):
        v.as_numeric_array(x, "x")


# ---------------------------------------------------------------- messages


def test_sum_message_gives_the_deviation():
    with pytest.raises(ValueError, match=r"off by up to 3\.0e-07") as info:
        entropy([0.5, 0.5 + 3e-7])
    assert "[1.0000003, 1.0000003]" in str(info.value)  # not "[1, 1]"


def test_sum_message_names_the_dtype_and_tolerance():
    with pytest.raises(ValueError, match=r"within 6\.7e-07 \(float32\): off by up to 1\.0e-01"):
        entropy(np.array([0.5, 0.6], dtype=np.float32))


def test_negative_and_non_finite_messages():
    with pytest.raises(ValueError, match="p must be non-negative"):
        entropy([1.5, -0.5])
    with pytest.raises(ValueError, match="q must be finite, got NaN"):
        kl_divergence([0.5, 0.5], [np.nan, 0.5])
    with pytest.raises(ValueError, match="p must be finite, got infinite"):
        entropy([np.inf, 0.5])


# ---------------------------------------------------------------- alignment of p and q


def test_category_axis_must_match_exactly():
    with pytest.raises(ValueError, match=r"same number of categories .* \(got 2 and 1"):
        v.as_probability_pair([0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match=r"never broadcast"):
        v.as_probability_pair(np.full((2, 3), 0.5), np.full((1, 3), 1 / 3), axis=0)


def test_missing_category_axis_is_refused():
    with pytest.raises(ValueError, match="category axis of size 1"):
        v.as_probability_pair(np.full((2, 3, 4), 1 / 2), np.full((3, 4), 1 / 3), axis=0)


def test_other_axes_broadcast_like_numpy():
    p = np.full((5, 1, 3), 1 / 3)
    q = np.full((4, 3), 0.25)
    q[:, 0] = 0.5
    pa, qa, ax = v.as_probability_pair(p, q)
    assert pa.shape == qa.shape == (5, 4, 3) and ax == 2
    with pytest.raises(ValueError, match=r"shapes \(2, 3\) and \(4, 3\) do not broadcast"):
        v.as_probability_pair(np.full((2, 3), 1 / 3), np.full((4, 3), 1 / 3))


def test_a_vector_is_one_distribution_along_axis():
    p = np.array([[0.2, 0.5, 0.1], [0.3, 0.25, 0.1], [0.5, 0.25, 0.8]])
    q = np.array([0.2, 0.3, 0.5])
    pa, qa, ax = v.as_probability_pair(p, q, axis=0)
    assert ax == 0
    np.testing.assert_array_equal(qa[:, 2], q)  # q runs down the category axis
    pa, qa, ax = v.as_probability_pair(q, p, axis=0)
    np.testing.assert_array_equal(pa[:, 1], q)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 3), st.integers(1, 4), st.integers(-3, 2))
def test_pair_results_equal_slice_by_slice_results(seed, m, k, axis):
    """Whatever the alignment, each result is the divergence of two 1-D slices."""
    rng = np.random.default_rng(seed)
    ax = axis % 3
    p = np.moveaxis(rng.dirichlet(np.ones(k), size=(2, m)), -1, ax)  # categories at ax
    q = rng.dirichlet(np.ones(k))
    for a, b in [(p, q), (q, p)]:
        out = kl_divergence(a, b, axis=axis)
        expected = np.apply_along_axis(
            lambda row, a=a, b=b: kl_divergence(*((row, q) if a is p else (q, row))), ax, p
        )
        np.testing.assert_allclose(out, expected, rtol=1e-14, atol=1e-300)


# ---------------------------------------------------------------- other validators


def test_joint_tables():
    t = v.as_joint_table(np.full((2, 3, 4), 1 / 12))
    assert t.shape == (2, 3, 4) and t.dtype == np.float64
    with pytest.raises(ValueError, match="at least two dimensions"):
        v.as_joint_table([0.5, 0.5])
    with pytest.raises(ValueError, match="joint must sum to 1 over its last two axes"):
        v.as_joint_table(np.full((2, 2), 0.3))
    with pytest.raises(ValueError, match="joint must be non-negative"):
        v.as_joint_table([[0.5, -0.5], [0.5, 0.5]])


def test_class_labels():
    np.testing.assert_array_equal(v.as_class_labels([0.0, 2.0], 3, (2,)), [0, 2])
    for bad, match in [([0, 3], "< 3"), ([-1, 0], ">= 0"), ([0.5, 1], "integers"),
                       ([0, 1, 2], r"shape \(2,\)")]:
        with pytest.raises(ValueError, match=match):
            v.as_class_labels(bad, 3, (2,))
    with pytest.raises(TypeError, match="masked"):
        v.as_class_labels(np.ma.masked_array([0, 1]), 3, (2,))


def test_parameters():
    assert v.as_parameter(np.float32(0.5), "p", "unit") == 0.5
    assert isinstance(v.as_parameter(np.array(2.0), "s", "positive"), float)
    arr = v.as_parameter([0.1, 0.2], "p", "unit")
    assert arr.dtype == np.float64 and not arr.flags.writeable
    for x, domain, exc, match in [
        ([0.5, 1.5], "unit", ValueError, r"p must lie in \[0, 1\] \(got 1.5\)"),
        ([1.0, 0.0], "positive", ValueError, "p must be > 0"),
        ([1.0, np.nan], "real", ValueError, "p must be finite"),
        ([True, False], "unit", TypeError, "booleans"),
        (True, "unit", TypeError, "p must be a real number"),
        ("0.5", "unit", TypeError, "p must be a real number"),
    ]:
        with pytest.raises(exc, match=match):
            v.as_parameter(x, "p", domain)


def test_covariance():
    c, chol = v.as_covariance([[4.0, 2.0], [2.0, 3.0]], 2)
    np.testing.assert_allclose(chol @ chol.T, c, rtol=1e-15)
    for cov, match in [
        ([[1.0, 0.5], [0.4, 1.0]], "symmetric"),
        ([[1.0, 2.0], [2.0, 1.0]], r"positive definite \(smallest eigenvalue -1"),
        ([[1.0, 1.0], [1.0, 1.0]], "positive definite"),
        ([[1.0]], r"shape \(2, 2\)"),
        ([[1.0, np.inf], [np.inf, 1.0]], "finite"),
    ]:
        with pytest.raises(ValueError, match=match):
            v.as_covariance(cov, 2)


def test_logits_must_be_finite():
    with pytest.raises(ValueError, match="logits must be finite, got NaN"):
        v.as_logits([0.0, np.nan])
    with pytest.raises(ValueError, match="logits must be finite, got infinite"):
        v.as_logits([0.0, -np.inf])
    with pytest.raises(ValueError, match="at least one dimension"):
        v.as_logits(1.0)
    assert v.as_logits(1.0, min_ndim=0).shape == ()


def test_sum_tolerance_is_documented_in_one_place():
    import infolib

    assert "dtype policy" in v.__doc__
    assert "infolib._validation" in infolib.__doc__
    assert math.isclose(v.LOW_PRECISION_SUM_FACTOR, 4.0)
