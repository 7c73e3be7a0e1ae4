# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The MCP Streamable HTTP endpoint on loopback: its security checks and the session lifecycle.
companion_add_test(TestMcpHttpTransport SOURCES TestMcpHttpTransport.cpp LIBS companion_core LABELS integration)
# The local key in a real keychain, and with no keychain at all: one executable, run both ways.
companion_add_test(TestLocalKey SOURCES TestLocalKey.cpp LIBS companion_core Qt6::DBus LABELS keychain KEYRING)
add_test(NAME TestLocalKeyNoKeychain COMMAND "${PROJECT_SOURCE_DIR}/tests/run-isolated.sh" plain $<TARGET_FILE:TestLocalKey>)
set_tests_properties(TestLocalKeyNoKeychain PROPERTIES LABELS keychain ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
