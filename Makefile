# Two commands do all the set-up on a fresh machine (see README.md):
#   make lab   - create .venv, install, open JupyterLab on the learner's copy of the first notebook
#   make test  - create .venv, install, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root without this flag (CI and containers run as root).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
FIRST_NOTEBOOK := notebooks/00_start_here.ipynb

.PHONY: venv test lab lint bench clean test-binder present notebooks my-notebooks \
	refresh-notebooks test-binder-apps site

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,test]"
	touch $(STAMP)

venv: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check backspasm_model tests benchmarks tools
	$(BIN)/ruff format --check backspasm_model tests benchmarks tools
	$(BIN)/mypy

test: $(STAMP) lint
	$(BIN)/python -m pytest

# Learners work in their own copies: my-notebooks/ (git-ignored) holds a copy of each lesson,
# made when missing and never overwritten, so autosave never rewrites the tracked notebooks and
# `git pull` never collides with a learner's work. JupyterLab's root stays the repository (the
# file browser reaches README.md, docs/ and backspasm_model/data/); my-notebooks/ is as deep as
# notebooks/, so the lessons' relative links (../docs/...) still resolve.
# `make refresh-notebooks` copies the lessons afresh (after a `git pull`, or to start over),
# first keeping every copy that differs from its lesson in my-notebooks-backup/<date-time>/.
MY_NOTEBOOKS := my-notebooks
MY_BACKUPS := my-notebooks-backup
LESSON_NOTEBOOKS = $(wildcard notebooks/[0-9][0-9]_*.ipynb)
MY_COPIES = $(patsubst notebooks/%,$(MY_NOTEBOOKS)/%,$(LESSON_NOTEBOOKS))
MY_FIRST_NOTEBOOK := $(patsubst notebooks/%,$(MY_NOTEBOOKS)/%,$(FIRST_NOTEBOOK))

# order-only: a copy is made when missing, never because the lesson changed
$(MY_NOTEBOOKS)/%.ipynb: | notebooks/%.ipynb
	@mkdir -p $(MY_NOTEBOOKS)
	cp notebooks/$*.ipynb $@

my-notebooks: $(MY_COPIES)

lab: $(STAMP) my-notebooks
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=$(CURDIR) \
		$(if $(wildcard $(FIRST_NOTEBOOK)),$(MY_FIRST_NOTEBOOK),$(MY_NOTEBOOKS))

refresh-notebooks:
	@stamp=$$(date +%Y%m%d-%H%M%S); \
	for f in $(LESSON_NOTEBOOKS); do \
		copy=$(MY_NOTEBOOKS)/$${f#notebooks/}; \
		if [ -f "$$copy" ] && ! cmp -s "$$f" "$$copy"; then \
			mkdir -p $(MY_BACKUPS)/$$stamp && cp -p "$$copy" $(MY_BACKUPS)/$$stamp/ && \
			echo "kept your edited $$copy in $(MY_BACKUPS)/$$stamp/"; \
		fi; \
	done
	@mkdir -p $(MY_NOTEBOOKS)
	cp $(LESSON_NOTEBOOKS) $(MY_NOTEBOOKS)/

# Lessons: each notebooks/NN_*.ipynb (executed, outputs stored for nbval) is paired with the
# MyST Markdown notebooks/NN_*.md a person edits (jupytext, notebooks/jupytext.toml). Sync the
# pairs, re-execute every notebook in place with the .venv kernel, then sync again so the .md
# stays in step. No live-widget state is stored (and any left in the file is cleared): a saved
# lesson shows each app's plain "run this cell to start it" text, never dead sliders.
# One lesson only: make notebooks LESSONS=notebooks/02_pelvis_and_thigh_muscles.ipynb
LESSONS ?= $(wildcard notebooks/[0-9][0-9]_*.ipynb)
NB_TIMEOUT_S ?= 300
notebooks: $(STAMP)
	$(BIN)/jupytext --sync $(LESSONS)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.timeout=$(NB_TIMEOUT_S) --ExecutePreprocessor.kernel_name=python3 \
		--ExecutePreprocessor.store_widget_state=False --ExecutePreprocessor.record_timing=False \
		--ClearMetadataPreprocessor.enabled=True "--ClearMetadataPreprocessor.preserve_cell_metadata_mask=['tags']" \
		"--ClearMetadataPreprocessor.preserve_nb_metadata_mask=['jupytext','kernelspec','language_info']" \
		$(LESSONS)
	$(BIN)/jupytext --sync $(LESSONS)

bench: $(STAMP)
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

# Binder check: a fresh venv from exactly binder/requirements.txt runs the tests that drive the
# apps (test-binder-apps) and every notebook (nbval), so a pin that breaks a widget is caught
# before a class. nbval alone cannot: the app cells are nbval-ignore-output and the apps turn
# errors into messages. The test tools are installed after, outside the pinned set,
# constrained so they cannot move a pin.
BINDER_VENV ?= .venv-binder
BINDER_TEST_TOOLS := pytest==9.2.0 nbval==0.11.0 hypothesis==6.170.17
# Widgets in, readouts and artists out (every tests/test_apps*.py and tests/test_explorer*.py),
# plus the doctests of the apps and the figures, imported from the installed package.
BINDER_APP_TESTS ?= $(wildcard tests/test_apps*.py tests/test_explorer*.py) \
	--pyargs backspasm_model.apps backspasm_model.plotting
test-binder:
	rm -rf $(BINDER_VENV)
	$(PYTHON) -m venv $(BINDER_VENV)
	$(BINDER_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BINDER_VENV)/bin/python -m pip install --quiet -r binder/requirements.txt
	grep -v '^\.$$' binder/requirements.txt > $(BINDER_VENV)/pins.txt
	$(BINDER_VENV)/bin/python -m pip install --quiet -c $(BINDER_VENV)/pins.txt $(BINDER_TEST_TOOLS)
	$(BINDER_VENV)/bin/python -m pip check
	cd $(BINDER_VENV) && bin/python -c "import backspasm_model, ipympl, ipywidgets, voila"
	$(MAKE) --no-print-directory test-binder-apps BINDER_VENV=$(BINDER_VENV)
	# nbval options (strict, current env, sanitize file) come from pyproject addopts
	$(BINDER_VENV)/bin/python -m pytest notebooks

# The app tests in $(BINDER_VENV) as it is (no rebuild). `python -P`: the repository is not put
# on sys.path, so the package under test is the one pip installed into that venv (as Binder's
# image has it). tests/test_binder_check.py runs this against a deliberately broken copy.
test-binder-apps:
	$(BINDER_VENV)/bin/python -P -m pytest -q $(BINDER_APP_TESTS)

# Presenter mode for class: the apps in Voila on 127.0.0.1 (code hidden), large type and a
# visible keyboard-focus ring (presenter/voila/templates/present).
# presenter/config/voila.py: a page's kernel ends when the page is closed or reloaded, and
# kernels with no page are culled (the browser tests load the same file).
# The static edition: every lesson's stored notebook as HTML in site/ (git-ignored), with an
# index; each page links to its live version on Binder. Offline: no CDN scripts (tools/build_site.py).
site: $(STAMP)
	rm -rf site
	$(BIN)/python tools/build_site.py --out site

present: $(STAMP)
	JUPYTER_PATH=$(CURDIR)/presenter JUPYTER_CONFIG_PATH=$(CURDIR)/presenter/config \
		$(BIN)/voila notebooks --Voila.ip=127.0.0.1 --template=present

clean:
	rm -rf $(VENV) build *.egg-info
