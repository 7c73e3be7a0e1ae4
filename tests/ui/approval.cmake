# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The order approval window and its queue (offscreen): fields, Deny as default, queue, timeout, screenshot.
companion_add_test(TestOrderApprovalWindow SOURCES TestOrderApprovalWindow.cpp LIBS companion_ui LABELS gui
                   ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
