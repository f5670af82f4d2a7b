# shellcheck shell=bash
# Helpers shared by the scripts in this folder. Sourced, never run:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sets CTS_ROOT (the repository root) and defines ensure_deps, run_quietly
# and build_release.

CTS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the build and the tests need: libedit for the line editor,
# SQLite for session files, zlib for xlsx workbooks, pkg-config to find them, tmux
# for the pty tests, less for the pager test.
CTS_DEPS=(libedit-dev libsqlite3-dev zlib1g-dev pkg-config tmux less)

# Puts swift on PATH and installs whichever of CTS_DEPS is missing.
# Silent when nothing is missing; exits 1 when it cannot fix what is.
ensure_deps() {
  if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift not found on PATH nor in /opt/swift/usr/bin; install Swift 6.3" >&2
    exit 1
  fi
  ensure_packages "${CTS_DEPS[@]}"
}

# Installs whichever of the named Debian packages is missing (scripts/bench adds sqlite3
# and time). Silent when nothing is missing; exits 1 when it cannot fix what is.
ensure_packages() {
  # Not Debian (a macOS checkout, say): nothing we can check or install.
  command -v dpkg-query >/dev/null 2>&1 || return 0

  local installed missing=() pkg
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null |
    awk '$2 == "ii" { print $1 }' || true)
  for pkg in "$@"; do
    grep -qx -- "$pkg" <<<"$installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0

  if ((EUID != 0)); then
    echo "error: missing Debian packages: ${missing[*]}" >&2
    echo "       install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing missing packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! run_quietly apt-get update -qq ||
    ! run_quietly apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}"; then
    echo "error: could not install: ${missing[*]}" >&2
    exit 1
  fi
}

# Runs a command with its output held back; prints that output to stderr
# only if the command fails. Returns the command's status.
run_quietly() {
  local log status=0
  log=$(mktemp)
  "$@" </dev/null >"$log" 2>&1 || status=$?
  ((status == 0)) || cat "$log" >&2
  rm -f "$log"
  return "$status"
}

# How release binaries are built. The Swift runtime and Foundation are linked in
# statically: a dynamic cts spends a third of its start (40 M instructions for
# `cts -c "count units"`, 26 M static) relocating symbols of a dozen Swift
# libraries. Every release build uses the same flags, or SwiftPM rebuilds.
RELEASE_BUILD=(swift build -c release --static-swift-stdlib)

# Builds .build/release/cts unless a build since the last change to any source
# or manifest already did (a stamp file records when the last one started).
# Quiet unless it builds (one line) or fails (the whole log). Returns 1 on failure.
build_release() {
  local bin="$CTS_ROOT/.build/release/cts" stamp="$CTS_ROOT/.build/cts-release.stamp"
  if [[ -x $bin && -f $stamp ]] && [[ -z $(cd "$CTS_ROOT" &&
    find Sources Package.swift Package.resolved -newer "$stamp" -print -quit 2>/dev/null) ]]; then
    return 0
  fi
  echo "building cts (release)…" >&2
  mkdir -p "$CTS_ROOT/.build"
  touch "$stamp.new"
  if ! (cd "$CTS_ROOT" && run_quietly "${RELEASE_BUILD[@]}" --product cts); then
    rm -f "$stamp.new"
    echo "error: the release build of cts failed (log above)" >&2
    return 1
  fi
  mv "$stamp.new" "$stamp"
}

# A Python virtual environment in .build-reader-tools with pandas and Datasette, for the tests of
# the session file's reader examples (docs/session-files.md). Prints its path, or nothing (and
# why, on stderr) when it cannot be made: no python3 venv module, or PyPI out of reach.
ensure_reader_tools() {
  local venv="$CTS_ROOT/.build-reader-tools"
  if [[ -x $venv/bin/python ]] && "$venv/bin/python" -c 'import pandas' 2>/dev/null &&
    [[ -x $venv/bin/datasette ]]; then
    echo "$venv"
    return 0
  fi
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    ensure_packages python3-venv
    python3 -m venv "$venv" >/dev/null 2>&1 || {
      echo "note: no Python venv; the pandas and Datasette examples are not checked" >&2
      return 0
    }
  fi
  if run_quietly timeout 300 "$venv/bin/pip" install -q pandas datasette; then
    echo "$venv"
  else
    echo "note: could not install pandas and Datasette from PyPI; their examples are not checked" >&2
  fi
}
