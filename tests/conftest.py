"""Session-wide reporting of the test suite."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the derivation mutation score, if the mutation tests ran."""
    try:
        from derivation_mutants import SCORES, summarize, total_line
    except ImportError:  # the mutation tests were not collected
        return
    if not SCORES:
        return
    terminalreporter.section("derivation mutation score")
    for name, report in sorted(SCORES.items()):
        terminalreporter.write_line(summarize(name, report))
    terminalreporter.write_line(total_line(SCORES))
