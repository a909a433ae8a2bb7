"""Session-wide set-up of the test suite: scheduling for parallel runs, and reporting.

`make test` runs the suite on every core with pytest-xdist (``--dist loadscope``). The
cells of a notebook must run in order in one kernel, and a module's tests share its
fixtures (a served site, a browser), so a worker takes a whole file at a time, except
the derivation mutants: one slow, independent test per chapter, spread over the workers.
"""

from __future__ import annotations

#: Files whose tests are independent of each other and slow enough to spread.
SPREAD = ("tests/test_derivation_mutants.py::",)

#: Mutation reports of the chapters run in this session (name -> report), collected from
#: the test reports, so that they arrive from xdist workers too.
SCORES: dict[str, list[dict]] = {}


def pytest_xdist_make_scheduler(config, log):
    """Load by file (xdist's ``loadscope``), but each test of a SPREAD file on its own."""
    from xdist.scheduler import LoadScopeScheduling

    class FileOrTestScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(SPREAD):
                return nodeid
            return nodeid.split("::", 1)[0]

    return FileOrTestScheduling(config, log)


def pytest_runtest_logreport(report):
    if report.when != "call":
        return
    for key, value in report.user_properties:
        if key == "mutant_report":
            SCORES[value["name"]] = value["report"]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the derivation mutation score, if the mutation tests ran."""
    if not SCORES:
        return
    from derivation_mutants import summarize, total_line

    terminalreporter.section("derivation mutation score")
    for name, report in sorted(SCORES.items()):
        terminalreporter.write_line(summarize(name, report))
    terminalreporter.write_line(total_line(SCORES))
