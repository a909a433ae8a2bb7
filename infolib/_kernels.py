r"""Array kernels shared by the discrete measures: KL and JS terms, sums, unit conversion.

The kernels take float64 arrays that :mod:`infolib._validation` has already
checked. Large C-contiguous inputs are processed in blocks of about
:data:`BLOCK` elements, so that the temporaries of each step stay in the CPU
cache and no array of the input's size is made. The blocks change no value:
every step is elementwise, and :func:`sum_last_axis` adds the blocks' sums in
the order of numpy's own pairwise summation, so every result equals that of
the unblocked code (infolib 0.1) bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import special

from infolib._validation import log_base

__all__ = [
    "BLOCK", "KL_LEAF", "KL_SUB", "js_terms", "kl_sum", "kl_terms", "sum_last_axis", "to_base",
]

#: Elements per block of the blocked kernels (256 KiB of float64).
BLOCK = 1 << 15
#: The KL kernel's elementwise steps run on sub-blocks of this many elements (in L2),
#: and the sub-blocks of one leaf of its sum share one call of the series.
KL_SUB, KL_LEAF = 1 << 14, 1 << 16

# Below this |x| the KL term q * phi(1 + x) is evaluated by its Taylor series.
KL_SERIES_CUTOFF = 1e-2
# Coefficients of phi(1 + x) = sum_{k>=2} (-1)^k x^k / (k (k - 1)), k = 2..11:
# at |x| <= 1e-2 the first omitted term is below 1e-18 of the leading one.
KL_SERIES_COEFFS = np.array([(-1.0) ** k / (k * (k - 1)) for k in range(2, 12)])


# phi(1 + x) + phi(1 - x) = x^2 (1 + x^2/6 + x^4/15 + x^6/28 + x^8/45 + ...), in powers of x^2:
# at |x| <= 1e-2 the first omitted term is below 1e-20 of the leading one.
_JS_COEFFS = np.array([2.0 / (k * (k - 1)) for k in range(2, 12, 2)])


def to_base(value: np.ndarray | float, base: Any) -> np.ndarray | np.floating:
    """Divide a result in nats by ``log(base)``; 0-d results become numpy floats."""
    scale = log_base(base)
    out = value if scale == 1.0 else value / scale
    return out[()] if isinstance(out, np.ndarray) else np.float64(out)


def _series(x: np.ndarray, q: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``q x^2 sum_k c_k x^k`` by Horner's rule: the operations of ``polyval``, in place."""
    poly = x * KL_SERIES_COEFFS[-1]
    poly += KL_SERIES_COEFFS[-2]
    for c in KL_SERIES_COEFFS[-3::-1]:
        poly *= x
        poly += c
    out = np.multiply(q, x, out=out)
    out *= x
    out *= poly
    return out


def _fix(p: np.ndarray, q: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """Recompute the terms that came out non-finite.

    ``p = q = 0`` gives 0/0 (the convention makes the term 0); ``0 < p < eps * q``
    rounds ``1 + x`` to 0 so that ``log1p`` is ``-inf``; a subnormal ``q`` can make
    ``x`` overflow although the term is finite. There the terms are recomputed as
    ``p (log p - log q) - p + q``, which has no cancellation; only ``p > 0 = q``
    stays ``+inf``.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        direct = special.xlogy(p, p) - special.xlogy(p, q) - p + q
    terms = np.where(np.isfinite(terms), terms, direct)
    terms = np.where((p > 0) & (q == 0), np.inf, terms)
    return np.where((p == 0) & (q == 0), 0.0, terms)


def _terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    r"""The terms :math:`q\,\varphi(p/q)` of arrays of one shape, in one piece.

    Written as :math:`p \log(1 + x) - (p - q)` with :math:`x = (p - q)/q`; for
    :math:`|x| \le 10^{-2}` the cancellation is avoided with the series
    :math:`\varphi(1 + x) = \sum_{k\ge2} (-1)^k x^k / (k(k-1))`. The result has
    the memory layout numpy gives ``p - q``, which fixes the order of a later
    sum along an axis.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        d = p - q
        x = d / q
        terms = special.xlog1py(p, x) - d
        near = np.abs(x) <= KL_SERIES_CUTOFF  # NaN (p = q = 0) compares False
        if near.any():
            terms[near] = _series(x[near], q[near])
    return _mended(p, q, terms)


def _mended(p: np.ndarray, q: np.ndarray, terms: np.ndarray) -> np.ndarray:
    # The terms are >= 0, +inf or NaN, or -inf where log1p(-1): their sum is finite iff all are.
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(terms.sum())
    if not finite:
        terms[...] = _fix(p, q, terms)
    return terms


def _block_terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """:func:`_terms` of C-contiguous ``p``, ``q`` before :func:`_mended`, in sub-blocks.

    Each :data:`KL_SUB` elements take the elementwise steps in cache; a sub-block
    whose entries are all nearly equal skips ``log1p``. The few nearly equal
    entries of the other sub-blocks get their series in one call per leaf, which
    saves numpy's per-call cost.
    """
    pf, qf = p.reshape(-1), q.reshape(-1)
    out = np.empty(pf.size)
    pending_idx: list[np.ndarray] = []
    pending_x: list[np.ndarray] = []
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for i in range(0, pf.size, KL_SUB):
            pb, qb, ob = pf[i : i + KL_SUB], qf[i : i + KL_SUB], out[i : i + KL_SUB]
            d = pb - qb
            x = d / qb
            near = np.flatnonzero(np.abs(x) <= KL_SERIES_CUTOFF)
            if near.size == x.size:  # finite: x is, and q > 0
                _series(x, qb, out=ob)
                continue
            special.xlog1py(pb, x, out=ob)
            ob -= d
            if near.size:
                pending_idx.append(near + i)
                pending_x.append(x[near])
        if pending_idx:
            idx = np.concatenate(pending_idx)
            out[idx] = _series(np.concatenate(pending_x), qf[idx])
    return out.reshape(p.shape)


def sum_last_axis(
    fn: Callable[..., np.ndarray],
    *arrays: np.ndarray,
    mend: Callable[..., np.ndarray] | None = None,
    block: int = BLOCK,
) -> np.ndarray | np.floating:
    """``fn(*arrays).sum(axis=-1)`` without the full array ``fn(*arrays)``, bit for bit.

    ``arrays`` are C-contiguous and of one shape; ``fn`` is elementwise. Rows up to
    :data:`BLOCK` long are evaluated in blocks of whole rows (numpy sums each row on
    its own either way). A longer row is split as numpy's pairwise summation splits
    it (halves, rounded down to a multiple of 8, until a piece fits a block), and
    the partial sums are added in the same tree, so the result is the very sum
    ``np.sum`` would return (checked by the tests against ``np.sum``). A block
    whose sum is not finite is passed to ``mend(*blocks, values)``, if given, and
    summed again.
    """
    k = arrays[0].shape[-1]
    rows = [a.reshape(-1, k) for a in arrays]
    n_rows = rows[0].shape[0]
    out = np.empty(n_rows)
    if k <= block:
        step = block // k
        for r in range(0, n_rows, step):
            out[r : r + step] = _block_sum(fn, mend, [a[r : r + step] for a in rows], axis=1)
    else:
        for r in range(n_rows):
            out[r] = _pairwise_sum(fn, mend, [a[r] for a in rows], 0, k, block)
    return out.reshape(arrays[0].shape[:-1])[()]


def _block_sum(fn: Callable[..., np.ndarray], mend: Callable[..., np.ndarray] | None,
               blocks: list[np.ndarray], axis: int | None = None) -> Any:
    values = fn(*blocks)
    with np.errstate(invalid="ignore"):  # inf + (-inf) in a block that is mended
        total = values.sum(axis=axis)
    if mend is not None and not np.isfinite(total).all():
        total = mend(*blocks, values).sum(axis=axis)
    return total


def _pairwise_sum(fn: Callable[..., np.ndarray], mend: Callable[..., np.ndarray] | None,
                  vecs: list[np.ndarray], start: int, n: int, block: int) -> np.floating:
    if n <= block:
        return _block_sum(fn, mend, [v[start : start + n] for v in vecs])
    half = n // 2
    half -= half % 8  # numpy's split (pairwise_sum in loops_utils.h)
    return (_pairwise_sum(fn, mend, vecs, start, half, block)
            + _pairwise_sum(fn, mend, vecs, start + half, n - half, block))


def kl_sum(p: np.ndarray, q: np.ndarray, axis: int) -> np.ndarray | np.floating:
    r"""KL divergence :math:`\sum_i q_i\,\varphi(p_i/q_i)` of checked ``p``, ``q`` along ``axis``.

    Large C-contiguous inputs reduced along their last axis are evaluated block by
    block (:func:`sum_last_axis`): no array of terms is made, and the value is the
    same as summing :func:`kl_terms` bit for bit.
    """
    last = axis == p.ndim - 1
    if last and p.flags.c_contiguous and q.flags.c_contiguous and p.size > BLOCK:
        return sum_last_axis(_block_terms, p, q, mend=_mended, block=KL_LEAF)
    return kl_terms(p, q).sum(axis=axis)


def kl_terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    r"""The non-negative terms :math:`q_i\,\varphi(p_i/q_i)` of :math:`D_{\mathrm{KL}}(p\|q)`.

    :math:`\varphi(r) = r\log r - r + 1 \ge 0`; summed over the categories of
    two distributions the terms give the KL divergence, each computed to full
    relative precision (a series near :math:`p_i = q_i`), ``+inf`` where
    :math:`p_i > 0 = q_i` and 0 where :math:`p_i = q_i = 0`. ``p`` and ``q``
    are float64 arrays of one shape (broadcast views allowed); large C-contiguous
    ones are processed in blocks, with the same values.
    """
    if not (p.flags.c_contiguous and q.flags.c_contiguous) or p.size <= BLOCK:
        return _terms(p, q)
    pf, qf = p.reshape(-1), q.reshape(-1)
    out = np.empty(pf.size)
    for i in range(0, pf.size, KL_LEAF):
        pb, qb = pf[i : i + KL_LEAF], qf[i : i + KL_LEAF]
        out[i : i + KL_LEAF] = _mended(pb, qb, _block_terms(pb, qb))
    return out.reshape(p.shape)


def js_terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    r"""The non-negative terms of :math:`\mathrm{JS}(p, q) = \tfrac12 D(p\|m) + \tfrac12 D(q\|m)`.

    With :math:`m = (p + q)/2` and :math:`x = (p - q)/(p + q)` the term is
    :math:`\tfrac12 m\,[\varphi(1 + x) + \varphi(1 - x)]`. ``p - q`` is taken
    from the inputs, not from a rounded :math:`m`, so :math:`x` keeps its
    relative precision; for :math:`|x| \le 10^{-2}` the even series
    :math:`\varphi(1+x) + \varphi(1-x) = x^2(1 + x^2/6 + x^4/15 + \dots)` is
    used, elsewhere :math:`\tfrac12[p\log(2p/s) + q\log(2q/s)]`, :math:`s = p + q`.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        s = p + q
        x = (p - q) / s
        near = np.abs(x) <= KL_SERIES_CUTOFF  # NaN (p = q = 0) compares False
        ok = s > 0.0
        out = special.xlogy(p, np.where(ok, 2.0 * p / s, 1.0))
        out += special.xlogy(q, np.where(ok, 2.0 * q / s, 1.0))
        out *= 0.5
    if near.any():
        xn = x[near]
        x2 = xn * xn
        poly = np.full_like(x2, _JS_COEFFS[-1])
        for c in _JS_COEFFS[-2::-1]:
            poly *= x2
            poly += c
        out[near] = 0.25 * np.broadcast_to(s, x.shape)[near] * x2 * poly
    return out
