# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start at login: the XDG autostart entry (the platform file compiled on this system).
if(UNIX AND NOT APPLE)
    companion_add_test(TestAutostart SOURCES TestAutostart.cpp LIBS companion_core LABELS unit)
endif()
