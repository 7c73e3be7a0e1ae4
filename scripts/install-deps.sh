#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Aries Companion needs to build and test, and only those missing.
# Silent when everything is already there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++
    # fuzzing (scripts/fuzz.sh): clang 14 (LLVM 14) with its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # Qt 6.4 and libraries (qt6-websockets-dev: QtHttpServer's CMake config needs it but does not declare it)
    qt6-base-dev qt6-webengine-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-svg-dev qtkeychain-qt6-dev nlohmann-json3-dev
    # tests: a private D-Bus session with gnome-keyring for the keychain, software GL and a font offscreen,
    # and an X server for the one test that needs a real (unanswered) keyring unlock prompt
    dbus gnome-keyring libsecret-tools libgl1-mesa-dri fonts-dejavu-core xvfb xauth x11-utils
    # installers: cpack's Debian package finds libraries with file and dpkg-shlibdeps; the icons are rendered
    # from the SVG; the package test installs into a clean Debian 12 root made by mmdebstrap and validates
    # the desktop entry
    file dpkg-dev librsvg2-bin mmdebstrap desktop-file-utils
    # benchmarks (bench/world.sh): a system tray on Xvfb, so the app runs as on a desktop with one
    trayer
)

# Node.js for the official MCP SDK client tests; this machine image has it already, Debian 12's is 18.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Please run as root or install sudo." >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
