# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the MCP server reports to the status view and the audit log: connected clients and every tool call.
companion_add_test(TestMcpServerObserver SOURCES TestMcpServerObserver.cpp LIBS companion_core LABELS unit)
