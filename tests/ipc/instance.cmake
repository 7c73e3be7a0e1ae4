# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one-app-per-user guard (lock file and control socket) within one process; the real program launched
# twice is TestAppLaunch (tests/ui/launch.cmake).
companion_add_test(TestSingleInstance SOURCES TestSingleInstance.cpp LIBS companion_ipc LABELS integration)
