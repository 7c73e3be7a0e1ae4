// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A keychain that never answers, for real: CTest runs this under Xvfb in a private D-Bus session whose
// gnome-keyring holds a LOCKED login keyring (see tests/core/tokens.cmake). Every call makes gnome-keyring
// show gcr-prompter's "Unlock Login Keyring" dialog on the virtual screen, and nobody types the password,
// which is what a user away from the desk looks like at login. The launcher seeds the entries read below
// ("tokens/locked", "tokens/locked-client") before locking: reading a key that does not exist needs no unlock.
//
// QtKeychain runs one job at a time, so a job stuck on the prompt holds back every later one; the slots
// below rely on running in this order.
#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "secrets/KeychainSecretStore.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <optional>

#include <signal.h>

using namespace Companion;
using namespace Companion::Auth;
using namespace Companion::Secrets;
using namespace std::chrono_literals;

namespace {

const QString kService = QStringLiteral("com.aries.companion.tests.locked");
constexpr auto kTimeout = 1500ms;

std::atomic<int> g_lateAnswers {0};
QtMessageHandler g_previousHandler = nullptr;

// Counts the store's "late answer ignored" log lines, then lets Qt Test print as usual.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QStringLiteral("late keychain answer"))) {
        ++g_lateAnswers;
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(10000)) {
        return {};
    }
    return QString::fromUtf8(process.readAll());
}

/** The pid of the process owning gcr-prompter's bus name in this test's private session, 0 if none. */
qint64 prompterPid()
{
    const QString reply = run(QStringLiteral("dbus-send"),
        {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
            QStringLiteral("/"), QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
            QStringLiteral("string:org.gnome.keyring.SystemPrompter")});
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("uint32 (\\d+)")).match(reply);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

bool unlockPromptShown()
{
    return run(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-tree")})
        .contains(QStringLiteral("Unlock Login Keyring"));
}

} // namespace

class TestKeychainTimeout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void write_lockedKeyring_timesOutOnceAndIgnoresLateAnswer();
    void read_lockedKeyring_contextDestroyed_callbackDropped();
    void read_lockedKeyring_withoutContext_timesOutOnce();
    void restore_lockedKeyring_isSecretsUnavailableWithNotice();
};

void TestKeychainTimeout::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") && qEnvironmentVariableIsSet("DISPLAY"),
        "run through CTest: needs Xvfb and the private session with a locked keyring (tests/core/tokens.cmake)");
    g_previousHandler = qInstallMessageHandler(countingHandler);
}

void TestKeychainTimeout::write_lockedKeyring_timesOutOnceAndIgnoresLateAnswer()
{
    KeychainSecretStore store(kService, kTimeout);
    QList<Expected<void, SecretError>> results;
    QObject context;
    QElapsedTimer timer;
    timer.start();
    store.write(QStringLiteral("tokens/locked"), "never-stored", &context,
        [&results](Expected<void, SecretError> r) { results.append(std::move(r)); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 1400 && elapsed < 5000, qPrintable(QString::number(elapsed)));
    QVERIFY(!results.at(0).has_value());
    QCOMPARE(results.at(0).error().code, SecretError::Code::Timeout);
    QVERIFY2(
        results.at(0).error().message.contains(QStringLiteral("locked")), qPrintable(results.at(0).error().message));

    // The reason it hangs is real: the unlock dialog is up on the virtual screen, waiting for a person.
    QVERIFY(unlockPromptShown());

    // Dismiss the prompt the hard way (the prompter process goes away): gnome-keyring now answers the
    // pending call, late. The store must swallow that answer and not call back a second time.
    const qint64 pid = prompterPid();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(g_lateAnswers.load() >= 1, 15000);
    QTest::qWait(200);
    QCOMPARE(results.size(), 1);
}

void TestKeychainTimeout::read_lockedKeyring_contextDestroyed_callbackDropped()
{
    KeychainSecretStore store(kService, kTimeout);
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.read(
        QStringLiteral("tokens/locked"), context.get(), [&calls](Expected<QByteArray, SecretError>) { ++calls; });
    QTest::qWait(300);
    context.reset();
    QTest::qWait(2500); // past the timeout
    QCOMPARE(calls, 0);
}

void TestKeychainTimeout::read_lockedKeyring_withoutContext_timesOutOnce()
{
    KeychainSecretStore store(kService, kTimeout);
    QList<Expected<QByteArray, SecretError>> results;
    store.read(QStringLiteral("tokens/locked"), nullptr,
        [&results](Expected<QByteArray, SecretError> r) { results.append(std::move(r)); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QVERIFY(!results.at(0).has_value());
    QCOMPARE(results.at(0).error().code, SecretError::Code::Timeout);
    QTest::qWait(1000);
    QCOMPARE(results.size(), 1);
}

void TestKeychainTimeout::restore_lockedKeyring_isSecretsUnavailableWithNotice()
{
    QNetworkAccessManager network;
    OAuthClient oauth(network);
    KeychainSecretStore store(kService, kTimeout);
    TokenManager manager(oauth, store);
    OAuthConfig config;
    config.clientId = QStringLiteral("locked-client");
    manager.setConfig(config);

    QSignalSpy notices(&manager, &TokenManager::noticeRaised);
    manager.restore();
    QList<Expected<QString, AuthError>> answers;
    manager.withAccessToken(nullptr, [&answers](Expected<QString, AuthError> r) { answers.append(std::move(r)); });
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), AuthState::SecretsUnavailable, 10000);
    QCOMPARE(notices.size(), 1);
    const auto notice = notices.at(0).at(0).value<AuthError>();
    QCOMPARE(notice.code, AuthError::Code::SecretsUnavailable);
    QVERIFY2(notice.detail.contains(QStringLiteral("locked")), qPrintable(notice.detail));
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 2000);
    QCOMPARE(answers.at(0).error().code, AuthError::Code::SecretsUnavailable);
}

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "TestKeychainTimeout.moc"
