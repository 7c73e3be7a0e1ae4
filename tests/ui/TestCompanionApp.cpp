// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "AssistantSetupDialog.h"
#include "CompanionApp.h"
#include "SandboxProcess.h"
#include "SettingsDialog.h"
#include "StatusWindow.h"
#include "TrayController.h"
#include "auth/TokenManager.h"
#include "auth/TokenSet.h"
#include "mcp/McpSession.h"
#include "secrets/KeychainSecretStore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using Companion::Auth::AuthState;
using Companion::Testing::SandboxProcess;

namespace {
constexpr int kSignInTimeoutMs = 90'000;
}

/**
 * The sign-in as a person does it, end to end: the app starts the real consent window (aries-consent,
 * QtWebEngine offscreen), which loads the sandbox's sign-in and permission pages (filled in by the
 * sandbox's --auto-consent script) and catches the redirect; the app exchanges the code and keeps the
 * tokens in the real keychain of a private D-Bus session.
 */
class TestCompanionApp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signIn_thenRestart_thenRevoke();
    void unknownClient_explainsClientId();
    void redirectMismatch_explainsRedirectUri();
    void httpEndpoint_followsPortSetting();
    void pauseTrading_inTheTray_refusesOrdersAtOnce();
    void trayWindows_statusSetupAndTradingSettings();

private:
    static quint16 freePort();
    static Ui::LaunchOptions optionsFor(const SandboxProcess &sandbox, const QString &clientId);
    static std::optional<Auth::TokenSet> readKeychain(const QString &clientId, Secrets::SecretError *error = nullptr);
    static QStringList filesContaining(const QString &root, const QList<QByteArray> &needles);
    static QMessageBox *waitForMessage(QSignalSpy &spy, int timeoutMs);
    static void screenshot(QWidget *widget, const QString &name);
};

void TestCompanionApp::initTestCase()
{
    AppInfo::applyTo(*qApp);
    qRegisterMetaType<QMessageBox *>();
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    // The app looks for aries-consent next to itself; in a test, QCoreApplication::applicationDirPath()
    // is the test's folder, so point it at the build tree's copy through the same mechanism: a link.
    const QString consent = QStringLiteral(ARIES_CONSENT_PATH);
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("aries-consent"));
    QFile::remove(beside);
    QVERIFY(QFile::link(consent, beside));
}

Ui::LaunchOptions TestCompanionApp::optionsFor(const SandboxProcess &sandbox, const QString &clientId)
{
    Ui::LaunchOptions options;
    options.clientId = clientId;
    options.authorizeUrl = sandbox.url(QStringLiteral("/oauth2/authorize"));
    options.apiBaseUrl = sandbox.baseUrl();
    options.connect = true;
    // The endpoint has its own test below; the sign-in tests leave the fixed default port to the user's copy.
    options.mcpPort = 0;
    return options;
}

void TestCompanionApp::pauseTrading_inTheTray_refusesOrdersAtOnce()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Ui::LaunchOptions options = optionsFor(sandbox, QStringLiteral("sandbox-demo-client"));
    options.connect = false;
    Ui::CompanionApp app(options);
    app.start();

    // An assistant's session with the app, as the bridge would open it.
    std::unique_ptr<Mcp::McpSession> session = app.mcp().createSession(QStringLiteral("test"));
    QList<nlohmann::json> replies;
    connect(session.get(), &Mcp::McpSession::send, this,
        [&replies](const QByteArray &message) { replies.append(nlohmann::json::parse(message.toStdString())); });
    session->receive(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                     R"("capabilities":{},"clientInfo":{"name":"test","version":"1"}}})");
    session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    const QByteArray order = R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"place_order",)"
                             R"("arguments":{"side":"buy","quantity":1,"symbol":"AAPL","type":"market"}}})";

    // The whole tool list is there from the start, signed out or not.
    session->receive(R"({"jsonrpc":"2.0","id":3,"method":"tools/list"})");
    QTRY_COMPARE(replies.size(), 2);
    QCOMPARE(replies.last()["result"]["tools"].size(), std::size_t(12));

    QVERIFY(!app.tradingPolicy().isPaused());
    app.tray().pauseTradingAction()->setChecked(true);
    QVERIFY(app.tradingPolicy().isPaused());
    session->receive(order);
    QTRY_COMPARE(replies.size(), 3);
    const nlohmann::json result = replies.last()["result"];
    QVERIFY(result["isError"] == true);
    QVERIFY2(result["structuredContent"]["outcome"] == "refused", result.dump().c_str());
    QVERIFY(QString::fromStdString(result["content"][0]["text"].get<std::string>()).contains(QLatin1String("paused")));
    QCOMPARE(app.approvals().pendingCount(), 0);
    // The call is in the audit log as a tool call: who asked, which tool, how it ended; never its arguments.
    const QList<Trading::AuditRecord> calls =
        app.auditLog().recent(10, QString::fromLatin1(Trading::AuditRecord::kToolCallEvent));
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last().tool, QStringLiteral("place_order"));
    QCOMPARE(calls.last().client, QStringLiteral("test"));
    QCOMPARE(calls.last().outcome, QStringLiteral("denied"));

    app.tray().pauseTradingAction()->setChecked(false);
    QVERIFY(!app.tradingPolicy().isPaused());
}

void TestCompanionApp::trayWindows_statusSetupAndTradingSettings()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Ui::LaunchOptions options = optionsFor(sandbox, QStringLiteral("sandbox-demo-client"));
    options.connect = false;
    Ui::CompanionApp app(options);
    app.start();
    QWidget *window = app.tray().window();
    QVERIFY(window);

    // Status… opens the status window; a second click brings the same one back rather than a second copy.
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("statusButton")), Qt::LeftButton);
    QPointer<Ui::StatusWindow> status = app.statusWindow();
    QVERIFY(status && status->isVisible());
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("statusButton")), Qt::LeftButton);
    QCOMPARE(app.statusWindow(), status.data());

    // Its "Change…" next to the safety settings opens Settings at the Trading page.
    Q_EMIT status->tradingSettingsRequested();
    auto *settings = window->findChild<Ui::SettingsDialog *>();
    QVERIFY(settings && settings->isVisible());
    QCOMPARE(settings->currentPage(), Ui::SettingsDialog::Page::Trading);

    // Set up Claude Desktop…, from the tray and from the status window, opens one setup window.
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("setupClaudeButton")), Qt::LeftButton);
    QPointer<Ui::AssistantSetupDialog> setup = app.assistantSetup();
    QVERIFY(setup && setup->isVisible());
    Q_EMIT status->setupClaudeDesktopRequested();
    QCOMPARE(app.assistantSetup(), setup.data());

    // A second launch of the app shows this one's window.
    window->hide();
    app.bringToFront();
    QVERIFY(window->isVisible());
}

quint16 TestCompanionApp::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return probe.serverPort();
}

void TestCompanionApp::httpEndpoint_followsPortSetting()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Ui::LaunchOptions options = optionsFor(sandbox, QStringLiteral("sandbox-demo-client"));
    options.connect = false;
    const quint16 first = freePort();
    options.mcpPort = first;
    Ui::CompanionApp app(options);
    app.start();
    // The local key comes from the keychain first, so the endpoint opens a moment after start.
    QTRY_VERIFY_WITH_TIMEOUT(app.mcpHttp() != nullptr, 20'000);
    QCOMPARE(app.mcpHttp()->port(), first);
    QCOMPARE(app.mcpHttp()->address(), QHostAddress(QHostAddress::LocalHost));

    // A port saved in Settings replaces the command line's and moves the endpoint at once.
    const quint16 second = freePort();
    QVERIFY(second != first);
    app.openSettings();
    auto *dialog = app.tray().window()->findChild<Ui::SettingsDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(QStringLiteral("mcpPortSpin"))->setValue(second);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.mcpHttp() != nullptr && app.mcpHttp()->port() == second, 20'000);
    QTcpSocket old;
    old.connectToHost(QHostAddress::LocalHost, first);
    QVERIFY(!old.waitForConnected(2000));

    // 0 turns it off.
    app.openSettings();
    dialog = app.tray().window()->findChild<Ui::SettingsDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(QStringLiteral("mcpPortSpin"))->setValue(0);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(app.mcpHttp() == nullptr);
    QTcpSocket gone;
    gone.connectToHost(QHostAddress::LocalHost, second);
    QVERIFY(!gone.waitForConnected(2000));
}

std::optional<Auth::TokenSet> TestCompanionApp::readKeychain(const QString &clientId, Secrets::SecretError *error)
{
    Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
    std::optional<Expected<QByteArray, Secrets::SecretError>> result;
    QObject context;
    store.read(Auth::TokenManager::keychainKey(clientId), &context,
        [&result](Expected<QByteArray, Secrets::SecretError> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20'000) || !*result) {
        if (error && result && !*result) {
            *error = result->error();
        }
        return std::nullopt;
    }
    return Auth::TokenSet::fromKeychainBlob(**result);
}

QStringList TestCompanionApp::filesContaining(const QString &root, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (!needle.isEmpty() && content.contains(needle)) {
                hits << file.fileName();
            }
        }
    }
    return hits;
}

QMessageBox *TestCompanionApp::waitForMessage(QSignalSpy &spy, int timeoutMs)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs)) {
        return nullptr;
    }
    // Let any message that follows at once arrive too; the app shows one at a time, the newest.
    QTest::qWait(200);
    QPointer<QMessageBox> box = spy.takeLast().first().value<QMessageBox *>();
    spy.clear();
    return box;
}

void TestCompanionApp::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (widget && !dir.isEmpty() && QDir().mkpath(dir)) {
        widget->grab().save(QDir(dir).filePath(name));
    }
}

void TestCompanionApp::signIn_thenRestart_thenRevoke()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));

    Auth::TokenSet tokens;
    {
        Ui::CompanionApp app(optionsFor(sandbox, sandbox.demoClientId()));
        QSignalSpy messages(&app, &Ui::CompanionApp::messageShown);
        app.start();
        QVERIFY(!app.tray().usesTray()); // offscreen has no tray: the window stands in for it
        QTRY_VERIFY_WITH_TIMEOUT(app.tokens().state() == AuthState::Connected || !messages.isEmpty(), kSignInTimeoutMs);
        if (!messages.isEmpty()) {
            QFAIL(qPrintable(messages.first().first().value<QMessageBox *>()->text()));
        }
        QCOMPARE(app.environment(), QStringLiteral("Sandbox"));
        QVERIFY(app.tokens().grantedScopes().contains(QStringLiteral("order:execution")));
        screenshot(app.tray().window(), QStringLiteral("tray-window-connected.png"));

        // The tokens are in the keychain and work at Aries.
        const auto stored = readKeychain(sandbox.demoClientId());
        QVERIFY(stored.has_value());
        QVERIFY(stored->hasAccessToken() && stored->hasRefreshToken());
        tokens = *stored;
        const auto me = sandbox.http().get(
            sandbox.url(QStringLiteral("/v1/users/me")), {{"Authorization", "Bearer " + tokens.accessToken.toUtf8()}});
        QCOMPARE(me.status, 200);
        QCOMPARE(sandbox.grantCount(QStringLiteral("authorization_code")), 1);
    }

    // Nothing token-like anywhere under HOME: not in settings, logs or caches.
    const QStringList leaks =
        filesContaining(QDir::homePath(), {tokens.accessToken.toUtf8(), tokens.refreshToken.toUtf8()});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));

    {
        // A restart restores the sign-in from the keychain: even with --connect, no consent window and no
        // new code, because connecting waits until the keychain has answered.
        Ui::CompanionApp app(optionsFor(sandbox, sandbox.demoClientId()));
        QSignalSpy messages(&app, &Ui::CompanionApp::messageShown);
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(app.tokens().state() == AuthState::Connected, 20'000);
        QTest::qWait(500); // time for a wrongly started sign-in to show itself
        QCOMPARE(app.tokens().state(), AuthState::Connected);
        QCOMPARE(sandbox.requestCount(QStringLiteral("GET /oauth2/authorize")), 1);
        QCOMPARE(sandbox.grantCount(QStringLiteral("authorization_code")), 1);

        // Revoke access: confirm, and the tokens are gone from the keychain and from the app.
        auto *revokeButton = app.tray().window()->findChild<QPushButton *>(QStringLiteral("revokeButton"));
        QVERIFY(revokeButton && revokeButton->isEnabled());
        QTest::mouseClick(revokeButton, Qt::LeftButton);
        QMessageBox *confirmation = waitForMessage(messages, 5000);
        QVERIFY(confirmation);
        QCOMPARE(confirmation->objectName(), QStringLiteral("revokeConfirmation"));
        screenshot(confirmation, QStringLiteral("revoke-confirmation.png"));
        auto *confirm = confirmation->findChild<QPushButton *>(QStringLiteral("confirmRevokeButton"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.tokens().state(), AuthState::SignedOut, 20'000);
        QMessageBox *done = waitForMessage(messages, 20'000);
        QVERIFY(done);
        QVERIFY2(done->text().contains(QLatin1String("Client Center")), qPrintable(done->text()));

        Secrets::SecretError error;
        QVERIFY(!readKeychain(sandbox.demoClientId(), &error).has_value());
        QCOMPARE(error.code, Secrets::SecretError::Code::NotFound);
        QVERIFY(!revokeButton->isEnabled());
    }
}

void TestCompanionApp::unknownClient_explainsClientId()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    Ui::CompanionApp app(optionsFor(sandbox, QStringLiteral("no-such-client")));
    QSignalSpy messages(&app, &Ui::CompanionApp::messageShown);
    app.start();
    QMessageBox *box = waitForMessage(messages, kSignInTimeoutMs);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("Client ID")), qPrintable(box->text()));
    QVERIFY(box->findChild<QPushButton *>(QStringLiteral("retryButton")));
    screenshot(box, QStringLiteral("error-invalid-client.png"));
    QCOMPARE(app.tokens().state(), AuthState::SignedOut);
}

void TestCompanionApp::redirectMismatch_explainsRedirectUri()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0"),
                 QStringLiteral("--client"), QStringLiteral("other-client=https://mcp.aries.com/auth/callback/")}),
        qPrintable(sandbox.errorString()));
    Ui::CompanionApp app(optionsFor(sandbox, QStringLiteral("other-client")));
    QSignalSpy messages(&app, &Ui::CompanionApp::messageShown);
    app.start();
    QMessageBox *box = waitForMessage(messages, kSignInTimeoutMs);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("https://mcp.aries.com/auth/callback")), qPrintable(box->text()));
    screenshot(box, QStringLiteral("error-redirect-mismatch.png"));
    QCOMPARE(app.tokens().state(), AuthState::SignedOut);
}

QTEST_MAIN(TestCompanionApp)
#include "TestCompanionApp.moc"
