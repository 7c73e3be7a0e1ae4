// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestHttpClient.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace Companion::Testing {

class SandboxProcess;

/** Every scope docs/sandbox.md lists. */
const QStringList &allSandboxScopes();

/** A PKCE verifier and its S256 challenge (RFC 7636). */
struct PkcePair
{
    QString verifier; ///< 64 random characters from the unreserved set
    QString challenge; ///< base64url(SHA-256(verifier)), no padding
    static PkcePair generate();
    static QString challengeFor(const QString &verifier);
};

/** The query of GET /oauth2/authorize; an empty field is left out of the URL. */
struct AuthorizeRequest
{
    QString responseType = QStringLiteral("code");
    QString clientId;
    QString redirectUri;
    QString scope; ///< Space separated
    QString state;
    QString codeChallenge;
    QString codeChallengeMethod = QStringLiteral("S256");
    QString codeVerifier; ///< Not sent; kept for the token exchange
};

/** Where the sign-in flow ended. */
struct SignInResult
{
    TestHttpResponse response; ///< The last response of the flow
    QUrl location; ///< The redirect, empty when the flow did not redirect
    QString code;
    QString state;
    QString error;
    QString errorDescription;
    QString rid; ///< The pending request id taken from the sign-in page
    bool isRedirect() const { return response.status == 302 && !location.isEmpty(); }
};

/** The useful part of a token response. */
struct SandboxTokens
{
    QString accessToken;
    QString refreshToken;
    QString scope;
    nlohmann::json raw;
    bool isValid() const { return !accessToken.isEmpty(); }
};

/**
 * Drives the sandbox's sign-in pages as a browser does, with plain form posts: the authorize page,
 * the sign-in form (hidden rid, email, password), the consent form (scope checkboxes, decision), and
 * the redirect to the client's redirect URI, which is read from the Location header and not followed.
 */
class SandboxSignIn final
{
public:
    explicit SandboxSignIn(SandboxProcess &sandbox);

    /** A request for the demo client and redirect URI with a fresh PKCE pair and random state. */
    AuthorizeRequest demoRequest(const QStringList &scopes = allSandboxScopes()) const;
    QUrl authorizeUrl(const AuthorizeRequest &request) const;

    TestHttpResponse openAuthorize(const AuthorizeRequest &request);
    TestHttpResponse postLogin(const QString &rid, const QString &email, const QString &password);
    /** @p scopes are the checked boxes; each is sent as one "scope" field. */
    TestHttpResponse postConsent(const QString &rid, const QString &decision, const QStringList &scopes);

    /**
     * The whole browser part: authorize page, sign-in, and (when the consent page appears) the consent
     * form with @p decision and the checked scopes @p consentScopes (all the page offers when empty).
     * Stops at the first response that is neither the expected page nor the final redirect.
     */
    SignInResult run(const AuthorizeRequest &request, const QString &email, const QString &password,
        const QString &decision = QStringLiteral("allow"), const QStringList &consentScopes = {});
    /** run() with the demo user's credentials. */
    SignInResult run(const AuthorizeRequest &request, const QString &decision = QStringLiteral("allow"),
        const QStringList &consentScopes = {});

    /** POST /v1/oauth2/token with the authorization_code grant. */
    TestHttpResponse exchangeCode(
        const QString &code, const QString &verifier, const QString &clientId, const QString &redirectUri);
    TestHttpResponse exchangeCode(const SignInResult &result, const AuthorizeRequest &request);
    /** POST /v1/oauth2/token with the refresh_token grant. */
    TestHttpResponse refresh(const QString &refreshToken, const QString &clientId);

    /** One call for tests that just need a token: demo user, demo client, @p scopes all allowed. */
    static SandboxTokens signIn(SandboxProcess &sandbox, const QStringList &scopes = allSandboxScopes());
    /** Like signIn() with another user's credentials. */
    static SandboxTokens signIn(SandboxProcess &sandbox, const QString &email, const QString &password,
        const QStringList &scopes = allSandboxScopes(), const QStringList &consentScopes = {});
    static SandboxTokens tokensFrom(const TestHttpResponse &response);

    /** Value of the hidden input called @p name in an HTML page, HTML-unescaped; empty when absent. */
    static QString hiddenInput(const QByteArray &html, const QString &name);
    /** The value attributes of every checkbox input called @p name. */
    static QStringList checkboxValues(const QByteArray &html, const QString &name);
    static QString randomToken(int length);

    TestHttpClient &http() { return m_http; }

private:
    SignInResult finish(SignInResult result) const;

    SandboxProcess &m_sandbox;
    TestHttpClient m_http;
};

} // namespace Companion::Testing
