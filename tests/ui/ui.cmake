# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestSettingsDialog SOURCES TestSettingsDialog.cpp LIBS companion_ui LABELS gui
                   ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
# The whole sign-in as a user does it: the app, the real consent window (QtWebEngine, its own process),
# the sandbox as Aries, the real keychain.
companion_add_test(TestCompanionApp SOURCES TestCompanionApp.cpp LIBS companion_ui LABELS e2e gui keychain KEYRING
                   TIMEOUT 240
                   ENVIRONMENT "QTWEBENGINE_DISABLE_SANDBOX=1;QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu;COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
target_compile_definitions(TestCompanionApp PRIVATE
    ARIES_CONSENT_PATH="$<TARGET_FILE:aries-consent>")
add_dependencies(TestCompanionApp aries-consent aries-sandbox)
