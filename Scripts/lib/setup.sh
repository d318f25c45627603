# Shared set-up for the project's scripts: finds (or reports how to get) what the build needs.
# Sourced, not run. Installs only what is missing, so a second run costs nothing.

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Swift: on PATH, or in the usual toolchain folder.
ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
      if [ -x "$dir/swift" ]; then export PATH="$dir:$PATH"; break; fi
    done
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: Swift 6 is not installed; install a Swift 6 toolchain and put it on PATH" >&2
    exit 1
  fi
}

# Debian packages, installed only when missing.
apt_updated=0
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then $sudo apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_all() {
  ensure_swift
  # libedit (BSD licence) gives the REPL its line editing; pkg-config tells SwiftPM where it is.
  ensure_packages libedit-dev pkg-config
  # SQLite's library: the differential tests compare CoopQL's answers with its answers.
  ensure_packages libsqlite3-dev
  # The Word-report test converts a docx to PDF with LibreOffice and reads it back with pdftotext;
  # Liberation Serif has Times New Roman's metrics, so the layout matches Word's.
  ensure_packages libreoffice-writer-nogui poppler-utils fonts-liberation
  # A UTF-8 locale: Vietnamese text in and out of the tools.
  export LANG="${LANG:-C.UTF-8}"
}
