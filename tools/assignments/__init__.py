"""Autograded assignments generated from the chapters' exercises (`make assignments`).

* :mod:`.exercises` reads an exercise's text from its chapter notebook, by label;
* :mod:`.questions` turns one gradable question into otter-assign cells;
* :mod:`.specs` says, per chapter, which exercises are graded and how;
* :mod:`.master` writes the otter-assign master notebook and runs ``otter assign``.
"""
