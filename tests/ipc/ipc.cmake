# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The shared IPC pieces (unit) and the aries-mcp bridge run as a real process against a local server in the
# test (integration).
companion_add_test(TestLineFramer SOURCES TestLineFramer.cpp LIBS companion_ipc LABELS unit)
companion_add_test(TestBridge SOURCES TestBridge.cpp LIBS companion_ipc LABELS integration bridge TIMEOUT 120)
target_compile_definitions(TestBridge PRIVATE ARIES_MCP_BIN="$<TARGET_FILE:aries-mcp>")
add_dependencies(TestBridge aries-mcp)
