"""Tests for infolib.numeric_check: the checks themselves must be able to fail."""

from __future__ import annotations

import numpy as np
import pytest

from infolib.numeric_check import IdentityCheckError, check_identity, check_inequality


def test_identity_that_holds_reports_its_deviation():
    rng = np.random.default_rng(0)
    x = rng.random(1000)
    result = check_identity("(x+1)^2 = x^2+2x+1", (x + 1) ** 2, x**2 + 2 * x + 1)
    assert result.holds
    assert result.n_cases == 1000
    assert 0.0 <= result.max_deviation < 1e-14
    assert str(result) == "(x+1)^2 = x^2+2x+1: holds on 1,000 cases; every deviation within 1e-12"


def test_text_of_a_passing_check_does_not_depend_on_the_measured_deviation():
    # Two runs whose deviations differ in the last bits print the same line.
    exact = check_identity("s", [1.0], [1.0])
    rounded = check_identity("s", [1.0 + 2**-52], [1.0])
    assert exact.max_deviation == 0.0 < rounded.max_deviation
    assert str(exact) == str(rounded)


def test_the_printed_bound_includes_the_absolute_tolerance():
    # Regression: with rtol=0 the text said "within 0e+00" although deviations up
    # to atol were accepted. The bound on |l - r| / max(1, |r|) is max(rtol, atol).
    result = check_identity("x = 0", [5e-14], [0.0], rtol=0.0, atol=1e-13)
    assert result.tolerance == 1e-13
    assert str(result).endswith("every deviation within 1e-13")
    both = check_identity("y = 1", [1.0 + 0.9e-5], [1.0], rtol=1e-5, atol=1e-5)
    assert str(both).endswith("every deviation within 1e-05")
    assert both.max_deviation <= both.tolerance


def test_false_identity_raises_and_names_the_statement():
    x = np.linspace(0, 1, 11)
    with pytest.raises(IdentityCheckError, match="x = x \\+ 1e-9.*FAILS"):
        check_identity("x = x + 1e-9", x, x + 1e-9)


def test_relative_tolerance_scales_with_size():
    big = np.array([1e10])
    assert check_identity("big", big * (1 + 1e-14), big).holds
    with pytest.raises(IdentityCheckError):
        check_identity("big", big * (1 + 1e-10), big)


def test_matching_infinities_agree_and_nan_fails():
    assert check_identity("inf", [np.inf, 1.0], [np.inf, 1.0]).holds
    with pytest.raises(IdentityCheckError):
        check_identity("inf vs finite", [np.inf], [1.0])
    with pytest.raises(IdentityCheckError, match="NaN"):
        check_identity("nan", [np.nan], [1.0])


def test_inequality():
    assert check_inequality("x <= x + 1", [0.0, 1.0], [1.0, 2.0]).max_deviation == 0.0
    assert "no violation beyond 1e-14" in str(check_inequality("t", [0.0], [1.0]))
    with pytest.raises(IdentityCheckError, match="largest violation 1.0e\\+00 exceeds"):
        check_inequality("false", [2.0], [1.0])


def test_shape_mismatch_is_named():
    with pytest.raises(ValueError, match="shape"):
        check_identity("s", [1.0, 2.0], [1.0, 2.0, 3.0])


def test_the_printed_bound_is_the_one_established():
    # relative or absolute, whichever is larger: the scaled deviation is <= max(rtol, atol)
    only_absolute = check_identity("abs", [1e-13], [0.0], rtol=0.0, atol=1e-12)
    assert str(only_absolute).endswith("every deviation within 1e-12")
    same = check_identity("same", [2.0 + 1e-5], [2.0], rtol=1e-5, atol=1e-5)
    assert same.max_deviation <= same.tolerance == 1e-5
    with pytest.raises(IdentityCheckError):  # atol + rtol |r| would have let this pass
        check_identity("sum", [2.0 + 2.5e-5], [2.0], rtol=1e-5, atol=1e-5)
    assert "within 3.3e-07" in str(check_identity("odd", [1.0], [1.0], rtol=3.3e-7))


def test_an_absolute_check_states_its_absolute_tolerance():
    # with rtol=0 the bound is atol alone; printing "within 0e+00" would claim exact equality
    result = check_identity("x = 1", [1.0 + 5e-8], [1.0], rtol=0.0, atol=1e-7)
    assert str(result).endswith("every deviation within 1e-07")
    assert str(check_identity("x = 1", [1.0], [1.0])).endswith("within 1e-12")  # unchanged
    with pytest.raises(IdentityCheckError):
        check_identity("x = 1", [1.0 + 2e-7], [1.0], rtol=0.0, atol=1e-7)
