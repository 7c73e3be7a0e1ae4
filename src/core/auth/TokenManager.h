// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "auth/AccessTokenSource.h"
#include "auth/AuthError.h"
#include "auth/AuthState.h"
#include "auth/OAuthConfig.h"
#include "auth/TokenSet.h"
#include "secrets/SecretStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace Companion::Auth {

class OAuthClient;

/**
 * Owns the Aries tokens for the configured Client ID: restores them from the keychain at start,
 * refreshes them shortly before they expire and when Aries answers 401, and forgets them on sign-out.
 * Tokens live in memory and in the keychain entry keychainKey(clientId), nowhere else.
 *
 *                 restore(): entry found           refresh due / 401
 *   SignedOut ─────────────────────────► Connected ───────────────► Refreshing ──ok──► Connected
 *     ▲  │ beginSignIn()                    ▲  │                        │
 *     │  ▼                 adoptTokens()    │  │ signOut()              │ refresh token rejected
 *   SigningIn ──────────────────────────────┘  ▼                        ▼
 *     │ signInFailed()                     SignedOut ◄──────────── SignedOut (+ notice "reconnect")
 *     ▼
 *   back to where it was (+ notice)        keychain locked/missing at any read/write ──► SecretsUnavailable
 *                                          retrySecrets() ──► restore() again (no new sign-in needed)
 *
 * Refresh is single-flight: any number of callers of withAccessToken() during a refresh wait for the
 * one request and all get its result. A refresh that fails for a transient reason (network, 5xx,
 * timeout) keeps the tokens and is retried; one the server rejects (invalid_grant) signs out.
 */
class TokenManager final : public QObject, public AccessTokenSource
{
    Q_OBJECT

public:
    using TokenCallback = std::function<void(Expected<QString, AuthError>)>;
    using DoneCallback = std::function<void(Expected<void, Secrets::SecretError>)>;

    TokenManager(OAuthClient &oauth, Secrets::SecretStore &secrets, QObject *parent = nullptr);
    ~TokenManager() override;
    Q_DISABLE_COPY_MOVE(TokenManager)

    /** The keychain key of a Client ID's tokens. */
    static QString keychainKey(const QString &clientId);

    /** Sets the configuration; a different Client ID forgets the tokens in memory (call restore() next). */
    void setConfig(const OAuthConfig &config);
    const OAuthConfig &config() const { return m_config; }
    /** How long before expiry the access token is refreshed (default 2 minutes). */
    void setRefreshMargin(std::chrono::seconds margin) { m_refreshMargin = margin; }

    /** Reads the tokens of the configured Client ID from the keychain. */
    void restore();
    /** Reads the keychain again after it was unavailable; the session continues without a new sign-in. */
    void retrySecrets() { restore(); }

    void beginSignIn();
    void signInFailed(const AuthError &error);
    /** Stores freshly obtained tokens in the keychain and becomes Connected. */
    void adoptTokens(const TokenSet &tokens);

    /**
     * Calls back with a valid access token, refreshing first when it expires within the margin.
     * Errors: NotSignedIn, SecretsUnavailable, or the refresh's error.
     */
    void withAccessToken(QObject *context, TokenCallback callback) override;
    /**
     * Aries answered 401 to a request made with @p rejectedToken: refresh once (unless another caller
     * already did) and call back with the new token, or with the error that signs the user out.
     */
    void reportUnauthorized(const QString &rejectedToken, QObject *context, TokenCallback callback) override;

    /** Deletes the tokens from the keychain and memory; every later caller gets NotSignedIn. */
    void signOut(QObject *context, DoneCallback callback);

    AuthState state() const { return m_state; }
    std::optional<AuthError> lastError() const { return m_lastError; }
    bool isConnected() const { return m_state == AuthState::Connected || m_state == AuthState::Refreshing; }
    /** Facts for the status view; never the tokens themselves. */
    QStringList grantedScopes() const;
    QDateTime accessExpiresAt() const;
    QDateTime refreshExpiresAt() const;
    QDateTime connectedSince() const;
    /** When the access token was last renewed (in this run or an earlier one); invalid when not since sign-in. */
    QDateTime lastRefresh() const;
    QDateTime nextRefresh() const;

Q_SIGNALS:
    void stateChanged(Companion::Auth::AuthState state);
    /** Something the user must see (a dialog or the status window), with what to do next. */
    void noticeRaised(const Companion::Auth::AuthError &error);
    /** Expiry times or scopes changed. */
    void tokensChanged();
    /** A restore() has settled (Connected, SignedOut or SecretsUnavailable), whether or not the state changed. */
    void restoreFinished();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hasContext = false;
        TokenCallback callback;
    };

    void setState(AuthState state);
    /** Forgets the tokens in memory, becomes SignedOut and answers every waiting caller NotSignedIn. */
    void becomeSignedOut();
    void startRefresh();
    void finishRefresh(const Expected<TokenSet, AuthError> &result);
    void store(const TokenSet &tokens, AuthState after);
    void scheduleRefresh();
    void forget();
    void deliver(const Waiter &waiter, const Expected<QString, AuthError> &result) const;
    void serve(QList<Waiter> waiters);
    void fail(QList<Waiter> waiters, const AuthError &error) const;
    AuthError noTokensError() const;
    /** The access token may still be sent: not expired and not answered 401. */
    bool accessTokenUsable() const;
    /** Within the refresh margin (capped at half the token's lifetime, so short-lived tokens do not loop). */
    bool refreshDue() const;
    QDateTime refreshDueAt() const;
    void onRefreshTimer();

    OAuthClient &m_oauth;
    Secrets::SecretStore &m_secrets;
    OAuthConfig m_config;
    std::optional<TokenSet> m_tokens;
    AuthState m_state = AuthState::SignedOut;
    AuthState m_stateBeforeSignIn = AuthState::SignedOut;
    std::optional<AuthError> m_lastError;
    bool m_refreshing = false;
    QList<Waiter> m_waiters;
    QTimer m_refreshTimer;
    QDateTime m_lastRefresh;
    std::chrono::seconds m_refreshMargin {120};
    int m_generation = 0; ///< Bumped when the tokens are forgotten, so late keychain/network results are dropped
    bool m_restoring = false; ///< A keychain read of restore() is pending; callers wait for it
    bool m_unsaved = false; ///< The tokens in memory could not be written to the keychain yet
    int m_refreshFailures = 0; ///< Transient refresh failures in a row; drives the retry backoff
    QString m_rejectedAccessToken; ///< The access token Aries answered 401 to; never handed out again
};

} // namespace Companion::Auth
