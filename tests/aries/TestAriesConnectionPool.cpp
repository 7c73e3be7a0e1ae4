// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedHttpServer.h"
#include "aries/AriesConnectionPool.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Companion::Aries;
using namespace std::chrono_literals;
using Answer = AriesConnectionPool::Answer;
using Failure = AriesConnectionPool::Answer::Failure;
using Then = ScriptedHttpServer::Then;

Q_DECLARE_METATYPE(Companion::Aries::AriesConnectionPool::Answer::Failure)

namespace {

/** Sends @p count GETs at once and collects the answers in the order they come. */
struct Batch
{
    QList<Answer> answers;
    int callbacks = 0;

    void send(AriesConnectionPool &pool, const QUrl &url, int count, std::chrono::milliseconds timeout = 5000ms)
    {
        for (int i = 0; i < count; ++i) {
            pool.get(url, {{"Accept", "application/json"}}, timeout, [this](const Answer &answer) {
                ++callbacks;
                answers.append(answer);
            });
        }
    }
    bool waitFor(int count, int ms = 10000)
    {
        return QTest::qWaitFor([&]() { return answers.size() >= count; }, ms);
    }
    /** One GET, waited for: true once its answer is in answers.last(). */
    bool sendOne(AriesConnectionPool &pool, const QUrl &url, std::chrono::milliseconds timeout = 5000ms)
    {
        const qsizetype before = answers.size();
        send(pool, url, 1, timeout);
        return waitFor(int(before) + 1);
    }
};

} // namespace

class TestAriesConnectionPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequentialReads_shareOneConnection();
    void concurrentReads_cappedPerServerAndAllAnswered();
    void queuedRead_deadlineStartsWhenSent();
    void staleKeepAlive_closedAsRequestArrives_sentOnceMoreOnNewConnection();
    void freshConnection_closedWithoutAnswer_isLostAndNotResent();
    void partialAnswer_isTruncated();
    void malformedAnswer_isTruncated();
    void silence_isTimeout();
    void chunkedAnswer_decodedAndConnectionReused();
    void connectionCloseAnswer_connectionNotReused();
    void refusedConnection_isNotSent();
    void plainHttpToOtherHost_isRefusedWithoutConnecting();
    void destroyedWithReadsUnderWay_noCallback();
};

void TestAriesConnectionPool::sequentialReads_shareOneConnection()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    AriesConnectionPool pool(4);
    Batch batch;
    for (int i = 1; i <= 5; ++i) {
        batch.send(pool, server.url(QStringLiteral("/v1/stocks/prev?ticker=AAPL")), 1);
        QVERIFY(batch.waitFor(i));
    }
    for (const Answer &answer : std::as_const(batch.answers)) {
        QCOMPARE(answer.failure, Failure::None);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray(R"({"ok":true})"));
    }
    QCOMPARE(server.requests, 5);
    QCOMPARE(server.connections, 1);
    QCOMPARE(pool.connectionsOpened(), 1);
    QVERIFY(server.lastRequest.startsWith("GET /v1/stocks/prev?ticker=AAPL HTTP/1.1\r\nHost: 127.0.0.1:"));
    QVERIFY(server.lastRequest.contains("\r\nAccept: application/json\r\n"));
    QVERIFY(!server.lastRequest.contains("Connection: close"));
}

void TestAriesConnectionPool::concurrentReads_cappedPerServerAndAllAnswered()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    AriesConnectionPool pool(3);
    Batch batch;
    batch.send(pool, server.url(QStringLiteral("/x")), 30);
    QVERIFY(batch.waitFor(30));
    QTest::qWait(50);
    QCOMPARE(batch.callbacks, 30);
    for (const Answer &answer : std::as_const(batch.answers)) {
        QCOMPARE(answer.status, 200);
    }
    QCOMPARE(server.requests, 30);
    QCOMPARE(server.connections, 3);
    QCOMPARE(pool.openConnections(), 3);
}

void TestAriesConnectionPool::queuedRead_deadlineStartsWhenSent()
{
    // One connection; the first read gets silence until its deadline, the second waits behind it. A
    // deadline that ran while waiting would end the second too; it starts when the read is sent.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.script = {{{}, Then::Silent}};
    AriesConnectionPool pool(1);
    Batch batch;
    batch.send(pool, server.url(QStringLiteral("/slow")), 1, 400ms);
    batch.send(pool, server.url(QStringLiteral("/next")), 1, 400ms);
    QVERIFY(batch.waitFor(2));
    QCOMPARE(batch.answers.at(0).failure, Failure::Timeout);
    QCOMPARE(batch.answers.at(1).failure, Failure::None);
    QCOMPARE(batch.answers.at(1).status, 200);
    // The silent connection was closed; the second read went on a new one.
    QCOMPARE(server.connections, 2);
}

void TestAriesConnectionPool::staleKeepAlive_closedAsRequestArrives_sentOnceMoreOnNewConnection()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // First read answered, the connection kept; the server then drops it as the second read arrives.
    server.script = {{ScriptedHttpServer::okAnswer(), Then::Answer}, {{}, Then::Close}};
    AriesConnectionPool pool(1);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/b"))));
    QCOMPARE(batch.answers.at(1).failure, Failure::None);
    QCOMPARE(batch.answers.at(1).status, 200);
    QCOMPARE(server.requests, 3);
    QCOMPARE(server.connections, 2);
    QVERIFY(server.lastRequest.startsWith("GET /b "));
}

void TestAriesConnectionPool::freshConnection_closedWithoutAnswer_isLostAndNotResent()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback.then = Then::Close;
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QCOMPARE(batch.answers.at(0).failure, Failure::Lost);
    QTest::qWait(300);
    QCOMPARE(server.requests, 1);
    QCOMPARE(batch.callbacks, 1);
}

void TestAriesConnectionPool::partialAnswer_isTruncated()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback = {"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"price\":1", Then::AnswerAndClose};
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QCOMPARE(batch.answers.at(0).failure, Failure::Truncated);
    QCOMPARE(batch.answers.at(0).status, 0);
}

void TestAriesConnectionPool::malformedAnswer_isTruncated()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback = {"SSH-2.0-OpenSSH\r\n\r\n", Then::Answer};
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QCOMPARE(batch.answers.at(0).failure, Failure::Truncated);
    QCOMPARE(pool.openConnections(), 0);
}

void TestAriesConnectionPool::silence_isTimeout()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback.then = Then::Silent;
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a")), 300ms));
    QCOMPARE(batch.answers.at(0).failure, Failure::Timeout);
    QCOMPARE(pool.openConnections(), 0);
}

void TestAriesConnectionPool::chunkedAnswer_decodedAndConnectionReused()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback = {
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n", Then::Answer};
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QCOMPARE(batch.answers.at(1).body, QByteArray(R"({"a":1})"));
    QCOMPARE(server.connections, 1);
}

void TestAriesConnectionPool::connectionCloseAnswer_connectionNotReused()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback = {"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", Then::Answer};
    AriesConnectionPool pool(2);
    Batch batch;
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QVERIFY(batch.sendOne(pool, server.url(QStringLiteral("/a"))));
    QCOMPARE(batch.answers.at(1).failure, Failure::None);
    QCOMPARE(server.connections, 2);
    QCOMPARE(server.requests, 2);
}

void TestAriesConnectionPool::refusedConnection_isNotSent()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    AriesConnectionPool pool(2);
    Batch batch;
    batch.send(pool, QUrl(QStringLiteral("http://127.0.0.1:%1/a").arg(port)), 3);
    QVERIFY(batch.waitFor(3));
    for (const Answer &answer : std::as_const(batch.answers)) {
        QCOMPARE(answer.failure, Failure::NotSent);
        QVERIFY(!answer.errorString.isEmpty());
    }
}

void TestAriesConnectionPool::plainHttpToOtherHost_isRefusedWithoutConnecting()
{
    AriesConnectionPool pool(2);
    Batch batch;
    batch.send(pool, QUrl(QStringLiteral("http://api.aries.com/v1/users/me")), 1);
    // Never answered before get() returns, even when refused at once.
    QCOMPARE(batch.callbacks, 0);
    QVERIFY(batch.waitFor(1));
    QCOMPARE(batch.answers.at(0).failure, Failure::NotSent);
    QCOMPARE(pool.connectionsOpened(), 0);
}

void TestAriesConnectionPool::destroyedWithReadsUnderWay_noCallback()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.fallback.then = Then::Silent;
    Batch batch;
    {
        AriesConnectionPool pool(2);
        batch.send(pool, server.url(QStringLiteral("/a")), 5, 200ms);
        QTRY_COMPARE(server.requests, 2);
    }
    QTest::qWait(400);
    QCOMPARE(batch.callbacks, 0);
}

QTEST_GUILESS_MAIN(TestAriesConnectionPool)
#include "TestAriesConnectionPool.moc"
