# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The audit log's tool call records and reading its newest records (registered here: tests/trading's
# CMakeLists.txt lists its tests itself instead of including fragments).
companion_add_test(TestAuditLogToolCalls SOURCES TestAuditLogToolCalls.cpp LIBS companion_core LABELS unit)
