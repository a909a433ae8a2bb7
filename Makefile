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

.PHONY: help book test outputs lab clean benchmark lint student

help:
	@echo "make book     build the site into _build/html"
	@echo "make test     run the test suite (infolib + strict nbval over chapters/)"
	@echo "make student  build the student edition (no solutions) into _build/student/html"
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
	$(BIN)/python -m pytest -rs tests infolib chapters --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

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
	rm -rf _build .jupyter_cache $(VENV) *.egg-info
