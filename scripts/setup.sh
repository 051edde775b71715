#!/usr/bin/env bash
# Set up figure-reviewer on a fresh Debian/Ubuntu machine: the Debian packages Qt needs (with a
# CJK font and the X11 plugin's libraries), then a virtual environment in .venv with the package.
#   bash scripts/setup.sh          # the application
#   bash scripts/setup.sh --test   # the application and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  python3 python3-venv python3-pip
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-noto-cjk
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
)
# the tests build the desktop bundle: PyInstaller needs objdump and Python's shared library; the
# shared-project tests start a throwaway PostgreSQL cluster with the server's initdb and pg_ctl
# (Debian puts them in /usr/lib/postgresql/<version>/bin, off PATH: tests/team/conftest.py finds them)
if [ "${1:-}" = "--test" ]; then
  pyver=$(${PYTHON:-python3} -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)
  DEBIAN_PACKAGES+=(binutils "libpython$pyver" postgresql)
fi
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: apt-get not found; install the Qt runtime libraries and a CJK font yourself" >&2
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "setup: ready (.venv)"
