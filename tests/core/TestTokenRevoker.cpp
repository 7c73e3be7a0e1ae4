// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "auth/TokenManager.h"
#include "auth/TokenRevoker.h"
#include "auth/TokenSet.h"
#include "secrets/KeychainSecretStore.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Companion;
using Companion::Testing::SandboxProcess;
using Companion::Testing::SandboxSignIn;

/** Revocation at the server (RFC 7009 via RFC 8414 metadata), against the sandbox and the real keychain. */
class TestTokenRevoker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revokeStored_serverOffersRevocation_revokesTheGrant();
    void revokeStored_serverOffersNone_isNotOfferedAndTokensStayValid();
    void revokeStored_nothingStored_isNotOffered();

private:
    struct Run
    {
        bool captured = false;
        std::optional<Auth::TokenRevoker::Result> result;
    };
    static Auth::OAuthConfig configFor(const SandboxProcess &sandbox);
    static bool store(const QString &clientId, const Testing::SandboxTokens &tokens);
    static Run revoke(const Auth::OAuthConfig &config);
    static int meStatus(SandboxProcess &sandbox, const QString &accessToken);
};

Auth::OAuthConfig TestTokenRevoker::configFor(const SandboxProcess &sandbox)
{
    Auth::OAuthConfig config;
    config.clientId = sandbox.demoClientId();
    config.apiBaseUrl = sandbox.baseUrl();
    config.authorizeUrl = sandbox.url(QStringLiteral("/oauth2/authorize"));
    return config;
}

bool TestTokenRevoker::store(const QString &clientId, const Testing::SandboxTokens &tokens)
{
    Auth::TokenSet set;
    set.accessToken = tokens.accessToken;
    set.refreshToken = tokens.refreshToken;
    set.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    set.obtainedAt = set.connectedSince = QDateTime::currentDateTimeUtc();
    set.scopes = tokens.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Secrets::KeychainSecretStore secrets(QString::fromLatin1(AppInfo::kAppId));
    std::optional<bool> ok;
    QObject context;
    secrets.write(Auth::TokenManager::keychainKey(clientId), set.toKeychainBlob(), &context,
        [&ok](Expected<void, Secrets::SecretError> r) { ok = r.has_value(); });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, 20'000) && *ok;
}

TestTokenRevoker::Run TestTokenRevoker::revoke(const Auth::OAuthConfig &config)
{
    QNetworkAccessManager network;
    Secrets::KeychainSecretStore secrets(QString::fromLatin1(AppInfo::kAppId));
    Auth::TokenRevoker revoker(network, secrets);
    Run run;
    QObject context;
    revoker.revokeStored(
        config, &context, [&run] { run.captured = true; },
        [&run](Auth::TokenRevoker::Result result) { run.result = result; });
    // A missing result fails the test through the checks that follow.
    [[maybe_unused]] const bool finished = QTest::qWaitFor([&run] { return run.result.has_value(); }, 30'000);
    return run;
}

int TestTokenRevoker::meStatus(SandboxProcess &sandbox, const QString &accessToken)
{
    return sandbox.http()
        .get(sandbox.url(QStringLiteral("/v1/users/me")), {{"Authorization", "Bearer " + accessToken.toUtf8()}})
        .status;
}

void TestTokenRevoker::revokeStored_serverOffersRevocation_revokesTheGrant()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--revocation"), QStringLiteral("--tick-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    const auto tokens = SandboxSignIn::signIn(sandbox);
    QVERIFY(tokens.isValid());
    QVERIFY(store(sandbox.demoClientId(), tokens));
    QCOMPARE(meStatus(sandbox, tokens.accessToken), 200);

    const Run run = revoke(configFor(sandbox));
    QVERIFY(run.captured);
    QVERIFY(run.result.has_value());
    QCOMPARE(run.result->outcome, Auth::TokenRevoker::Outcome::Revoked);
    QCOMPARE(sandbox.requestCount(QStringLiteral("POST /v1/oauth2/revoke")), 1);

    // The whole grant is gone at the server: the access token and the refresh token.
    QCOMPARE(meStatus(sandbox, tokens.accessToken), 401);
    SandboxSignIn signIn(sandbox);
    const auto refreshed = signIn.refresh(tokens.refreshToken, sandbox.demoClientId());
    QCOMPARE(refreshed.status, 400);
    QCOMPARE(QString::fromStdString(refreshed.json().value("error", std::string())), QStringLiteral("invalid_grant"));
}

void TestTokenRevoker::revokeStored_serverOffersNone_isNotOfferedAndTokensStayValid()
{
    SandboxProcess sandbox; // like Aries as documented: no metadata, no revocation endpoint
    QVERIFY2(sandbox.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(sandbox.errorString()));
    const auto tokens = SandboxSignIn::signIn(sandbox);
    QVERIFY(store(sandbox.demoClientId(), tokens));

    const Run run = revoke(configFor(sandbox));
    QVERIFY(run.captured);
    QVERIFY(run.result.has_value());
    QCOMPARE(run.result->outcome, Auth::TokenRevoker::Outcome::NotOffered);
    QCOMPARE(sandbox.requestCount(QStringLiteral("GET /.well-known/oauth-authorization-server")), 1);
    QCOMPARE(meStatus(sandbox, tokens.accessToken), 200);
}

void TestTokenRevoker::revokeStored_nothingStored_isNotOffered()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--revocation"), QStringLiteral("--tick-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    Auth::OAuthConfig config = configFor(sandbox);
    config.clientId = QStringLiteral("nothing-stored-for-this-client");
    const Run run = revoke(config);
    QVERIFY(run.captured);
    QVERIFY(run.result.has_value());
    QCOMPARE(run.result->outcome, Auth::TokenRevoker::Outcome::NotOffered);
    QCOMPARE(sandbox.requestCount(QStringLiteral("GET /.well-known/oauth-authorization-server")), 0);
}

QTEST_GUILESS_MAIN(TestTokenRevoker)
#include "TestTokenRevoker.moc"
