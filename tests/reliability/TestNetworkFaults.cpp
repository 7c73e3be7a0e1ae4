// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The read tools through a real MCP session (the real McpServer, the real tools and AriesClient) against the
// real aries-sandbox process while Aries misbehaves: unreachable, far slower than the client's timeout, 5xx
// bursts, 429 with Retry-After, connections dropped or answers cut short. Every call must end (bounded) with
// either the data or an isError result whose text is a plain sentence saying what to do. The event loop's
// responsiveness is measured through the real local-socket transport from a client in its own thread, while
// 50 calls wait on a slow Aries. Figures are printed on "RELIABILITY:" lines.
#include "JsonValues.h"
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "StaticTokenSource.h"

#include "aries/AriesClient.h"
#include "mcp/McpLocalServer.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "tools/AccountTools.h"
#include "tools/AriesConnection.h"
#include "tools/MarketTools.h"
#include "tools/OrderQueryTools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

using namespace Companion;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/** Timeouts and retries short enough that every fault plays out within seconds, with the product's rules. */
Aries::AriesClientConfig shortConfig(const QUrl &baseUrl)
{
    Aries::AriesClientConfig config;
    config.baseUrl = baseUrl;
    config.timeout = 1500ms;
    config.maxReadAttempts = 3;
    config.retryBaseDelay = 100ms;
    config.maxRetryAfter = 2s;
    return config;
}

/** What a batch of calls came to. */
struct Outcome
{
    int calls = 0;
    int recovered = 0; ///< Answered with data
    int errors = 0; ///< Answered isError
    int unanswered = 0; ///< No answer within the bound: a hang
    qint64 maxMs = 0;
    QStringList errorTexts;
};

/**
 * The app's side of an assistant's session, as small as it can be while everything that matters is real: the
 * MCP engine with the app's read tools, one AriesClient whose configuration each test chooses, a token from a
 * real sign-in to the sandbox. Calls are sent as JSON-RPC text, and each answer is timed from its request.
 */
class Rig final : public Tools::AriesConnection
{
public:
    bool start(const QStringList &arguments)
    {
        if (!m_sandbox.start(arguments)) {
            m_error = m_sandbox.errorString();
            return false;
        }
        const SandboxTokens tokens = SandboxSignIn::signIn(m_sandbox);
        if (!tokens.isValid()) {
            m_error = QStringLiteral("sign-in to the sandbox failed");
            return false;
        }
        m_source.setToken(tokens.accessToken);
        const json accounts =
            m_sandbox.http()
                .get(m_sandbox.url(QStringLiteral("/v1/users/me/accounts")), {bearer(tokens.accessToken)})
                .json();
        for (const json &account : accounts.value("accounts", json::array())) {
            if (jsonText(account, "account_class") == QLatin1String("MARGIN")) {
                m_account = jsonText(account, "sterling_account_id");
            }
        }
        setClientConfig(shortConfig(m_sandbox.baseUrl()));
        Tools::AccountTools::registerTools(m_server, *this);
        Tools::MarketTools::registerTools(m_server, *this);
        Tools::OrderQueryTools::registerTools(m_server, *this);
        m_session = m_server.createSession(QStringLiteral("local"));
        QObject::connect(m_session.get(), &Mcp::McpSession::send, m_session.get(),
            [this](const QByteArray &message, const QByteArray &, bool) {
                const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
                const json id = parsed.is_object() ? parsed.value("id", json()) : json();
                if (id.is_number_integer()) {
                    const int key = id.get<int>();
                    m_replies.insert(key, parsed);
                    m_answeredMs.insert(key, m_clock.elapsed());
                }
            });
        m_clock.start();
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
            {"params",
                {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                    {"clientInfo", {{"name", "reliability-test"}, {"version", "1"}}}}}}
                                                         .dump()));
        m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        if (!m_replies.contains(0) || !m_replies.value(0).contains("result") || m_account.isEmpty()) {
            m_error = QStringLiteral("the MCP session did not initialize, or the sandbox lists no margin account");
            return false;
        }
        return true;
    }

    QString errorString() const { return m_error; }
    SandboxProcess &sandbox() { return m_sandbox; }
    Mcp::McpServer &server() { return m_server; }

    void setClientConfig(const Aries::AriesClientConfig &config)
    {
        m_client = std::make_unique<Aries::AriesClient>(m_source, config);
    }

    /** Sends a tools/call without waiting; returns its id. */
    int send(const QString &tool, const json &arguments)
    {
        const int id = m_nextId++;
        m_sentMs.insert(id, m_clock.elapsed());
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
            {"params", {{"name", tool.toStdString()}, {"arguments", arguments}}}}
                                                         .dump()));
        return id;
    }

    /** Waits (at most @p boundMs) for every call in @p ids and sums them up. */
    Outcome collect(const QList<int> &ids, int boundMs)
    {
        (void)QTest::qWaitFor(
            [&] { return std::all_of(ids.cbegin(), ids.cend(), [this](int id) { return m_replies.contains(id); }); },
            boundMs);
        Outcome outcome;
        outcome.calls = int(ids.size());
        for (const int id : ids) {
            if (!m_replies.contains(id)) {
                ++outcome.unanswered;
                continue;
            }
            outcome.maxMs = std::max(outcome.maxMs, m_answeredMs.value(id) - m_sentMs.value(id));
            const json &reply = m_replies[id];
            if (reply.contains("result") && !reply["result"].value("isError", true)) {
                ++outcome.recovered;
            } else {
                ++outcome.errors;
                outcome.errorTexts.append(reply.contains("result") ? JsonValues::firstContentText(reply)
                                                                   : QString::fromStdString(reply.dump()));
            }
        }
        return outcome;
    }

    /** @p count calls cycling through the read tools (quotes, balances, the portfolio, orders); waits for them. */
    Outcome burst(int count, int boundMs)
    {
        QList<int> ids;
        for (int i = 0; i < count; ++i) {
            switch (i % 4) {
            case 0: ids.append(send(QStringLiteral("get_quote"), {{"symbol", "AAPL"}})); break;
            case 1: ids.append(send(QStringLiteral("get_balances"), json::object())); break;
            case 2: ids.append(send(QStringLiteral("get_portfolio"), json::object())); break;
            default: ids.append(send(QStringLiteral("list_orders"), json::object())); break;
            }
        }
        return collect(ids, boundMs);
    }

    // AriesConnection
    Aries::AriesClient *client() override { return m_client.get(); }
    QString notConnectedReason() const override { return QStringLiteral("not connected"); }
    QString defaultAccountId() const override { return m_account; }
    Aries::AriesEnvironment environment() const override
    {
        return m_client ? m_client->environment() : Aries::AriesEnvironment::Sandbox;
    }

private:
    SandboxProcess m_sandbox;
    StaticTokenSource m_source;
    QNetworkAccessManager m_network;
    std::unique_ptr<Aries::AriesClient> m_client;
    Mcp::McpServer m_server;
    std::unique_ptr<Mcp::McpSession> m_session;
    QHash<int, json> m_replies;
    QHash<int, qint64> m_sentMs;
    QHash<int, qint64> m_answeredMs;
    QElapsedTimer m_clock;
    QString m_account;
    QString m_error;
    int m_nextId = 1;
};

QString figures(const char *fault, const Outcome &outcome)
{
    return QStringLiteral("RELIABILITY: network fault=%1 calls=%2 recovered=%3 errors=%4 hung=%5 max_ms=%6")
        .arg(QLatin1String(fault))
        .arg(outcome.calls)
        .arg(outcome.recovered)
        .arg(outcome.errors)
        .arg(outcome.unanswered)
        .arg(outcome.maxMs);
}

/** @p text without the " (environment: …)" that ariesError() appends, so its last sentence can be checked. */
QString withoutEnvironment(const QString &text)
{
    QString body = text.trimmed();
    const qsizetype environment = body.lastIndexOf(QLatin1String(" (environment: "));
    if (environment > 0 && body.endsWith(QLatin1Char(')'))) {
        body.truncate(environment);
    }
    return body;
}

/**
 * A tool error the model can pass on as it is: one or more plain sentences (no JSON, no Qt or HTTP library
 * wording), saying it was the sandbox and what to do next, and containing @p expected.
 */
bool isPlainActionable(const QString &text, const QString &expected, QString *why)
{
    const QStringList actions {QStringLiteral("try again"), QStringLiteral("wait")};
    const bool actionable = std::any_of(actions.cbegin(), actions.cend(),
        [&text](const QString &action) { return text.contains(action, Qt::CaseInsensitive); });
    if (!text.contains(expected, Qt::CaseInsensitive)) {
        *why = QStringLiteral("missing \"%1\" in: %2").arg(expected, text);
    } else if (!actionable) {
        *why = QStringLiteral("says nothing to do: ") + text;
    } else if (text.contains(QLatin1Char('{')) || text.contains(QLatin1String("QNetwork"))
        || text.contains(QLatin1String("Error transferring"))) {
        *why = QStringLiteral("not plain words: ") + text;
    } else if (!text.contains(QLatin1String("the Aries sandbox"))) {
        *why = QStringLiteral("does not say which Aries: ") + text;
    } else if (!withoutEnvironment(text).endsWith(QLatin1Char('.'))) {
        *why = QStringLiteral("does not end as a sentence: ") + text;
    } else {
        return true;
    }
    return false;
}

#define VERIFY_ERRORS(outcome, expected)                                                                               \
    do {                                                                                                               \
        for (const QString &text : std::as_const((outcome).errorTexts)) {                                              \
            QString why;                                                                                               \
            QVERIFY2(isPlainActionable(text, QStringLiteral(expected), &why), qPrintable(why));                        \
        }                                                                                                              \
    } while (false)

/** A loopback port nobody listens on. */
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

} // namespace

class TestNetworkFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void unreachable_everyCallFailsClearlyAndFast();
    void slow_latencyFarAboveTimeout_timesOutClearly();
    void serverErrors_burstWithinRetries_recovers();
    void serverErrors_beyondRetries_clearErrorAfterThreeTries();
    void rateLimited_retryAfterWaitedThenSucceeds();
    void rateLimited_retryAfterTooLong_clearError();
    void dropAndTruncate_withinRetries_recover();
    void dropAndTruncate_beyondRetries_clearError();
    void ping_answeredWhileFiftyCallsWaitOnSlowAries();

private:
    Rig m_rig;
};

void TestNetworkFaults::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ARIES_SANDBOX_BIN"), "run through CTest: needs ARIES_SANDBOX_BIN");
    QVERIFY2(m_rig.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_rig.errorString()));
}

void TestNetworkFaults::init()
{
    QVERIFY(m_rig.sandbox().clearFaults());
    QVERIFY(m_rig.sandbox().setConfig({{"latencyMs", 0}, {"failRate", 0}, {"rateLimit", 0}}));
    m_rig.setClientConfig(shortConfig(m_rig.sandbox().baseUrl()));
    // A healthy Aries answers every tool: a failure below is the fault's doing.
    const Outcome healthy = m_rig.burst(4, 20000);
    QVERIFY2(healthy.recovered == 4, qPrintable(healthy.errorTexts.join(QLatin1Char('\n'))));
    QVERIFY(m_rig.sandbox().resetStats());
}

void TestNetworkFaults::unreachable_everyCallFailsClearlyAndFast()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    m_rig.setClientConfig(shortConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    const Outcome outcome = m_rig.burst(20, 30000);
    qInfo().noquote() << figures("unreachable", outcome);
    QCOMPARE(outcome.unanswered, 0);
    QCOMPARE(outcome.errors, 20);
    VERIFY_ERRORS(outcome, "could not be reached");
    // Three tries with 100 ms and 200 ms between them: refused at once, so nowhere near the 30 s bound.
    QVERIFY2(outcome.maxMs < 15000, qPrintable(QString::number(outcome.maxMs)));
}

void TestNetworkFaults::slow_latencyFarAboveTimeout_timesOutClearly()
{
    // 20 s per request against a 1.5 s timeout: only the client's deadline can end these calls.
    QVERIFY(m_rig.sandbox().setConfig({{"latencyMs", 20000}}));
    const Outcome outcome = m_rig.burst(12, 30000);
    qInfo().noquote() << figures("slow-20000ms-timeout-1500ms", outcome);
    QCOMPARE(outcome.unanswered, 0);
    QCOMPARE(outcome.errors, 12);
    VERIFY_ERRORS(outcome, "did not answer in time");
    // The portfolio waits for balances and positions, then for quotes: at most a few timeouts in a row.
    QVERIFY2(outcome.maxMs < 15000, qPrintable(QString::number(outcome.maxMs)));
}

void TestNetworkFaults::serverErrors_burstWithinRetries_recovers()
{
    // The first 40 API requests get 503: every request among them is retried and finds Aries back.
    QVERIFY(m_rig.sandbox().addFault(QStringLiteral("/v*"), QStringLiteral("error"), 40, 503, QStringLiteral("GET")));
    const Outcome outcome = m_rig.burst(40, 30000);
    qInfo().noquote() << figures("5xx-burst-40", outcome);
    QCOMPARE(outcome.unanswered, 0);
    QVERIFY2(outcome.recovered == 40, qPrintable(outcome.errorTexts.join(QLatin1Char('\n'))));
}

void TestNetworkFaults::serverErrors_beyondRetries_clearErrorAfterThreeTries()
{
    QVERIFY(m_rig.sandbox().addFault(
        QStringLiteral("/v1/stocks/*"), QStringLiteral("error"), 100000, 503, QStringLiteral("GET")));
    QList<int> ids;
    for (int i = 0; i < 10; ++i) {
        ids.append(m_rig.send(QStringLiteral("get_quote"), {{"symbol", "AAPL"}}));
    }
    const Outcome outcome = m_rig.collect(ids, 30000);
    qInfo().noquote() << figures("5xx-persistent", outcome);
    QCOMPARE(outcome.unanswered, 0);
    QCOMPARE(outcome.errors, 10);
    VERIFY_ERRORS(outcome, "HTTP 503");
    // Three tries per read, not one more: a failing Aries is not hammered.
    QCOMPARE(m_rig.sandbox().requestCount(QStringLiteral("GET /v1/stocks/last-trade")), 30);
    QCOMPARE(m_rig.sandbox().requestCount(QStringLiteral("GET /v1/stocks/last-quote")), 30);
}

void TestNetworkFaults::rateLimited_retryAfterWaitedThenSucceeds()
{
    // One request a second: of two balance reads at once, one goes through and the other gets 429 with
    // Retry-After: 1, waits that second and goes through too.
    QVERIFY(m_rig.sandbox().setConfig({{"rateLimit", 1}}));
    QTest::qWait(1100); // a full bucket
    QVERIFY(m_rig.sandbox().resetStats());
    const QList<int> ids {m_rig.send(QStringLiteral("get_balances"), json::object()),
        m_rig.send(QStringLiteral("get_balances"), json::object())};
    const Outcome pair = m_rig.collect(ids, 30000);
    qInfo().noquote() << figures("429-retry-after-1s", pair);
    QCOMPARE(pair.unanswered, 0);
    QVERIFY2(pair.recovered == 2, qPrintable(pair.errorTexts.join(QLatin1Char('\n'))));
    const json requests = m_rig.sandbox().stats().value("requests", json::object());
    int balanceReads = 0;
    for (const auto &[path, count] : requests.items()) {
        if (QString::fromStdString(path).endsWith(QLatin1String("/balances"))) {
            balanceReads += count.get<int>();
        }
    }
    QVERIFY2(balanceReads >= 3, qPrintable(QString::fromStdString(requests.dump()))); // one was refused and resent
    QVERIFY2(pair.maxMs >= 900, qPrintable(QString::number(pair.maxMs))); // after waiting for Retry-After

    // A burst under a limit of 5 a second: some reads are refused on all three tries and end in a clear error
    // saying how long to wait; the others get through; none hangs.
    QVERIFY(m_rig.sandbox().setConfig({{"rateLimit", 5}}));
    QTest::qWait(1100);
    const Outcome burst = m_rig.burst(20, 45000);
    qInfo().noquote() << figures("429-rate-limit-5rps", burst);
    QCOMPARE(burst.unanswered, 0);
    QVERIFY(burst.recovered > 0);
    VERIFY_ERRORS(burst, "limiting how fast");
}

void TestNetworkFaults::rateLimited_retryAfterTooLong_clearError()
{
    // Aries asks for a pause longer than the client waits within one call: the model is told how long.
    Aries::AriesClientConfig config = shortConfig(m_rig.sandbox().baseUrl());
    config.maxRetryAfter = 0s;
    m_rig.setClientConfig(config);
    QVERIFY(m_rig.sandbox().setConfig({{"rateLimit", 1}}));
    QTest::qWait(1100);
    const QList<int> ids {m_rig.send(QStringLiteral("get_balances"), json::object()),
        m_rig.send(QStringLiteral("get_balances"), json::object())};
    const Outcome outcome = m_rig.collect(ids, 30000);
    qInfo().noquote() << figures("429-retry-after-too-long", outcome);
    QCOMPARE(outcome.unanswered, 0);
    QCOMPARE(outcome.recovered, 1);
    QCOMPARE(outcome.errors, 1);
    VERIFY_ERRORS(outcome, "Wait 1 second and try again");
    QVERIFY2(outcome.maxMs < 900, qPrintable(QString::number(outcome.maxMs))); // refused, not waited for
}

void TestNetworkFaults::dropAndTruncate_withinRetries_recover()
{
    for (const char *mode : {"drop", "lose", "truncate"}) {
        // One read whose first two tries both fail: the third brings the data.
        QVERIFY(m_rig.sandbox().clearFaults());
        QVERIFY(m_rig.sandbox().addFault(
            QStringLiteral("/v1/accounts/*"), QString::fromLatin1(mode), 2, 0, QStringLiteral("GET")));
        const Outcome single = m_rig.collect({m_rig.send(QStringLiteral("get_balances"), json::object())}, 30000);
        QVERIFY2(single.recovered == 1,
            qPrintable(QLatin1String(mode) + QStringLiteral(": ") + single.errorTexts.join(QLatin1Char('\n'))));

        // A burst with a few broken answers among its reads. Counted, and every call must end plainly; not
        // required to recover in full: a retry that goes out on a connection Aries has just closed fails
        // without reaching Aries, so a read can use up its three tries on fewer than three broken answers.
        QVERIFY(m_rig.sandbox().clearFaults());
        QVERIFY(
            m_rig.sandbox().addFault(QStringLiteral("/v*"), QString::fromLatin1(mode), 6, 0, QStringLiteral("GET")));
        const Outcome outcome = m_rig.burst(16, 30000);
        qInfo().noquote() << figures(mode, outcome);
        QCOMPARE(outcome.unanswered, 0);
        VERIFY_ERRORS(outcome, "could not be");
    }
}

void TestNetworkFaults::dropAndTruncate_beyondRetries_clearError()
{
    // Qt's network stack reports an answer cut short like a dropped connection ("Connection closed", no
    // status) after sending the GET again by itself, so both end in the same plain "could not be reached".
    for (const char *mode : {"drop", "truncate"}) {
        QVERIFY(m_rig.sandbox().clearFaults());
        QVERIFY(m_rig.sandbox().resetStats());
        QVERIFY(m_rig.sandbox().addFault(
            QStringLiteral("/v1/accounts/*"), QString::fromLatin1(mode), 100000, 0, QStringLiteral("GET")));
        constexpr int kCalls = 8;
        QList<int> ids;
        for (int i = 0; i < kCalls; ++i) {
            ids.append(m_rig.send(QStringLiteral("get_balances"), json::object()));
        }
        const Outcome outcome = m_rig.collect(ids, 30000);
        int requests = 0;
        const json counts = m_rig.sandbox().stats().value("requests", json::object());
        for (const auto &[path, count] : counts.items()) {
            if (QString::fromStdString(path).endsWith(QLatin1String("/balances"))) {
                requests += count.get<int>();
            }
        }
        const QByteArray name = QByteArray(mode) + QByteArrayLiteral("-persistent");
        qInfo().noquote() << figures(name.constData(), outcome)
                          << QStringLiteral("requests_per_read=%1").arg(double(requests) / kCalls, 0, 'f', 1);
        QCOMPARE(outcome.unanswered, 0);
        QCOMPARE(outcome.errors, kCalls);
        VERIFY_ERRORS(outcome, "could not be");
        // Our three tries, each of which Qt may send up to three times: bounded, whatever Aries does. (Fewer
        // than three per read reach Aries when a try goes out on a connection Aries has just closed.)
        QVERIFY2(requests >= kCalls && requests <= 9 * kCalls, qPrintable(QString::number(requests)));
    }
}

void TestNetworkFaults::ping_answeredWhileFiftyCallsWaitOnSlowAries()
{
    // The app's real transport: the engine behind McpLocalServer, a client on its own thread sending newline-
    // delimited JSON-RPC exactly as aries-mcp does, so what is timed is write → the engine's event loop → read.
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty()) {
        runtime = QDir::tempPath();
    }
    const QString name =
        QStringLiteral("%1/aries-reliability-%2/mcp.sock").arg(runtime).arg(QCoreApplication::applicationPid());
    Mcp::McpLocalServer transport(m_rig.server(), name);
    const auto listening = transport.listen();
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));

    // 5 s per request, 6 s per attempt: every call is still waiting on Aries while the pings go.
    constexpr int kCalls = 50;
    constexpr int kPings = 20;
    constexpr int kLatencyMs = 5000;
    Aries::AriesClientConfig config = shortConfig(m_rig.sandbox().baseUrl());
    config.timeout = 6000ms;
    m_rig.setClientConfig(config);
    QVERIFY(m_rig.sandbox().setConfig({{"latencyMs", kLatencyMs}}));

    struct Result
    {
        QString error;
        QList<double> pingMs;
        int toolRepliesBeforeLastPing = -1;
        int toolReplies = 0;
        int toolErrors = 0;
        double callsSpanMs = 0;
        double pingBehindCallsMs = 0;
    } result;

    QThread *client = QThread::create([&result, name]() {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (!socket.waitForConnected(5000)) {
            result.error = QStringLiteral("cannot connect: ") + socket.errorString();
            return;
        }
        QByteArray buffer;
        QHash<int, json> replies;
        // Reads lines until the reply @p id arrives; false after @p ms.
        const auto waitFor = [&](int id, int ms) {
            QElapsedTimer waited;
            waited.start();
            while (!replies.contains(id)) {
                const qint64 left = ms - waited.elapsed();
                if (left <= 0 || (!socket.bytesAvailable() && !socket.waitForReadyRead(int(left)))) {
                    if (waited.elapsed() >= ms) {
                        return false;
                    }
                }
                buffer += socket.readAll();
                qsizetype end;
                while ((end = buffer.indexOf('\n')) >= 0) {
                    const json message = json::parse(buffer.constBegin(), buffer.constBegin() + end, nullptr, false);
                    buffer.remove(0, end + 1);
                    if (message.is_object() && message.value("id", json()).is_number_integer()) {
                        replies.insert(message["id"].get<int>(), message);
                    }
                }
            }
            return true;
        };
        const auto write = [&socket](const json &message) {
            socket.write(QByteArray::fromStdString(message.dump()) + '\n');
            socket.waitForBytesWritten(5000);
        };
        write({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
            {"params",
                {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                    {"clientInfo", {{"name", "ping-probe"}, {"version", "1"}}}}}});
        if (!waitFor(1, 10000)) {
            result.error = QStringLiteral("no initialize answer");
            return;
        }
        write({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});

        QElapsedTimer span;
        span.start();
        QByteArray calls;
        for (int i = 0; i < kCalls; ++i) {
            calls += QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 1000 + i}, {"method", "tools/call"},
                         {"params",
                             {{"name", i % 2 ? "get_balances" : "get_quote"},
                                 {"arguments", i % 2 ? json::object() : json {{"symbol", "MSFT"}}}}}}
                                                   .dump())
                + '\n';
        }
        // A ping right behind the 50 calls, in the same write: it waits for their dispatch (150 requests to Aries
        // started), the worst case a client sees.
        calls += QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 1999}, {"method", "ping"}}.dump()) + '\n';
        QElapsedTimer behind;
        behind.start();
        socket.write(calls);
        socket.waitForBytesWritten(5000);
        if (!waitFor(1999, 10000)) {
            result.error = QStringLiteral("the ping behind the calls was not answered within 10 s");
            return;
        }
        result.pingBehindCallsMs = double(behind.nsecsElapsed()) / 1e6;
        for (int i = 0; i < kPings; ++i) {
            QThread::msleep(25);
            const int id = 2000 + i;
            QElapsedTimer ping;
            ping.start();
            write({{"jsonrpc", "2.0"}, {"id", id}, {"method", "ping"}});
            if (!waitFor(id, 10000)) {
                result.error = QStringLiteral("ping %1 not answered within 10 s").arg(i);
                return;
            }
            result.pingMs.append(double(ping.nsecsElapsed()) / 1e6);
        }
        result.toolRepliesBeforeLastPing = int(std::count_if(
            replies.keyBegin(), replies.keyEnd(), [](int id) { return id >= 1000 && id < 1000 + kCalls; }));
        for (int i = 0; i < kCalls; ++i) {
            if (!waitFor(1000 + i, 30000)) {
                break;
            }
            ++result.toolReplies;
            const json &reply = replies[1000 + i];
            if (!reply.contains("result") || !reply["result"].is_object() || reply["result"].value("isError", true)) {
                ++result.toolErrors;
            }
        }
        result.callsSpanMs = double(span.elapsed());
    });
    // A plain event loop, as the app runs: QTest::qWaitFor sleeps between rounds, which would be measured too.
    QEventLoop loop;
    connect(client, &QThread::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    client->start();
    loop.exec();
    QVERIFY(client->isFinished());
    delete client;
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));

    QList<double> sorted = result.pingMs;
    std::sort(sorted.begin(), sorted.end());
    qInfo().noquote() << QStringLiteral("RELIABILITY: network ping-under-load transport=local-socket calls=%1 "
                                        "latency_ms=%2 pings=%3 ping_median_ms=%4 ping_max_ms=%5 "
                                        "tool_replies_before_last_ping=%6 tool_replies=%7 tool_errors=%8 "
                                        "calls_done_ms=%9 ping_behind_50_calls_ms=%10")
                             .arg(kCalls)
                             .arg(kLatencyMs)
                             .arg(sorted.size())
                             .arg(median(sorted), 0, 'f', 2)
                             .arg(sorted.isEmpty() ? 0.0 : sorted.constLast(), 0, 'f', 2)
                             .arg(result.toolRepliesBeforeLastPing)
                             .arg(result.toolReplies)
                             .arg(result.toolErrors)
                             .arg(result.callsSpanMs, 0, 'f', 0)
                             .arg(result.pingBehindCallsMs, 0, 'f', 2);
    // Behaviour, not speed: every ping was answered while all 50 calls were still waiting on Aries, and then
    // every call ended too. (The issue's 100 ms goal is reported above, not asserted.)
    QCOMPARE(sorted.size(), kPings);
    QCOMPARE(result.toolRepliesBeforeLastPing, 0);
    QCOMPARE(result.toolReplies, kCalls);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "TestNetworkFaults.moc"
