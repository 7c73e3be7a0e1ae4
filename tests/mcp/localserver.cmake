# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app's end of the local socket (integration) and the real aries-mcp bridge talking to it (e2e).
companion_add_test(TestMcpLocalServer SOURCES TestMcpLocalServer.cpp LIBS companion_core LABELS integration)
companion_add_test(TestBridgeToApp SOURCES TestBridgeToApp.cpp LIBS companion_core LABELS e2e bridge TIMEOUT 120)
target_compile_definitions(TestBridgeToApp PRIVATE ARIES_MCP_BIN="$<TARGET_FILE:aries-mcp>")
add_dependencies(TestBridgeToApp aries-mcp)
