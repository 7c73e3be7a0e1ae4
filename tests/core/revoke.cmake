# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
companion_add_test(TestTokenRevoker SOURCES TestTokenRevoker.cpp LIBS companion_core LABELS integration keychain KEYRING)
add_dependencies(TestTokenRevoker aries-sandbox)
