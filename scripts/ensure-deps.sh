#!/usr/bin/env bash
# Makes sure the system packages the build needs are present: pkg-config, the SQLite
# development files (libsqlite3-dev on Debian) and the decompression libraries (zlib,
# zstd, xz, bzip2). With the argument `test`, also the command-line compressors the
# tests make their compressed dumps and bundles with, and headless Chromium for the
# web server's browser test. Installs them with apt-get when
# running as root; otherwise prints the exact command and fails.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH. Install Swift 6 (https://www.swift.org/install/linux/) and retry." >&2
    exit 1
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1 && ! pkg-config --exists sqlite3; then
    missing+=(libsqlite3-dev)
elif ! command -v pkg-config >/dev/null 2>&1; then
    missing+=(libsqlite3-dev)
fi

# Headers, not pkg-config: libbz2-dev ships no .pc file.
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ -f /usr/include/zstd.h ] || missing+=(libzstd-dev)
[ -f /usr/include/lzma.h ] || missing+=(liblzma-dev)
[ -f /usr/include/bzlib.h ] || missing+=(libbz2-dev)

if [ "${1:-}" = test ]; then
    command -v gzip >/dev/null 2>&1 || missing+=(gzip)
    command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
    command -v bzip2 >/dev/null 2>&1 || missing+=(bzip2)
    command -v zstd >/dev/null 2>&1 || missing+=(zstd)
    command -v zip >/dev/null 2>&1 || missing+=(zip)
    command -v tar >/dev/null 2>&1 || missing+=(tar)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
    exit 0
fi

echo "error: missing system packages: ${missing[*]}" >&2
echo "run:   sudo apt-get install -y ${missing[*]}" >&2
exit 1
