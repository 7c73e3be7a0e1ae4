// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/HttpAnswerParser.h"

#include <QTest>

using namespace Companion::Aries;
using State = HttpAnswerParser::State;

Q_DECLARE_METATYPE(Companion::Aries::HttpAnswerParser::State)

class TestHttpAnswerParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeAnswers_data();
    void wholeAnswers();
    void byteByByte_sameAsAtOnce_data();
    void byteByByte_sameAsAtOnce();
    void closeDelimited_completeOnlyAtClose();
    void cutShort_staysIncompleteAtClose();
    void bytesAfterAnswer_connectionNotReusable();
    void malformed_isInvalid_data();
    void malformed_isInvalid();
    void overLimit_isTooLarge();
};

void TestHttpAnswerParser::wholeAnswers_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("reusable");
    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n{\"a\":1}") << 200
                                    << QByteArray(R"({"a":1})") << true;
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n")
                             << 200 << QByteArray(R"({"a":1})") << true;
    QTest::newRow("chunked with trailers")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trace: 1\r\n\r\n") << 200
        << QByteArray("{}") << true;
    QTest::newRow("interim 100 first") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"
                                                     "Content-Length: 2\r\n\r\n{}")
                                       << 404 << QByteArray("{}") << true;
    QTest::newRow("204 without length") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204 << QByteArray() << true;
    QTest::newRow("connection close") << QByteArray(
        "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\n{}")
                                      << 200 << QByteArray("{}") << false;
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}") << 200 << QByteArray("{}")
                              << false;
}

void TestHttpAnswerParser::wholeAnswers()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, reusable);
    HttpAnswerParser parser;
    QCOMPARE(parser.feed(bytes), State::Complete);
    QCOMPARE(parser.status(), status);
    QCOMPARE(parser.body(), body);
    QCOMPARE(parser.reusable(), reusable);
}

void TestHttpAnswerParser::byteByByte_sameAsAtOnce_data()
{
    wholeAnswers_data();
}

void TestHttpAnswerParser::byteByByte_sameAsAtOnce()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    HttpAnswerParser parser;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const State state = parser.feed(bytes.sliced(i, 1));
        QCOMPARE(state, i + 1 == bytes.size() ? State::Complete : State::Incomplete);
    }
    QCOMPARE(parser.status(), status);
    QCOMPARE(parser.body(), body);
}

void TestHttpAnswerParser::closeDelimited_completeOnlyAtClose()
{
    HttpAnswerParser parser;
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[1,"), State::Incomplete);
    QCOMPARE(parser.feed("2]"), State::Incomplete);
    QCOMPARE(parser.finishAtClose(), State::Complete);
    QCOMPARE(parser.body(), QByteArray("[1,2]"));
    QVERIFY(!parser.reusable());
}

void TestHttpAnswerParser::cutShort_staysIncompleteAtClose()
{
    HttpAnswerParser lengthParser;
    QCOMPARE(lengthParser.feed("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"a\""), State::Incomplete);
    QCOMPARE(lengthParser.finishAtClose(), State::Incomplete);
    QVERIFY(lengthParser.receivedAnything());
    HttpAnswerParser chunkedParser;
    QCOMPARE(
        chunkedParser.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n"), State::Incomplete);
    QCOMPARE(chunkedParser.finishAtClose(), State::Incomplete);
    HttpAnswerParser nothing;
    QVERIFY(!nothing.receivedAnything());
}

void TestHttpAnswerParser::bytesAfterAnswer_connectionNotReusable()
{
    HttpAnswerParser inSameRead;
    QCOMPARE(inSameRead.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK\r\n"), State::Complete);
    QCOMPARE(inSameRead.body(), QByteArray("{}"));
    QVERIFY(!inSameRead.reusable());
    HttpAnswerParser later;
    QCOMPARE(later.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"), State::Complete);
    QVERIFY(later.reusable());
    QCOMPARE(later.feed("x"), State::Complete);
    QVERIFY(!later.reusable());
}

void TestHttpAnswerParser::malformed_isInvalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    QTest::newRow("no status code") << QByteArray("HTTP/1.1 OK\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpAnswerParser::malformed_isInvalid()
{
    QFETCH(QByteArray, bytes);
    HttpAnswerParser parser;
    QCOMPARE(parser.feed(bytes), State::Invalid);
    QCOMPARE(parser.feed("more"), State::Invalid);
    QVERIFY(!parser.reusable());
}

void TestHttpAnswerParser::overLimit_isTooLarge()
{
    HttpAnswerParser parser(1024);
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"), State::Incomplete);
    QCOMPARE(parser.feed(QByteArray(2000, 'x')), State::TooLarge);
    // A whole answer followed by more than the limit in the same read is still that answer.
    HttpAnswerParser followed(1024);
    const QByteArray bytes = QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}") + QByteArray(2000, 'x');
    QCOMPARE(followed.feed(bytes), State::Complete);
    QCOMPARE(followed.body(), QByteArray("{}"));
    QVERIFY(!followed.reusable());
}

QTEST_GUILESS_MAIN(TestHttpAnswerParser)
#include "TestHttpAnswerParser.moc"
