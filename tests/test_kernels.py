"""Tests for infolib._kernels: the blocked KL terms equal the unblocked ones bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from infolib import _kernels


def mixed_pairs(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Entries of every kind the kernel distinguishes: near-equal, far apart, zeros,
    p = q = 0, 0 < p << q, subnormal q, p > 0 = q."""
    rng = np.random.default_rng(seed)
    p = rng.random(n)
    q = np.where(rng.random(n) < 0.5, p * (1 + 1e-3 * rng.standard_normal(n)), rng.random(n))
    kind = rng.integers(0, 6, n)
    p[kind == 1] = 0.0
    p[kind == 2], q[kind == 2] = 0.0, 0.0
    p[kind == 3] = 1e-300
    q[kind == 4] = 1e-310
    q[kind == 5] = 0.0
    return p, q


@pytest.mark.parametrize("n", [_kernels.BLOCK * 3 + 17, _kernels.KL_LEAF * 2 + 5, 1000])
def test_blocked_terms_equal_unblocked_terms(n):
    p, q = mixed_pairs(n)
    blocked = _kernels.kl_terms(p, q)  # C-contiguous: in blocks when large
    ps, qs = np.stack([p, p], axis=1)[:, 0], np.stack([q, q], axis=1)[:, 0]
    assert not ps.flags.c_contiguous  # strided views of the same data: in one piece
    np.testing.assert_array_equal(blocked, _kernels.kl_terms(ps, qs))
    assert not np.isnan(blocked).any()
    assert (blocked >= 0).all()
    assert np.isinf(blocked[(p > 0) & (q == 0)]).all()


def test_blocks_of_nearly_equal_distributions_use_the_series():
    n = _kernels.BLOCK * 2
    rng = np.random.default_rng(1)
    p = rng.random(n)
    q = p * (1 + 1e-6 * rng.standard_normal(n))
    x = (p - q) / q
    terms = _kernels.kl_terms(p, q)
    # q phi(1 + x) = q x^2/2 (1 - x/3 + ...): relative accuracy where the naive form cancels
    np.testing.assert_allclose(terms, q * x * x / 2 * (1 - x / 3 + x * x / 6), rtol=1e-12)


def test_to_base():
    assert _kernels.to_base(np.array(2.0), None) == 2.0
    assert isinstance(_kernels.to_base(np.array(2.0), 2), np.float64)
    assert _kernels.to_base(np.log(8.0), 2) == pytest.approx(3.0, rel=1e-15)


@pytest.mark.parametrize(
    "shape",
    [(_kernels.BLOCK + 1,), (3 * _kernels.BLOCK - 7,), (2, 5 * _kernels.BLOCK + 3), (40_001, 3),
     (7, _kernels.BLOCK), (1_000_003,)],
)
def test_sum_last_axis_is_numpys_sum_bit_for_bit(shape):
    """The blocks follow numpy's pairwise summation tree, so no bit changes."""
    rng = np.random.default_rng(sum(shape))
    a = rng.standard_normal(shape) * np.exp(rng.uniform(-20, 20, shape))  # heavy cancellation
    b = rng.random(shape)
    np.testing.assert_array_equal(_kernels.sum_last_axis(np.multiply, a, b),
                                  np.multiply(a, b).sum(axis=-1))
    p, q = mixed_pairs(int(np.prod(shape)), seed=len(shape))
    p, q = p.reshape(shape), q.reshape(shape)
    np.testing.assert_array_equal(_kernels.kl_sum(p, q, p.ndim - 1),
                                  _kernels.kl_terms(p, q).sum(axis=-1))
