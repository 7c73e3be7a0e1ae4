# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Set Up Assistants…: Claude Desktop's file written (and refused) on sample files, and the snippets' Copy buttons.
companion_add_test(TestAssistantSetupDialog SOURCES TestAssistantSetupDialog.cpp
                   LIBS companion_ui nlohmann_json::nlohmann_json LABELS gui
                   ENVIRONMENT "COMPANION_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
