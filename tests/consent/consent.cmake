# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The consent window end to end: ConsentProcessPresenter starts the real aries-consent (QtWebEngine,
# offscreen) against the real aries-sandbox. Chromium refuses to run as root with its sandbox on, so the
# test (never the program) turns it off; --disable-gpu keeps the software GL warnings quiet.
companion_add_test(TestConsentWindow SOURCES TestConsentWindow.cpp LIBS companion_core Qt6::Gui LABELS e2e gui
    ENVIRONMENT "QTWEBENGINE_DISABLE_SANDBOX=1;QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu" TIMEOUT 180)
# The screenshots (consent-window*.png) land next to the test in the build tree.
target_compile_definitions(TestConsentWindow PRIVATE
    ARIES_CONSENT_BIN="$<TARGET_FILE:aries-consent>"
    CONSENT_SCREENSHOT_DIR="${PROJECT_BINARY_DIR}/screenshots")
add_dependencies(TestConsentWindow aries-consent aries-sandbox)
