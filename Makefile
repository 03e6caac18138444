# quoteframe: every target sets up its own virtual environment first, so a fresh clone needs only python3.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval lint bench wordnet figures clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Run the main job on the seed corpus and print a table.
demo: $(STAMP)
	$(BIN)/quoteframe quotes seeds/ --format table

## Install and run the test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

## Precision, recall and F1 against the gold annotations. With ../shared beside the project (SHARED=path to
## change it) this measures everything by default: seeds gold, devcoverage (both events), PolNeAR and MTRef
## on SPLIT (dev unless SPLIT=train); POLNEAR=, MTREF=, DEVCOVERAGE= override or (set empty) leave one out.
SHARED ?= ../shared
POLNEAR ?= $(if $(wildcard $(SHARED)/data/polnear),$(SHARED)/data/polnear,)
MTREF ?= $(if $(wildcard $(SHARED)/data/mtref),$(SHARED)/data/mtref,)
DEVCOVERAGE ?= $(if $(wildcard $(SHARED)/devcoverage),$(SHARED)/devcoverage,)
eval: $(STAMP)
	$(BIN)/quoteframe evaluate seeds/ --gold tests/gold/quotes.csv --gold-variants tests/gold/variants.csv \
		$(if $(DEVCOVERAGE),--devcoverage $(DEVCOVERAGE),) \
		$(if $(POLNEAR),--polnear $(POLNEAR),) $(if $(MTREF),--mtref $(MTREF),) --split $(or $(SPLIT),dev) \
		$(if $(and $(MTREF),$(filter dev,$(or $(SPLIT),dev))),--mtref-judgements tests/gold/mtref_dev_judgements.csv,) \
		--format $(or $(FORMAT),markdown)

## WordNet for variant linking, offline: needs Debian's wordnet-base (apt-get install wordnet-base).
wordnet: $(STAMP)
	$(BIN)/python scripts/setup_wordnet.py

## The figure the README shows, regenerated from the seeds.
figures: $(STAMP)
	$(BIN)/quoteframe report seeds/ -o build/seeds-report --force --quiet --jobs 1
	mkdir -p docs/figures && cp build/seeds-report/figures/sources.png build/seeds-report/figures/frames.png docs/figures/

lint: $(STAMP)
	$(BIN)/pip install --quiet -e '.[lint]'
	$(BIN)/ruff check quoteframe tests scripts
	$(BIN)/mypy quoteframe

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
