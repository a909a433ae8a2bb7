"""Every derivation the notebooks check rejects every wrong version of each step.

For each chapter, ``tests/derivation_mutants.py`` re-runs the notebook, perturbs one
step of every checked Derivation at a time (an equality plus a fresh symbol; an
inequality reversed) and runs ``check()`` again. A mutant that still checks is a
step whose proof proves nothing: the test fails and names it. The scores are
printed at the end of the run (``make test``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from derivation_mutants import run_mutants, summarize

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_mutant_of_every_derivation_is_rejected(notebook, record_property):
    report = run_mutants(notebook)
    # The report travels with the test's result (also from an xdist worker) to the
    # summary that conftest prints.
    record_property("mutant_report", {"name": notebook.stem, "report": report})
    survived = [r for r in report if r["outcome"] == "survived"]
    assert not survived, summarize(notebook.stem, report)
