# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Demo mode end to end: the app starts the sandbox itself, signs in through the real consent window, and the
# official SDK client through the bridge gets the demo portfolio and an order approved in the app's window.
find_program(COMPANION_NODE node)
if(COMPANION_NODE)
    companion_add_test(TestDemoMode SOURCES TestDemoMode.cpp LIBS companion_ui companion_testsupport LABELS e2e gui keychain KEYRING
                       TIMEOUT 240
                       ENVIRONMENT "QTWEBENGINE_DISABLE_SANDBOX=1;QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu")
    target_compile_definitions(TestDemoMode PRIVATE
        NODE_PROGRAM="${COMPANION_NODE}"
        GUIDE_SCRIPT="${PROJECT_SOURCE_DIR}/tests/node/guide-prompts.mjs"
        BRIDGE_PATH="$<TARGET_FILE:aries-mcp>"
        ARIES_CONSENT_PATH="$<TARGET_FILE:aries-consent>"
        ARIES_SANDBOX_PATH="$<TARGET_FILE:aries-sandbox>")
    add_dependencies(TestDemoMode aries-consent aries-mcp aries-sandbox)
endif()
