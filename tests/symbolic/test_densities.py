"""Tests of infolib.symbolic.densities against the numeric densities of infolib."""

from __future__ import annotations

import numpy as np
import sympy as sp

import infolib
from infolib.symbolic import exponential_density, gaussian_density


def test_gaussian_density_matches_infolib_and_integrates_to_one():
    x = sp.Symbol("x", real=True)
    f = sp.lambdify(x, gaussian_density(x, sp.Rational(1, 2), 3))
    grid = np.linspace(-10, 10, 41)
    expected = np.exp(infolib.Gaussian(0.5, 3.0).log_prob(grid))
    assert np.allclose(f(grid), expected, rtol=1e-13, atol=0)
    mu = sp.Symbol("mu", real=True)
    sigma = sp.Symbol("sigma", positive=True)
    assert sp.integrate(gaussian_density(x, mu, sigma), (x, -sp.oo, sp.oo)) == 1
    mean = sp.integrate(x * gaussian_density(x, mu, sigma), (x, -sp.oo, sp.oo))
    assert sp.simplify(mean - mu) == 0


def test_exponential_density_has_mean_one_over_rate():
    x = sp.Symbol("x", nonnegative=True)
    beta = sp.Symbol("beta", positive=True)
    assert sp.integrate(exponential_density(x, beta), (x, 0, sp.oo)) == 1
    assert sp.integrate(x * exponential_density(x, beta), (x, 0, sp.oo)) == 1 / beta
    assert exponential_density(x, beta) != beta * sp.exp(-x)  # the rate is in the exponent
