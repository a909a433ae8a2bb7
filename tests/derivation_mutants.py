"""Mutation testing of the derivations the notebooks build.

A Derivation that passes ``check()`` proves nothing if it would also pass with a
wrong step. For every Derivation a notebook checks, this harness perturbs one
step at a time and requires ``check()`` to fail:

- an equality step ``... = e`` becomes ``... = e + epsilon`` for a fresh symbol
  (``epsilon`` alone when ``e`` is infinite, since ``oo + epsilon`` is ``oo``);
- an inequality step has its relation reversed (``<=`` becomes ``>=``, ``<``
  becomes ``>``).

A reversed non-strict inequality that still checks because both sides are
provably equal is an *equivalent* mutant (the step is in fact an equality) and is
reported, not counted as a survivor.

The notebook runs in a fresh kernel with one cell put before it (to record every
Derivation that ``check()`` accepts) and one after it (to run the mutants and
print a JSON report), so the notebook itself is not changed.

Run it on notebooks to see the report::

    python tests/derivation_mutants.py chapters/03_kl_divergence.ipynb
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

RECORDER = r'''
import infolib.symbolic.derivation as _mutant_module
_mutant_recorded = {}
_mutant_original_check = _mutant_module.Derivation.check

def _mutant_recording_check(self):
    result = _mutant_original_check(self)
    _mutant_recorded[id(self)] = self
    return result

_mutant_module.Derivation.check = _mutant_recording_check
'''

REPORTER = r'''
import copy as _copy, dataclasses as _dc, json as _json
import sympy as _sp
from infolib.symbolic import DerivationError as _DerivationError, prove_equal as _prove_equal
from infolib.symbolic._normalize import _apply_rewrites as _mutant_rewrites

_REVERSED = {"<=": ">=", ">=": "<=", "<": ">", ">": "<"}
_mutant_report = []
for _d in list(_mutant_recorded.values()):
    if not _d.checked:
        continue
    for _k, _st in enumerate(_d.steps):
        _m = _copy.copy(_d)
        _m.steps = [_dc.replace(s) for s in _d.steps]
        if _st.relation == "=":
            _eps = _sp.Symbol("mutant_epsilon")
            _new = _st.expr + _eps
            _m.steps[_k].expr = _eps if _new == _st.expr else _new
            _kind = "equality + epsilon"
        else:
            _m.steps[_k].relation = _REVERSED[_st.relation]
            _kind = f"{_st.relation} reversed"
        _outcome = "rejected"
        try:
            _mutant_original_check(_m)
            _outcome = "survived"
        except _DerivationError:
            pass
        except Exception as _exc:  # a crash also stops the chain, but say so
            _outcome = "rejected by " + type(_exc).__name__
        if _outcome == "survived" and _st.relation in ("<=", ">="):
            _rw = dict(_d.rewrite)
            for _s in _d.steps[: _k + 1]:
                _rw.update(_s.rewrite)
            _lhs = _d.start if _k == 0 else _d.steps[_k - 1].expr
            if _prove_equal(_mutant_rewrites(_lhs, _rw), _mutant_rewrites(_st.expr, _rw)):
                _outcome = "equivalent"
        _mutant_report.append({
            "id": id(_d),
            "derivation": _d.name or _sp.sstr(_d.start)[:60],
            "step": _k + 1,
            "why": _st.why,
            "kind": _kind,
            "outcome": _outcome,
        })
print("MUTANT-REPORT " + _json.dumps(_mutant_report))
'''


def run_mutants(notebook: Path, timeout: int = 1200) -> list[dict]:
    """Execute ``notebook`` with the recorder and reporter; return the mutant report."""
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(RECORDER))
    nb.cells.append(nbformat.v4.new_code_cell(REPORTER))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    client.execute()
    for output in nb.cells[-1].outputs:
        text = output.get("text", "")
        for line in text.splitlines():
            if line.startswith("MUTANT-REPORT "):
                return json.loads(line[len("MUTANT-REPORT ") :])
    raise RuntimeError(f"{notebook.name}: the mutation report was not printed")


def summarize(name: str, report: list[dict]) -> str:
    """One line: how many mutants, how many rejected, equivalent and surviving."""
    rejected = sum(r["outcome"].startswith("rejected") for r in report)
    equivalent = sum(r["outcome"] == "equivalent" for r in report)
    survived = [r for r in report if r["outcome"] == "survived"]
    derivations = len({r["id"] for r in report})
    line = (
        f"{name}: {len(report)} mutants of {derivations} derivations; "
        f"{rejected} rejected, {equivalent} equivalent, {len(survived)} survived"
    )
    for r in survived:
        line += f"\n  SURVIVED: {r['derivation']!r} step {r['step']} ({r['why']!r}), {r['kind']}"
    return line


def total_line(scores: dict[str, list[dict]]) -> str:
    """The score over all notebooks run."""
    report = [r for rs in scores.values() for r in rs]
    rejected = sum(r["outcome"].startswith("rejected") for r in report)
    equivalent = sum(r["outcome"] == "equivalent" for r in report)
    candidates = len(report) - equivalent
    share = 100.0 * rejected / candidates if candidates else 100.0
    return (
        f"derivation mutants: {rejected} of {candidates} non-equivalent mutants rejected "
        f"({share:.1f}%) over {len(scores)} notebooks; {equivalent} equivalent mutants"
    )


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        try:
            print(summarize(Path(arg).name, run_mutants(Path(arg))), flush=True)
        except Exception as exc:  # report and go on with the next notebook
            print(f"{Path(arg).name}: could not run ({type(exc).__name__}: {str(exc)[-300:]})")
