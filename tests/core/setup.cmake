# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestClientConfig SOURCES TestClientConfig.cpp LIBS companion_core nlohmann_json::nlohmann_json
                   LABELS unit)
