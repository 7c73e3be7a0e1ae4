#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command in the world the benchmark measures the app in, as a user's desktop has it but private to
# this run: a fresh HOME and XDG folders, an X server (Xvfb) with a system tray (trayer), and a private D-Bus
# session with an unlocked gnome-keyring for the app's tokens and local key.
#   world.sh COMMAND [ARGS...]
set -eu
root="$(mktemp -d "${TMPDIR:-/tmp}/aries-bench.XXXXXX")"
trap 'rm -rf "$root"' EXIT INT TERM
HOME="$root/home"
XDG_CONFIG_HOME="$HOME/.config"
XDG_DATA_HOME="$HOME/.local/share"
XDG_CACHE_HOME="$HOME/.cache"
XDG_STATE_HOME="$HOME/.local/state"
XDG_RUNTIME_DIR="$root/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME XDG_RUNTIME_DIR
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
export QT_QPA_PLATFORM=xcb
# QtWebEngine (the consent window) without a GPU; as root, Chromium's own sandbox cannot start.
export QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
[ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1

xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- sh -c '
    printf bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 70
    trayer --edge top --align right --widthtype pixel --width 120 --heighttype pixel --height 28 >/dev/null 2>&1 &
    tray=$!
    sleep 0.5
    "$@"; status=$?
    kill "$tray" 2>/dev/null
    exit $status' sh "$@"
