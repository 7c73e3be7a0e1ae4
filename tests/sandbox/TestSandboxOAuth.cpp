// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Companion::Testing;

namespace {

const QString kSecondClient = QStringLiteral("second-client");
const QString kSecondRedirect = QStringLiteral("http://127.0.0.1:7777/callback");
const QString kSecondAltRedirect = QStringLiteral("http://localhost:7777/other-callback");
const QString kInactiveClient = QStringLiteral("sleepy-client");
const QString kInactiveRedirect = QStringLiteral("http://127.0.0.1:7778/callback");

QStringList sharedArguments()
{
    return {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--client"),
        kSecondClient + u'=' + kSecondRedirect, QStringLiteral("--client"), kSecondClient + u'=' + kSecondAltRedirect,
        QStringLiteral("--inactive-client"), kInactiveClient + u'=' + kInactiveRedirect};
}

} // namespace

class TestSandboxOAuth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void startup_printsContractLines();
    void signIn_fullFlowWithPkce_issuesWorkingTokens();
    void token_codeGrantTypeAlias_isAccepted();
    void signIn_secondTime_redirectsStraightAfterLogin();
    void signIn_moreScopesThanAllowedBefore_asksAgain();
    void authorize_badClient_isErrorPageWithoutRedirect_data();
    void authorize_badClient_isErrorPageWithoutRedirect();
    void authorize_redirectUriMismatch_isErrorPageWithoutRedirect_data();
    void authorize_redirectUriMismatch_isErrorPageWithoutRedirect();
    void authorize_badRequest_redirectsWithError_data();
    void authorize_badRequest_redirectsWithError();
    void login_wrongCredentials_showsSignInAgain_data();
    void login_wrongCredentials_showsSignInAgain();
    void authorize_clientWithTwoRedirectUris_acceptsBoth_data();
    void authorize_clientWithTwoRedirectUris_acceptsBoth();
    void login_unknownRid_isInvalidRequest();
    void login_expiredRid_isInvalidRequest();
    void consent_deny_redirectsAccessDenied();
    void consent_scopeSubset_tokenCarriesOnlyThose();
    void consent_noScopeChecked_grantsAllRequested();
    void token_badClient_isInvalidClient_data();
    void token_badClient_isInvalidClient();
    void token_badCodeExchange_isRejected_data();
    void token_badCodeExchange_isRejected();
    void token_reusedCode_isInvalidGrantAndRevokesItsTokens();
    void token_expiredCode_isInvalidGrant();
    void token_codeOfAnotherClient_isInvalidGrant();
    void token_unsupportedGrantType_isRejected_data();
    void token_unsupportedGrantType_isRejected();
    void token_bodyNotJsonObject_isInvalidRequest_data();
    void token_bodyNotJsonObject_isInvalidRequest();
    void refresh_rotates_oldTokenRejectedNewWorks();
    void refresh_badToken_isInvalidGrant_data();
    void refresh_badToken_isInvalidGrant();
    void accessToken_afterAccessTtl_isUnauthorized();
    void accessToken_revokedViaControlApi_isUnauthorized_data();
    void accessToken_revokedViaControlApi_isUnauthorized();
    void stats_countGrants();

private:
    /** A new sandbox with the shared arguments plus @p extra; fails the test when it does not start. */
    std::unique_ptr<SandboxProcess> startSandbox(const QStringList &extra = {});
    static TestHttpResponse usersMe(SandboxProcess &sandbox, const QString &accessToken);
    static void verifyTokenError(const TestHttpResponse &response, int status, const char *error);
    static void verifyUnauthorized(const TestHttpResponse &response);

    std::unique_ptr<SandboxProcess> m_shared; ///< For tests that do not care about remembered consent or the clock
};

std::unique_ptr<SandboxProcess> TestSandboxOAuth::startSandbox(const QStringList &extra)
{
    auto sandbox = std::make_unique<SandboxProcess>();
    if (!sandbox->start(sharedArguments() + extra)) {
        qWarning("%s", qPrintable(sandbox->errorString()));
        return nullptr;
    }
    return sandbox;
}

TestHttpResponse TestSandboxOAuth::usersMe(SandboxProcess &sandbox, const QString &accessToken)
{
    return sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me")), {bearer(accessToken)});
}

void TestSandboxOAuth::verifyTokenError(const TestHttpResponse &response, int status, const char *error)
{
    QVERIFY2(response.status == status, response.describe().constData());
    const auto body = response.json();
    QVERIFY2(body.is_object(), response.describe().constData());
    QCOMPARE(jsonText(body, "error"), QString::fromLatin1(error));
    QVERIFY2(
        body.contains("error_description") && body["error_description"].is_string(), response.describe().constData());
}

void TestSandboxOAuth::verifyUnauthorized(const TestHttpResponse &response)
{
    QVERIFY2(response.status == 401, response.describe().constData());
    const auto body = response.json();
    QCOMPARE(jsonText(body, "error"), QStringLiteral("unauthorized"));
    QCOMPARE(jsonText(body, "message"), QStringLiteral("Invalid or expired token"));
    QCOMPARE(response.header("WWW-Authenticate"), QByteArrayLiteral("Bearer error=\"invalid_token\""));
}

void TestSandboxOAuth::initTestCase()
{
    m_shared = startSandbox();
    QVERIFY(m_shared);
}

void TestSandboxOAuth::cleanupTestCase()
{
    m_shared.reset();
}

void TestSandboxOAuth::startup_printsContractLines()
{
    const QStringList lines = m_shared->startupLines();
    QCOMPARE(lines.size(), 5);
    static const QRegularExpression listening(QStringLiteral("^listening on http://127\\.0\\.0\\.1:([1-9]\\d*)$"));
    const auto match = listening.match(lines.at(0));
    QVERIFY2(match.hasMatch(), qPrintable(lines.at(0)));
    QCOMPARE(match.captured(1).toUInt(), uint(m_shared->port()));
    QCOMPARE(lines.at(1), QStringLiteral("demo client id: sandbox-demo-client"));
    QCOMPARE(lines.at(2), QStringLiteral("demo redirect uri: https://mcp.aries.com/auth/callback"));
    QCOMPARE(lines.at(3), QStringLiteral("demo user: demo@aries.example"));
    QCOMPARE(lines.at(4), QStringLiteral("demo password: sandbox"));
    QVERIFY(m_shared->health());
}

void TestSandboxOAuth::signIn_fullFlowWithPkce_issuesWorkingTokens()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const QStringList scopes {QStringLiteral("user:information"), QStringLiteral("account:information")};
    const AuthorizeRequest request = flow.demoRequest(scopes);

    // The sign-in page.
    const auto page = flow.openAuthorize(request);
    QVERIFY2(page.status == 200, page.describe().constData());
    QVERIFY(page.body.contains("action=\"/oauth2/authorize/login\"")
        || page.body.contains("action='/oauth2/authorize/login'"));
    QVERIFY(page.body.contains("name=\"email\"") || page.body.contains("name='email'"));
    QVERIFY(page.body.contains("name=\"password\"") || page.body.contains("name='password'"));
    QVERIFY(page.body.contains("demo@aries.example"));
    QVERIFY(page.body.contains("sandbox"));
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    QVERIFY(!rid.isEmpty());

    // The consent page: one checked checkbox per requested scope, allow and deny buttons.
    const auto consentPage = flow.postLogin(rid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(consentPage.status == 200, consentPage.describe().constData());
    QVERIFY(consentPage.body.contains("/oauth2/authorize/consent"));
    QStringList offered = SandboxSignIn::checkboxValues(consentPage.body, QStringLiteral("scope"));
    offered.sort();
    QStringList expected = scopes;
    expected.sort();
    QCOMPARE(offered, expected);
    QVERIFY(consentPage.body.contains("value=\"allow\"") || consentPage.body.contains("value='allow'"));
    QVERIFY(consentPage.body.contains("value=\"deny\"") || consentPage.body.contains("value='deny'"));
    QCOMPARE(SandboxSignIn::hiddenInput(consentPage.body, QStringLiteral("rid")), rid);

    // Allow: a redirect to the client with a code and the state.
    const auto redirect = flow.postConsent(rid, QStringLiteral("allow"), scopes);
    QVERIFY2(redirect.status == 302, redirect.describe().constData());
    QCOMPARE(redirect.location.adjusted(QUrl::RemoveQuery), QUrl(sandbox->demoRedirectUri()));
    const QUrlQuery query(redirect.location);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), request.state);

    // The token.
    const auto tokenResponse = flow.exchangeCode(code, request.codeVerifier, request.clientId, request.redirectUri);
    QVERIFY2(tokenResponse.status == 200, tokenResponse.describe().constData());
    const auto tokens = tokenResponse.json();
    QVERIFY(tokens["access_token"].is_string() && !tokens["access_token"].get<std::string>().empty());
    QCOMPARE(jsonText(tokens, "token_type"), QStringLiteral("Bearer"));
    QVERIFY(tokens["expires_in"].is_number_integer());
    QCOMPARE(tokens["expires_in"].get<qint64>(), 3600);
    QVERIFY(tokens["refresh_token"].is_string() && !tokens["refresh_token"].get<std::string>().empty());
    QVERIFY(tokens["refresh_token_expires_in"].is_number_integer());
    QCOMPARE(tokens["refresh_token_expires_in"].get<qint64>(), 2592000);
    QStringList granted = jsonText(tokens, "scope").split(u' ', Qt::SkipEmptyParts);
    granted.sort();
    QCOMPARE(granted, expected);

    const QString access = jsonText(tokens, "access_token");
    const auto me = usersMe(*sandbox, access);
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(jsonText(me.json(), "email"), sandbox->demoUser());

    // Refresh: new tokens; the access token issued before stays valid.
    const auto refreshed = flow.refresh(jsonText(tokens, "refresh_token"), request.clientId);
    QVERIFY2(refreshed.status == 200, refreshed.describe().constData());
    const auto newTokens = refreshed.json();
    QCOMPARE(jsonText(newTokens, "token_type"), QStringLiteral("Bearer"));
    QVERIFY(!jsonText(newTokens, "access_token").isEmpty());
    QVERIFY(!jsonText(newTokens, "refresh_token").isEmpty());
    QVERIFY(jsonText(newTokens, "refresh_token") != jsonText(tokens, "refresh_token"));
    QVERIFY(jsonText(newTokens, "access_token") != access);
    QCOMPARE(usersMe(*sandbox, jsonText(newTokens, "access_token")).status, 200);
    QCOMPARE(usersMe(*sandbox, access).status, 200);
}

void TestSandboxOAuth::token_codeGrantTypeAlias_isAccepted()
{
    SandboxSignIn flow(*m_shared);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    const nlohmann::json body {{"grant_type", "code"}, {"code", result.code.toStdString()},
        {"client_id", request.clientId.toStdString()}, {"redirect_uri", request.redirectUri.toStdString()},
        {"code_verifier", request.codeVerifier.toStdString()}};
    const auto response = m_shared->http().postJson(m_shared->url(QStringLiteral("/v1/oauth2/token")), body);
    QVERIFY2(response.status == 200, response.describe().constData());
    QCOMPARE(usersMe(*m_shared, jsonText(response.json(), "access_token")).status, 200);
}

void TestSandboxOAuth::signIn_secondTime_redirectsStraightAfterLogin()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    const QStringList scopes {QStringLiteral("user:information"), QStringLiteral("market:information")};
    QVERIFY(SandboxSignIn::signIn(*sandbox, scopes).isValid());

    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request = flow.demoRequest(scopes);
    const auto page = flow.openAuthorize(request);
    QCOMPARE(page.status, 200);
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    const auto login = flow.postLogin(rid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(login.status == 302, login.describe().constData());
    QCOMPARE(login.location.adjusted(QUrl::RemoveQuery), QUrl(sandbox->demoRedirectUri()));
    const QUrlQuery query(login.location);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), request.state);
    QCOMPARE(flow.exchangeCode(code, request.codeVerifier, request.clientId, request.redirectUri).status, 200);

    // A subset of what was allowed before needs no consent either.
    const AuthorizeRequest subset = flow.demoRequest({QStringLiteral("market:information")});
    const SignInResult again = flow.run(subset, QStringLiteral("deny"));
    QVERIFY2(!again.code.isEmpty(), again.response.describe().constData());
}

void TestSandboxOAuth::signIn_moreScopesThanAllowedBefore_asksAgain()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    QVERIFY(SandboxSignIn::signIn(*sandbox, {QStringLiteral("user:information")}).isValid());

    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request =
        flow.demoRequest({QStringLiteral("user:information"), QStringLiteral("account:information")});
    const auto page = flow.openAuthorize(request);
    QCOMPARE(page.status, 200);
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    const auto login = flow.postLogin(rid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(login.status == 200, login.describe().constData());
    QVERIFY(login.body.contains("/oauth2/authorize/consent"));
}

void TestSandboxOAuth::authorize_badClient_isErrorPageWithoutRedirect_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("unknown client") << QStringLiteral("no-such-client")
                                    << QStringLiteral("https://mcp.aries.com/auth/callback");
    QTest::newRow("inactive client") << kInactiveClient << kInactiveRedirect;
    QTest::newRow("missing client") << QString() << QStringLiteral("https://mcp.aries.com/auth/callback");
}

void TestSandboxOAuth::authorize_badClient_isErrorPageWithoutRedirect()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    SandboxSignIn flow(*m_shared);
    AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    request.clientId = clientId;
    request.redirectUri = redirectUri;
    const auto response = flow.openAuthorize(request);
    QVERIFY2(response.status == 400, response.describe().constData());
    QVERIFY(response.body.contains("invalid_client"));
    QVERIFY(!response.hasHeader("Location"));
}

void TestSandboxOAuth::authorize_redirectUriMismatch_isErrorPageWithoutRedirect_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    const QString demo = QStringLiteral("sandbox-demo-client");
    QTest::newRow("trailing slash") << demo << QStringLiteral("https://mcp.aries.com/auth/callback/");
    QTest::newRow("other path") << demo << QStringLiteral("https://mcp.aries.com/auth/other");
    QTest::newRow("http instead of https") << demo << QStringLiteral("http://mcp.aries.com/auth/callback");
    QTest::newRow("upper-case host") << demo << QStringLiteral("https://MCP.aries.com/auth/callback");
    QTest::newRow("with query") << demo << QStringLiteral("https://mcp.aries.com/auth/callback?x=1");
    QTest::newRow("another client's uri") << demo << kSecondRedirect;
    QTest::newRow("missing") << demo << QString();
    QTest::newRow("second client, demo uri") << kSecondClient << QStringLiteral("https://mcp.aries.com/auth/callback");
}

void TestSandboxOAuth::authorize_redirectUriMismatch_isErrorPageWithoutRedirect()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    SandboxSignIn flow(*m_shared);
    AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    request.clientId = clientId;
    request.redirectUri = redirectUri;
    const auto response = flow.openAuthorize(request);
    QVERIFY2(response.status == 400, response.describe().constData());
    QVERIFY(response.body.contains("redirect_uri_mismatch"));
    QVERIFY(!response.hasHeader("Location"));
}

void TestSandboxOAuth::authorize_badRequest_redirectsWithError_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("response_type token") << "response_type"
                                         << "token"
                                         << "unsupported_response_type";
    QTest::newRow("response_type missing") << "response_type"
                                           << ""
                                           << "unsupported_response_type";
    QTest::newRow("no code_challenge") << "code_challenge"
                                       << ""
                                       << "invalid_request";
    QTest::newRow("code_challenge too short") << "code_challenge"
                                              << "abc"
                                              << "invalid_request";
    QTest::newRow("method plain") << "code_challenge_method"
                                  << "plain"
                                  << "invalid_request";
    QTest::newRow("method s256 lower-case") << "code_challenge_method"
                                            << "s256"
                                            << "invalid_request";
    QTest::newRow("empty scope") << "scope"
                                 << ""
                                 << "invalid_scope";
    QTest::newRow("unknown scope") << "scope"
                                   << "user:information bogus:scope"
                                   << "invalid_scope";
    QTest::newRow("read scope") << "scope"
                                << "read"
                                << "invalid_scope";
}

void TestSandboxOAuth::authorize_badRequest_redirectsWithError()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    SandboxSignIn flow(*m_shared);
    AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    if (field == u"response_type")
        request.responseType = value;
    else if (field == u"code_challenge")
        request.codeChallenge = value;
    else if (field == u"code_challenge_method")
        request.codeChallengeMethod = value;
    else if (field == u"scope")
        request.scope = value;
    const auto response = flow.openAuthorize(request);
    QVERIFY2(response.status == 302, response.describe().constData());
    QCOMPARE(response.location.adjusted(QUrl::RemoveQuery), QUrl(m_shared->demoRedirectUri()));
    const QUrlQuery query(response.location);
    QCOMPARE(query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded), error);
    QVERIFY(!query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded).isEmpty());
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), request.state);
    QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
}

void TestSandboxOAuth::login_wrongCredentials_showsSignInAgain_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << "demo@aries.example"
                                    << "not-the-password";
    QTest::newRow("unknown email") << "nobody@aries.example"
                                   << "sandbox";
    QTest::newRow("empty password") << "demo@aries.example"
                                    << "";
}

void TestSandboxOAuth::login_wrongCredentials_showsSignInAgain()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const auto page = flow.openAuthorize(request);
    QCOMPARE(page.status, 200);
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));

    const auto again = flow.postLogin(rid, email, password);
    QVERIFY2(again.status == 200, again.describe().constData());
    QVERIFY(again.text().contains(QStringLiteral("The email or password is incorrect")));
    QVERIFY(again.body.contains("/oauth2/authorize/login"));
    QVERIFY(!again.body.contains("/oauth2/authorize/consent"));

    // The page again still works with the right credentials.
    QString retryRid = SandboxSignIn::hiddenInput(again.body, QStringLiteral("rid"));
    QVERIFY(!retryRid.isEmpty());
    const auto consent = flow.postLogin(retryRid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(consent.status == 200, consent.describe().constData());
    QVERIFY(consent.body.contains("/oauth2/authorize/consent"));
}

void TestSandboxOAuth::authorize_clientWithTwoRedirectUris_acceptsBoth_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("first") << kSecondRedirect;
    QTest::newRow("second") << kSecondAltRedirect;
}

void TestSandboxOAuth::authorize_clientWithTwoRedirectUris_acceptsBoth()
{
    QFETCH(QString, redirectUri);
    SandboxSignIn flow(*m_shared);
    AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    request.clientId = kSecondClient;
    request.redirectUri = redirectUri;
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    QCOMPARE(result.location.adjusted(QUrl::RemoveQuery), QUrl(redirectUri));
    QCOMPARE(flow.exchangeCode(result, request).status, 200);
}

void TestSandboxOAuth::login_expiredRid_isInvalidRequest()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const auto page = flow.openAuthorize(flow.demoRequest({QStringLiteral("user:information")}));
    QCOMPARE(page.status, 200);
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    QVERIFY(!rid.isEmpty());
    QVERIFY(sandbox->advanceClock(601));
    const auto response = flow.postLogin(rid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(response.status == 400, response.describe().constData());
    QVERIFY(response.body.contains("invalid_request"));
}

void TestSandboxOAuth::login_unknownRid_isInvalidRequest()
{
    SandboxSignIn flow(*m_shared);
    const auto response = flow.postLogin(QStringLiteral("no-such-rid"), m_shared->demoUser(), m_shared->demoPassword());
    QVERIFY2(response.status == 400, response.describe().constData());
    QVERIFY(response.body.contains("invalid_request"));
    QVERIFY(!response.hasHeader("Location"));
}

void TestSandboxOAuth::consent_deny_redirectsAccessDenied()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request, QStringLiteral("deny"));
    QVERIFY2(result.isRedirect(), result.response.describe().constData());
    QCOMPARE(result.location.adjusted(QUrl::RemoveQuery), QUrl(sandbox->demoRedirectUri()));
    QCOMPARE(result.error, QStringLiteral("access_denied"));
    QVERIFY(!result.errorDescription.isEmpty());
    QCOMPARE(result.state, request.state);
    QVERIFY(result.code.isEmpty());
}

void TestSandboxOAuth::consent_scopeSubset_tokenCarriesOnlyThose()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request = flow.demoRequest(allSandboxScopes());
    const SignInResult result = flow.run(
        request, QStringLiteral("allow"), {QStringLiteral("market:information"), QStringLiteral("user:information")});
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    const auto tokens = flow.exchangeCode(result, request);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());
    QStringList granted = jsonText(tokens.json(), "scope").split(u' ', Qt::SkipEmptyParts);
    granted.sort();
    QCOMPARE(granted, (QStringList {QStringLiteral("market:information"), QStringLiteral("user:information")}));
    const QString access = jsonText(tokens.json(), "access_token");
    QCOMPARE(usersMe(*sandbox, access).status, 200);
    const auto accounts = sandbox->http().get(sandbox->url(QStringLiteral("/v1/users/me/accounts")), {bearer(access)});
    QCOMPARE(accounts.status, 200); // user:information is one of its scopes
    const auto order = sandbox->http().postJson(
        sandbox->url(QStringLiteral("/v1/orders/preview")), QByteArrayLiteral("{}"), {bearer(access)});
    QCOMPARE(order.status, 403);
}

void TestSandboxOAuth::consent_noScopeChecked_grantsAllRequested()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const QStringList scopes {QStringLiteral("user:information"), QStringLiteral("order:information")};
    const AuthorizeRequest request = flow.demoRequest(scopes);
    const auto page = flow.openAuthorize(request);
    const QString rid = SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid"));
    const auto consentPage = flow.postLogin(rid, sandbox->demoUser(), sandbox->demoPassword());
    QVERIFY2(consentPage.status == 200, consentPage.describe().constData());
    const auto redirect = flow.postConsent(rid, QStringLiteral("allow"), {});
    QVERIFY2(redirect.status == 302, redirect.describe().constData());
    const QString code = QUrlQuery(redirect.location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    const auto tokens = flow.exchangeCode(code, request.codeVerifier, request.clientId, request.redirectUri);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());
    QStringList granted = jsonText(tokens.json(), "scope").split(u' ', Qt::SkipEmptyParts);
    granted.sort();
    QStringList expected = scopes;
    expected.sort();
    QCOMPARE(granted, expected);
}

void TestSandboxOAuth::token_badClient_isInvalidClient_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::newRow("unknown") << QStringLiteral("no-such-client");
    QTest::newRow("inactive") << kInactiveClient;
}

void TestSandboxOAuth::token_badClient_isInvalidClient()
{
    QFETCH(QString, clientId);
    SandboxSignIn flow(*m_shared);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    verifyTokenError(
        flow.exchangeCode(result.code, request.codeVerifier, clientId, request.redirectUri), 401, "invalid_client");
    if (QTest::currentTestFailed())
        return;

    const auto tokens = SandboxSignIn::signIn(*m_shared, {QStringLiteral("user:information")});
    QVERIFY(tokens.isValid());
    verifyTokenError(flow.refresh(tokens.refreshToken, clientId), 401, "invalid_client");
}

void TestSandboxOAuth::token_badCodeExchange_isRejected_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("verifier of another pair") << "other verifier" << 400 << "invalid_grant";
    QTest::newRow("malformed verifier") << "short verifier" << 400 << "invalid_request";
    QTest::newRow("redirect uri with trailing slash") << "redirect slash" << 400 << "invalid_grant";
    QTest::newRow("unknown code") << "unknown code" << 400 << "invalid_grant";
    QTest::newRow("missing code") << "missing code" << 400 << "invalid_request";
    QTest::newRow("missing verifier") << "missing verifier" << 400 << "invalid_request";
    QTest::newRow("missing redirect uri") << "missing redirect" << 400 << "invalid_request";
    QTest::newRow("missing client id") << "missing client" << 400 << "invalid_request";
    QTest::newRow("missing grant type") << "missing grant" << 400 << "invalid_request";
}

void TestSandboxOAuth::token_badCodeExchange_isRejected()
{
    QFETCH(QString, mutation);
    QFETCH(int, status);
    QFETCH(QString, error);
    SandboxSignIn flow(*m_shared);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());

    nlohmann::json body {{"grant_type", "authorization_code"}, {"code", result.code.toStdString()},
        {"client_id", request.clientId.toStdString()}, {"redirect_uri", request.redirectUri.toStdString()},
        {"code_verifier", request.codeVerifier.toStdString()}};
    if (mutation == u"other verifier")
        body["code_verifier"] = PkcePair::generate().verifier.toStdString();
    else if (mutation == u"short verifier")
        body["code_verifier"] = "short";
    else if (mutation == u"redirect slash")
        body["redirect_uri"] = request.redirectUri.toStdString() + "/";
    else if (mutation == u"unknown code")
        body["code"] = "not-a-code";
    else if (mutation == u"missing code")
        body.erase("code");
    else if (mutation == u"missing verifier")
        body.erase("code_verifier");
    else if (mutation == u"missing redirect")
        body.erase("redirect_uri");
    else if (mutation == u"missing client")
        body.erase("client_id");
    else if (mutation == u"missing grant")
        body.erase("grant_type");
    const auto response = m_shared->http().postJson(m_shared->url(QStringLiteral("/v1/oauth2/token")), body);
    verifyTokenError(response, status, qPrintable(error));
}

void TestSandboxOAuth::token_reusedCode_isInvalidGrantAndRevokesItsTokens()
{
    SandboxSignIn flow(*m_shared);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    const auto first = flow.exchangeCode(result, request);
    QVERIFY2(first.status == 200, first.describe().constData());
    const SandboxTokens tokens = SandboxSignIn::tokensFrom(first);
    QCOMPARE(usersMe(*m_shared, tokens.accessToken).status, 200);

    verifyTokenError(flow.exchangeCode(result, request), 400, "invalid_grant");
    verifyUnauthorized(usersMe(*m_shared, tokens.accessToken));
    verifyTokenError(flow.refresh(tokens.refreshToken, request.clientId), 400, "invalid_grant");
}

void TestSandboxOAuth::token_expiredCode_isInvalidGrant()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    QVERIFY(sandbox->advanceClock(601));
    verifyTokenError(flow.exchangeCode(result, request), 400, "invalid_grant");
}

void TestSandboxOAuth::token_codeOfAnotherClient_isInvalidGrant()
{
    SandboxSignIn flow(*m_shared);
    AuthorizeRequest request = flow.demoRequest({QStringLiteral("user:information")});
    request.clientId = kSecondClient;
    request.redirectUri = kSecondRedirect;
    const SignInResult result = flow.run(request);
    QVERIFY2(!result.code.isEmpty(), result.response.describe().constData());
    QCOMPARE(result.location.adjusted(QUrl::RemoveQuery), QUrl(kSecondRedirect));

    // Presented by the demo client, with its redirect URI and with the second client's.
    verifyTokenError(
        flow.exchangeCode(result.code, request.codeVerifier, m_shared->demoClientId(), m_shared->demoRedirectUri()),
        400, "invalid_grant");
    if (QTest::currentTestFailed())
        return;
    verifyTokenError(flow.exchangeCode(result.code, request.codeVerifier, m_shared->demoClientId(), kSecondRedirect),
        400, "invalid_grant");
}

void TestSandboxOAuth::token_unsupportedGrantType_isRejected_data()
{
    QTest::addColumn<QString>("grantType");
    QTest::newRow("password") << "password";
    QTest::newRow("client_credentials") << "client_credentials";
    QTest::newRow("made up") << "magic";
}

void TestSandboxOAuth::token_unsupportedGrantType_isRejected()
{
    QFETCH(QString, grantType);
    const nlohmann::json body {{"grant_type", grantType.toStdString()},
        {"client_id", m_shared->demoClientId().toStdString()}, {"username", "demo@aries.example"},
        {"password", "sandbox"}};
    verifyTokenError(m_shared->http().postJson(m_shared->url(QStringLiteral("/v1/oauth2/token")), body), 400,
        "unsupported_grant_type");
}

void TestSandboxOAuth::token_bodyNotJsonObject_isInvalidRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("form encoded") << QByteArrayLiteral(
        "grant_type=refresh_token&client_id=sandbox-demo-client&refresh_token=x")
                                  << QByteArrayLiteral("application/x-www-form-urlencoded");
    QTest::newRow("array") << QByteArrayLiteral("[1,2]") << QByteArrayLiteral("application/json");
    QTest::newRow("string") << QByteArrayLiteral("\"grant_type\"") << QByteArrayLiteral("application/json");
    QTest::newRow("broken json") << QByteArrayLiteral("{\"grant_type\":") << QByteArrayLiteral("application/json");
    QTest::newRow("empty") << QByteArray() << QByteArrayLiteral("application/json");
}

void TestSandboxOAuth::token_bodyNotJsonObject_isInvalidRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    TestHttpClient client;
    const auto response =
        client.sendOnce("POST", m_shared->url(QStringLiteral("/v1/oauth2/token")), body, {}, contentType);
    verifyTokenError(response, 400, "invalid_request");
}

void TestSandboxOAuth::refresh_rotates_oldTokenRejectedNewWorks()
{
    SandboxSignIn flow(*m_shared);
    const SandboxTokens first = SandboxSignIn::signIn(*m_shared, {QStringLiteral("user:information")});
    QVERIFY(first.isValid());
    const SandboxTokens second = SandboxSignIn::tokensFrom(flow.refresh(first.refreshToken, m_shared->demoClientId()));
    QVERIFY(second.isValid());
    QVERIFY(second.refreshToken != first.refreshToken);

    verifyTokenError(flow.refresh(first.refreshToken, m_shared->demoClientId()), 400, "invalid_grant");
    if (QTest::currentTestFailed())
        return;
    const SandboxTokens third = SandboxSignIn::tokensFrom(flow.refresh(second.refreshToken, m_shared->demoClientId()));
    QVERIFY(third.isValid());
    QCOMPARE(usersMe(*m_shared, third.accessToken).status, 200);
    QCOMPARE(third.scope, QStringLiteral("user:information"));
}

void TestSandboxOAuth::refresh_badToken_isInvalidGrant_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("unknown") << "unknown";
    QTest::newRow("rotated") << "rotated";
    QTest::newRow("expired") << "expired";
    QTest::newRow("revoked") << "revoked";
    QTest::newRow("another client's") << "other client";
    QTest::newRow("access token instead") << "access token";
}

void TestSandboxOAuth::refresh_badToken_isInvalidGrant()
{
    QFETCH(QString, scenario);
    auto sandbox = startSandbox({QStringLiteral("--refresh-ttl"), QStringLiteral("120")});
    QVERIFY(sandbox);
    SandboxSignIn flow(*sandbox);
    const SandboxTokens tokens = SandboxSignIn::signIn(*sandbox, {QStringLiteral("user:information")});
    QVERIFY(tokens.isValid());
    QCOMPARE(tokens.raw.value("refresh_token_expires_in", 0), 120);

    QString refreshToken = tokens.refreshToken;
    QString clientId = sandbox->demoClientId();
    if (scenario == u"unknown") {
        refreshToken = QStringLiteral("not-a-refresh-token");
    } else if (scenario == u"rotated") {
        QCOMPARE(flow.refresh(tokens.refreshToken, clientId).status, 200);
    } else if (scenario == u"expired") {
        QVERIFY(sandbox->advanceClock(121));
    } else if (scenario == u"revoked") {
        QVERIFY(sandbox->revokeTokens(sandbox->demoUser()));
    } else if (scenario == u"other client") {
        clientId = kSecondClient;
    } else if (scenario == u"access token") {
        refreshToken = tokens.accessToken;
    }
    verifyTokenError(flow.refresh(refreshToken, clientId), 400, "invalid_grant");
}

void TestSandboxOAuth::accessToken_afterAccessTtl_isUnauthorized()
{
    auto sandbox = startSandbox({QStringLiteral("--access-ttl"), QStringLiteral("60")});
    QVERIFY(sandbox);
    const SandboxTokens tokens = SandboxSignIn::signIn(*sandbox, {QStringLiteral("user:information")});
    QVERIFY(tokens.isValid());
    QCOMPARE(tokens.raw.value("expires_in", 0), 60);
    QCOMPARE(usersMe(*sandbox, tokens.accessToken).status, 200);
    QVERIFY(sandbox->advanceClock(61));
    verifyUnauthorized(usersMe(*sandbox, tokens.accessToken));
    if (QTest::currentTestFailed())
        return;

    // The refresh token still works and gives a fresh access token.
    SandboxSignIn flow(*sandbox);
    const SandboxTokens renewed = SandboxSignIn::tokensFrom(flow.refresh(tokens.refreshToken, sandbox->demoClientId()));
    QVERIFY(renewed.isValid());
    QCOMPARE(usersMe(*sandbox, renewed.accessToken).status, 200);
}

void TestSandboxOAuth::accessToken_revokedViaControlApi_isUnauthorized_data()
{
    QTest::addColumn<bool>("byEmail");
    QTest::newRow("this user") << true;
    QTest::newRow("everybody") << false;
}

void TestSandboxOAuth::accessToken_revokedViaControlApi_isUnauthorized()
{
    QFETCH(bool, byEmail);
    auto sandbox = startSandbox({QStringLiteral("--user"), QStringLiteral("alice@example.com:wonderland")});
    QVERIFY(sandbox);
    const SandboxTokens demo = SandboxSignIn::signIn(*sandbox, {QStringLiteral("user:information")});
    const SandboxTokens alice = SandboxSignIn::signIn(*sandbox, QStringLiteral("alice@example.com"),
        QStringLiteral("wonderland"), {QStringLiteral("user:information")});
    QVERIFY(demo.isValid());
    QVERIFY(alice.isValid());
    QCOMPARE(usersMe(*sandbox, demo.accessToken).status, 200);

    QVERIFY(sandbox->revokeTokens(byEmail ? sandbox->demoUser() : QString()));
    verifyUnauthorized(usersMe(*sandbox, demo.accessToken));
    QCOMPARE(usersMe(*sandbox, alice.accessToken).status, byEmail ? 200 : 401);
    SandboxSignIn flow(*sandbox);
    verifyTokenError(flow.refresh(demo.refreshToken, sandbox->demoClientId()), 400, "invalid_grant");
}

void TestSandboxOAuth::stats_countGrants()
{
    auto sandbox = startSandbox();
    QVERIFY(sandbox);
    QVERIFY(sandbox->resetStats());
    const SandboxTokens tokens = SandboxSignIn::signIn(*sandbox, {QStringLiteral("user:information")});
    QVERIFY(tokens.isValid());
    SandboxSignIn flow(*sandbox);
    const SandboxTokens second = SandboxSignIn::tokensFrom(flow.refresh(tokens.refreshToken, sandbox->demoClientId()));
    QVERIFY(second.isValid());
    QVERIFY(SandboxSignIn::tokensFrom(flow.refresh(second.refreshToken, sandbox->demoClientId())).isValid());

    const auto stats = sandbox->stats();
    QVERIFY2(stats.is_object() && stats.contains("grants") && stats["grants"].is_object() && stats.contains("requests")
            && stats["requests"].is_object(),
        stats.dump().c_str());
    QCOMPARE(stats["grants"].value("authorization_code", -1), 1);
    QCOMPARE(stats["grants"].value("refresh_token", -1), 2);
    QCOMPARE(stats["requests"].value("POST /v1/oauth2/token", -1), 3);

    QVERIFY(sandbox->resetStats());
    QCOMPARE(sandbox->grantCount(QStringLiteral("authorization_code")), 0);
    QCOMPARE(sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 0);
}

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "TestSandboxOAuth.moc"
