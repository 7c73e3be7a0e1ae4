# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a hostile assistant can send through MCP (bad arguments, broker text written as instructions,
# forged and replayed approvals), against the real tools and the real sandbox.
companion_add_test(TestMcpAttacks SOURCES TestMcpAttacks.cpp LIBS companion_tooltestsupport LABELS integration
                   TIMEOUT 180)
add_dependencies(TestMcpAttacks aries-sandbox)
