r"""Codeword lengths of binary prefix codes: Huffman (optimal) and Shannon codes.

A binary prefix code gives symbol :math:`i` a codeword of :math:`L_i` bits, no
codeword being the start of another; equivalently, a strategy of yes/no
questions that finds the outcome. Such lengths exist exactly when they satisfy
the Kraft inequality :math:`\sum_i 2^{-L_i} \le 1`. For a distribution
:math:`p`, the expected length is :math:`\mathbb{E}_p[L] = \sum_i p_i L_i` bits, and the
source coding theorem bounds the best one, :math:`L^*`, by
:math:`H_2(p) \le L^* < H_2(p) + 1` (Cover and Thomas, *Elements of Information
Theory*, 2nd ed., theorems 5.3.1 and 5.4.1).

* :func:`huffman_lengths`: the lengths of a Huffman code, which attains
  :math:`L^*` (ibid., theorem 5.8.1). Used in chapter 1 of the book.
* :func:`shannon_lengths`: :math:`L_i = \lceil -\log_2 q_i \rceil`, the code
  built for a model :math:`q`; under data from :math:`p` it has
  :math:`H_2(p, q) \le \E_p[L] < H_2(p, q) + 1`. Used in chapter 2.
* :func:`expected_length`: :math:`\mathbb{E}_p[L]`, with :math:`0 \cdot \infty = 0`.
* :func:`kraft_sum`: :math:`\sum_i 2^{-L_i}`.

Like the rest of :mod:`infolib`, the functions take probability vectors along
``axis`` and work on whole batches at once.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import as_float_array, as_probabilities, normalize_axis

__all__ = ["expected_length", "huffman_lengths", "kraft_sum", "shannon_lengths"]


def huffman_lengths(p: Any, *, axis: int = -1) -> np.ndarray:
    r"""Codeword lengths :math:`L_i` of a binary Huffman code for :math:`p`.

    Huffman's algorithm merges the two least probable nodes until one is
    left; the depth of symbol :math:`i` in the resulting binary tree is
    :math:`L_i`. The code is an optimal prefix code: its expected length
    :math:`\sum_i p_i L_i` is the least expected length :math:`L^*` of any
    binary prefix code for the symbols of positive probability, so
    :math:`H_2(p) \le \sum_i p_i L_i < H_2(p) + 1`.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis`` (non-negative, each slice summing to 1).
    axis : int, default -1
        Axis holding the symbols.

    Returns
    -------
    numpy.ndarray of float64
        The lengths (whole numbers), in the shape of ``p``. A symbol of
        probability zero never occurs and gets no codeword: its length is
        ``inf`` (use :func:`expected_length`, which takes :math:`0 \cdot \infty = 0`).
        If only one symbol is possible, its length is 0: nothing needs to be
        asked.

    Notes
    -----
    Ties between equal probabilities may be broken in several ways, which
    give different length vectors with the same (optimal) expected length.
    The batch is processed in :math:`n - 1` vectorised merge steps (two
    sorted queues: the leaves, and the merged nodes, which are created in
    non-decreasing order of probability), and the depths are found by
    pointer doubling.

    See Also
    --------
    shannon_lengths : the code built for a (possibly wrong) model.
    expected_length : :math:`\mathbb{E}_p[L]`.
    kraft_sum : checks that lengths belong to a prefix code.
    infolib.entropy : the lower bound :math:`H_2(p)` (``base=2``).

    Examples
    --------
    A fair die: two faces get 2 bits, four get 3, on average 8/3 bits, more
    than its entropy :math:`\log_2 6 \approx 2.585` bits.

    >>> die = np.full(6, 1 / 6)
    >>> huffman_lengths(die)
    array([3., 3., 3., 3., 2., 2.])
    >>> round(float(expected_length(die, huffman_lengths(die))), 6)
    2.666667

    Probabilities that are powers of 1/2 get :math:`L_i = -\log_2 p_i`:

    >>> huffman_lengths([[0.5, 0.25, 0.125, 0.125], [0.5, 0.0, 0.25, 0.25]])
    array([[ 1.,  2.,  3.,  3.],
           [ 1., inf,  2.,  2.]])
    """
    arr, ax = as_probabilities(p, "p", axis)
    moved = np.moveaxis(arr, ax, -1)
    n = moved.shape[-1]
    weights = moved.reshape(-1, n)
    lengths = _huffman_rows(weights)
    lengths[weights == 0] = np.inf
    return np.moveaxis(lengths.reshape(moved.shape), -1, ax)


def _huffman_rows(weights: np.ndarray) -> np.ndarray:
    """Huffman depths (float) of the positive weights of each row of a 2-d array."""
    batch, n = weights.shape
    rows = np.arange(batch)
    order = np.argsort(weights, axis=1, kind="stable")  # zero weights first
    # two queues per row, each ending in an inf sentinel: the sorted leaves
    # (nodes 0..n-1) and the merged nodes (nodes n..2n-2, created in
    # non-decreasing order of weight, inf until created)
    leaves = np.concatenate(
        [np.take_along_axis(weights, order, axis=1), np.full((batch, 1), np.inf)], axis=1
    )
    merged = np.full((batch, n), np.inf)
    parent = np.broadcast_to(np.arange(2 * n), (batch, 2 * n)).copy()  # a root is its own parent
    next_leaf = np.sum(weights == 0, axis=1)  # the leaves of probability zero are skipped
    next_merged = np.zeros(batch, dtype=np.int64)
    created = np.zeros(batch, dtype=np.int64)
    for _ in range(n - 1):  # each step merges the two lightest nodes
        active = (n - next_leaf) + (created - next_merged) >= 2
        if not active.any():
            break
        weight, ids = np.zeros(batch), []
        for _ in range(2):
            leaf_w, merged_w = leaves[rows, next_leaf], merged[rows, next_merged]
            take_leaf = leaf_w <= merged_w
            weight = weight + np.where(take_leaf, leaf_w, merged_w)
            # finished rows write to the spare column 2n - 1
            ids.append(np.where(active, np.where(take_leaf, next_leaf, n + next_merged), 2 * n - 1))
            next_leaf = next_leaf + (take_leaf & active)
            next_merged = next_merged + (~take_leaf & active)
        slot = np.where(active, created, n - 1)  # n - 1: the sentinel of a finished row
        merged[rows, slot] = np.where(active, weight, np.inf)
        parent[rows, ids[0]] = n + slot
        parent[rows, ids[1]] = n + slot
        created = created + active
    parent[:, 2 * n - 1] = 2 * n - 1
    # depth by pointer doubling: dist[v] is the number of edges from v to ancestor[v]
    ancestor = parent
    dist = (ancestor != np.arange(2 * n)).astype(np.float64)
    while True:
        further = np.take_along_axis(ancestor, ancestor, axis=1)
        if np.array_equal(further, ancestor):
            break
        dist = dist + np.take_along_axis(dist, ancestor, axis=1)
        ancestor = further
    lengths = np.empty((batch, n))
    np.put_along_axis(lengths, order, dist[:, :n], axis=1)
    return lengths


def expected_length(p: Any, lengths: Any, *, axis: int = -1) -> np.ndarray | np.floating:
    r"""The expected codeword length :math:`\mathbb{E}_p[L] = \sum_i p_i L_i`, in bits.

    Symbols with :math:`p_i = 0` contribute nothing, even without a codeword
    (:math:`0 \cdot \infty = 0`, as :math:`0 \log 0 = 0`); a symbol with
    :math:`p_i > 0` but no codeword makes the expected length ``inf``.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``.
    lengths : array_like
        Codeword lengths, broadcasting against ``p``.
    axis : int, default -1

    Returns
    -------
    numpy.float64 or numpy.ndarray

    Examples
    --------
    >>> float(expected_length([0.5, 0.5, 0.0], [1, 1, np.inf]))
    1.0
    >>> float(expected_length([0.5, 0.25, 0.25], shannon_lengths([0.5, 0.5, 0.0])))
    inf
    """
    arr, ax = as_probabilities(p, "p", axis)
    lens = as_float_array(lengths, "lengths")
    if np.isnan(lens).any() or lens.min() < 0:
        raise ValueError("lengths must be non-negative numbers (inf for no codeword)")
    arr, lens = np.broadcast_arrays(arr, lens)
    terms = np.where(arr > 0, arr * np.where(arr > 0, lens, 0.0), 0.0)
    total = np.sum(terms, axis=ax)
    return total[()] if isinstance(total, np.ndarray) else np.float64(total)


def shannon_lengths(q: Any, *, axis: int = -1) -> np.ndarray:
    r"""Codeword lengths :math:`L_i = \lceil -\log_2 q_i \rceil` of the Shannon code for :math:`q`.

    Since :math:`2^{-L_i} \le q_i`, the lengths satisfy the Kraft inequality,
    so a prefix code with these lengths exists. If the symbols come from
    :math:`p`, its expected length satisfies
    :math:`H_2(p, q) \le \sum_i p_i L_i < H_2(p, q) + 1` (proved in chapter 2
    of the book).

    Parameters
    ----------
    q : array_like
        The model's probabilities along ``axis``.
    axis : int, default -1

    Returns
    -------
    numpy.ndarray of float64
        The lengths; ``inf`` where :math:`q_i = 0` (the code has no codeword
        for a symbol its model calls impossible).

    See Also
    --------
    huffman_lengths : the optimal code.
    kraft_sum

    Examples
    --------
    >>> shannon_lengths([0.5, 0.25, 0.125, 0.125])
    array([1., 2., 3., 3.])
    >>> shannon_lengths([0.4, 0.35, 0.25, 0.0])
    array([ 2.,  2.,  2., inf])
    """
    arr, _ = as_probabilities(q, "q", axis)
    with np.errstate(divide="ignore"):
        return np.ceil(-np.log2(arr))


def kraft_sum(lengths: Any, *, axis: int = -1) -> np.ndarray | np.floating:
    r"""The Kraft sum :math:`\sum_i 2^{-L_i}` of codeword lengths along ``axis``.

    Lengths of a binary prefix code satisfy :math:`\sum_i 2^{-L_i} \le 1`, and
    for any lengths that do, a prefix code exists (the Kraft inequality).
    An infinite length (no codeword) contributes 0.

    Parameters
    ----------
    lengths : array_like
        Non-negative lengths in bits.
    axis : int, default -1

    Returns
    -------
    numpy.float64 or numpy.ndarray

    Examples
    --------
    >>> float(kraft_sum([1, 2, 3, 3]))
    1.0
    >>> float(kraft_sum([1, 1, 2]))  # no prefix code has these lengths
    1.25
    """
    arr = as_float_array(lengths, "lengths")
    if np.isnan(arr).any() or arr.min() < 0:
        raise ValueError("lengths must be non-negative numbers (inf for no codeword)")
    ax = normalize_axis(axis, max(arr.ndim, 1))
    total = np.sum(np.exp2(-np.atleast_1d(arr)), axis=ax)
    return total[()] if isinstance(total, np.ndarray) else np.float64(total)
