#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one test executable in a world of its own: a fresh HOME and XDG directories (so no test can
# read or write the user's settings, keychain or Claude Desktop config), and no session bus unless
# asked for.
#   run-isolated.sh plain   TEST [ARGS...]   no D-Bus at all
#   run-isolated.sh keyring TEST [ARGS...]   a private D-Bus session with an unlocked gnome-keyring
#   run-isolated.sh desktop CMD [ARGS...]    as keyring, plus an X server (Xvfb) with a system tray (trayer):
#                                            a user's desktop, for the benchmark (bench/world.sh)
set -u
mode="$1"; shift

root="$(mktemp -d "${TMPDIR:-/tmp}/aries-test.XXXXXX")" || exit 1
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
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY

case "$mode" in
plain)
    "$@"
    ;;
keyring)
    # The keyring daemon reads the unlock password on stdin; it only has to be the same for the run.
    dbus-run-session -- sh -c '
        printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 70
        exec "$@"' sh "$@"
    ;;
desktop)
    export QT_QPA_PLATFORM=xcb
    # QtWebEngine (the consent window) without a GPU; as root, Chromium's own sandbox cannot start.
    export QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
    [ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- sh -c '
        printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 70
        trayer --edge top --align right --widthtype pixel --width 120 --heighttype pixel --height 28 >/dev/null 2>&1 &
        tray=$!
        sleep 0.5
        "$@"; status=$?
        kill "$tray" 2>/dev/null
        exit $status' sh "$@"
    ;;
*)
    echo "run-isolated.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
