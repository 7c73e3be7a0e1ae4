# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A whole session (consent window, bridge, renewal, revoke) and then a search for its secrets in every file,
# log, command line and environment of ours.
companion_add_test(TestSecretsScan SOURCES TestSecretsScan.cpp LIBS companion_ui companion_testsupport
                   LABELS e2e gui keychain KEYRING TIMEOUT 240
                   ENVIRONMENT "QTWEBENGINE_DISABLE_SANDBOX=1;QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu")
target_compile_definitions(TestSecretsScan PRIVATE
    ARIES_CONSENT_PATH="$<TARGET_FILE:aries-consent>"
    BRIDGE_PATH="$<TARGET_FILE:aries-mcp>")
add_dependencies(TestSecretsScan aries-consent aries-mcp aries-sandbox)
