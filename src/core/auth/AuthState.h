// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

namespace Companion::Auth {

/** Where the app stands with Aries. */
enum class AuthState {
    SignedOut, ///< No tokens; "Connect to Aries" needed
    SigningIn, ///< The consent window is open or the code is being exchanged
    Connected, ///< A usable access token (or a refresh token to get one)
    Refreshing, ///< Getting a new access token; callers wait
    SecretsUnavailable, ///< The keychain is locked or missing; tokens may still be there once it is back
    Error, ///< Something the user must act on (see TokenManager::lastError())
};

} // namespace Companion::Auth

Q_DECLARE_METATYPE(Companion::Auth::AuthState)
