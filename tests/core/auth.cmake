# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The OAuth building blocks: PKCE, the token set, the error messages (units), and the OAuth client against
# the real aries-sandbox process (integration).
companion_add_test(TestPkce SOURCES TestPkce.cpp LIBS companion_core LABELS unit)
companion_add_test(TestTokenSet SOURCES TestTokenSet.cpp LIBS companion_core LABELS unit)
companion_add_test(TestAuthError SOURCES TestAuthError.cpp LIBS companion_core LABELS unit)
companion_add_test(TestOAuthClient SOURCES TestOAuthClient.cpp LIBS companion_core LABELS integration TIMEOUT 120)
add_dependencies(TestOAuthClient aries-sandbox)
