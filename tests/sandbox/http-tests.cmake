# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Tests of aries-sandbox against its contract (docs/sandbox.md): each one starts the real process
# ($ARIES_SANDBOX_BIN, set by companion_add_test) and talks to it over HTTP.
foreach(test TestSandboxOAuth TestSandboxApi TestSandboxOrders TestSandboxFaults TestSandboxState)
    companion_add_test(${test} SOURCES ${test}.cpp LABELS integration TIMEOUT 60)
    add_dependencies(${test} aries-sandbox)
endforeach()
