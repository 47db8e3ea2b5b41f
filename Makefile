# The two commands of the README: `make run` and `make test`. Both set up .venv on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint sysdeps kiosk display bench soak screenshots clean server dist dist-check

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mpp-desk $(ARGS)

# System packages the tests use: espeak-ng renders real Indonesian speech to a WAV file;
# chromium (Debian's, driven by Playwright) and poppler-utils (pdftoppm) for the public pages'
# browser tests. CI runs as root and installs them; elsewhere it says what to install (those
# tests then skip locally, but fail in CI, where CI=true).
sysdeps:
	@command -v espeak-ng >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null; \
	  else \
	    echo "espeak-ng is missing: install it (e.g. sudo apt-get install espeak-ng)"; \
	  fi; }
	@{ command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else \
	    echo "chromium or pdftoppm is missing: install them (e.g. sudo apt-get install chromium poppler-utils)"; \
	  fi; }
	@# the server tests use the local PostgreSQL for real: start Debian's cluster when it is down
	@command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432 && \
	  command -v pg_ctlcluster >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | sort -V | tail -n 1) main start || true

# The whole suite as today, then the tests marked `clock` again with the office clock started at
# awkward moments (MPP_TEST_NOW, read by tests/conftest.py; docs/development.md, "The clock"):
# a Friday 11:55 WIB, New Year's Eve 23:59 WIB, a cuti bersama day (Christmas Eve 2026), a
# Saturday; and once with the PC in another time zone (local-zone leaks). CLOCK_RUNS= skips them.
CLOCK_MOMENTS ?= 2026-12-11T11:55+07:00 2026-12-31T23:59+07:00 2026-12-24T10:00+07:00 2026-12-12T10:00+07:00
CLOCK_RUNS ?= yes

# pyflakes and syntax checks over the code and the tests ([tool.ruff] in pyproject.toml), then the
# type check of mpp_desk (basedpyright, basic mode, pyrightconfig.json; 0 errors; runs offline)
lint: $(STAMP)
	$(BIN)/ruff check mpp_desk tests tools bench
	$(BIN)/basedpyright

test: $(STAMP) sysdeps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$(CLOCK_RUNS)" ]; then \
	  for moment in $(CLOCK_MOMENTS); do \
	    echo "== tests marked clock, office clock at $$moment"; \
	    MPP_TEST_NOW=$$moment QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m clock || exit 1; \
	  done; \
	  echo "== tests marked clock, the PC in America/New_York"; \
	  TZ=America/New_York QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m clock || exit 1; \
	fi

# The central server for a trial on this machine's PostgreSQL (started on Debian if down; database
# mpp_central created if missing; secret kept in .central/); HOST=0.0.0.0 PORT=8750 to serve the LAN.
server: $(STAMP)
	$(BIN)/python tools/server_trial.py

# The edit-test loop: everything but the tests marked `slow` (real processes, the central server on
# PostgreSQL, thousands of paints, property fuzzing) and without the shifted-clock reruns; in two
# processes (pytest-xdist). TEST_FAST_WORKERS=0 runs it in one (e.g. to use a debugger).
TEST_FAST_WORKERS ?= 2
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" -n $(TEST_FAST_WORKERS) $(PYTEST_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots_queue.py

bench: $(STAMP)
	for b in $(filter-out bench/soak.py,$(wildcard bench/*.py)); do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

# An hour of kiosk, board and two counters (ARGS="--minutes 5" for a quick check).
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/soak.py $(ARGS)

# The counter PCs' program, frozen by PyInstaller into dist/mpp-desk/ (installer/mpp-desk.spec); the
# same binary is mpp-central when called by that name. `make dist-check` builds the .deb, installs and
# starts it in a clean Debian 12 root (debootstrap, from this machine's apt mirror) and compiles the
# Windows installer script with makensis (installer/dist-check.sh; root, debootstrap and nsis needed).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' mpp_desk/__init__.py)

dist: $(STAMP)
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  installer/mpp-desk.spec
	QT_QPA_PLATFORM=offscreen dist/mpp-desk/mpp-desk --version

dist-check: dist
	bash installer/dist-check.sh $(VERSION)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
