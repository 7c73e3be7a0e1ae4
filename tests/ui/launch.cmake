# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real aries-companion launched more than once for one user (one copy runs, the others hand over and exit 0),
# at the same moment, and after a crash.
companion_add_test(TestAppLaunch SOURCES TestAppLaunch.cpp LABELS e2e gui KEYRING TIMEOUT 240)
target_compile_definitions(TestAppLaunch PRIVATE ARIES_COMPANION_BIN="$<TARGET_FILE:aries-companion>")
add_dependencies(TestAppLaunch aries-companion)
