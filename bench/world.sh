#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command in the world the benchmark measures the app in, as a user's desktop has it but private to
# this run: a fresh HOME and XDG folders, an X server (Xvfb) with a system tray (trayer), and a private D-Bus
# session with an unlocked gnome-keyring for the app's tokens and local key (tests/run-isolated.sh desktop).
#   world.sh COMMAND [ARGS...]
exec "$(dirname "$0")/../tests/run-isolated.sh" desktop "$@"
