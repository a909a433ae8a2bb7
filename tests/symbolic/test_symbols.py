"""Tests of infolib.symbolic.symbols: assumptions of the symbol factories."""

from __future__ import annotations

import sympy as sp
from symbolic_fixtures import i, j, n, p, pf, q, qf, x

from infolib.symbolic import (
    categorical_symbols,
)


def test_categorical_symbols_assumptions():
    assert p[i].is_positive and q[j].is_positive
    assert i.is_integer and n.is_integer and n.is_positive
    a, b, c, k, m = categorical_symbols(("a", "b", "c"), index="k", n="m", positive=False)
    assert a[k].is_real and a[k].is_positive is None
    assert (k.name, m.name) == ("k", "m")


def test_density_symbols_assumptions():
    assert x.is_real
    assert pf(x).is_positive and qf(x).is_positive
    assert sp.expand(sp.log(pf(x) / qf(x))) == sp.log(pf(x)) - sp.log(qf(x))
