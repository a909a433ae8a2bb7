"""Tests of infolib._special: the array helpers perform the scalar helpers' operations."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from infolib import _special


def test_u_minus_log1p_array_has_the_bits_of_the_scalar_series():
    """For |u| < 1/2 both are pure arithmetic, so equal on every platform."""
    rng = np.random.default_rng(0)
    u = np.concatenate([rng.uniform(-0.5, 0.5, 20_000), [0.0, 1e-300, -1e-300, 0.4999999]])
    np.testing.assert_array_equal(_special.u_minus_log1p_array(u),
                                  [_special.u_minus_log1p(float(v)) for v in u])


@pytest.mark.parametrize("u", [1e-12, -1e-8, 1e-4, 0.3, -0.45, 0.7, 5.0])
def test_u_minus_log1p_matches_mpmath(u):
    with mpmath.workdps(50):
        ref = float(mpmath.mpf(u) - mpmath.log1p(mpmath.mpf(u)))
    assert _special.u_minus_log1p(u) == pytest.approx(ref, rel=2e-16)
    assert _special.u_minus_log1p_array(np.array([u]))[0] == pytest.approx(ref, rel=2e-16)


def test_u_minus_log1p_array_edge_values():
    out = _special.u_minus_log1p_array(np.array([np.inf, 0.0, -0.9]))
    assert out[0] == math.inf and out[1] == 0.0
    assert out[2] == pytest.approx(-0.9 - math.log1p(-0.9), rel=1e-15)


def test_kl_term_array_agrees_with_the_scalar_term():
    rng = np.random.default_rng(1)
    a = rng.random(5000)
    b = np.where(rng.random(5000) < 0.5, a * (1 + 1e-7 * rng.standard_normal(5000)),
                 rng.random(5000))
    a[:5], b[5:10], a[10:15], b[15:20] = 0.0, 0.0, 1e-310, 5e-324
    d = b - a
    scalar = [_special.kl_term(float(x), float(y), float(z))
              for x, y, z in zip(a, b, d, strict=True)]
    np.testing.assert_allclose(_special.kl_term_array(a, b, d), scalar, rtol=1e-15, atol=0)
    assert (_special.kl_term_array(a, b, d) >= 0).all()


def test_normal_log_density_is_scipys():
    from scipy import stats

    x = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(_special.normal_log_density((x - 1.0) / 2.0, math.log(2.0)),
                               stats.norm(1.0, 2.0).logpdf(x), rtol=1e-15)
