"""Tests for infolib.coding: Huffman lengths are optimal, Shannon lengths obey their bounds."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from infolib import cross_entropy, entropy
from infolib.coding import expected_length, huffman_lengths, kraft_sum, shannon_lengths


def best_expected_length(p: np.ndarray) -> float:
    """The least expected length over all length vectors obeying Kraft (brute force)."""
    n = len(p)
    best = np.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        lengths = np.array(lengths)
        if np.sum(2.0**-lengths) <= 1.0:
            best = min(best, float(p @ lengths))
    return best


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_huffman_is_optimal_against_brute_force(n):
    rng = np.random.default_rng(n)
    for p in rng.dirichlet(np.ones(n), size=20):
        lengths = huffman_lengths(p)
        assert float(expected_length(p, lengths)) == pytest.approx(
            best_expected_length(p), abs=1e-12
        )


def test_dyadic_distributions_get_minus_log2_p():
    p = np.array([[0.5, 0.25, 0.125, 0.0625, 0.0625], [0.0625, 0.5, 0.0625, 0.125, 0.25]])
    np.testing.assert_array_equal(huffman_lengths(p), -np.log2(p))


def test_source_coding_bounds_on_a_batch():
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.full(7, 0.3), size=5000)
    expected = expected_length(p, huffman_lengths(p))
    h2 = entropy(p, base=2)
    assert np.all(h2 <= expected + 1e-12)
    assert np.all(expected < h2 + 1)


def test_huffman_code_is_complete_with_whole_lengths():
    rng = np.random.default_rng(2)
    lengths = huffman_lengths(rng.dirichlet(np.ones(9), size=100))
    np.testing.assert_array_equal(lengths, np.round(lengths))
    np.testing.assert_array_equal(kraft_sum(lengths), np.ones(100))


def test_batch_matches_rows_and_axis():
    rng = np.random.default_rng(3)
    p = rng.dirichlet(np.ones(6), size=(4, 5))
    batch = huffman_lengths(p)
    assert batch.shape == (4, 5, 6)
    for index in np.ndindex(4, 5):
        row = huffman_lengths(p[index])
        assert float(p[index] @ row) == pytest.approx(float(p[index] @ batch[index]), abs=1e-15)
    moved = huffman_lengths(np.moveaxis(p, -1, 0), axis=0)
    np.testing.assert_array_equal(np.moveaxis(moved, 0, -1), batch)


@pytest.mark.parametrize("size", [2, 3, 5, 6, 7, 36, 100, 216, 300])
def test_uniform_distribution_matches_the_closed_form(size):
    # with 2^a <= M < 2^(a+1), an optimal code for M equally likely symbols has
    # 2 (M - 2^a) codewords of length a + 1 and the rest of length a
    a = int(np.floor(np.log2(size)))
    expected = a + 2 * (size - 2**a) / size
    lengths = huffman_lengths(np.full(size, 1 / size))
    assert float(np.mean(lengths)) == pytest.approx(expected, abs=1e-12)


def test_symbols_of_probability_zero_get_no_codeword():
    # coded on its support, (1/2, 0, 1/2, 0) needs one bit, exactly its entropy
    p = np.array([0.5, 0.0, 0.5, 0.0])
    lengths = huffman_lengths(p)
    np.testing.assert_array_equal(lengths, [1.0, np.inf, 1.0, np.inf])
    assert float(kraft_sum(lengths)) == 1.0
    assert float(expected_length(p, lengths)) == 1.0
    np.testing.assert_array_equal(huffman_lengths([1.0]), [0.0])
    np.testing.assert_array_equal(huffman_lengths([0.0, 1.0, 0.0]), [np.inf, 0.0, np.inf])


def test_rows_with_different_supports_in_one_batch():
    rng = np.random.default_rng(5)
    p = rng.dirichlet(np.ones(8), size=300)
    p[rng.random(p.shape) < 0.4] = 0.0
    p[:, 0] += 1e-3
    p /= p.sum(axis=1, keepdims=True)
    lengths = huffman_lengths(p)
    assert np.all(np.isinf(lengths) == (p == 0))
    np.testing.assert_allclose(kraft_sum(lengths), 1.0, rtol=0, atol=0)
    for row, row_lengths in zip(p, lengths, strict=True):
        support = row[row > 0]
        assert float(expected_length(row, row_lengths)) == pytest.approx(
            float(expected_length(support, huffman_lengths(support))), abs=1e-15
        )


@pytest.mark.parametrize("bad", [[0.5, 0.6], [1.2, -0.2], [np.nan, 1.0], "ab"])
def test_bad_probabilities_are_refused(bad):
    with pytest.raises((ValueError, TypeError)):
        huffman_lengths(bad)
    with pytest.raises((ValueError, TypeError)):
        shannon_lengths(bad)


def test_shannon_code_bounds_and_kraft():
    rng = np.random.default_rng(4)
    p = rng.dirichlet(np.ones(5), size=5000)
    q = rng.dirichlet(np.ones(5), size=5000)
    lengths = shannon_lengths(q)
    np.testing.assert_array_equal(lengths, np.ceil(-np.log2(q)))
    assert np.all(kraft_sum(lengths) <= 1.0)
    expected = np.sum(p * lengths, axis=-1)
    h2 = cross_entropy(p, q, base=2)
    assert np.all(h2 <= expected) and np.all(expected < h2 + 1)
    # never shorter than the optimal code for p
    assert np.all(expected_length(p, huffman_lengths(p)) <= expected + 1e-12)


def test_shannon_code_has_no_codeword_for_an_impossible_symbol():
    lengths = shannon_lengths([0.5, 0.5, 0.0])
    np.testing.assert_array_equal(lengths, [1.0, 1.0, np.inf])
    assert float(kraft_sum(lengths)) == 1.0


def test_expected_length_conventions():
    assert float(expected_length([0.5, 0.5, 0.0], [1, 1, np.inf])) == 1.0
    assert float(expected_length([0.5, 0.25, 0.25], [1, 1, np.inf])) == np.inf
    np.testing.assert_array_equal(expected_length([[0.5, 0.5], [1.0, 0.0]], [1.0, 2.0]), [1.5, 1.0])
    with pytest.raises(ValueError):
        expected_length([0.5, 0.5], [1, -1])


def test_kraft_sum_refuses_negative_or_nan_lengths():
    with pytest.raises(ValueError):
        kraft_sum([1, -1])
    with pytest.raises(ValueError):
        kraft_sum([1, np.nan])
    assert float(kraft_sum(3)) == 0.125
