// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "ApprovalQueue.h"
#include "CompanionApp.h"
#include "Decimal.h"
#include "GuideClient.h"
#include "OrderApprovalWindow.h"
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "auth/TokenManager.h"
#include "auth/TokenSet.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/CompanionSettings.h"
#include "trading/TradingPolicy.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QPushButton>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using Companion::Testing::GuideClient;
using Companion::Testing::SandboxProcess;
using Companion::Testing::SandboxSignIn;
using nlohmann::json;

/**
 * Aries' guide, end to end, as a Claude Desktop user lives it: the tray app runs signed in to the sandbox
 * (tokens in the real keychain of a private D-Bus session), the official MCP SDK client starts the stdio
 * bridge and asks for the portfolio, the AAPL price and a limit buy of 10 MSFT at $400; the order waits in
 * the app's approval window until the test presses the window's own Approve button, and then the order is
 * in the sandbox.
 */
class TestGuideEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void guidePrompts_portfolioQuoteAndApprovedOrder();

private:
    static void screenshot(QWidget *widget, const QString &name);
};

void TestGuideEndToEnd::initTestCase()
{
    AppInfo::applyTo(*qApp);
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
}

void TestGuideEndToEnd::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (!dir.isEmpty() && widget && QDir().mkpath(dir)) {
        widget->grab().save(QDir(dir).filePath(name));
    }
}

void TestGuideEndToEnd::guidePrompts_portfolioQuoteAndApprovedOrder()
{
    // A still market, so the prices the tools report are the sandbox's prices when the test reads them.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(sandbox.errorString()));
    const QString clientId = QStringLiteral("sandbox-demo-client");

    // Signed in earlier: the tokens are in the keychain, as after a sign-in in the consent window.
    const auto tokens = SandboxSignIn::signIn(sandbox);
    QVERIFY(tokens.isValid());
    const auto tokenSet = Auth::TokenSet::fromTokenResponse(
        QByteArray::fromStdString(tokens.raw.dump()), QDateTime::currentDateTimeUtc());
    QVERIFY(tokenSet.has_value());
    {
        Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
        bool written = false;
        QObject context;
        store.write(Auth::TokenManager::keychainKey(clientId), tokenSet->toKeychainBlob(), &context,
            [&written](Expected<void, Secrets::SecretError> result) { written = result.has_value(); });
        QTRY_VERIFY_WITH_TIMEOUT(written, 20'000);
    }
    // The user has turned trading on in Settings (a fresh install is read-only).
    {
        CompanionSettings settings;
        Trading::TradingLimits limits = settings.tradingLimits();
        limits.tradingEnabled = true;
        settings.saveTradingLimits(limits);
    }

    Ui::LaunchOptions options;
    options.clientId = clientId;
    options.authorizeUrl = sandbox.url(QStringLiteral("/oauth2/authorize"));
    options.apiBaseUrl = sandbox.baseUrl();
    options.mcpPort = 0;
    Ui::CompanionApp app(options);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.tokens().state() == Auth::AuthState::Connected, 20'000);

    // Claude Desktop's side: the SDK client starts the bridge, which reaches this app's socket.
    GuideClient client;
    QVERIFY2(client.start(QStringLiteral(NODE_PROGRAM), QStringLiteral(GUIDE_SCRIPT), QStringLiteral(BRIDGE_PATH)),
        qPrintable(client.process().errorString()));

    // The order reaches the approval window, and nothing is at the sandbox yet.
    QTRY_VERIFY_WITH_TIMEOUT(app.approvals().pendingCount() == 1, 60'000);
    Ui::OrderApprovalWindow *window = app.approvals().window();
    QVERIFY(window);
    QTRY_VERIFY(window->isVisible());
    const json before =
        sandbox.http()
            .get(sandbox.url(QStringLiteral("/v2/accounts/%1/orders?limit=200").arg(QStringLiteral("SBX-10000001"))),
                {Testing::bearer(tokens.accessToken)})
            .json();
    QVERIFY(before.contains("orders"));
    for (const json &order : before["orders"]) {
        QVERIFY2(order.value("symbol", "") != "MSFT", "an order reached Aries before it was approved");
    }
    screenshot(window, QStringLiteral("guide-approval.png"));
    auto *approve = window->findChild<QPushButton *>(QStringLiteral("approveButton"));
    QVERIFY(approve);
    QVERIFY(!approve->isDefault());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE(app.approvals().pendingCount(), 0);

    // The app lives in this process: wait with the event loop running (waitForFinished() would block it).
    QTRY_VERIFY_WITH_TIMEOUT(!client.isRunning(), 90'000);
    const QByteArray output = client.output();
    QVERIFY2(client.process().exitCode() == 0, client.diagnostics().constData());

    // "What's in my Aries portfolio?": every sandbox position, with the sandbox's quantities.
    const json portfolio = client.resultOf("get_portfolio");
    QVERIFY2(portfolio.is_object() && !portfolio.value("isError", false), output.constData());
    const json holdings = portfolio["structuredContent"];
    QVERIFY(holdings["environment"] == "sandbox");
    const QString account = QString::fromStdString(holdings["accountId"].get<std::string>());
    const json raw = sandbox.http()
                         .get(sandbox.url(QStringLiteral("/v1/accounts/%1/positions").arg(account)),
                             {Testing::bearer(tokens.accessToken)})
                         .json();
    QVERIFY(raw.is_array() || raw.contains("positions"));
    const json rawPositions = raw.is_array() ? raw : raw["positions"];
    QCOMPARE(holdings["positions"].size(), rawPositions.size());

    // "What's the current price of AAPL?": the sandbox's last trade.
    const json quote = client.resultOf("get_quote");
    QVERIFY2(quote.is_object() && !quote.value("isError", false), output.constData());
    const json lastTrade = sandbox.http()
                               .get(sandbox.url(QStringLiteral("/v1/stocks/last-trade?ticker=AAPL")),
                                   {Testing::bearer(tokens.accessToken)})
                               .json();
    const json &quoted = quote["structuredContent"]["quotes"][0];
    QVERIFY(quoted["symbol"] == "AAPL");
    QVERIFY(lastTrade.contains("results"));
    const auto expected = Decimal::fromDouble(lastTrade["results"]["price"].get<double>());
    QVERIFY(expected.has_value());
    const auto reported = Decimal::parse(QString::fromStdString(quoted["last"].get<std::string>()));
    QVERIFY2(reported.has_value(), quoted.dump().c_str());
    QCOMPARE(reported->toString(), expected->toString());

    // "Place a limit buy order for 10 shares of MSFT at $400.": approved in the window, so placed.
    const json placed = client.resultOf("place_order");
    QVERIFY2(placed.is_object() && !placed.value("isError", false), output.constData());
    QVERIFY(placed["structuredContent"]["outcome"] == "placed");
    QVERIFY(placed["structuredContent"]["environment"] == "sandbox");
    const json after = sandbox.http()
                           .get(sandbox.url(QStringLiteral("/v2/accounts/%1/orders?limit=200").arg(account)),
                               {Testing::bearer(tokens.accessToken)})
                           .json();
    int msftOrders = 0;
    for (const json &order : after["orders"]) {
        if (order.value("symbol", "") == "MSFT") {
            ++msftOrders;
            QVERIFY(order.value("side", "") == "BUY");
            QVERIFY(order.value("qty", "") == "10");
            QVERIFY(order.value("type", "") == "LIMIT");
        }
    }
    QCOMPARE(msftOrders, 1);
}

QTEST_MAIN(TestGuideEndToEnd)
#include "TestGuideEndToEnd.moc"
