// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "auth/AuthError.h"
#include "auth/OAuthConfig.h"
#include "auth/TokenSet.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Companion::Auth {

/**
 * The OAuth 2.0 authorization-code flow with PKCE against Aries, written out by hand (QtNetworkAuth
 * 6.4 never reports a token-endpoint error, so a failed sign-in would hang).
 *
 *     beginAuthorization()  ──►  verifier + state kept by the caller, URL shown in the consent window
 *            │
 *            ▼   the window catches  redirect_uri?code=…&state=…   (or ?error=…&state=…)
 *     codeFromRedirect()    ──►  checks the redirect target and the state, returns the code or the error
 *            │
 *            ▼
 *     exchangeCode()        ──►  POST {apiBase}/v1/oauth2/token  JSON {grant_type: authorization_code, code,
 *            │                    client_id, redirect_uri, code_verifier}   (no client secret)
 *            ▼
 *        TokenSet  ──►  refresh()  POST {grant_type: refresh_token, client_id, refresh_token} ──► TokenSet
 *
 * Every request has a timeout; every failure comes back as an AuthError with a message for the user.
 * Nothing here logs or keeps a token.
 */
class OAuthClient final : public QObject
{
    Q_OBJECT

public:
    /** What one sign-in attempt must remember until the redirect comes back. */
    struct PendingAuthorization
    {
        QUrl url; ///< The authorization URL to open
        QString state; ///< Sent in the URL, must come back unchanged
        QString verifier; ///< PKCE code verifier; stays in this process
    };
    using TokenCallback = std::function<void(Expected<TokenSet, AuthError>)>;

    explicit OAuthClient(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~OAuthClient() override;
    Q_DISABLE_COPY_MOVE(OAuthClient)

    /** Time allowed for one token request (default 30 s). */
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /**
     * A fresh verifier and state and the authorization URL with response_type=code, client_id,
     * redirect_uri, scope (space separated), state, code_challenge and code_challenge_method=S256.
     */
    PendingAuthorization beginAuthorization(const OAuthConfig &config) const;
    /**
     * The code from the redirect the consent window caught. Errors: the URL is not the configured
     * redirect URI (ConsentFailed), the state differs (StateMismatch), the server sent ?error=
     * (mapped with AuthError::fromOAuthError, e.g. access_denied), or no code (InvalidRequest).
     */
    static Expected<QString, AuthError> codeFromRedirect(
        const QUrl &redirect, const PendingAuthorization &pending, const OAuthConfig &config);
    /** Exchanges the code; @p callback runs on @p context's thread, unless @p context is gone. */
    void exchangeCode(const OAuthConfig &config, const QString &code, const QString &verifier, QObject *context,
        TokenCallback callback);
    /** Refreshes; the result keeps connectedSince and, when Aries returns none, the old refresh token. */
    void refresh(const OAuthConfig &config, const TokenSet &current, QObject *context, TokenCallback callback);

private:
    void postToken(const OAuthConfig &config, const QByteArray &body, const TokenSet *previous, QObject *context,
        TokenCallback callback);

    QNetworkAccessManager &m_network;
    std::chrono::milliseconds m_timeout {30000};
    /** Token requests still running; aborted without a callback when this client goes away. */
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace Companion::Auth
