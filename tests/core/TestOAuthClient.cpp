// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/OAuthClient.h"
#include "auth/Pkce.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Companion;
using namespace Companion::Auth;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using Code = AuthError::Code;
using TokenResult = Expected<TokenSet, AuthError>;

Q_DECLARE_METATYPE(Companion::Auth::AuthError::Code)

namespace {

const QString kRedirect = QStringLiteral("https://mcp.aries.com/auth/callback");
// A second client whose registered redirect URIs differ only by a trailing slash.
const QString kSecondClient = QStringLiteral("second-client");
const QString kSlashRedirect = QStringLiteral("https://mcp.aries.com/auth/callback/");
const QString kInactiveClient = QStringLiteral("sleepy-client");
// A user who only ever denies, so the consent page always appears for them.
const QString kDenyUser = QStringLiteral("deny@aries.example");
const QString kDenyPassword = QStringLiteral("deny-password");

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

QString describe(const TokenResult &result)
{
    if (result) {
        return QStringLiteral("tokens");
    }
    return QStringLiteral("error %1 (%2): %3")
        .arg(int(result.error().code))
        .arg(result.error().oauthErrorCode(), result.error().detail);
}

} // namespace

class TestOAuthClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void beginAuthorization_config_urlCarriesEveryParameter();
    void beginAuthorization_specialCharacters_areEncodedAndRoundTrip();
    void beginAuthorization_twice_givesFreshStateAndVerifier();
    void codeFromRedirect_cases_data();
    void codeFromRedirect_cases();
    void signIn_fullFlow_exchangesAndRefreshesWithRotation();
    void signIn_stateChanged_isStateMismatch();
    void signIn_forgedErrorWithOtherState_isStateMismatch();
    void signIn_otherRegisteredRedirect_isConsentFailed();
    void signIn_deny_isAccessDenied();
    void exchangeCode_badClient_isInvalidClient_data();
    void exchangeCode_badClient_isInvalidClient();
    void exchangeCode_expiredCode_isInvalidGrant();
    void exchangeCode_reusedCode_isInvalidGrant();
    void exchangeCode_otherVerifier_isInvalidGrant();
    void exchangeCode_malformedVerifier_isInvalidRequest();
    void exchangeCode_otherRedirectUri_isInvalidGrant();
    void exchangeCode_closedPort_isNetwork();
    void exchangeCode_hangingEndpoint_isTimeout();
    void exchangeCode_serverFault_isMapped_data();
    void exchangeCode_serverFault_isMapped();
    void refresh_unknownToken_isInvalidGrant();
    void refresh_noRefreshToken_isNotSignedInWithoutRequest();
    void exchangeCode_contextDestroyed_dropsCallback();
    void exchangeCode_clientDestroyed_dropsCallback();

private:
    OAuthConfig config(const QString &clientId = {}) const;
    /** Opens @p authorizeUrl as the consent window would and signs in; the redirect Location, empty on failure. */
    QUrl browse(const QUrl &authorizeUrl, const QString &decision = QStringLiteral("allow"), const QString &email = {},
        const QString &password = {});
    /** A fresh authorization code for @p cfg (demo user, allowed), with the pending authorization it belongs to. */
    std::optional<std::pair<QString, OAuthClient::PendingAuthorization>> freshCode(const OAuthConfig &cfg);
    TokenResult exchange(const OAuthConfig &cfg, const QString &code, const QString &verifier);
    TokenResult refresh(const OAuthConfig &cfg, const TokenSet &current);
    /** Waits for the callback of a request that @p start makes; an error result when none came. */
    TokenResult waitFor(const std::function<void(OAuthClient::TokenCallback)> &start, int timeoutMs = 15000);
    int usersMeStatus(const QString &accessToken);
    static void verifyError(const TokenResult &result, Code expected);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<OAuthClient> m_client;
};

void TestOAuthClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxProcess>();
    const QStringList arguments {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--client"),
        kSecondClient + u'=' + kRedirect, QStringLiteral("--client"), kSecondClient + u'=' + kSlashRedirect,
        QStringLiteral("--inactive-client"), kInactiveClient + u'=' + kRedirect, QStringLiteral("--user"),
        kDenyUser + u':' + kDenyPassword};
    QVERIFY2(m_sandbox->start(arguments), qPrintable(m_sandbox->errorString()));
}

void TestOAuthClient::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestOAuthClient::init()
{
    QVERIFY(m_sandbox->clearFaults());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<OAuthClient>(*m_network);
}

void TestOAuthClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    QVERIFY(m_sandbox->clearFaults());
}

OAuthConfig TestOAuthClient::config(const QString &clientId) const
{
    OAuthConfig cfg;
    cfg.clientId = clientId.isEmpty() ? m_sandbox->demoClientId() : clientId;
    cfg.authorizeUrl = m_sandbox->url(QStringLiteral("/oauth2/authorize"));
    cfg.apiBaseUrl = m_sandbox->baseUrl();
    cfg.redirectUri = QUrl(kRedirect);
    return cfg;
}

QUrl TestOAuthClient::browse(
    const QUrl &authorizeUrl, const QString &decision, const QString &email, const QString &password)
{
    SandboxSignIn flow(*m_sandbox);
    const TestHttpResponse page = flow.http().get(authorizeUrl);
    if (page.status != 200) {
        qWarning("authorize page: %s", page.describe().constData());
        return {};
    }
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    TestHttpResponse response = flow.postLogin(rid, email.isEmpty() ? m_sandbox->demoUser() : email,
        password.isEmpty() ? m_sandbox->demoPassword() : password);
    if (response.status == 200 && response.body.contains("/oauth2/authorize/consent")) {
        const QString consentRid = SandboxSignIn::hiddenInput(response.body, QStringLiteral("rid"));
        response = flow.postConsent(consentRid.isEmpty() ? rid : consentRid, decision,
            SandboxSignIn::checkboxValues(response.body, QStringLiteral("scope")));
    }
    if (response.status != 302 || response.location.isEmpty()) {
        qWarning("sign-in did not redirect: %s", response.describe().constData());
        return {};
    }
    return response.location;
}

std::optional<std::pair<QString, OAuthClient::PendingAuthorization>> TestOAuthClient::freshCode(const OAuthConfig &cfg)
{
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);
    const QUrl location = browse(pending.url);
    const auto code = OAuthClient::codeFromRedirect(location, pending, cfg);
    if (!code) {
        qWarning("no code: %s", qPrintable(code.error().userMessage()));
        return std::nullopt;
    }
    return std::pair {*code, pending};
}

TokenResult TestOAuthClient::waitFor(const std::function<void(OAuthClient::TokenCallback)> &start, int timeoutMs)
{
    std::optional<TokenResult> result;
    int calls = 0;
    start([&result, &calls](TokenResult r) {
        ++calls;
        result = std::move(r);
    });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs)) {
        return Unexpected(AuthError {Code::ConsentFailed, QStringLiteral("test: no callback")});
    }
    // Exactly one answer per request.
    QTest::qWait(20);
    if (calls != 1) {
        return Unexpected(AuthError {Code::ConsentFailed, QStringLiteral("test: callback ran %1 times").arg(calls)});
    }
    return *result;
}

TokenResult TestOAuthClient::exchange(const OAuthConfig &cfg, const QString &code, const QString &verifier)
{
    return waitFor([&](OAuthClient::TokenCallback callback) {
        m_client->exchangeCode(cfg, code, verifier, this, std::move(callback));
    });
}

TokenResult TestOAuthClient::refresh(const OAuthConfig &cfg, const TokenSet &current)
{
    return waitFor(
        [&](OAuthClient::TokenCallback callback) { m_client->refresh(cfg, current, this, std::move(callback)); });
}

int TestOAuthClient::usersMeStatus(const QString &accessToken)
{
    return m_sandbox->http().get(m_sandbox->url(QStringLiteral("/v1/users/me")), {bearer(accessToken)}).status;
}

void TestOAuthClient::verifyError(const TokenResult &result, Code expected)
{
    QVERIFY2(!result.has_value(), "expected an error, got tokens");
    QVERIFY2(result.error().code == expected, qPrintable(describe(result)));
    QVERIFY(!result.error().userMessage().isEmpty());
}

void TestOAuthClient::beginAuthorization_config_urlCarriesEveryParameter()
{
    const OAuthConfig cfg = config();
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);

    QCOMPARE(pending.url.adjusted(QUrl::RemoveQuery), cfg.authorizeUrl);
    const QUrlQuery query(pending.url);
    QCOMPARE(query.queryItems().size(), 7);
    QCOMPARE(queryValue(pending.url, QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(queryValue(pending.url, QStringLiteral("client_id")), cfg.clientId);
    QCOMPARE(queryValue(pending.url, QStringLiteral("redirect_uri")), kRedirect);
    QCOMPARE(queryValue(pending.url, QStringLiteral("scope")), cfg.scopes.join(u' '));
    QCOMPARE(queryValue(pending.url, QStringLiteral("scope")).split(u' '), OAuthConfig::defaultScopes());
    QCOMPARE(queryValue(pending.url, QStringLiteral("state")), pending.state);
    QCOMPARE(queryValue(pending.url, QStringLiteral("code_challenge")), Pkce::challengeFor(pending.verifier));
    QCOMPARE(queryValue(pending.url, QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(pending.verifier.size(), 43);
    QCOMPARE(pending.state.size(), 32);
    // The verifier stays here: nothing in the URL gives it away.
    QVERIFY(!pending.url.toString(QUrl::FullyEncoded).contains(pending.verifier));
}

void TestOAuthClient::beginAuthorization_specialCharacters_areEncodedAndRoundTrip()
{
    OAuthConfig cfg = config(QStringLiteral("a+b&c=d é"));
    cfg.authorizeUrl = QUrl(QStringLiteral("https://app.aries.com/oauth2/authorize?prompt=login"));
    cfg.scopes = {QStringLiteral("user:information"), QStringLiteral("x+y")};
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);

    const QString encoded = pending.url.toString(QUrl::FullyEncoded);
    // A '+' left bare would read as a space on the server.
    QVERIFY2(encoded.contains(QStringLiteral("client_id=a%2Bb%26c%3Dd%20%C3%A9")), qPrintable(encoded));
    QVERIFY2(encoded.contains(QStringLiteral("scope=user%3Ainformation%20x%2By")), qPrintable(encoded));
    QCOMPARE(queryValue(pending.url, QStringLiteral("client_id")), cfg.clientId);
    QCOMPARE(queryValue(pending.url, QStringLiteral("scope")), QStringLiteral("user:information x+y"));
    QCOMPARE(queryValue(pending.url, QStringLiteral("prompt")), QStringLiteral("login"));
}

void TestOAuthClient::beginAuthorization_twice_givesFreshStateAndVerifier()
{
    const auto first = m_client->beginAuthorization(config());
    const auto second = m_client->beginAuthorization(config());
    QVERIFY(first.state != second.state);
    QVERIFY(first.verifier != second.verifier);
    QVERIFY(first.url != second.url);
}

void TestOAuthClient::codeFromRedirect_cases_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("detail");

    const QString base = kRedirect;
    QTest::newRow("code and state") << base + "?code=abc%2B1&state=S" << true << Code::ServerError << "abc+1";
    QTest::newRow("extra parameters ignored")
        << base + "?code=abc&state=S&iss=aries" << true << Code::ServerError << "abc";
    QTest::newRow("state differs") << base + "?code=abc&state=T" << false << Code::StateMismatch << QString();
    QTest::newRow("state missing") << base + "?code=abc" << false << Code::StateMismatch << QString();
    QTest::newRow("state empty") << base + "?code=abc&state=" << false << Code::StateMismatch << QString();
    QTest::newRow("state differs in case") << base + "?code=abc&state=s" << false << Code::StateMismatch << QString();
    QTest::newRow("error with another state")
        << base + "?error=access_denied&error_description=Forged&state=T" << false << Code::StateMismatch << QString();
    QTest::newRow("error without state") << base + "?error=invalid_scope" << false << Code::StateMismatch << QString();
    QTest::newRow("access_denied") << base + "?error=access_denied&error_description=The+user+said+no&state=S" << false
                                   << Code::AccessDenied << "The+user+said+no";
    QTest::newRow("access_denied, encoded description")
        << base + "?error=access_denied&error_description=The%20user%20said%20no&state=S" << false << Code::AccessDenied
        << "The user said no";
    QTest::newRow("invalid_scope") << base + "?error=invalid_scope&state=S" << false << Code::InvalidScope << QString();
    QTest::newRow("error wins over code")
        << base + "?code=abc&error=server_error&state=S" << false << Code::ServerError << QString();
    QTest::newRow("unknown error") << base + "?error=login_required&state=S" << false << Code::ServerError
                                   << "login_required";
    QTest::newRow("no code") << base + "?state=S" << false << Code::InvalidRequest << QString();
    QTest::newRow("empty code") << base + "?code=&state=S" << false << Code::InvalidRequest << QString();
    QTest::newRow("trailing slash") << kSlashRedirect + "?code=abc&state=S" << false << Code::ConsentFailed
                                    << QString();
    QTest::newRow("other path") << "https://mcp.aries.com/auth/other?code=abc&state=S" << false << Code::ConsentFailed
                                << QString();
    QTest::newRow("other host") << "https://evil.example/auth/callback?code=abc&state=S" << false << Code::ConsentFailed
                                << QString();
    QTest::newRow("subdomain") << "https://mcp.aries.com.evil.example/auth/callback?code=abc&state=S" << false
                               << Code::ConsentFailed << QString();
    QTest::newRow("http instead of https")
        << "http://mcp.aries.com/auth/callback?code=abc&state=S" << false << Code::ConsentFailed << QString();
    QTest::newRow("explicit port") << "https://mcp.aries.com:8443/auth/callback?code=abc&state=S" << false
                                   << Code::ConsentFailed << QString();
    QTest::newRow("the sign-in page itself")
        << "https://app.aries.com/oauth2/authorize?state=S" << false << Code::ConsentFailed << QString();
    QTest::newRow("empty URL") << QString() << false << Code::ConsentFailed << QString();
}

void TestOAuthClient::codeFromRedirect_cases()
{
    QFETCH(QString, redirect);
    QFETCH(bool, ok);
    QFETCH(Code, code);
    QFETCH(QString, detail);

    OAuthClient::PendingAuthorization pending;
    pending.state = QStringLiteral("S");
    pending.verifier = QStringLiteral("verifier");
    const auto result = OAuthClient::codeFromRedirect(QUrl(redirect), pending, config());
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        QCOMPARE(*result, detail);
        return;
    }
    QCOMPARE(result.error().code, code);
    if (!detail.isEmpty()) {
        QVERIFY2(result.error().detail.contains(detail), qPrintable(result.error().detail));
    }
}

void TestOAuthClient::signIn_fullFlow_exchangesAndRefreshesWithRotation()
{
    const OAuthConfig cfg = config();
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);
    const QUrl location = browse(pending.url);
    QVERIFY(!location.isEmpty());
    const auto code = OAuthClient::codeFromRedirect(location, pending, cfg);
    QVERIFY2(code.has_value(), qPrintable(code ? QString() : code.error().userMessage()));

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const TokenResult first = exchange(cfg, *code, pending.verifier);
    QVERIFY2(first.has_value(), qPrintable(describe(first)));
    const TokenSet tokens = *first;
    QVERIFY(tokens.hasAccessToken());
    QVERIFY(tokens.hasRefreshToken());
    QStringList granted = tokens.scopes;
    granted.sort();
    QStringList requested = cfg.scopes;
    requested.sort();
    QCOMPARE(granted, requested);
    QVERIFY(tokens.obtainedAt >= before.addSecs(-1));
    QVERIFY(tokens.obtainedAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(tokens.accessExpiresAt, tokens.obtainedAt.addSecs(3600));
    QCOMPARE(tokens.refreshExpiresAt, tokens.obtainedAt.addSecs(2592000));
    QCOMPARE(tokens.connectedSince, tokens.obtainedAt);
    QCOMPARE(usersMeStatus(tokens.accessToken), 200);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("authorization_code")) > 0, true);

    // Refresh: a new pair; connectedSince stays.
    QTest::qWait(5);
    const TokenResult second = refresh(cfg, tokens);
    QVERIFY2(second.has_value(), qPrintable(describe(second)));
    QVERIFY(second->hasAccessToken());
    QVERIFY(second->hasRefreshToken());
    QVERIFY(second->accessToken != tokens.accessToken);
    QVERIFY(second->refreshToken != tokens.refreshToken);
    QCOMPARE(second->connectedSince, tokens.connectedSince);
    QVERIFY(second->obtainedAt >= tokens.obtainedAt);
    QCOMPARE(usersMeStatus(second->accessToken), 200);

    // Rotation: the refresh token used before is rejected; the new one works.
    verifyError(refresh(cfg, tokens), Code::InvalidGrant);
    const TokenResult third = refresh(cfg, *second);
    QVERIFY2(third.has_value(), qPrintable(describe(third)));
    QCOMPARE(third->connectedSince, tokens.connectedSince);
    QCOMPARE(usersMeStatus(third->accessToken), 200);
}

void TestOAuthClient::signIn_stateChanged_isStateMismatch()
{
    const OAuthConfig cfg = config();
    OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);
    const QUrl location = browse(pending.url);
    QVERIFY(!location.isEmpty());
    QVERIFY(!queryValue(location, QStringLiteral("code")).isEmpty());

    OAuthClient::PendingAuthorization other = pending;
    other.state = Pkce::generateState();
    const auto code = OAuthClient::codeFromRedirect(location, other, cfg);
    QVERIFY(!code.has_value());
    QCOMPARE(code.error().code, Code::StateMismatch);
    // The real pending authorization still takes it.
    QVERIFY(OAuthClient::codeFromRedirect(location, pending, cfg).has_value());
}

void TestOAuthClient::signIn_forgedErrorWithOtherState_isStateMismatch()
{
    const OAuthConfig cfg = config();
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);
    QUrl forged(kRedirect);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_client"));
    query.addQueryItem(QStringLiteral("error_description"), QStringLiteral("Call%20this%20number"));
    query.addQueryItem(QStringLiteral("state"), Pkce::generateState());
    forged.setQuery(query);
    const auto code = OAuthClient::codeFromRedirect(forged, pending, cfg);
    QVERIFY(!code.has_value());
    QCOMPARE(code.error().code, Code::StateMismatch);
    QVERIFY(!code.error().userMessage().contains(QStringLiteral("number")));
}

void TestOAuthClient::signIn_otherRegisteredRedirect_isConsentFailed()
{
    // The client has both ".../callback" and ".../callback/" registered; the sign-in uses the second one, but the
    // app expects the first. Aries redirects for real, and the app must not take that code.
    OAuthConfig signInConfig = config(kSecondClient);
    signInConfig.redirectUri = QUrl(kSlashRedirect);
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(signInConfig);
    const QUrl location = browse(pending.url);
    QVERIFY(!location.isEmpty());
    QCOMPARE(location.adjusted(QUrl::RemoveQuery), QUrl(kSlashRedirect));
    QVERIFY(!queryValue(location, QStringLiteral("code")).isEmpty());

    const auto code = OAuthClient::codeFromRedirect(location, pending, config(kSecondClient));
    QVERIFY(!code.has_value());
    QCOMPARE(code.error().code, Code::ConsentFailed);
    // With the matching configuration the same redirect is fine.
    QVERIFY(OAuthClient::codeFromRedirect(location, pending, signInConfig).has_value());
}

void TestOAuthClient::signIn_deny_isAccessDenied()
{
    const OAuthConfig cfg = config();
    const OAuthClient::PendingAuthorization pending = m_client->beginAuthorization(cfg);
    const QUrl location = browse(pending.url, QStringLiteral("deny"), kDenyUser, kDenyPassword);
    QVERIFY(!location.isEmpty());
    QCOMPARE(queryValue(location, QStringLiteral("error")), QStringLiteral("access_denied"));

    const auto code = OAuthClient::codeFromRedirect(location, pending, cfg);
    QVERIFY(!code.has_value());
    QCOMPARE(code.error().code, Code::AccessDenied);
    QCOMPARE(code.error().detail, queryValue(location, QStringLiteral("error_description")));
    QVERIFY(code.error().userMessage().contains(QStringLiteral("Allow")));
    QVERIFY(!code.error().isTransient());
}

void TestOAuthClient::exchangeCode_badClient_isInvalidClient_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::newRow("unknown client") << QStringLiteral("no-such-client");
    QTest::newRow("inactive client") << kInactiveClient;
}

void TestOAuthClient::exchangeCode_badClient_isInvalidClient()
{
    QFETCH(QString, clientId);
    const auto issued = freshCode(config());
    QVERIFY(issued);
    const TokenResult result = exchange(config(clientId), issued->first, issued->second.verifier);
    verifyError(result, Code::InvalidClient);
    QVERIFY(!result.error().isTransient());
    // The code is still good for its own client.
    QVERIFY(exchange(config(), issued->first, issued->second.verifier).has_value());
}

void TestOAuthClient::exchangeCode_expiredCode_isInvalidGrant()
{
    const auto issued = freshCode(config());
    QVERIFY(issued);
    QVERIFY(m_sandbox->advanceClock(601));
    verifyError(exchange(config(), issued->first, issued->second.verifier), Code::InvalidGrant);
}

void TestOAuthClient::exchangeCode_reusedCode_isInvalidGrant()
{
    const auto issued = freshCode(config());
    QVERIFY(issued);
    const TokenResult first = exchange(config(), issued->first, issued->second.verifier);
    QVERIFY2(first.has_value(), qPrintable(describe(first)));
    const TokenResult second = exchange(config(), issued->first, issued->second.verifier);
    verifyError(second, Code::InvalidGrant);
    QVERIFY(second.error().userMessage().contains(QStringLiteral("already used")));
}

void TestOAuthClient::exchangeCode_otherVerifier_isInvalidGrant()
{
    const auto issued = freshCode(config());
    QVERIFY(issued);
    verifyError(exchange(config(), issued->first, Pkce::generateVerifier()), Code::InvalidGrant);
}

void TestOAuthClient::exchangeCode_malformedVerifier_isInvalidRequest()
{
    const auto issued = freshCode(config());
    QVERIFY(issued);
    verifyError(exchange(config(), issued->first, QStringLiteral("short")), Code::InvalidRequest);
}

void TestOAuthClient::exchangeCode_otherRedirectUri_isInvalidGrant()
{
    const auto issued = freshCode(config());
    QVERIFY(issued);
    OAuthConfig other = config();
    other.redirectUri = QUrl(kSlashRedirect);
    verifyError(exchange(other, issued->first, issued->second.verifier), Code::InvalidGrant);
}

void TestOAuthClient::exchangeCode_closedPort_isNetwork()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        port = server.serverPort();
    }
    OAuthConfig cfg = config();
    cfg.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    const TokenResult result = exchange(cfg, QStringLiteral("code"), Pkce::generateVerifier());
    verifyError(result, Code::Network);
    QVERIFY(!result.error().detail.isEmpty());
    QVERIFY(result.error().isTransient());
    QVERIFY(result.error().userMessage().contains(result.error().detail));
}

void TestOAuthClient::exchangeCode_hangingEndpoint_isTimeout()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/oauth2/token"), QStringLiteral("hang"), 1));
    m_client->setTimeout(300ms);
    QElapsedTimer timer;
    timer.start();
    const TokenResult result = exchange(config(), QStringLiteral("code"), Pkce::generateVerifier());
    verifyError(result, Code::Timeout);
    QVERIFY(result.error().isTransient());
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestOAuthClient::exchangeCode_serverFault_isMapped_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Code>("code");
    QTest::newRow("500") << 500 << Code::ServerError;
    QTest::newRow("503") << 503 << Code::ServerError;
    QTest::newRow("401 with a body that is not RFC 6749") << 401 << Code::InvalidClient;
    QTest::newRow("429") << 429 << Code::ServerError;
}

void TestOAuthClient::exchangeCode_serverFault_isMapped()
{
    QFETCH(int, status);
    QFETCH(Code, code);
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/oauth2/token"), QStringLiteral("error"), 1, status));
    const TokenResult result = exchange(config(), QStringLiteral("code"), Pkce::generateVerifier());
    verifyError(result, code);
    if (status >= 500) {
        QVERIFY(result.error().detail.contains(QString::number(status)));
    }
}

void TestOAuthClient::refresh_unknownToken_isInvalidGrant()
{
    TokenSet current;
    current.accessToken = QStringLiteral("whatever");
    current.refreshToken = QStringLiteral("not-a-refresh-token");
    verifyError(refresh(config(), current), Code::InvalidGrant);
}

void TestOAuthClient::refresh_noRefreshToken_isNotSignedInWithoutRequest()
{
    QVERIFY(m_sandbox->resetStats());
    TokenSet current;
    current.accessToken = QStringLiteral("whatever");
    bool calledSynchronously = false;
    bool inCall = true;
    const TokenResult result = waitFor([&](OAuthClient::TokenCallback callback) {
        m_client->refresh(config(), current, this, [&, callback](TokenResult r) {
            calledSynchronously = inCall;
            callback(std::move(r));
        });
        inCall = false;
    });
    verifyError(result, Code::NotSignedIn);
    QVERIFY(!calledSynchronously);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 0);
}

void TestOAuthClient::exchangeCode_contextDestroyed_dropsCallback()
{
    QVERIFY(m_sandbox->resetStats());
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_client->exchangeCode(config(), QStringLiteral("code"), Pkce::generateVerifier(), context.get(),
        [&called](TokenResult) { called = true; });
    context.reset();
    // The request still completes (the sandbox answers it); only the callback is dropped.
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 1, 10000);
    QTest::qWait(200);
    QVERIFY(!called);
}

void TestOAuthClient::exchangeCode_clientDestroyed_dropsCallback()
{
    QVERIFY(m_sandbox->resetStats());
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/oauth2/token"), QStringLiteral("hang"), 1));
    bool called = false;
    m_client->exchangeCode(
        config(), QStringLiteral("code"), Pkce::generateVerifier(), this, [&called](TokenResult) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 1, 10000);
    m_client.reset();
    QTest::qWait(300);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "TestOAuthClient.moc"
