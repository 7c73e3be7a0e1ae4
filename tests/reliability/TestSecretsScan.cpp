// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "CompanionApp.h"
#include "OrderApprovalWindow.h"
#include "TrayController.h"
#include "auth/TokenManager.h"
#include "secrets/KeychainSecretStore.h"

#include "SandboxProcess.h"
#include "TestHttpClient.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMessageBox>
#include <QMutex>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <unistd.h>

using namespace Companion;
using Companion::Auth::AuthState;
using Companion::Testing::SandboxProcess;
using nlohmann::json;

namespace {

constexpr int kSignInTimeoutMs = 90'000;

/** Everything the program printed through Qt's logging, while the test runs (the app's log is its stderr). */
QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += qFormatLogMessage(type, context, message).toUtf8() + '\n';
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The parent pid from /proc/<pid>/stat; the command name may hold spaces and parentheses. */
qint64 parentOf(const QString &pid)
{
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype end = stat.lastIndexOf(')');
    if (end < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(end + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : -1;
}

/** This process and every process below it (the consent window, its QtWebEngine helpers, the bridge). */
QList<qint64> ourProcesses()
{
    QHash<qint64, qint64> parents;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (number)
            parents.insert(pid, parentOf(entry));
    }
    QList<qint64> ours {qint64(::getpid())};
    for (qsizetype i = 0; i < ours.size(); ++i) {
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == ours[i] && !ours.contains(it.key()))
                ours.append(it.key());
        }
    }
    return ours;
}

/** One line of JSON-RPC to the bridge, as Claude Desktop writes it. */
void write(QProcess &bridge, const json &message)
{
    bridge.write(QByteArray::fromStdString(message.dump()) + '\n');
}

/** The bridge's answer to @p id, waiting with the event loop running (the app lives in this process). */
json answer(QProcess &bridge, QByteArray &buffer, int id, int timeoutMs = 60'000)
{
    json found;
    const auto look = [&] {
        buffer += bridge.readAllStandardOutput();
        for (const QByteArray &line : buffer.split('\n')) {
            const json message = json::parse(line.toStdString(), nullptr, false);
            if (message.is_object() && message.value("id", json()) == json(id))
                found = message;
        }
        return !found.is_null();
    };
    (void)QTest::qWaitFor(look, timeoutMs); // a missing answer is the null value the caller checks
    return found;
}

json toolCall(int id, const char *tool, const json &arguments)
{
    return json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
        {"params", {{"name", tool}, {"arguments", arguments}}}};
}

} // namespace

/**
 * No secret of the sign-in outlives its place: after a whole session as a user has it (sign in through the
 * real consent window, tool calls from Claude Desktop's side through the real bridge, a token renewal, and
 * Revoke access), the authorization code, the PKCE verifier and every access and refresh token Aries issued
 * appear in no file under the test's home and temporary folders, in nothing the programs logged, and in
 * no command line or environment of any of our processes, sampled all along the session.
 */
class TestSecretsScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wholeSession_leavesNoSecretAnywhere();

private:
    void sampleProcesses();

    QHash<qint64, QByteArray> m_seen; ///< per pid: every distinct command line and environment seen
    int m_samples = 0;
};

void TestSecretsScan::initTestCase()
{
    AppInfo::applyTo(*qApp);
    qRegisterMetaType<QMessageBox *>();
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("aries-consent"));
    QFile::remove(beside);
    QVERIFY(QFile::link(QStringLiteral(ARIES_CONSENT_PATH), beside));
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestSecretsScan::sampleProcesses()
{
    ++m_samples;
    for (const qint64 pid : ourProcesses()) {
        for (const char *part : {"cmdline", "environ"}) {
            const QByteArray content = readAll(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(part)));
            QByteArray &seen = m_seen[pid];
            if (!content.isEmpty() && !seen.contains(content))
                seen += content + '\n';
        }
    }
}

void TestSecretsScan::wholeSession_leavesNoSecretAnywhere()
{
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0"),
                 QStringLiteral("--revocation"), QStringLiteral("--record-secrets")}),
        qPrintable(sandbox.errorString()));

    // Every process of ours is looked at forty times a second for the whole session.
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, &TestSecretsScan::sampleProcesses);
    sampler.start(25);

    Ui::LaunchOptions options;
    options.clientId = sandbox.demoClientId();
    options.authorizeUrl = sandbox.url(QStringLiteral("/oauth2/authorize"));
    options.apiBaseUrl = sandbox.baseUrl();
    options.connect = true;
    options.mcpPort = 0;
    QByteArray bridgeErrors;
    {
        Ui::CompanionApp app(options);
        QSignalSpy messages(&app, &Ui::CompanionApp::messageShown);
        app.start();

        // 1. Sign in through the consent window (its process is sampled while it lives).
        QTRY_VERIFY_WITH_TIMEOUT(app.tokens().state() == AuthState::Connected || !messages.isEmpty(), kSignInTimeoutMs);
        if (!messages.isEmpty())
            QFAIL(qPrintable(messages.first().first().value<QMessageBox *>()->text()));
        messages.clear();

        // 2. Claude Desktop's side: the bridge, a portfolio and a quote.
        QProcess bridge;
        bridge.start(QStringLiteral(BRIDGE_PATH), {});
        QVERIFY(bridge.waitForStarted());
        QByteArray buffer;
        write(bridge,
            json {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                {"params",
                    {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                        {"clientInfo", {{"name", "claude-ai"}, {"version", "0.14"}}}}}});
        QVERIFY(!answer(bridge, buffer, 1).is_null());
        write(bridge, json {{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        write(bridge, toolCall(2, "get_portfolio", json::object()));
        const json portfolio = answer(bridge, buffer, 2);
        QVERIFY2(!portfolio.value("result", json::object()).value("isError", true), portfolio.dump().c_str());
        write(bridge, toolCall(3, "get_quote", json {{"symbol", "AAPL"}}));
        QVERIFY(!answer(bridge, buffer, 3).value("result", json::object()).value("isError", true));

        // 3. The access token runs out at Aries: the next call renews it.
        QVERIFY(sandbox.advanceClock(3700));
        write(bridge, toolCall(4, "get_quote", json {{"symbol", "MSFT"}}));
        const json renewed = answer(bridge, buffer, 4);
        QVERIFY2(!renewed.value("result", json::object()).value("isError", true), renewed.dump().c_str());
        QCOMPARE(sandbox.grantCount(QStringLiteral("refresh_token")), 1);
        bridge.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(bridge.state() == QProcess::NotRunning, 10'000);
        bridgeErrors = bridge.readAllStandardError();

        // 4. Revoke access from the tray window.
        auto *revokeButton = app.tray().window()->findChild<QPushButton *>(QStringLiteral("revokeButton"));
        QVERIFY(revokeButton && revokeButton->isEnabled());
        QTest::mouseClick(revokeButton, Qt::LeftButton);
        QTRY_VERIFY(!messages.isEmpty());
        auto *confirmation = messages.takeFirst().first().value<QMessageBox *>();
        auto *confirm = confirmation->findChild<QPushButton *>(QStringLiteral("confirmRevokeButton"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.tokens().state(), AuthState::SignedOut, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.requestCount(QStringLiteral("POST /v1/oauth2/revoke")) >= 1, 20'000);
    }
    sampleProcesses();
    sampler.stop();

    // What Aries handed out, and the verifier it was shown: the sandbox kept them in plain text for this test.
    const json recorded = sandbox.http().get(sandbox.url(QStringLiteral("/_sandbox/secrets"))).json();
    QVERIFY2(recorded.contains("secrets"), recorded.dump().c_str());
    QList<QByteArray> secrets;
    for (const json &secret : recorded["secrets"])
        secrets.append(QByteArray::fromStdString(secret.get<std::string>()));
    // One code, its verifier, two access tokens and two refresh tokens (the renewal rotates the refresh token).
    QVERIFY2(secrets.size() >= 6, recorded.dump().c_str());

    // The sandbox's own keychain entry is gone; nothing is left to find there either.
    {
        Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
        std::optional<Secrets::SecretError> error;
        QObject context;
        store.read(Auth::TokenManager::keychainKey(sandbox.demoClientId()), &context,
            [&error](Expected<QByteArray, Secrets::SecretError> result) {
                error = result ? Secrets::SecretError {} : result.error();
            });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 20'000);
        QCOMPARE(error->code, Secrets::SecretError::Code::NotFound);
    }

    // Where to look: every file under this test's own root (home, XDG folders, the runtime folder with the
    // socket) and every file in the temporary folder written since the test began.
    QList<std::pair<QString, QByteArray>> places;
    qint64 bytes = 0;
    int files = 0;
    const auto addFile = [&](const QString &path) {
        const QFileInfo info(path);
        if (!info.isFile() || info.size() > 64 * 1024 * 1024)
            return;
        ++files;
        const QByteArray content = readAll(path);
        bytes += content.size();
        places.append({path, content});
    };
    const QString root = QFileInfo(QDir::homePath()).absolutePath();
    QDirIterator own(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (own.hasNext())
        addFile(own.next());
    QDirIterator temporary(QDir::tempPath(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (temporary.hasNext()) {
        const QString path = temporary.next();
        if (!path.startsWith(root) && QFileInfo(path).lastModified() >= started)
            addFile(path);
    }
    QVERIFY(files > 0);
    {
        QMutexLocker lock(&g_logMutex);
        places.append({QStringLiteral("the log"), g_log});
    }
    places.append({QStringLiteral("the bridge's stderr"), bridgeErrors});
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        places.append({QStringLiteral("/proc/%1/cmdline and environ").arg(it.key()), it.value()});
    QVERIFY2(m_seen.size() >= 3, "the consent window and the bridge were not sampled");

    QStringList leaks;
    for (const QByteArray &secret : std::as_const(secrets)) {
        // Also as it would look in a URL, in base64, or cut to a recognisable half.
        const QList<QByteArray> forms = {
            secret, QUrl::toPercentEncoding(QString::fromLatin1(secret)), secret.toBase64(), secret.left(24)};
        for (const auto &[where, content] : std::as_const(places)) {
            for (const QByteArray &form : forms) {
                if (content.contains(form)) {
                    leaks << QStringLiteral("%1 holds a secret starting %2")
                                 .arg(where, QString::fromLatin1(secret.left(6)));
                    break;
                }
            }
        }
    }
    qInfo("RELIABILITY: secrets tracked=%d files_scanned=%d bytes_scanned=%lld processes_sampled=%d samples=%d "
          "log_bytes=%d leaks=%d",
        int(secrets.size()), files, bytes, int(m_seen.size()), m_samples, int(g_log.size()), int(leaks.size()));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestSecretsScan)
#include "TestSecretsScan.moc"
