// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// No keychain at all: run by CTest with no session bus (tests/run-isolated.sh plain), as on a Linux box
// without a desktop session. Every call must fail fast with Unavailable and the operating system's own text,
// nothing may end up in a file, and the token manager must say so instead of pretending to be signed out.
#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "secrets/KeychainSecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Companion;
using namespace Companion::Auth;
using namespace Companion::Secrets;
using namespace std::chrono_literals;

namespace {

const QString kService = QStringLiteral("com.aries.companion.tests.unavailable");
const QByteArray kSecret = "unavailable-test-secret-7f3a9c51d2e84b60";

using ReadResult = Expected<QByteArray, SecretError>;
using WriteResult = Expected<void, SecretError>;

/** Every regular file under HOME, hidden ones included. */
QStringList filesUnderHome()
{
    QStringList files;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    return files;
}

} // namespace

class TestKeychainUnavailable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void read_noSessionBus_failsFastUnavailableWithOsMessage();
    void write_noSessionBus_failsFastUnavailableWithOsMessage();
    void remove_noSessionBus_failsUnavailable();
    void write_noSessionBus_nothingWrittenUnderHome();
    void restore_noKeychain_isSecretsUnavailableWithNotice();
    void adoptTokens_noKeychain_staysConnectedWithNotice();

private:
    QStringList m_filesBefore;
};

void TestKeychainUnavailable::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "must run without a session bus");
    QVERIFY2(!qEnvironmentVariableIsSet("DISPLAY"), "must run without a display (a bus would be autolaunched)");
    QVERIFY2(QDir::homePath().contains(QStringLiteral("aries-test")), "must run under tests/run-isolated.sh");
    m_filesBefore = filesUnderHome();
}

void TestKeychainUnavailable::read_noSessionBus_failsFastUnavailableWithOsMessage()
{
    KeychainSecretStore store(kService, 10s);
    std::optional<ReadResult> result;
    QObject context;
    QElapsedTimer timer;
    timer.start();
    store.read(QStringLiteral("tokens/x"), &context, [&result](ReadResult r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(timer.elapsed() < 2000, "must fail fast, not wait for the timeout");
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, SecretError::Code::Unavailable);
    // The OS's own words (libsecret/GDBus), e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY".
    QVERIFY2(result->error().message.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive),
        qPrintable(result->error().message));
}

void TestKeychainUnavailable::write_noSessionBus_failsFastUnavailableWithOsMessage()
{
    KeychainSecretStore store(kService, 10s);
    std::optional<WriteResult> result;
    QObject context;
    QElapsedTimer timer;
    timer.start();
    store.write(QStringLiteral("tokens/x"), kSecret, &context, [&result](WriteResult r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(timer.elapsed() < 2000, "must fail fast, not wait for the timeout");
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, SecretError::Code::Unavailable);
    QVERIFY2(!result->error().message.isEmpty(), "the OS message is kept");
    QVERIFY2(result->error().message.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive),
        qPrintable(result->error().message));
}

void TestKeychainUnavailable::remove_noSessionBus_failsUnavailable()
{
    KeychainSecretStore store(kService, 10s);
    std::optional<WriteResult> result;
    QObject context;
    store.remove(QStringLiteral("tokens/x"), &context, [&result](WriteResult r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, SecretError::Code::Unavailable);
    QVERIFY(!result->error().message.isEmpty());
}

void TestKeychainUnavailable::write_noSessionBus_nothingWrittenUnderHome()
{
    KeychainSecretStore store(kService, 10s);
    int done = 0;
    QObject context;
    for (int i = 0; i < 3; ++i) {
        store.write(QStringLiteral("tokens/file-check-%1").arg(i), kSecret, &context, [&done](WriteResult) { ++done; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);

    // No plaintext fallback: no new file at all, and the secret is in no file (old or new).
    const QStringList after = filesUnderHome();
    for (const QString &path : after) {
        QVERIFY2(m_filesBefore.contains(path), qPrintable(QStringLiteral("new file: ") + path));
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(kSecret) && !content.contains(kSecret.toBase64()), qPrintable(path));
        }
    }
}

void TestKeychainUnavailable::restore_noKeychain_isSecretsUnavailableWithNotice()
{
    QNetworkAccessManager network;
    OAuthClient oauth(network);
    KeychainSecretStore store(kService, 10s);
    TokenManager manager(oauth, store);
    OAuthConfig config;
    config.clientId = QStringLiteral("some-client");
    manager.setConfig(config);

    QSignalSpy notices(&manager, &TokenManager::noticeRaised);
    manager.restore();
    std::optional<Expected<QString, AuthError>> token;
    QObject context;
    // Asked while the keychain read is pending: waits for it, then gets the same answer.
    manager.withAccessToken(&context, [&token](Expected<QString, AuthError> r) { token = std::move(r); });
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), AuthState::SecretsUnavailable, 5000);
    QCOMPARE(notices.size(), 1);
    const auto notice = notices.at(0).at(0).value<AuthError>();
    QCOMPARE(notice.code, AuthError::Code::SecretsUnavailable);
    QVERIFY2(notice.detail.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive), qPrintable(notice.detail));

    QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 2000);
    QVERIFY(!token->has_value());
    QCOMPARE(token->error().code, AuthError::Code::SecretsUnavailable);

    // retrySecrets() reads again and still says so; it never turns into "signed out".
    manager.retrySecrets();
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 2, 5000);
    QCOMPARE(manager.state(), AuthState::SecretsUnavailable);
}

void TestKeychainUnavailable::adoptTokens_noKeychain_staysConnectedWithNotice()
{
    QNetworkAccessManager network;
    OAuthClient oauth(network);
    KeychainSecretStore store(kService, 10s);
    TokenManager manager(oauth, store);
    OAuthConfig config;
    config.clientId = QStringLiteral("some-client");
    manager.setConfig(config);

    TokenSet tokens;
    tokens.accessToken = QStringLiteral("access-in-memory-only");
    tokens.refreshToken = QStringLiteral("refresh-in-memory-only");
    tokens.obtainedAt = QDateTime::currentDateTimeUtc();
    tokens.accessExpiresAt = tokens.obtainedAt.addSecs(3600);
    tokens.connectedSince = tokens.obtainedAt;
    tokens.scopes = {QStringLiteral("user:information")};

    QSignalSpy notices(&manager, &TokenManager::noticeRaised);
    manager.beginSignIn();
    manager.adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 5000);
    QCOMPARE(notices.at(0).at(0).value<AuthError>().code, AuthError::Code::SecretsUnavailable);
    QCOMPARE(manager.state(), AuthState::Connected);

    // The session goes on with the tokens in memory.
    std::optional<Expected<QString, AuthError>> token;
    manager.withAccessToken(nullptr, [&token](Expected<QString, AuthError> r) { token = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 2000);
    QVERIFY(token->has_value());
    QCOMPARE(token->value(), tokens.accessToken);

    // And nothing of them reached a file.
    for (const QString &path : filesUnderHome()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            QVERIFY2(!file.readAll().contains("in-memory-only"), qPrintable(path));
        }
    }
}

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "TestKeychainUnavailable.moc"
