# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestTrayController SOURCES TestTrayController.cpp LIBS companion_ui LABELS gui
                   ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
