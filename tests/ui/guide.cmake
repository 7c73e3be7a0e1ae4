# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Aries' guide end to end: the official SDK client through the stdio bridge asks for the portfolio, a quote and a
# limit order, which the test approves with the approval window's own button; the order ends up in the sandbox.
find_program(COMPANION_NODE node)
if(COMPANION_NODE)
    companion_add_test(TestGuideEndToEnd SOURCES TestGuideEndToEnd.cpp LIBS companion_ui companion_testsupport
                       LABELS e2e gui keychain KEYRING TIMEOUT 240
                       ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
    target_compile_definitions(TestGuideEndToEnd PRIVATE
        NODE_PROGRAM="${COMPANION_NODE}"
        GUIDE_SCRIPT="${PROJECT_SOURCE_DIR}/tests/node/guide-prompts.mjs"
        BRIDGE_PATH="$<TARGET_FILE:aries-mcp>")
    add_dependencies(TestGuideEndToEnd aries-mcp aries-sandbox)
endif()
