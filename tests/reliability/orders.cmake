# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Orders under faults: lost answers (1,000 placements, a fifth of the answers lost after the sandbox took
# the order), the processes killed mid-order (tray app, bridge), and an audit log that cannot be written.
companion_add_test(TestOrderFaults SOURCES TestOrderFaults.cpp LIBS companion_tooltestsupport LABELS integration TIMEOUT 300)
add_dependencies(TestOrderFaults aries-sandbox)

companion_add_test(TestAuditDisk SOURCES TestAuditDisk.cpp LIBS companion_tooltestsupport LABELS integration TIMEOUT 120)
add_dependencies(TestAuditDisk aries-sandbox)

# The real aries-companion and aries-mcp killed mid-order; the app keeps its tokens in the private keyring.
companion_add_test(TestProcessFaults SOURCES TestProcessFaults.cpp LIBS companion_ui LABELS e2e gui KEYRING TIMEOUT 300)
target_compile_definitions(TestProcessFaults PRIVATE
    ARIES_COMPANION_BIN="$<TARGET_FILE:aries-companion>"
    ARIES_MCP_BIN="$<TARGET_FILE:aries-mcp>")
add_dependencies(TestProcessFaults aries-companion aries-mcp aries-sandbox)
