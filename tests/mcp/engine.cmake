# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The MCP protocol engine (JSON-RPC, lifecycle, tools, cancellation, logging), driven through a session.
companion_add_test(TestMcpServer SOURCES TestMcpServer.cpp LIBS companion_core LABELS unit)
# The JSON Schema subset that checks tool arguments before a tool runs.
companion_add_test(TestSchemaValidator SOURCES TestSchemaValidator.cpp LIBS companion_core LABELS unit)
