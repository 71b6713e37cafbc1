#!/usr/bin/env bash
# Installs, through apt, what GT Lens needs on a Debian or Ubuntu machine and is not there yet.
#   ./setup.sh run    Java 17 and Maven: what ./gtlens needs to build and run
#   ./setup.sh test   also Python's torch, onnx, pytest and matplotlib, fonts and Xvfb: what the tests need
# As root (or with sudo that needs no password) it installs, saying what; otherwise it prints the one command to run.
set -euo pipefail

case "${1:-}" in
  run) packages=(openjdk-17-jdk maven) ;;
  test) packages=(openjdk-17-jdk maven python3-torch python3-onnx python3-pytest python3-matplotlib fontconfig
    fonts-dejavu-core xvfb) ;;
  *) echo "usage: ./setup.sh run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg >/dev/null 2>&1; then
  command -v java >/dev/null && command -v mvn >/dev/null && exit 0
  echo "gtlens: this is not a Debian or Ubuntu system; install Java 17 and Maven 3.8 or later yourself" >&2
  exit 1
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "gtlens: missing Debian packages; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "gtlens: installing ${missing[*]} (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
