# Two commands on a fresh machine: `make run` (app with demo data) and `make test` (whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=True

.PHONY: run test test-fast lint format messages browser-deps clean audit

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py compile_catalogues
	$(DEV_ENV) $(PY) manage.py seed_demo
	@echo "Mở http://$(HOST):$(PORT)/ — đăng nhập bằng một tài khoản ở trên."
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The browser tests drive Debian's Chromium; install it (and the PDF tools) when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
		else \
			echo "Cần Chromium tại /usr/bin/chromium: sudo apt-get install chromium"; exit 1; \
		fi; \
	fi

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.installed-test browser-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(PY) manage.py compile_catalogues
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test
	$(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS)

# Known vulnerabilities of the installed packages (pip-audit). A report, not a gate: it is
# not part of `make test`. When the advisory service (PyPI's JSON API, osv.dev) cannot be
# reached, pip-audit marks packages "could not be audited" and may still say "No known
# vulnerabilities": the target says plainly that nothing was checked and exits 0.
audit: $(VENV)/.installed-test
	@out=$$($(VENV)/bin/pip-audit --progress-spinner off --skip-editable 2>&1); rc=$$?; \
	echo "$$out" | grep -v "could not be audited"; \
	if echo "$$out" | grep -qE "Found [0-9]+ known vulnerabilit"; then exit 1; fi; \
	skipped=$$(echo "$$out" | grep -c "could not be audited"); \
	if [ $$rc -ne 0 ] || [ $$skipped -gt 0 ]; then \
		echo "pip-audit: KHÔNG kiểm tra được ($$skipped gói không tra được; mã thoát $$rc):"; \
		echo "  máy này không truy cập được dữ liệu lỗ hổng của PyPI/osv.dev — chạy lại ở máy có mạng."; \
		exit 0; \
	fi

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py makemessages -l vi -l en --ignore=.venv --ignore=tests --ignore=bench \
		--ignore=staticfiles --no-obsolete
	$(DEV_ENV) $(PY) manage.py compile_catalogues

clean:
	rm -rf $(VENV) staticfiles
