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
TEST_ARGS := tests infolib chapters --nbval --nbval-current-env \
	--nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help book test test-portable outputs lab clean benchmark lint student

help:
	@echo "make book     build the site into _build/html"
	@echo "make test     run the test suite (infolib + strict nbval over chapters/)"
	@echo "make student  build the student edition (no solutions) into _build/student/html"
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
# which do not involve numpy or scipy (make test runs them).
test-portable: $(COMPAT_STAMP)
	$(COMPAT_VENV)/bin/python -c "import numpy, scipy; \
		print('numpy', numpy.__version__, '/ scipy', scipy.__version__)"
	$(COMPAT_CPU) $(COMPAT_VENV)/bin/python -m pytest -rs $(TEST_ARGS) \
		--ignore=tests/test_derivation_mutants.py --ignore=tests/test_site_browser.py \
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
