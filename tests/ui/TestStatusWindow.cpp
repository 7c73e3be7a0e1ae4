// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The status window over real parts: a sign-in to the real aries-sandbox through its pages (with two
// permissions left unticked), the tokens in the real keychain (tests/run-isolated.sh keyring), the real
// MCP engine with the real tools, and the real audit log. Offscreen; leaves screenshots/status.png.
#include "StatusWindow.h"

#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/CompanionSettings.h"
#include "tools/AccountTools.h"
#include "tools/AriesSession.h"
#include "tools/MarketTools.h"
#include "tools/ToolScopes.h"
#include "trading/AuditLog.h"
#include "trading/TradingPolicy.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Companion;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using Companion::Ui::StatusWindow;
using nlohmann::json;

namespace {

const QByteArray kLocalKey = "local-key-3b9f1c0e7d2a4f6b8e1d";
const QString kMissing1 = QStringLiteral("market:supplemental");
const QString kMissing2 = QStringLiteral("market:information");

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found) {
        qFatal("no child %s", name);
    }
    return found;
}

QString labelText(QWidget &parent, const char *name)
{
    return child<QLabel>(parent, name)->text();
}

/** The row of @p table whose first column is (or holds as user data) @p key; -1 when none. */
int rowOf(QTableWidget *table, const QString &key)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, 0);
        if (item && (item->text() == key || item->data(Qt::UserRole).toString() == key)) {
            return row;
        }
    }
    return -1;
}

QByteArray message(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

} // namespace

class TestStatusWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void account_showsSandboxEmailAndMaskedClientId();
    void token_countdownMovesEverySecond();
    void permissions_grantedScopesAndToolsThatCannotWork();
    void safety_showsPolicyAndChangeAsksForSettings();
    void mcp_endpointsClientsAndCopyPutsKeyOnClipboard();
    void calls_listedLiveAndFiltered();
    void buttons_emitSignals();
    void nothingShowsATokenOrTheKey();
    void screenshot();

private:
    StatusWindow::Sources sources();

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_signedIn;
    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Auth::OAuthClient> m_oauth;
    std::unique_ptr<Secrets::KeychainSecretStore> m_store;
    std::unique_ptr<Auth::TokenManager> m_tokens;
    std::unique_ptr<CompanionSettings> m_settings;
    std::unique_ptr<Tools::AriesSession> m_aries;
    std::unique_ptr<Trading::TradingPolicy> m_policy;
    std::unique_ptr<Trading::AuditLog> m_audit;
    std::unique_ptr<Mcp::McpServer> m_mcp;
    std::unique_ptr<Mcp::McpSession> m_claude;
    std::unique_ptr<StatusWindow> m_window;
    QList<json> m_sent;
    QList<QUrl> m_opened;
};

void TestStatusWindow::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run through CTest: needs the private D-Bus session of tests/run-isolated.sh keyring");
    QVERIFY2(qEnvironmentVariableIsSet("ARIES_SANDBOX_BIN"), "run through CTest: needs ARIES_SANDBOX_BIN");
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));

    Auth::OAuthConfig config;
    config.clientId = m_sandbox->demoClientId();
    config.apiBaseUrl = m_sandbox->baseUrl();
    config.authorizeUrl = m_sandbox->url(QStringLiteral("/oauth2/authorize"));
    // The app asks for every scope; on Aries' page the user unticks the two market data permissions.
    QStringList ticked = config.scopes;
    ticked.removeAll(kMissing1);
    ticked.removeAll(kMissing2);
    m_signedIn =
        SandboxSignIn::signIn(*m_sandbox, m_sandbox->demoUser(), m_sandbox->demoPassword(), config.scopes, ticked);
    QVERIFY(m_signedIn.isValid());
    QVERIFY(!m_signedIn.scope.contains(kMissing1));

    m_network = std::make_unique<QNetworkAccessManager>();
    m_oauth = std::make_unique<Auth::OAuthClient>(*m_network);
    m_store = std::make_unique<Secrets::KeychainSecretStore>(QStringLiteral("com.aries.companion.tests.status"), 10s);
    m_tokens = std::make_unique<Auth::TokenManager>(*m_oauth, *m_store);
    m_tokens->setConfig(config);
    const auto tokens = Auth::TokenSet::fromTokenResponse(
        QByteArray::fromStdString(m_signedIn.raw.dump()), QDateTime::currentDateTimeUtc());
    QVERIFY(tokens.has_value());
    m_tokens->adoptTokens(*tokens);
    QTRY_VERIFY_WITH_TIMEOUT(m_tokens->state() == Auth::AuthState::Connected, 15000);

    m_settings = std::make_unique<CompanionSettings>();
    m_aries = std::make_unique<Tools::AriesSession>(*m_tokens, [] { return QString(); });
    m_aries->setApiBaseUrl(m_sandbox->baseUrl());
    Trading::TradingLimits limits;
    limits.tradingEnabled = true;
    limits.maxNotionalPerOrder = Decimal::parse(u"5000");
    limits.maxQuantity = Decimal::parse(u"100");
    limits.symbolAllowlist = {QStringLiteral("AAPL"), QStringLiteral("MSFT")};
    m_policy = std::make_unique<Trading::TradingPolicy>(limits);
    m_policy->setPaused(true);
    m_audit = std::make_unique<Trading::AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    // A call from an earlier run, in the log.
    QVERIFY(m_audit->append(Trading::AuditRecord::toolCall(QDateTime::currentDateTimeUtc().addSecs(-3600),
        QStringLiteral("cursor"), QStringLiteral("http"), QStringLiteral("search_symbols"), QStringLiteral("error"),
        QStringLiteral("This needs the Aries permission \"market:information\""))));

    m_mcp = std::make_unique<Mcp::McpServer>();
    Tools::AccountTools::registerTools(*m_mcp, *m_aries);
    Tools::MarketTools::registerTools(*m_mcp, *m_aries);
    // What CompanionApp does with every finished call.
    connect(m_mcp.get(), &Mcp::McpServer::toolCallFinished, this, [this](const Mcp::ToolCallEvent &event) {
        QVERIFY(m_audit->append(Trading::AuditRecord::toolCall(event.time, event.client, event.transport, event.tool,
            Mcp::ToolCallEvent::outcomeName(event.outcome), event.detail)));
    });

    m_window = std::make_unique<StatusWindow>(sources());
    m_window->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestStatusWindow::cleanupTestCase()
{
    m_window.reset();
    m_claude.reset();
    m_mcp.reset();
    m_aries.reset();
    m_tokens.reset();
    m_oauth.reset();
    m_network.reset();
    m_sandbox.reset();
}

StatusWindow::Sources TestStatusWindow::sources()
{
    const QString socket = m_dir.filePath(QStringLiteral("aries-companion/mcp.sock"));
    return StatusWindow::Sources {*m_tokens, *m_settings, *m_policy, *m_mcp, *m_audit, *m_aries,
        [socket] { return socket; }, [] { return QUrl(QStringLiteral("http://127.0.0.1:7465/mcp")); },
        [](QObject *context, StatusWindow::LocalKeyCallback callback) {
            // Asynchronous, as the keychain answers.
            QTimer::singleShot(10, context, [callback] { callback(kLocalKey); });
        }};
}

void TestStatusWindow::account_showsSandboxEmailAndMaskedClientId()
{
    QVERIFY(labelText(*m_window, "environmentBanner").contains(QStringLiteral("SANDBOX")));
    QVERIFY(labelText(*m_window, "environmentLabel").startsWith(QStringLiteral("Sandbox")));
    QCOMPARE(labelText(*m_window, "connectionLabel"), QStringLiteral("Connected"));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(*m_window, "emailLabel"), m_sandbox->demoUser(), 15000);
    const QString clientId = m_sandbox->demoClientId();
    const QString shown = labelText(*m_window, "clientIdLabel");
    QCOMPARE(shown, StatusWindow::maskClientId(clientId));
    QVERIFY(!shown.contains(clientId));
    QVERIFY(shown.startsWith(clientId.left(4)) && shown.endsWith(clientId.right(4)));
    QVERIFY(labelText(*m_window, "accountLabel").contains(QStringLiteral("first open account")));
    QVERIFY(!labelText(*m_window, "connectedSinceLabel").isEmpty());
    QVERIFY(labelText(*m_window, "connectedSinceLabel") != QStringLiteral("—"));
}

void TestStatusWindow::token_countdownMovesEverySecond()
{
    const QString first = labelText(*m_window, "expiresLabel");
    QVERIFY2(first.startsWith(QStringLiteral("in ")), qPrintable(first));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*m_window, "expiresLabel") != first, 2500);
    QVERIFY(labelText(*m_window, "nextRefreshLabel").startsWith(QStringLiteral("at ")));
    QCOMPARE(labelText(*m_window, "lastRefreshLabel"), QStringLiteral("Not yet since you signed in"));
    // The sandbox states refresh_token_expires_in (30 days), so the sign-in's end is known.
    QVERIFY2(labelText(*m_window, "refreshExpiresLabel").contains(QStringLiteral("days")),
        qPrintable(labelText(*m_window, "refreshExpiresLabel")));
    QCOMPARE(StatusWindow::durationText(59 * 60 + 12), QStringLiteral("59 min 12 s"));
    QCOMPARE(StatusWindow::durationText(3600 + 120), QStringLiteral("1 h 02 min"));
}

void TestStatusWindow::permissions_grantedScopesAndToolsThatCannotWork()
{
    auto *scopes = child<QTableWidget>(*m_window, "scopesTable");
    QCOMPARE(scopes->rowCount(), Auth::OAuthConfig::defaultScopes().size());
    for (const QString &scope : Auth::OAuthConfig::defaultScopes()) {
        const int row = rowOf(scopes, scope);
        QVERIFY2(row >= 0, qPrintable(scope));
        const bool granted = scope != kMissing1 && scope != kMissing2;
        QCOMPARE(scopes->item(row, 1)->data(Qt::UserRole).toBool(), granted);
        QCOMPARE(scopes->item(row, 1)->text(), granted ? QStringLiteral("Granted") : QStringLiteral("Not granted"));
        QVERIFY(scopes->item(row, 0)->text().contains(scope)); // plain words and the name
    }
    QVERIFY(scopes->item(rowOf(scopes, kMissing1), 2)->text().contains(QStringLiteral("get_quote")));

    auto *tools = child<QTableWidget>(*m_window, "toolsTable");
    QCOMPARE(tools->rowCount(), Tools::ToolScopes::all().size());
    const int quote = rowOf(tools, QStringLiteral("get_quote"));
    QVERIFY(quote >= 0);
    QCOMPARE(tools->item(quote, 1)->data(Qt::UserRole).toInt(), int(Tools::ToolScopes::Availability::Unavailable));
    QCOMPARE(tools->item(quote, 1)->text(), QStringLiteral("No"));
    QVERIFY(tools->item(quote, 2)->text().contains(kMissing1));
    QVERIFY(tools->item(quote, 2)->text().contains(QStringLiteral("Reconnect")));
    const int accounts = rowOf(tools, QStringLiteral("get_accounts"));
    QCOMPARE(tools->item(accounts, 1)->data(Qt::UserRole).toInt(), int(Tools::ToolScopes::Availability::Available));
    QCOMPARE(tools->item(accounts, 1)->text(), QStringLiteral("Yes"));
    // Orders need the symbol check, which needs market:information.
    QCOMPARE(tools->item(rowOf(tools, QStringLiteral("place_order")), 1)->data(Qt::UserRole).toInt(),
        int(Tools::ToolScopes::Availability::Unavailable));
    QVERIFY(child<QLabel>(*m_window, "toolsHintLabel")->isVisible());
    QVERIFY(labelText(*m_window, "toolsHintLabel").contains(QStringLiteral("cannot work"))
        && labelText(*m_window, "toolsHintLabel").startsWith(QStringLiteral("5 tool")));
}

void TestStatusWindow::safety_showsPolicyAndChangeAsksForSettings()
{
    QVERIFY(labelText(*m_window, "tradingLabel").startsWith(QStringLiteral("Trading on")));
    QVERIFY(labelText(*m_window, "capsLabel").contains(QStringLiteral("$5000.00")));
    QVERIFY(labelText(*m_window, "capsLabel").contains(QStringLiteral("100 shares")));
    QCOMPARE(labelText(*m_window, "allowlistLabel"), QStringLiteral("Only AAPL, MSFT"));
    QVERIFY(labelText(*m_window, "pausedLabel").startsWith(QStringLiteral("Paused")));
    m_policy->setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(*m_window, "pausedLabel"), QStringLiteral("Not paused"), 2500);
    m_policy->setPaused(true);
    QSignalSpy change(m_window.get(), &StatusWindow::tradingSettingsRequested);
    QTest::mouseClick(child<QPushButton>(*m_window, "changeSafetyButton"), Qt::LeftButton);
    QCOMPARE(change.count(), 1);
}

void TestStatusWindow::mcp_endpointsClientsAndCopyPutsKeyOnClipboard()
{
    QVERIFY(labelText(*m_window, "socketLabel").endsWith(QStringLiteral("mcp.sock")));
    QCOMPARE(labelText(*m_window, "httpLabel"), QStringLiteral("http://127.0.0.1:7465/mcp · on"));

    auto *clients = child<QListWidget>(*m_window, "clientsList");
    QCOMPARE(clients->count(), 1);
    QCOMPARE(clients->item(0)->text(), QStringLiteral("No assistant is connected now"));
    m_claude = m_mcp->createSession(QStringLiteral("local"));
    connect(m_claude.get(), &Mcp::McpSession::send, this, [this](const QByteArray &text, const QByteArray &, bool) {
        m_sent.append(json::parse(text.constBegin(), text.constEnd(), nullptr, false));
    });
    m_claude->receive(message(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "claude-ai"}, {"version", "0.14.2"}}}}}}));
    QTRY_VERIFY(clients->count() == 1 && clients->item(0)->text().startsWith(QStringLiteral("claude-ai 0.14.2")));
    QVERIFY(clients->item(0)->text().contains(QStringLiteral("local socket")));

    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(*m_window, "copyKeyButton"), Qt::LeftButton);
    QTRY_COMPARE(QApplication::clipboard()->text(), QString::fromLatin1(kLocalKey));
    QVERIFY(labelText(*m_window, "localKeyLabel").contains(QStringLiteral("copied")));
    QVERIFY(!labelText(*m_window, "localKeyLabel").contains(QString::fromLatin1(kLocalKey.left(6))));
}

void TestStatusWindow::calls_listedLiveAndFiltered()
{
    QVERIFY(m_claude);
    auto *view = child<QTableView>(*m_window, "callsTable");
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 1); // the earlier run's call, from the log
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("search_symbols"));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("cursor"));

    m_sent.clear();
    m_claude->receive(message(json {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/call"},
        {"params", {{"name", "get_accounts"}, {"arguments", json::object()}}}}));
    m_claude->receive(message(json {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "tools/call"},
        {"params", {{"name", "get_quote"}, {"arguments", {{"symbol", "AAPL"}}}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 15000);
    // Newest first; the quote failed for the missing permission, which the detail says.
    QStringList tools;
    QString quoteOutcome;
    QString quoteDetail;
    for (int row = 0; row < 3; ++row) {
        tools << model->index(row, 2).data().toString();
        if (tools.last() == QLatin1String("get_quote")) {
            quoteOutcome = model->index(row, 3).data().toString();
            quoteDetail = model->index(row, 4).data().toString();
        }
    }
    QVERIFY(tools.contains(QStringLiteral("get_accounts")));
    QCOMPARE(tools.last(), QStringLiteral("search_symbols"));
    QCOMPARE(quoteOutcome, QStringLiteral("Error"));
    QVERIFY2(quoteDetail.contains(kMissing1) || quoteDetail.contains(kMissing2), qPrintable(quoteDetail));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("claude-ai"));

    auto *filter = child<QLineEdit>(*m_window, "callsFilterEdit");
    QTest::keyClicks(filter, QStringLiteral("ACCOUNTS"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("get_accounts"));
    filter->setText(QStringLiteral("cursor"));
    QCOMPARE(model->rowCount(), 1);
    filter->setText(QStringLiteral("error"));
    QCOMPARE(model->rowCount(), 2);
    filter->clear();
    QCOMPARE(model->rowCount(), 3);

    // Every call went to the audit log too, as its own event.
    QCOMPARE(m_audit->recent(10, QLatin1String(Trading::AuditRecord::kToolCallEvent)).size(), 3);
    m_window->reloadCalls();
    QCOMPARE(model->rowCount(), 3);

    QTest::mouseClick(child<QPushButton>(*m_window, "openLogButton"), Qt::LeftButton);
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first(), QUrl::fromLocalFile(QFileInfo(m_audit->filePath()).absolutePath()));
}

void TestStatusWindow::buttons_emitSignals()
{
    QSignalSpy reconnect(m_window.get(), &StatusWindow::reconnectRequested);
    QSignalSpy revoke(m_window.get(), &StatusWindow::revokeRequested);
    QSignalSpy setup(m_window.get(), &StatusWindow::setupClaudeDesktopRequested);
    QTest::mouseClick(child<QPushButton>(*m_window, "reconnectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(*m_window, "revokeButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(*m_window, "setupClaudeButton"), Qt::LeftButton);
    QCOMPARE(reconnect.count(), 1);
    QCOMPARE(revoke.count(), 1);
    QCOMPARE(setup.count(), 1);
}

void TestStatusWindow::nothingShowsATokenOrTheKey()
{
    QStringList secrets {
        m_signedIn.accessToken, m_signedIn.refreshToken, QString::fromLatin1(kLocalKey), m_sandbox->demoClientId()};
    secrets.removeAll(QString());
    const auto check = [&secrets](const QString &text, const QString &where) {
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY2(!text.contains(secret), qPrintable(where));
        }
    };
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        check(label->text() + label->toolTip(), label->objectName());
    }
    for (QTableWidget *table : m_window->findChildren<QTableWidget *>()) {
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                check(table->item(row, column)->text(), table->objectName());
            }
        }
    }
}

void TestStatusWindow::screenshot()
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("COMPANION_SCREENSHOT_DIR not set");
    }
    QVERIFY(QDir().mkpath(dir));
    // The size it takes on a desktop screen (offscreen's default screen is smaller, where it scrolls).
    m_window->resize(1240, 1060);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("status.png"))));
}

QTEST_MAIN(TestStatusWindow)
#include "TestStatusWindow.moc"
