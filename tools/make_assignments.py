"""Write the autograded assignments into _build/assignments (`make assignments`).

For every chapter in :data:`assignments.specs.ASSIGNMENTS`, otter-grader's layout::

    _build/assignments/NN_topic/student/NN_topic.ipynb          hand this out
    _build/assignments/NN_topic/autograder/NN_topic.ipynb       the solution notebook
    _build/assignments/NN_topic/autograder/NN_topic-autograder.zip

The questions are the chapters' exercise texts; `tools/assignments/specs.py` says which
exercises are graded and how. ``otter assign`` checks that each solution passes its tests.

    .venv/bin/python tools/make_assignments.py [--out _build/assignments] [CHAPTER ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from assignments.master import assign  # noqa: E402
from assignments.specs import ASSIGNMENTS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "assignments")
    parser.add_argument("chapters", nargs="*", help="chapter stems (default: all with a spec)")
    args = parser.parse_args(argv)
    known = {a.chapter: a for a in ASSIGNMENTS}
    unknown = sorted(set(args.chapters) - set(known))
    if unknown:
        parser.error(f"no assignment spec for {unknown}; known: {sorted(known)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for chapter in args.chapters or list(known):
        start = time.perf_counter()
        folder = assign(known[chapter], args.out)
        spec = known[chapter]
        print(f"{chapter}: {len(spec.questions)} questions, {spec.max_score} points -> "
              f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder} "
              f"({time.perf_counter() - start:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
