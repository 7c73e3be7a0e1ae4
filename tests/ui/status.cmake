# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The status window over a real sandbox sign-in (two permissions left unticked), the real keychain, the
# real MCP engine and tools, and the audit log (offscreen; leaves screenshots/status.png).
companion_add_test(TestStatusWindow SOURCES TestStatusWindow.cpp LIBS companion_ui LABELS gui keychain KEYRING
                   TIMEOUT 180
                   ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
add_dependencies(TestStatusWindow aries-sandbox)
