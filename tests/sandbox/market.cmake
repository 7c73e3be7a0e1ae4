# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestMarketSimulator SOURCES TestMarketSimulator.cpp LIBS aries_sandbox_lib LABELS unit)
