#!/usr/bin/env bash
# Best effort: a private Python environment with sqlite-utils and Datasette, so the
# test suite can check that both recognise the archive's full-text index. Without
# network access the suite still runs; those checks then report themselves skipped.
set -uo pipefail
venv=".build-venv"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import sqlite_utils, datasette" 2>/dev/null; then
    exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "note: no python3; the sqlite-utils/Datasette checks will be skipped" >&2; exit 0; }
python3 -m venv "$venv" >/dev/null 2>&1 || { echo "note: cannot make a virtualenv; sqlite-utils/Datasette checks skipped" >&2; exit 0; }
timeout 300 "$venv/bin/pip" install -q sqlite-utils datasette >/dev/null 2>&1 \
    || echo "note: could not install sqlite-utils/datasette; those checks will be skipped" >&2
exit 0
