# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Which Aries scopes each tool needs: the table, and every tool called against the real aries-sandbox
# signed in with fewer scopes, which must fail for a missing permission exactly when the table says so.
companion_add_test(TestToolScopes SOURCES TestToolScopes.cpp LIBS companion_core companion_tooltestsupport
                   LABELS integration TIMEOUT 180)
add_dependencies(TestToolScopes aries-sandbox)
