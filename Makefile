# Two commands do everything on a fresh machine with Python 3.11, make and git:
#   make book   builds the site into _build/html (every notebook executed, warnings are errors)
#   make test   runs infolib's tests and doctests and nbval (strict) over every notebook
# The virtual environment .venv is created from requirements.txt on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard chapters/*.ipynb))
# Sphinx warnings are errors; --keep-going reports all of them before failing.
BOOK_FLAGS := -W --keep-going -n

# The previous minor releases of numpy and scipy: `make test-portable` runs the suite with
# them (and with numpy's AVX2 kernels and OpenBLAS's native kernels switched off, as on
# another CPU), so a stored output that depends on the last bits of a float fails here.
COMPAT_NUMPY := 2.3.5
COMPAT_SCIPY := 1.16.3
COMPAT_VENV := .venv-compat
COMPAT_STAMP := $(COMPAT_VENV)/.installed
ifeq ($(shell uname -m),x86_64)
COMPAT_CPU := NPY_DISABLE_CPU_FEATURES="FMA3 AVX2 AVX512F AVX512CD AVX512_SKX AVX512_CLX \
	AVX512_CNL AVX512_ICL AVX512_SPR" OPENBLAS_CORETYPE=Sandybridge
else
COMPAT_CPU := OPENBLAS_CORETYPE=ARMV8
endif
TEST_ARGS := tests infolib chapters -n auto --dist loadscope --nbval --nbval-current-env \
	--nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help book test test-portable outputs lab clean benchmark lint student assignments grade pdf pdf-student bundle

help:
	@echo "make book     build the site into _build/html"
	@echo "make test     run the test suite (infolib + strict nbval over chapters/)"
	@echo "make student  build the student edition (no solutions) into _build/student/html"
	@echo "make assignments  autograded homework (otter-grader) into _build/assignments"
	@echo "make grade SUBMISSIONS=DIR  grade DIR/*.ipynb into DIR/grades.csv and DIR/feedback/"
	@echo "make pdf      build the book as one PDF, _build/latex/book.pdf (installs XeLaTeX)"
	@echo "make pdf-student  the student edition's PDF, _build/student/latex/book.pdf"
	@echo "make bundle   the course zip (student notebooks, infolib wheel) into _build/bundle"
	@echo "make test-portable  the tests with the previous numpy/scipy and other CPU kernels"
	@echo "make outputs  re-execute every notebook in place (deterministic)"
	@echo "make lab      open the notebooks in JupyterLab"
	@echo "make lint     ruff over infolib, tests, tools and the notebooks"
	@echo "make benchmark  infolib vs scipy speed ratios"
	@echo "make clean    remove the site, caches and the virtual environment"

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	# Build matplotlib's font cache now, so its first-run notice never lands in a notebook.
	MPLBACKEND=Agg $(BIN)/python -c "import matplotlib.pyplot"
	# Debian's Chromium for the browser tests (skipped, with a reason, if it cannot be had).
	bash tools/install_chromium.sh
	touch $(STAMP)

book: $(STAMP)
	# Start from an empty html folder so no page of an earlier build lingers; the
	# executed notebooks stay cached in _build/.jupyter_cache (unchanged ones do not re-run).
	rm -rf _build/html
	$(BIN)/jupyter-book build . --builder html $(BOOK_FLAGS)

student: $(STAMP)
	$(BIN)/python tools/make_student_edition.py

# Autograded homework: one otter-grader assignment per chapter with gradable exercises
# (student notebook, solution notebook, autograder zip); `make grade` grades a folder of
# submissions locally with `otter run` (no Docker).
assignments: $(STAMP)
	$(BIN)/python tools/make_assignments.py --out _build/assignments

grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=DIR"; exit 2; }
	@test -d _build/assignments || $(MAKE) assignments
	$(BIN)/python tools/grade_submissions.py "$(SUBMISSIONS)" --assignments _build/assignments

# The PDF edition: Sphinx's LaTeX writer and XeLaTeX (tools/install_latex.sh installs
# Debian's TeX Live when missing). The build fails on an unresolved reference or citation
# ("??") or a missing glyph; the PDF is copied into the site when it was built, so the
# site's "Editions and downloads" link works.
pdf: $(STAMP)
	bash tools/install_latex.sh
	rm -rf _build/latex
	$(BIN)/jupyter-book build . --builder pdflatex $(BOOK_FLAGS)
	$(BIN)/python tools/check_latex_log.py _build/latex/book.log
	if [ -d _build/html ]; then cp _build/latex/book.pdf _build/html/book.pdf; fi

pdf-student: $(STAMP)
	bash tools/install_latex.sh
	$(BIN)/python tools/make_student_edition.py --builder pdflatex
	$(BIN)/python tools/check_latex_log.py _build/student/latex/book.log
	if [ -d _build/student/html ]; then \
		cp _build/student/latex/book.pdf _build/student/html/book.pdf; fi

# The course bundle needs only the chapters and infolib (not a built site); it is copied
# into each site already built, whose pages link to it.
bundle: $(STAMP)
	$(BIN)/python tools/make_bundle.py

test: $(STAMP)
	$(BIN)/python -m pytest -rs $(TEST_ARGS)

# requirements.txt and constraints.txt with numpy and scipy replaced by the previous minor
# releases; everything else (sympy, matplotlib, ...) pinned as in the book's environment.
$(COMPAT_STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade pip
	sed -e 's/^numpy==.*/numpy==$(COMPAT_NUMPY)/' -e 's/^scipy==.*/scipy==$(COMPAT_SCIPY)/' \
		-e 's|^-e \.$$|-e $(CURDIR)|' requirements.txt > $(COMPAT_VENV)/requirements.txt
	sed -e 's/^numpy==.*/numpy==$(COMPAT_NUMPY)/' -e 's/^scipy==.*/scipy==$(COMPAT_SCIPY)/' \
		constraints.txt > $(COMPAT_VENV)/constraints.txt
	$(COMPAT_VENV)/bin/python -m pip install --quiet -r $(COMPAT_VENV)/requirements.txt \
		-c $(COMPAT_VENV)/constraints.txt
	MPLBACKEND=Agg $(COMPAT_VENV)/bin/python -c "import matplotlib.pyplot"
	touch $(COMPAT_STAMP)

# The same tests as `make test`, but for the derivation mutants and the browser tests,
# which do not involve numpy or scipy, the assignments' grading, which compares with
# tolerances and takes minutes, and the course bundle (its own pinned environment);
# make test runs them.
test-portable: $(COMPAT_STAMP)
	$(COMPAT_VENV)/bin/python -c "import numpy, scipy; \
		print('numpy', numpy.__version__, '/ scipy', scipy.__version__)"
	$(COMPAT_CPU) $(COMPAT_VENV)/bin/python -m pytest -rs $(TEST_ARGS) \
		--ignore=tests/test_derivation_mutants.py --ignore=tests/test_site_browser.py \
		--ignore=tests/test_assignments.py --ignore=tests/test_bundle.py \
		--ignore=tests/test_site_accessibility.py

outputs: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py $(NOTEBOOKS)

lab: $(STAMP)
	$(BIN)/jupyter lab chapters

lint: $(STAMP)
	$(BIN)/ruff check infolib tests tools benchmarks
	# Notebooks: math names (I, l), lambdas used at once in loops and zips of equal
	# lengths are fine in a lecture; everything else is checked as in the package.
	$(BIN)/nbqa ruff chapters --ignore=E402,E501,F401,E741,E743,B023,B905

benchmark: $(STAMP)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt -c constraints.txt
	$(BIN)/python benchmarks/speed_vs_scipy.py
	$(BIN)/python benchmarks/memory.py

clean:
	rm -rf _build .jupyter_cache $(VENV) $(COMPAT_VENV) *.egg-info
