// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/** PKCE (RFC 7636) and the OAuth state parameter, from the operating system's random number generator. */
namespace Companion::Auth::Pkce {

/** A code verifier: 32 random bytes as base64url without padding (43 characters). */
QString generateVerifier();
/** The S256 challenge: base64url(SHA-256(ASCII(verifier))) without padding. */
QString challengeFor(const QString &verifier);
/** A random state value: 24 random bytes as base64url (32 characters). */
QString generateState();

} // namespace Companion::Auth::Pkce
