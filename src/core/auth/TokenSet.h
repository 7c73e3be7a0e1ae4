// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "auth/AuthError.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Companion::Auth {

/** The tokens of one sign-in, as kept in the keychain. */
struct TokenSet
{
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt; ///< UTC
    QDateTime refreshExpiresAt; ///< UTC; invalid when Aries did not say
    QDateTime obtainedAt; ///< UTC, when this access token arrived
    QDateTime connectedSince; ///< UTC, when the user signed in (kept across refreshes)
    QStringList scopes; ///< Granted scopes

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }

    /**
     * Reads a token endpoint answer. Fields Aries may leave out are taken from @p previous (a refresh
     * that returns no refresh token keeps the old one; no scope keeps the old scopes) and expiry
     * defaults to one hour. A body without access_token is an error.
     */
    static Expected<TokenSet, AuthError> fromTokenResponse(
        const QByteArray &body, const QDateTime &now, const TokenSet *previous = nullptr);
    /** Compact JSON for the keychain entry. */
    QByteArray toKeychainBlob() const;
    /** nullopt for anything that is not a blob written by toKeychainBlob(). */
    static std::optional<TokenSet> fromKeychainBlob(const QByteArray &blob);
};

} // namespace Companion::Auth
