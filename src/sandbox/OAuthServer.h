// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace Companion::Sandbox {

/** The scopes Aries documents, in the order they are shown on the consent page. */
const QStringList &knownScopes();
/** One plain-language line for a scope ("See your balances, positions and account history"). */
QString scopeDescription(const QString &scope);

/** What an access token grants, as found by OAuthServer::authenticate(). */
struct TokenGrant
{
    qint64 userId = 0;
    QString clientId;
    QStringList scopes;
    bool hasAnyScope(const QStringList &wanted) const;
};

/** An HTML page, or a redirect when redirect is not empty (then status is 302 and html is empty). */
struct PageResult
{
    int status = 200;
    QByteArray html;
    QString redirect;
};

/** A JSON answer of the token endpoint. */
struct TokenResult
{
    int status = 200;
    nlohmann::json body;
};

/**
 * The authorization server of the sandbox: clients, the sign-in and consent pages, authorization
 * codes with PKCE, and access and refresh tokens, as described in docs/sandbox.md.
 *
 * Flow of one sign-in:
 *
 *     GET /oauth2/authorize ──► pending request (rid, 10 min) ──► sign-in page
 *     POST /oauth2/authorize/login ──► credentials checked ──► consent page (or straight to the code
 *                                                              when the user allowed these scopes before)
 *     POST /oauth2/authorize/consent ──► allow: code (single use, 10 min) ──► 302 redirect_uri?code&state
 *                                     └► deny:  302 redirect_uri?error=access_denied&state
 *     POST /v1/oauth2/token ──► code + verifier checked ──► access token + refresh token
 *     POST /v1/oauth2/token (refresh_token) ──► new access token + rotated refresh token
 *
 * Tokens are random and only their SHA-256 hashes are kept (and saved with --state), like a real
 * server keeps them, so the state file holds nothing a client could use.
 */
class OAuthServer final
{
public:
    using Clock = std::function<QDateTime()>;
    /** Returns the user id for these credentials, or nothing. */
    using CredentialCheck = std::function<std::optional<qint64>(const QString &email, const QString &password)>;

    struct Settings
    {
        qint64 accessTtlSeconds = 3600;
        qint64 refreshTtlSeconds = 2592000;
        /** Shown on the sign-in page so a demo user knows what to type. */
        QString demoEmail;
        QString demoPassword;
        /** --auto-consent: the sign-in and consent pages submit themselves (demo account, Allow). */
        bool autoConsent = false;
        /** --revocation: serve RFC 8414 metadata naming an RFC 7009 revocation endpoint (Aries documents none). */
        bool revocation = false;
        /**
         * --record-secrets: keep every code issued, verifier received and token issued in plain text, so a
         * test can look for them where they must never appear (files, logs, process arguments). Off by
         * default: a real server keeps only hashes, and so does the sandbox.
         */
        bool recordSecrets = false;
    };

    OAuthServer(Settings settings, CredentialCheck checkCredentials, Clock clock);

    void addClient(const QString &clientId, const QString &redirectUri, bool active = true);

    PageResult authorize(const QUrlQuery &query);
    PageResult login(const QUrlQuery &form);
    PageResult consent(const QUrlQuery &form);
    TokenResult token(const QByteArray &jsonBody);
    /**
     * RFC 7009: revokes the token in the form body and every token of the same grant (a refresh token's
     * access tokens too). 200 also for unknown tokens, as the RFC says; 400 invalid_request without a
     * token; 400 unauthorized_client when the token belongs to another client. Only with --revocation.
     */
    TokenResult revoke(const QUrlQuery &form);
    /** RFC 8414 metadata for @p issuer (the sandbox's base URL). */
    nlohmann::json metadata(const QString &issuer) const;
    bool revocationEnabled() const { return m_settings.revocation; }

    /** The grant behind "Bearer TOKEN" (the whole header value), or nothing when missing, unknown, expired or revoked.
     */
    std::optional<TokenGrant> authenticate(QByteArrayView authorizationHeader) const;
    /** Revokes every access and refresh token of @p userId, or of everybody when not given. */
    void revokeTokens(std::optional<qint64> userId = std::nullopt);

    /** Successful grants by grant type ("authorization_code", "refresh_token"). */
    const QMap<QString, int> &grantCounts() const { return m_grantCounts; }
    void resetCounts() { m_grantCounts.clear(); }

    /** With --record-secrets: every code, verifier and token seen so far, oldest first; otherwise empty. */
    const QList<QByteArray> &recordedSecrets() const { return m_recordedSecrets; }

    /** Tokens (hashed), codes and remembered consents, for --state. */
    nlohmann::json toJson() const;
    void restore(const nlohmann::json &state);

private:
    struct Client
    {
        QStringList redirectUris;
        bool active = true;
    };
    struct PendingRequest
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString state;
        QString codeChallenge;
        QDateTime expires;
        qint64 userId = 0; ///< Set once signed in
        QString email; ///< Set once signed in, shown on the consent page
        bool signedIn = false;
    };
    struct Code
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString codeChallenge;
        qint64 userId = 0;
        QDateTime expires;
        bool used = false;
    };
    struct Token
    {
        qint64 userId = 0;
        QString clientId;
        QStringList scopes;
        QDateTime expires;
        bool revoked = false;
        QByteArray fromCodeHash; ///< The code it was issued from, so a replayed code can revoke it
    };

    /** Drops expired requests, codes and tokens; runs at most once a minute of sandbox time. */
    void prune();
    TokenResult exchangeCode(const nlohmann::json &body);
    TokenResult refresh(const nlohmann::json &body);
    PageResult redirectWithCode(const PendingRequest &request, const QStringList &scopes);
    PageResult redirectWithError(
        const QString &redirectUri, const QString &error, const QString &description, const QString &state) const;
    void recordSecret(const QByteArray &secret);
    TokenResult issueTokens(
        qint64 userId, const QString &clientId, const QStringList &scopes, const QByteArray &codeHash);
    static TokenResult tokenError(int status, const QString &error, const QString &description);

    Settings m_settings;
    CredentialCheck m_checkCredentials;
    Clock m_clock;
    QHash<QString, Client> m_clients;
    QHash<QString, PendingRequest> m_pending; // by rid
    QHash<QByteArray, Code> m_codes; // by SHA-256 of the code
    QHash<QByteArray, Token> m_accessTokens; // by SHA-256 of the token
    QHash<QByteArray, Token> m_refreshTokens; // by SHA-256 of the token
    QHash<QString, QStringList> m_consents; // "userId|clientId" -> scopes allowed before
    QMap<QString, int> m_grantCounts;
    QList<QByteArray> m_recordedSecrets;
    QDateTime m_nextPrune;
};

} // namespace Companion::Sandbox
