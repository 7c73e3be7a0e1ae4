// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Companion::Auth {

/**
 * Why signing in, refreshing or using the Aries tokens failed, with a message a person can act on.
 * detail carries the server's error_description or the network error text; never a token or a code.
 */
struct AuthError
{
    enum class Code {
        RedirectUriMismatch, ///< Client Center has another redirect URI for this client
        InvalidClient, ///< Unknown or inactive Client ID
        InvalidGrant, ///< Code expired or used, or the refresh token was rejected
        AccessDenied, ///< The user pressed Deny
        InvalidScope,
        InvalidRequest,
        UnsupportedGrantType,
        ServerError, ///< 5xx or an answer we cannot read
        Network, ///< Aries unreachable
        Timeout,
        StateMismatch, ///< The redirect's state is not the one we sent (possible forgery)
        Cancelled, ///< The consent window was closed
        ConsentFailed, ///< The consent window could not start or crashed
        SecretsUnavailable, ///< The keychain is locked, missing or timed out
        NotSignedIn,
    };

    Code code = Code::ServerError;
    QString detail;

    /** The RFC 6749 error code ("invalid_grant", …) as an AuthError. Unknown codes become ServerError. */
    static AuthError fromOAuthError(const QString &error, const QString &description = {});
    /** The OAuth error code string for codes that have one, else an empty string. */
    QString oauthErrorCode() const;
    /**
     * One or two plain sentences: what happened and what to do next, e.g. for RedirectUriMismatch:
     * "Aries does not accept this app's redirect address. In Aries Client Center, set the client's
     * redirect URI to exactly https://mcp.aries.com/auth/callback (no slash at the end), then connect again."
     * Translatable (QCoreApplication::translate with context "AuthError").
     */
    QString userMessage() const;
    /** True when trying again later may work without the user changing anything. */
    bool isTransient() const;
};

} // namespace Companion::Auth
