"""One gradable question of an assignment, and the otter-assign cells it becomes.

Three kinds, as the book's exercises ask for them:

* :class:`NumberQuestion`: numbers stored in named variables, graded with a stated
  relative and absolute tolerance (``numpy.isclose``);
* :class:`ExpressionQuestion`: a SymPy expression, graded as ``infolib.check`` grades
  one (by simplifying the difference to zero, log rules as for positive quantities);
* :class:`FunctionQuestion`: a function the student writes, graded on hidden, seeded
  random inputs against infolib.

Each question gives public tests (type and shape: the student sees them and can run
them with ``grader.check``) and hidden tests (the values: only the autograder has them).
Expected values are computed by the hidden tests themselves, from infolib or SymPy, inside
a function with its own imports, so a student's variables cannot shadow them.
"""

from __future__ import annotations

import textwrap
import zlib
from dataclasses import dataclass, field

HIDDEN = '""" # BEGIN TEST CONFIG\nhidden: true\n""" # END TEST CONFIG\n'
_IMPORTS = "import numpy as np\nimport sympy as sp\nimport infolib\n"


def _graded_block(name: str, body: str, *, hidden: bool) -> str:
    """A test cell: ``body`` inside a function with its own imports, then called."""
    code = f"def _{name}():\n" + textwrap.indent(_IMPORTS + body.strip() + "\n", "    ")
    code += f"\n_{name}()\n"
    return (HIDDEN + code) if hidden else code


@dataclass(frozen=True)
class Question:
    """What every question has; subclasses say how it is answered and graded."""

    name: str  #: otter's question name, an identifier (``two_dice``)
    label: str  #: the chapter exercise it grades (``ex-entropy-two-dice``)
    task: str  #: Markdown: exactly what to hand in (variable names, units)
    points: int = 1

    def answer_cell(self) -> str:
        """The solution cell, with otter's ``# SOLUTION`` markers."""
        raise NotImplementedError

    def public_tests(self) -> list[str]:
        raise NotImplementedError

    def hidden_tests(self) -> list[str]:
        raise NotImplementedError

    def grading_note(self) -> str:
        """One sentence telling the student how the answer is compared."""
        raise NotImplementedError

    def names(self) -> list[str]:
        """The variables or functions the student must define."""
        raise NotImplementedError

    @property
    def seed(self) -> int:
        """A fixed seed per question (hidden inputs are the same on every run)."""
        return zlib.crc32(self.name.encode()) % 10_000


@dataclass(frozen=True)
class NumberQuestion(Question):
    """Numbers in named variables: ``answers`` maps a name to (solution, expected) code."""

    answers: dict[str, tuple[str, str]] = field(default_factory=dict)
    rtol: float = 1e-6
    atol: float = 1e-9
    setup: str = ""  #: code the student gets as it is (data of the exercise)

    def names(self) -> list[str]:
        return list(self.answers)

    def answer_cell(self) -> str:
        lines = [self.setup.strip()] if self.setup.strip() else []
        lines += [f"{name} = {code}  # SOLUTION" for name, (code, _) in self.answers.items()]
        return "\n".join(lines)

    def public_tests(self) -> list[str]:
        checks = "\n".join(
            f"assert np.ndim({name}) == 0, '{name} should be a single number'\n"
            f"float({name})  # a number, not ..."
            for name in self.answers
        )
        return [_graded_block(f"{self.name}_types", checks, hidden=False)]

    def hidden_tests(self) -> list[str]:
        setup = self.setup.strip() + "\n" if self.setup.strip() else ""
        checks = "\n".join(
            f"expected = {expected}\n"
            f"assert np.isclose(float({name}), expected, rtol={self.rtol!r}, atol={self.atol!r})"
            for name, (_, expected) in self.answers.items()
        )
        return [_graded_block(f"{self.name}_values", setup + checks, hidden=True)]

    def grading_note(self) -> str:
        return (
            f"Graded as numbers: correct within a relative tolerance of {self.rtol:g} "
            f"(absolute {self.atol:g})."
        )


@dataclass(frozen=True)
class ExpressionQuestion(Question):
    """A SymPy expression in the given symbols, compared by simplification."""

    variable: str = "answer"
    symbols: str = ""  #: code defining the symbols, given to the student
    solution: str = ""
    expected: str = ""  #: code computing the expected expression (SymPy)

    def names(self) -> list[str]:
        return [self.variable]

    def answer_cell(self) -> str:
        return f"{self.symbols.strip()}\n{self.variable} = {self.solution}  # SOLUTION"

    def public_tests(self) -> list[str]:
        body = (
            f"assert isinstance(sp.sympify({self.variable}), sp.Expr), "
            f"'{self.variable} should be a SymPy expression'"
        )
        return [_graded_block(f"{self.name}_type", body, hidden=False)]

    def hidden_tests(self) -> list[str]:
        body = (
            "from infolib.check import same_expression\n\n"
            f"{self.symbols.strip()}\n"
            f"expected = {self.expected}\n"
            f"assert same_expression({self.variable}, expected).correct"
        )
        return [_graded_block(f"{self.name}_value", body, hidden=True)]

    def grading_note(self) -> str:
        return (
            "Graded as an expression: correct when SymPy simplifies the difference from the "
            "expected expression to zero (as `infolib.check` does), so any equivalent form counts."
        )


@dataclass(frozen=True)
class FunctionQuestion(Question):
    """A function to write; graded on seeded random inputs against a reference."""

    function: str = "f"
    signature: str = "x"
    docstring: str = ""
    body: str = ""  #: the reference solution (the function's body)
    public_args: str = ""  #: code for one argument tuple the student can see
    inputs: str = ""  #: code drawing one argument tuple from ``rng``
    reference: str = ""  #: code of a callable computing the expected value (infolib)
    trials: int = 25
    rtol: float = 1e-9
    atol: float = 1e-12

    def names(self) -> list[str]:
        return [self.function]

    def answer_cell(self) -> str:
        doc = f'    """{self.docstring}"""\n' if self.docstring else ""
        body = textwrap.indent(self.body.strip(), "    ")
        return (
            f"def {self.function}({self.signature}):\n{doc}"
            f"    # BEGIN SOLUTION\n{body}\n    # END SOLUTION"
        )

    def public_tests(self) -> list[str]:
        body = (
            f"assert callable({self.function})\n"
            f"value = {self.function}(*{self.public_args})\n"
            f"assert value is not None and np.ndim(value) == 0, "
            f"'{self.function} should return a single number'\n"
            "float(value)"
        )
        return [_graded_block(f"{self.name}_returns", body, hidden=False)]

    def hidden_tests(self) -> list[str]:
        body = (
            f"rng = np.random.default_rng({self.seed})\n"
            f"reference = {self.reference}\n"
            f"for _ in range({self.trials}):\n"
            f"    args = {self.inputs}\n"
            f"    got, want = {self.function}(*args), reference(*args)\n"
            f"    assert np.isclose(float(got), want, rtol={self.rtol!r}, atol={self.atol!r}), args"
        )
        return [_graded_block(f"{self.name}_values", body, hidden=True)]

    def grading_note(self) -> str:
        return (
            f"Graded on {self.trials} hidden random inputs against infolib, within a relative "
            f"tolerance of {self.rtol:g} (absolute {self.atol:g})."
        )
