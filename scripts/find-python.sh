#!/usr/bin/env bash
# Prints the path of a working Python >= 3.12, or explains what to install and fails.
set -u
ok() { "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.12 python3.13 python3; do
    path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
# pyenv installs: use the interpreters directly (the shims need PYENV_VERSION).
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for dir in "$pyenv_root"/versions/3.12* "$pyenv_root"/versions/3.13*; do
    [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
done
for path in /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
    [ -x "$path" ] && candidates+=("$path")
done

for candidate in "${candidates[@]}"; do
    if ok "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done

cat >&2 <<'MSG'
Geen werkende Python 3.12 of nieuwer gevonden (met venv).
Installeer er een, bijvoorbeeld:
  - met pyenv:  pyenv install 3.12
  - op Debian/Ubuntu met een nieuwere release: apt-get install python3.12 python3.12-venv
of wijs er een aan:  make run PYTHON=/pad/naar/python3.12
MSG
exit 1
