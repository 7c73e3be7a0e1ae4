# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestClientConfig SOURCES TestClientConfig.cpp LIBS companion_core nlohmann_json::nlohmann_json
                   LABELS unit)
# Adding to and removing from Claude Desktop's claude_desktop_config.json without harm to the rest of it.
companion_add_test(TestClaudeDesktopConfig SOURCES TestClaudeDesktopConfig.cpp LIBS companion_core nlohmann_json::nlohmann_json
                   LABELS unit)
