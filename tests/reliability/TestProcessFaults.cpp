// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "ApprovalQueue.h"
#include "CompanionApp.h"
#include "OrderApprovalWindow.h"
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "auth/TokenManager.h"
#include "auth/TokenSet.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/CompanionSettings.h"
#include "trading/AuditLog.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

#include <signal.h>
#include <sys/types.h>

using namespace Companion;
using namespace Companion::Testing;
using nlohmann::json;

namespace {

constexpr char kClientId[] = "sandbox-demo-client";
constexpr int kWaitMs = 30'000;

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

json limitOrder()
{
    return json {{"side", "buy"}, {"quantity", "1"}, {"symbol", "AAPL"}, {"type", "limit"}, {"limit_price", "1.25"},
        {"time_in_force", "gtc"}};
}

/** The JSON-RPC side of Claude Desktop: aries-mcp started with pipes, one message per line. */
class BridgeClient final
{
public:
    /** @p tempDir, when given, is the bridge's own temporary folder (TMPDIR), so a test can see what it leaves. */
    explicit BridgeClient(int connectTimeoutMs = 20'000, const QString &tempDir = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!tempDir.isEmpty())
            environment.insert(QStringLiteral("TMPDIR"), tempDir);
        // The test starts the app itself; a bridge that launched its own copy would hide what is tested.
        environment.insert(QStringLiteral("ARIES_MCP_NO_LAUNCH"), QStringLiteral("1"));
        environment.insert(QStringLiteral("ARIES_MCP_CONNECT_TIMEOUT_MS"), QString::number(connectTimeoutMs));
        m_process.setProcessEnvironment(environment);
        m_process.setProgram(QStringLiteral(ARIES_MCP_BIN));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_stderr.append(m_process.readAllStandardError()); });
        m_process.start();
    }
    ~BridgeClient()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(BridgeClient)

    QProcess &process() { return m_process; }
    QByteArray stderrText() const { return m_stderr; }

    int send(const char *method, const json &params)
    {
        const int id = ++m_nextId;
        write(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
        return id;
    }
    void write(const json &message) { m_process.write(QByteArray::fromStdString(message.dump()) + '\n'); }
    /** The response to @p id, or a discarded value after @p timeoutMs. */
    json waitFor(int id, int timeoutMs = kWaitMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        do {
            m_buffer.append(m_process.readAllStandardOutput());
            qsizetype end = -1;
            while ((end = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(end);
                m_buffer.remove(0, end + 1);
                const json message = json::parse(line.constBegin(), line.constEnd(), nullptr, false);
                if (message.is_object() && message.contains("id") && !message.contains("method")) {
                    m_responses.append(message);
                }
            }
            for (const json &response : std::as_const(m_responses)) {
                if (response["id"] == id) {
                    return response;
                }
            }
            QTest::qWait(20);
        } while (!deadline.hasExpired());
        return json::value_t::discarded;
    }
    json request(const char *method, const json &params, int timeoutMs = kWaitMs)
    {
        return waitFor(send(method, params), timeoutMs);
    }
    bool initialize()
    {
        const json reply = request("initialize",
            json {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "reliability-test"}, {"version", "1"}}}});
        write(json {{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        return reply.contains("result");
    }
    json callTool(const char *name, const json &arguments, int timeoutMs = kWaitMs)
    {
        return request("tools/call", json {{"name", name}, {"arguments", arguments}}, timeoutMs);
    }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<json> m_responses;
    int m_nextId = 0;
};

/**
 * --host-app mode: the real CompanionApp (as aries-companion's main() builds it) in a process of its own, with
 * the real approval window offscreen, whose Approve button this process presses when an order waits, as a
 * person would. This is how the test gets an approved order in flight in a process it can SIGKILL: there is
 * deliberately no way for an MCP client or any other process to approve an order.
 */
int hostApp(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    if (argc < 4) {
        return 2;
    }
    Ui::LaunchOptions options;
    options.clientId = QLatin1String(kClientId);
    options.authorizeUrl = QUrl(QString::fromLocal8Bit(argv[2]));
    options.apiBaseUrl = QUrl(QString::fromLocal8Bit(argv[3]));
    options.mcpPort = 0;
    Ui::CompanionApp companion(options);
    companion.start();
    QTimer presser;
    presser.setInterval(100);
    QObject::connect(&presser, &QTimer::timeout, &companion, [&companion] {
        Ui::OrderApprovalWindow *window = companion.approvals().window();
        if (companion.approvals().pendingCount() == 0 || !window || !window->isVisible()) {
            return;
        }
        auto *approve = window->findChild<QPushButton *>(QStringLiteral("approveButton"));
        if (approve && approve->isEnabled()) {
            QTest::mouseClick(approve, Qt::LeftButton);
            std::printf("approved\n");
            std::fflush(stdout);
        }
    });
    presser.start();
    return QApplication::exec();
}

} // namespace

/**
 * Issue "Processes": the real tray app killed with SIGKILL while an approval is pending and while an approved
 * order is in flight, the stdio bridge (aries-mcp) while the app goes away and comes back, and the bridge killed
 * as Claude Desktop would kill it. The app talks to a real aries-sandbox whose state outlives the app, with the
 * sign-in's tokens put in the test's private keyring, so a restart is connected at once, as after a reboot.
 */
class TestProcessFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void killedWithApprovalPending_nothingPlaced_abandonedAfterRestart();
    void killedWithOrderInFlight_restartRecordsRealOutcome_data();
    void killedWithOrderInFlight_restartRecordsRealOutcome();
    void bridge_appGoneAndBack_failsClearlyThenWorks();
    void bridgeKilled_leavesNothingBehind_data();
    void bridgeKilled_leavesNothingBehind();

private:
    /** The real aries-companion against the sandbox; false when it does not serve assistants in time. */
    bool startApp();
    /** This test binary in --host-app mode (the real CompanionApp whose Approve button it presses). */
    bool startHost();
    void killApp();
    /** A bridge connected to the app, initialized, and the app signed in to the sandbox. */
    std::unique_ptr<BridgeClient> connectedBridge(const QString &tempDir = {});
    QList<Trading::AuditRecord> auditRecords() const;
    /** The first record matching @p predicate within @p timeoutMs. */
    std::optional<Trading::AuditRecord> waitForRecord(
        const std::function<bool(const Trading::AuditRecord &)> &predicate, int timeoutMs = kWaitMs) const;
    json sandboxOrderTagged(const QString &tag);
    static QSet<QString> filesUnder(const QString &root);
    static QList<qint64> childrenOf(qint64 pid);

    SandboxProcess m_sandbox;
    std::unique_ptr<QProcess> m_app;
    QByteArray m_appStderr;
    QString m_auditFolder;
};

void TestProcessFaults::initTestCase()
{
    AppInfo::applyTo(*qApp);
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"));
    QVERIFY2(m_sandbox.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox.errorString()));
    QCOMPARE(m_sandbox.demoClientId(), QLatin1String(kClientId));

    // A sign-in done beforehand (the consent window has its own tests): its tokens in the keychain, where the
    // app keeps them, so every start of the app is connected.
    const SandboxTokens signedIn = SandboxSignIn::signIn(m_sandbox);
    QVERIFY(signedIn.isValid());
    Auth::TokenSet tokens;
    tokens.accessToken = signedIn.accessToken;
    tokens.refreshToken = signedIn.refreshToken;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    tokens.obtainedAt = tokens.connectedSince = now;
    tokens.accessExpiresAt = now.addSecs(3600);
    tokens.refreshExpiresAt = now.addDays(30);
    tokens.scopes = signedIn.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
    std::optional<bool> stored;
    QObject context;
    store.write(Auth::TokenManager::keychainKey(QLatin1String(kClientId)), tokens.toKeychainBlob(), &context,
        [&stored](Expected<void, Secrets::SecretError> result) { stored = result.has_value(); });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20'000);
    QVERIFY(*stored);

    // Trading on in the saved settings (a fresh install is read-only); every order still needs approval.
    CompanionSettings settings;
    Trading::TradingLimits limits = settings.tradingLimits();
    limits.tradingEnabled = true;
    settings.saveTradingLimits(limits);

    // Where CompanionApp keeps it.
    m_auditFolder =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("audit"));
}

void TestProcessFaults::cleanup()
{
    m_sandbox.clearFaults();
    m_sandbox.setConfig(json {{"latencyMs", 0}});
    if (m_app) {
        if (m_app->state() != QProcess::NotRunning) {
            m_app->terminate();
            if (!m_app->waitForFinished(10'000)) {
                m_app->kill();
                m_app->waitForFinished(5'000);
            }
        }
        m_appStderr.append(m_app->readAllStandardError());
        if (QTest::currentTestFailed()) {
            qWarning("app stderr:\n%s", m_appStderr.constData());
        }
        m_app.reset();
    }
    m_appStderr.clear();
}

bool TestProcessFaults::startApp()
{
    m_app = std::make_unique<QProcess>();
    m_app->setProgram(QStringLiteral(ARIES_COMPANION_BIN));
    m_app->setArguments({QStringLiteral("--client-id"), QLatin1String(kClientId), QStringLiteral("--authorize-url"),
        m_sandbox.url(QStringLiteral("/oauth2/authorize")).toString(), QStringLiteral("--api-base"),
        m_sandbox.baseUrl().toString(), QStringLiteral("--mcp-port"), QStringLiteral("0")});
    connect(m_app.get(), &QProcess::readyReadStandardError, this,
        [this] { m_appStderr.append(m_app->readAllStandardError()); });
    m_app->start();
    return m_app->waitForStarted(10'000);
}

bool TestProcessFaults::startHost()
{
    m_app = std::make_unique<QProcess>();
    m_app->setProgram(QCoreApplication::applicationFilePath());
    m_app->setArguments({QStringLiteral("--host-app"), m_sandbox.url(QStringLiteral("/oauth2/authorize")).toString(),
        m_sandbox.baseUrl().toString()});
    connect(m_app.get(), &QProcess::readyReadStandardError, this,
        [this] { m_appStderr.append(m_app->readAllStandardError()); });
    m_app->start();
    return m_app->waitForStarted(10'000);
}

void TestProcessFaults::killApp()
{
    ::kill(pid_t(m_app->processId()), SIGKILL);
    m_app->waitForFinished(10'000);
    m_appStderr.append(m_app->readAllStandardError());
}

namespace {
/** What a failed wait shows: the audit log's last records. */
QByteArray lastRecords(const QString &folder)
{
    QByteArray out = "audit log " + QFile::encodeName(folder) + ":\n";
    const auto records = Trading::AuditLog(folder).readAll();
    for (qsizetype i = std::max<qsizetype>(0, records.size() - 8); i < records.size(); ++i) {
        out += QByteArray::fromStdString(records[i].toJson().dump()) + '\n';
    }
    return out;
}
} // namespace

std::unique_ptr<BridgeClient> TestProcessFaults::connectedBridge(const QString &tempDir)
{
    auto bridge = std::make_unique<BridgeClient>(20'000, tempDir);
    if (!bridge->initialize()) {
        qWarning("bridge did not initialize: %s", bridge->stderrText().constData());
        return nullptr;
    }
    // Restoring the tokens from the keychain takes a moment after the socket is up.
    const QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired()) {
        const json reply = bridge->callTool("get_accounts", json::object());
        if (reply.contains("result") && !reply["result"].value("isError", true)) {
            return bridge;
        }
        QTest::qWait(300);
    }
    qWarning("the app did not connect to the sandbox: %s", m_appStderr.constData());
    return nullptr;
}

QList<Trading::AuditRecord> TestProcessFaults::auditRecords() const
{
    return Trading::AuditLog(m_auditFolder).readAll();
}

std::optional<Trading::AuditRecord> TestProcessFaults::waitForRecord(
    const std::function<bool(const Trading::AuditRecord &)> &predicate, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    do {
        for (const Trading::AuditRecord &record : auditRecords()) {
            if (predicate(record)) {
                return record;
            }
        }
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    return std::nullopt;
}

json TestProcessFaults::sandboxOrderTagged(const QString &tag)
{
    for (const json &order : m_sandbox.allOrders()) {
        if (text(order.value("clientId", json())) == tag) {
            return order;
        }
    }
    return json();
}

void TestProcessFaults::killedWithApprovalPending_nothingPlaced_abandonedAfterRestart()
{
    QVERIFY(m_sandbox.resetStats());
    QVERIFY(startApp());
    auto bridge = connectedBridge();
    QVERIFY(bridge);
    const int ordersBefore = int(m_sandbox.allOrders().size());

    const QDateTime started = QDateTime::currentDateTimeUtc();
    const int id = bridge->send("tools/call", json {{"name", "place_order"}, {"arguments", limitOrder()}});
    const auto pending = waitForRecord([started](const Trading::AuditRecord &r) {
        return r.outcome == QLatin1String("pending_approval") && r.time >= started.addSecs(-1);
    });
    QVERIFY2(pending, QByteArray(lastRecords(m_auditFolder) + bridge->waitFor(id, 100).dump().c_str()).constData());
    QElapsedTimer clock;
    clock.start();
    killApp();

    // The client waiting for the approval gets an answer that says what happened, not silence.
    const json reply = bridge->waitFor(id, 10'000);
    QVERIFY2(reply.contains("error"), reply.dump().c_str());
    QCOMPARE(reply["error"].value("code", 0), -32000);
    const QString message = text(reply["error"]["message"]);
    QVERIFY2(message.contains(QStringLiteral("stopped before answering")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("open orders")), qPrintable(message));

    QVERIFY(startApp());
    const auto abandoned = waitForRecord([&pending](const Trading::AuditRecord &r) {
        return r.callId == pending->callId && r.outcome == QLatin1String("abandoned");
    });
    QVERIFY2(abandoned, m_appStderr.constData());
    const double seconds = double(clock.elapsed()) / 1000.0;
    const int posted = m_sandbox.requestCount(QStringLiteral("POST /v1/orders"));
    const int ordersAfter = int(m_sandbox.allOrders().size());
    qInfo("RELIABILITY: process case=app_killed_approval_pending order_requests_sent=%d new_orders=%d "
          "audit_final=%s bridge_error=%d seconds_to_recorded=%.1f",
        posted, ordersAfter - ordersBefore, qPrintable(abandoned->outcome), reply["error"].value("code", 0), seconds);
    QCOMPARE(posted, 0);
    QCOMPARE(ordersAfter, ordersBefore);
    // Nothing but "abandoned" follows: the order was never sent.
    for (const Trading::AuditRecord &record : auditRecords()) {
        if (record.callId == pending->callId) {
            QVERIFY2(record.outcome != QLatin1String("sending"), qPrintable(record.outcome));
        }
    }
}

void TestProcessFaults::killedWithOrderInFlight_restartRecordsRealOutcome_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("reachesAries");
    // Slow Aries: the order is processed after the app is gone, so Aries has it and the log must say so.
    QTest::newRow("processed after the kill") << QStringLiteral("latency") << true;
    // Aries never processes it: the log must say it was not placed.
    QTest::newRow("never processed") << QStringLiteral("hang") << false;
}

void TestProcessFaults::killedWithOrderInFlight_restartRecordsRealOutcome()
{
    QFETCH(QString, fault);
    QFETCH(bool, reachesAries);
    QVERIFY(startHost());
    auto bridge = connectedBridge();
    QVERIFY(bridge);
    const QSet<QString> tagsBefore = [this] {
        QSet<QString> tags;
        for (const json &order : m_sandbox.allOrders()) {
            tags.insert(text(order.value("clientId", json())));
        }
        return tags;
    }();
    if (fault == QLatin1String("latency")) {
        QVERIFY(m_sandbox.setConfig(json {{"latencyMs", 3000}}));
    } else {
        QVERIFY(m_sandbox.addFault(QStringLiteral("/v1/orders"), QStringLiteral("hang"), 1, 0, QStringLiteral("POST")));
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    bridge->send("tools/call", json {{"name", "place_order"}, {"arguments", limitOrder()}});
    const auto sending = waitForRecord([started](const Trading::AuditRecord &r) {
        return r.outcome == QLatin1String("sending") && r.time >= started.addSecs(-1);
    });
    QVERIFY2(sending, m_appStderr.constData());
    QVERIFY(!sending->clientTag.isEmpty());
    // The window was approved by pressing its button in the app's process.
    QByteArray hostOutput;
    QTRY_VERIFY_WITH_TIMEOUT((hostOutput += m_app->readAllStandardOutput()).contains("approved"), 5000);
    QElapsedTimer clock;
    clock.start();
    killApp();

    if (reachesAries) {
        QTRY_VERIFY_WITH_TIMEOUT(sandboxOrderTagged(sending->clientTag).is_object(), 15'000);
    }
    QVERIFY(m_sandbox.setConfig(json {{"latencyMs", 0}}));
    QVERIFY(m_sandbox.clearFaults());

    // The real app, started again: it looks the order up by its tag and records what Aries has.
    QVERIFY(startApp());
    const auto final = waitForRecord([&sending](const Trading::AuditRecord &r) {
        return r.clientTag == sending->clientTag
            && (r.outcome == QLatin1String("resolved") || r.outcome == QLatin1String("not_found"));
    });
    QVERIFY2(final, m_appStderr.constData());
    const json order = sandboxOrderTagged(sending->clientTag);
    int ordersWithTag = 0;
    for (const json &o : m_sandbox.allOrders()) {
        ordersWithTag += text(o.value("clientId", json())) == sending->clientTag ? 1 : 0;
    }
    qInfo("RELIABILITY: process case=app_killed_order_in_flight fault=%s at_aries=%d audit_final=%s audit_status=%s "
          "sandbox_status=%s orders_with_tag=%d seconds_to_recorded=%.1f",
        qPrintable(fault), order.is_object() ? 1 : 0, qPrintable(final->outcome), qPrintable(final->status),
        qPrintable(order.is_object() ? text(order.value("ordStatus", json())) : QStringLiteral("none")), ordersWithTag,
        double(clock.elapsed()) / 1000.0);
    QVERIFY(!tagsBefore.contains(sending->clientTag));
    if (reachesAries) {
        QCOMPARE(final->outcome, QStringLiteral("resolved"));
        QCOMPARE(final->status, text(order["ordStatus"]));
        QCOMPARE(final->orderId, text(order["clOrdId"]));
        QCOMPARE(ordersWithTag, 1);
    } else {
        QCOMPARE(final->outcome, QStringLiteral("not_found"));
        QCOMPARE(ordersWithTag, 0);
    }
}

void TestProcessFaults::bridge_appGoneAndBack_failsClearlyThenWorks()
{
    // The app is not running: Claude Desktop's next request gets an error that says what to do, quickly.
    {
        BridgeClient bridge(2000);
        QElapsedTimer clock;
        clock.start();
        const json reply = bridge.request("initialize",
            json {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "reliability-test"}, {"version", "1"}}}},
            15'000);
        QVERIFY2(reply.contains("error"), reply.dump().c_str());
        QCOMPARE(reply["error"].value("code", 0), -32000);
        const QString message = text(reply["error"]["message"]);
        QVERIFY2(message.contains(QStringLiteral("not running")) && message.contains(QStringLiteral("Start")),
            qPrintable(message));
        qInfo("RELIABILITY: process case=bridge_app_down error=%d seconds_to_answer=%.1f",
            reply["error"].value("code", 0), double(clock.elapsed()) / 1000.0);
    }
    // The app comes back: a bridge works again.
    QVERIFY(startApp());
    auto bridge = connectedBridge();
    QVERIFY(bridge);
    // The app killed with nothing in flight: the bridge ends at once (exit 1), so the client sees the server
    // go rather than waiting; a request in flight gets -32000 (killedWithApprovalPending_… checks that).
    killApp();
    QVERIFY(bridge->process().waitForFinished(10'000));
    QCOMPARE(bridge->process().exitCode(), 1);
    QVERIFY(startApp());
    auto again = connectedBridge();
    QVERIFY(again);
    qInfo("RELIABILITY: process case=bridge_app_restarted works_again=1");
}

void TestProcessFaults::bridgeKilled_leavesNothingBehind_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGKILL") << int(SIGKILL);
}

QSet<QString> TestProcessFaults::filesUnder(const QString &root)
{
    QSet<QString> files;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.insert(it.next());
    }
    return files;
}

QList<qint64> TestProcessFaults::childrenOf(qint64 pid)
{
    QList<qint64> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 candidate = entry.toLongLong(&isPid);
        if (!isPid) {
            continue;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == pid) {
            children << candidate;
        }
    }
    return children;
}

void TestProcessFaults::bridgeKilled_leavesNothingBehind()
{
    QFETCH(int, signal);
    QVERIFY(startApp());
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    // The bridge gets a temporary folder of its own: the shared one also holds what tests running beside this
    // one create and remove.
    QTemporaryDir bridgeTemp;
    QVERIFY(bridgeTemp.isValid());
    const QString temp = bridgeTemp.path();
    auto first = connectedBridge();
    QVERIFY(first); // the app is up and its socket exists before the snapshot
    first.reset();
    const QSet<QString> runtimeBefore = filesUnder(runtime);
    const QSet<QString> tempBefore = filesUnder(temp);

    auto bridge = connectedBridge(temp);
    QVERIFY(bridge);
    // An order waiting for approval when Claude Desktop kills the bridge: the app withdraws it.
    const QDateTime started = QDateTime::currentDateTimeUtc();
    bridge->send("tools/call", json {{"name", "place_order"}, {"arguments", limitOrder()}});
    const auto pending = waitForRecord([started](const Trading::AuditRecord &r) {
        return r.outcome == QLatin1String("pending_approval") && r.time >= started.addSecs(-1);
    });
    QVERIFY(pending);
    const qint64 pid = bridge->process().processId();
    const QList<qint64> children = childrenOf(pid);
    ::kill(pid_t(pid), signal);
    QVERIFY(bridge->process().waitForFinished(10'000));
    if (signal == SIGTERM) {
        QCOMPARE(bridge->process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(bridge->process().exitCode(), 0);
    }
    const auto withdrawn = waitForRecord([&pending](const Trading::AuditRecord &r) {
        return r.callId == pending->callId && r.outcome == QLatin1String("cancelled");
    });
    QVERIFY2(withdrawn, m_appStderr.constData());

    int leftProcesses = 0;
    for (const qint64 child : children) {
        leftProcesses += QFileInfo::exists(QStringLiteral("/proc/%1").arg(child)) ? 1 : 0;
    }
    leftProcesses += QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)) ? 1 : 0;
    const QSet<QString> runtimeLeft = filesUnder(runtime) - runtimeBefore;
    const QSet<QString> tempLeft = filesUnder(temp) - tempBefore;
    qInfo("RELIABILITY: process case=bridge_killed signal=%s children=%d processes_left=%d runtime_files_left=%d "
          "temp_files_left=%d approval_withdrawn=1",
        signal == SIGTERM ? "TERM" : "KILL", int(children.size()), leftProcesses, int(runtimeLeft.size()),
        int(tempLeft.size()));
    QCOMPARE(leftProcesses, 0);
    QVERIFY2(runtimeLeft.isEmpty(), qPrintable(QStringList(runtimeLeft.values()).join(QLatin1Char(' '))));
    QVERIFY2(tempLeft.isEmpty(), qPrintable(QStringList(tempLeft.values()).join(QLatin1Char(' '))));
    // The app serves the next bridge as before.
    QVERIFY(connectedBridge());
}

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], "--host-app") == 0) {
        return hostApp(argc, argv);
    }
    QApplication app(argc, argv);
    TestProcessFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestProcessFaults.moc"
