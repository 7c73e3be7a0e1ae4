// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedHttpServer.h"
#include "aries/AriesOneShotRequest.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Companion::Aries;
using namespace std::chrono_literals;
using Failure = AriesOneShotRequest::Failure;

Q_DECLARE_METATYPE(Companion::Aries::AriesOneShotRequest::Failure)

namespace {

/** One request per connection: every answer closes it, as a "Connection: close" request asks. */
class ScriptedServer final : public ScriptedHttpServer
{
public:
    using Then = ScriptedHttpServer::Then;
    ScriptedServer() { fallback.then = Then::AnswerAndClose; }
    void setAnswer(const QByteArray &answer) { fallback.answer = answer; }
    void setThen(Then then) { fallback.then = then; }
};

struct Outcome
{
    Failure failure = Failure::None;
    bool sent = false;
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

Outcome run(const QUrl &url, std::chrono::milliseconds timeout = 5000ms)
{
    AriesOneShotRequest request;
    QSignalSpy finished(&request, &AriesOneShotRequest::finished);
    request.start("POST", url, {{"Content-Type", "application/json"}}, R"({"a":1})", timeout);
    if (!finished.wait(10000)) {
        return {Failure::TimedOutBeforeSending, false, -1, {}, {}};
    }
    QTest::qWait(50);
    if (finished.count() != 1) {
        return {Failure::TimedOutBeforeSending, false, -2, {}, {}};
    }
    return {request.failure(), request.requestSent(), request.status(), request.body(), request.header("retry-after")};
}

} // namespace

class TestAriesOneShotRequest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answer_contentLength_isComplete();
    void answer_chunked_isDecoded();
    void answer_closeDelimited_isComplete();
    void closedWithoutAnswer_isLostAfterSending();
    void partialAnswer_isTruncated();
    void silence_isTimeoutAfterSending();
    void refusedConnection_isNotSent();
    void plainHttpToOtherHost_isRefusedWithoutConnecting();
};

void TestAriesOneShotRequest::answer_contentLength_isComplete()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setAnswer("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 3\r\n"
                     "Content-Length: 13\r\n\r\n{\"error\":\"x\"}");
    const Outcome outcome = run(server.url(QStringLiteral("/v1/orders?x=1")));
    QCOMPARE(outcome.failure, Failure::None);
    QCOMPARE(outcome.status, 429);
    QCOMPARE(outcome.body, QByteArray(R"({"error":"x"})"));
    QCOMPARE(outcome.retryAfter, QByteArray("3"));
    QCOMPARE(server.requests, 1);
    QVERIFY(server.lastRequest.startsWith("POST /v1/orders?x=1 HTTP/1.1\r\n"));
    QVERIFY(server.lastRequest.contains("Connection: close\r\n"));
    QVERIFY(server.lastRequest.endsWith("\r\n\r\n{\"a\":1}"));
}

void TestAriesOneShotRequest::answer_chunked_isDecoded()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setAnswer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
    const Outcome outcome = run(server.url(QStringLiteral("/")));
    QCOMPARE(outcome.failure, Failure::None);
    QCOMPARE(outcome.body, QByteArray(R"({"a":1})"));
}

void TestAriesOneShotRequest::answer_closeDelimited_isComplete()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setAnswer("HTTP/1.1 200 OK\r\n\r\n[1,2]");
    const Outcome outcome = run(server.url(QStringLiteral("/")));
    QCOMPARE(outcome.failure, Failure::None);
    QCOMPARE(outcome.body, QByteArray("[1,2]"));
}

void TestAriesOneShotRequest::closedWithoutAnswer_isLostAfterSending()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setThen(ScriptedServer::Then::Close);
    const Outcome outcome = run(server.url(QStringLiteral("/v1/orders")));
    QCOMPARE(outcome.failure, Failure::LostAfterSending);
    QVERIFY(outcome.sent);
    QTest::qWait(500);
    // Exactly one request and one connection: nothing was sent again.
    QCOMPARE(server.requests, 1);
    QCOMPARE(server.connections, 1);
}

void TestAriesOneShotRequest::partialAnswer_isTruncated()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setAnswer("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"success\":tr");
    const Outcome outcome = run(server.url(QStringLiteral("/v1/orders")));
    QCOMPARE(outcome.failure, Failure::TruncatedAnswer);
    QVERIFY(outcome.sent);
    QCOMPARE(server.requests, 1);
}

void TestAriesOneShotRequest::silence_isTimeoutAfterSending()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setThen(ScriptedServer::Then::Silent);
    const Outcome outcome = run(server.url(QStringLiteral("/v1/orders")), 300ms);
    QCOMPARE(outcome.failure, Failure::TimedOutAfterSending);
    QVERIFY(outcome.sent);
    QCOMPARE(server.requests, 1);
}

void TestAriesOneShotRequest::refusedConnection_isNotSent()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const Outcome outcome = run(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/orders").arg(port)));
    QCOMPARE(outcome.failure, Failure::NotSent);
    QVERIFY(!outcome.sent);
}

void TestAriesOneShotRequest::plainHttpToOtherHost_isRefusedWithoutConnecting()
{
    // Without TLS only this computer may be reached; nothing is even looked up.
    const Outcome outcome = run(QUrl(QStringLiteral("http://api.aries.com/v1/orders")));
    QCOMPARE(outcome.failure, Failure::NotSent);
    QVERIFY(!outcome.sent);
    const Outcome noScheme = run(QUrl(QStringLiteral("ftp://127.0.0.1/v1/orders")));
    QCOMPARE(noScheme.failure, Failure::NotSent);
}

QTEST_GUILESS_MAIN(TestAriesOneShotRequest)
#include "TestAriesOneShotRequest.moc"
