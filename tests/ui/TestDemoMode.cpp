// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "ApprovalQueue.h"
#include "CompanionApp.h"
#include "GuideClient.h"
#include "OrderApprovalWindow.h"
#include "SettingsDialog.h"
#include "TrayController.h"
#include "settings/CompanionSettings.h"
#include "trading/TradingPolicy.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using nlohmann::json;

/**
 * Demo mode as a newcomer meets it, with no Aries account: `aries-companion --sandbox` starts the bundled
 * sandbox itself on a free port, fills in its Client ID, signs in through the real consent window
 * (QtWebEngine offscreen; the sandbox's --auto-consent script types the demo credentials the page shows),
 * and Claude Desktop's side (the official SDK client through the stdio bridge) gets the demo portfolio, a
 * quote and an order that waits in the approval window, every part labelled as the sandbox.
 */
class TestDemoMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demo_startsSandboxSignsInAndTradesWithApproval();

private:
    static QString allText(const QWidget *widget);
};

void TestDemoMode::initTestCase()
{
    AppInfo::applyTo(*qApp);
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    // The app starts its helpers from its own folder; a test's own folder gets links to the built ones.
    for (const auto &[name, target] :
        {std::pair {"aries-consent", ARIES_CONSENT_PATH}, std::pair {"aries-sandbox", ARIES_SANDBOX_PATH}}) {
        const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(name));
        QFile::remove(beside);
        QVERIFY(QFile::link(QLatin1String(target), beside));
    }
}

QString TestDemoMode::allText(const QWidget *widget)
{
    QString text;
    for (const QLabel *label : widget->findChildren<QLabel *>()) {
        text += label->text() + QLatin1Char('\n');
    }
    return text;
}

void TestDemoMode::demo_startsSandboxSignsInAndTradesWithApproval()
{
    // A fresh install: no Client ID saved, trading off in the saved settings.
    QVERIFY(CompanionSettings().clientId().isEmpty());
    QVERIFY(!CompanionSettings().tradingLimits().tradingEnabled);

    Ui::LaunchOptions options;
    options.sandbox = true;
    options.connect = true;
    options.mcpPort = 0;
    // Unattended: the sandbox's sign-in page fills in and submits the demo credentials it shows.
    options.sandboxArguments = {QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0")};
    Ui::CompanionApp app(options);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.tokens().state() == Auth::AuthState::Connected, 60'000);

    // The sandbox is this computer's, its Client ID is filled in, and everything says "Sandbox".
    QCOMPARE(app.environment(), QStringLiteral("Sandbox"));
    QVERIFY(QHostAddress(app.settings().apiBaseUrl().host()).isLoopback());
    QCOMPARE(app.settings().clientId(), QStringLiteral("sandbox-demo-client"));
    QVERIFY(CompanionSettings().clientId().isEmpty()); // for this run only, never saved over the user's own
    QVERIFY2(app.tray().toolTip().contains(QStringLiteral("Sandbox · Connected")), qPrintable(app.tray().toolTip()));
    QCOMPARE(app.tray().state(), Ui::TrayController::State::Connected);
    // Practice money: orders are allowed in the demo, still each one behind the approval window.
    QVERIFY(app.tradingPolicy().limits().tradingEnabled);
    QVERIFY(!CompanionSettings().tradingLimits().tradingEnabled);
    // Settings shows the sandbox's Client ID and says, above everything, that this is the sandbox.
    app.openSettings();
    auto *settings = app.tray().window()->findChild<Ui::SettingsDialog *>();
    QVERIFY(settings && settings->isVisible());
    QCOMPARE(settings->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->text(),
        QStringLiteral("sandbox-demo-client"));
    QVERIFY(settings->findChild<QLabel *>(QStringLiteral("sandboxBanner"))->isVisible());
    settings->reject();

    // Pausing shows in the tray icon, so a glance says why the assistant's orders would be refused.
    app.tray().pauseTradingAction()->setChecked(true);
    QCOMPARE(app.tray().state(), Ui::TrayController::State::Paused);
    QVERIFY(app.tray().toolTip().contains(QStringLiteral("trading paused")));
    app.tray().pauseTradingAction()->setChecked(false);
    QCOMPARE(app.tray().state(), Ui::TrayController::State::Connected);

    // Claude Desktop pointed at the demo: the bridge reaches this app like any other.
    Testing::GuideClient client;
    QVERIFY2(client.start(QStringLiteral(NODE_PROGRAM), QStringLiteral(GUIDE_SCRIPT), QStringLiteral(BRIDGE_PATH)),
        qPrintable(client.process().errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(app.approvals().pendingCount() == 1, 60'000);
    Ui::OrderApprovalWindow *window = app.approvals().window();
    QVERIFY(window);
    QTRY_VERIFY(window->isVisible());
    QVERIFY2(allText(window).contains(QStringLiteral("Sandbox")), qPrintable(allText(window)));
    QVERIFY(!allText(window).contains(QStringLiteral("REAL MONEY")));
    // A waiting order is the one thing the tray calls for attention.
    QCOMPARE(app.tray().state(), Ui::TrayController::State::Attention);
    QVERIFY(app.tray().toolTip().contains(QStringLiteral("An order is waiting for your approval")));
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("approveButton")), Qt::LeftButton);
    QTRY_COMPARE(app.approvals().pendingCount(), 0);
    QTRY_COMPARE(app.tray().state(), Ui::TrayController::State::Connected);

    QTRY_VERIFY_WITH_TIMEOUT(!client.isRunning(), 90'000);
    const QByteArray output = client.output();
    QVERIFY2(client.process().exitCode() == 0, client.diagnostics().constData());

    // The demo portfolio, a quote and the approved order, each result naming the sandbox.
    const json portfolio = client.resultOf("get_portfolio");
    QVERIFY2(portfolio.is_object() && !portfolio.value("isError", false), output.constData());
    QVERIFY(portfolio["structuredContent"]["environment"] == "sandbox");
    QVERIFY(!portfolio["structuredContent"]["positions"].empty());
    const json quote = client.resultOf("get_quote");
    QVERIFY(quote.is_object() && !quote.value("isError", false));
    QVERIFY(quote["structuredContent"]["environment"] == "sandbox");
    const json placed = client.resultOf("place_order");
    QVERIFY2(placed.is_object() && !placed.value("isError", false), output.constData());
    QVERIFY(placed["structuredContent"]["outcome"] == "placed");
    QVERIFY(placed["structuredContent"]["environment"] == "sandbox");
    // The text a person reads in Claude says so too, not only the structured fields.
    QVERIFY(QString::fromStdString(placed["content"][0].value("text", "")).contains(QStringLiteral("andbox")));
}

QTEST_MAIN(TestDemoMode)
#include "TestDemoMode.moc"
