// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestChecker.h"

#include <QRandomGenerator>
#include <QTest>

using Companion::Http::RequestChecker;

namespace {

constexpr qsizetype kHead = 16 * 1024;
constexpr qsizetype kBody = 64 * 1024;

const QByteArray kHost = "Host: 127.0.0.1\r\n";

QByteArray post(const QByteArray &extraHeaders, const QByteArray &body)
{
    return "POST /mcp HTTP/1.1\r\n" + kHost + extraHeaders + "\r\n" + body;
}

RequestChecker::Verdict checkWhole(const QByteArray &bytes, RequestChecker *out = nullptr)
{
    RequestChecker checker(kHead, kBody);
    const auto verdict = checker.feed(bytes);
    if (out)
        *out = checker;
    return verdict;
}

/** The same bytes fed one at a time: what a client trickling its request produces. */
RequestChecker::Verdict checkBytewise(const QByteArray &bytes)
{
    RequestChecker checker(kHead, kBody);
    RequestChecker::Verdict verdict;
    for (const char c : bytes) {
        verdict = checker.feed(QByteArrayView(&c, 1));
        if (verdict.rejected())
            break;
    }
    return verdict;
}

int s_shapesTried = 0;
int s_shapesRejected = 0;

} // namespace

class TestRequestChecker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void pipelined_requestsCountedAndNextOneChecked();
    void phase_followsTheRequest();
    void oversizedHead_rejectedBeforeItEnds();
    void oversizedBody_rejectedFromItsLengthAlone();
    void rejection_sticks();
    void fuzz_splitsNeverChangeTheVerdict();
    void fuzz_randomBytesNeverAcceptedAsARequest();
    void cleanupTestCase();
};

void TestRequestChecker::accepted_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("requests");

    QTest::newRow("get") << QByteArray("GET /mcp HTTP/1.1\r\n" + kHost + "\r\n") << 1;
    QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 1;
    QTest::newRow("content-length") << post("Content-Length: 5\r\n", "hello") << 1;
    QTest::newRow("content-length 0") << post("Content-Length: 0\r\n", {}) << 1;
    QTest::newRow("chunked") << post(
        "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n1a\r\n" + QByteArray(26, 'x') + "\r\n0\r\n\r\n")
                             << 1;
    QTest::newRow("chunked, upper case") << post("transfer-encoding: Chunked\r\n", "A\r\n0123456789\r\n0\r\n\r\n") << 1;
    QTest::newRow("leading empty line") << QByteArray("\r\nGET / HTTP/1.1\r\n" + kHost + "\r\n") << 1;
    QTest::newRow("tab and obs-text in a value") << post("X-Name: a\tb \xc3\xa9\r\nContent-Length: 1\r\n", "x") << 1;
    QTest::newRow("no space after colon") << post("Content-Length:2\r\n", "ok") << 1;
    QTest::newRow("upgrade h2c is ignored") << post("Upgrade: h2c\r\nContent-Length: 0\r\n", {}) << 1;
    QTest::newRow("body at the limit") << post("Content-Length: 65536\r\n", QByteArray(kBody, 'b')) << 1;
}

void TestRequestChecker::accepted()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, requests);
    RequestChecker checker(kHead, kBody);
    const auto verdict = checkWhole(bytes, &checker);
    QVERIFY2(!verdict.rejected(), verdict.reason.constData());
    QCOMPARE(checker.completedRequests(), requests);
    QCOMPARE(checker.phase(), RequestChecker::Phase::Idle);
    QVERIFY(!checkBytewise(bytes).rejected());
}

void TestRequestChecker::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");

    const QByteArray smuggled = "GET /mcp HTTP/1.1\r\n" + kHost + "\r\n";
    // Request smuggling: one stream that two parsers frame differently.
    QTest::newRow("CL and TE") << post("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + smuggled)
                               << 400;
    QTest::newRow("TE and CL") << post("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("two content-lengths") << post("Content-Length: 5\r\nContent-Length: 6\r\n", "hello!") << 400;
    QTest::newRow("same content-length twice") << post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello") << 400;
    QTest::newRow("content-length list") << post("Content-Length: 5, 5\r\n", "hello") << 400;
    QTest::newRow("signed content-length") << post("Content-Length: +5\r\n", "hello") << 400;
    QTest::newRow("negative content-length") << post("Content-Length: -1\r\n", {}) << 400;
    QTest::newRow("hex content-length") << post("Content-Length: 0x5\r\n", "hello") << 400;
    QTest::newRow("empty content-length") << post("Content-Length: \r\n", {}) << 400;
    QTest::newRow("te gzip, chunked") << post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("te chunked, identity") << post("Transfer-Encoding: chunked, identity\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("te xchunked") << post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("te identity") << post("Transfer-Encoding: identity\r\n", {}) << 400;
    QTest::newRow("two te headers") << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")
                                    << 400;
    QTest::newRow("te in http/1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                    << 400;
    QTest::newRow("space before colon") << post("Content-Length : 5\r\n", "hello") << 400;
    QTest::newRow("tab before colon") << post("Transfer-Encoding\t: chunked\r\n", "0\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << post("X-A: 1\r\n Transfer-Encoding: chunked\r\n", {}) << 400;
    QTest::newRow("obs-fold tab") << post("Content-Length: 0\r\n\tx\r\n", {}) << 400;
    QTest::newRow("bare LF line end") << QByteArray("GET / HTTP/1.1\n" + kHost + "\r\n") << 400;
    QTest::newRow("bare LF head end") << QByteArray("GET / HTTP/1.1\r\n" + kHost + "\n") << 400;
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r" + kHost + "\r\n") << 400;
    QTest::newRow("NUL in name") << post(QByteArray("X-A\0B: 1\r\n", 10), {}) << 400;
    QTest::newRow("NUL in value") << post(QByteArray("X-A: 1\0\r\n", 9), {}) << 400;
    QTest::newRow("DEL in value") << post("X-A: 1\x7f\r\n", {}) << 400;
    QTest::newRow("vertical tab") << post("X-A: \v1\r\n", {}) << 400;
    QTest::newRow("no colon") << post("Content-Length 5\r\n", "hello") << 400;
    QTest::newRow("empty name") << post(": 5\r\n", {}) << 400;
    QTest::newRow("two hosts") << post("Host: evil.example\r\n", {}) << 400;
    QTest::newRow("websocket upgrade") << post("Connection: Upgrade\r\nUpgrade: websocket\r\n", {}) << 400;
    QTest::newRow("leading space line") << QByteArray(" GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("double space in request line") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("odd version") << QByteArray("GET / HTTPX1Y1\r\n\r\n") << 400;
    QTest::newRow("http/2 version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("method with slash") << QByteArray("GE/T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("chunk size with extension")
        << post("Transfer-Encoding: chunked\r\n", "5;x=1\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk size not hex") << post("Transfer-Encoding: chunked\r\n", "zz\r\n" + smuggled) << 400;
    QTest::newRow("chunk size 0x") << post("Transfer-Encoding: chunked\r\n", "0x5\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk size with space") << post("Transfer-Encoding: chunked\r\n", " 5\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("negative chunk size") << post("Transfer-Encoding: chunked\r\n", "-5\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk size bare LF") << post("Transfer-Encoding: chunked\r\n", "5\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk longer than size") << post("Transfer-Encoding: chunked\r\n", "3\r\nhello\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk data bare LF") << post("Transfer-Encoding: chunked\r\n", "5\r\nhello\n0\r\n\r\n") << 400;
    QTest::newRow("trailer") << post("Transfer-Encoding: chunked\r\n", "0\r\nX-Smuggled: 1\r\n\r\n") << 400;
    QTest::newRow("last chunk bare LF") << post("Transfer-Encoding: chunked\r\n", "0\r\n\n") << 400;
    QTest::newRow("smuggled after bad second request")
        << QByteArray(post("Content-Length: 0\r\n", {}) + "GET / HTTP/1.1\r\nContent-Length : 1\r\n\r\nx") << 400;
    // Sizes.
    QTest::newRow("head over the limit") << post("X-Pad: " + QByteArray(kHead, 'a') + "\r\n", {}) << 431;
    QTest::newRow("header line over 8 KiB") << post("X-Pad: " + QByteArray(8200, 'a') + "\r\n", {}) << 431;
    QByteArray many;
    for (int i = 0; i < 101; ++i)
        many += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("101 header lines") << post(many, {}) << 431;
    QTest::newRow("content-length over the limit") << post("Content-Length: 65537\r\n", {}) << 413;
    QTest::newRow("content-length huge") << post("Content-Length: 99999999999999999999999\r\n", {}) << 413;
    QTest::newRow("chunks over the limit")
        << post("Transfer-Encoding: chunked\r\n", "8000\r\n" + QByteArray(0x8000, 'c') + "\r\n8001\r\n") << 413;
    QTest::newRow("chunk size huge") << post("Transfer-Encoding: chunked\r\n", "FFFFFFFFFFFFFFFFFFFF\r\n") << 413;
}

void TestRequestChecker::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    ++s_shapesTried;
    const auto whole = checkWhole(bytes);
    QCOMPARE(whole.status, status);
    QVERIFY(!whole.reason.isEmpty());
    // Byte by byte, as a slow client sends it, the verdict is the same.
    QCOMPARE(checkBytewise(bytes).status, status);
    ++s_shapesRejected;
}

void TestRequestChecker::pipelined_requestsCountedAndNextOneChecked()
{
    RequestChecker checker(kHead, kBody);
    const QByteArray two = post("Content-Length: 2\r\n", "ok") + post("Transfer-Encoding: chunked\r\n", "0\r\n\r\n");
    QVERIFY(!checker.feed(two).rejected());
    QCOMPARE(checker.completedRequests(), 2);
    // A smuggled third request behind them is checked as strictly as the first.
    QCOMPARE(checker.feed("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n").status, 400);
    QCOMPARE(checker.completedRequests(), 2);
}

void TestRequestChecker::phase_followsTheRequest()
{
    RequestChecker checker(kHead, kBody);
    QCOMPARE(checker.phase(), RequestChecker::Phase::Idle);
    QVERIFY(!checker.feed("POST /mcp HT").rejected());
    QCOMPARE(checker.phase(), RequestChecker::Phase::Head);
    QVERIFY(!checker.feed("TP/1.1\r\nContent-Length: 4\r\n\r\nab").rejected());
    QCOMPARE(checker.phase(), RequestChecker::Phase::Body);
    QVERIFY(!checker.feed("cd").rejected());
    QCOMPARE(checker.phase(), RequestChecker::Phase::Idle);
    QCOMPARE(checker.completedRequests(), 1);
    checker.reset();
    QCOMPARE(checker.completedRequests(), 0);
}

void TestRequestChecker::oversizedHead_rejectedBeforeItEnds()
{
    RequestChecker checker(1024, kBody);
    QVERIFY(!checker.feed("GET / HTTP/1.1\r\n").rejected());
    RequestChecker::Verdict verdict;
    int lines = 0;
    // Header lines that never end the head: rejected as soon as the limit is passed.
    while (!verdict.rejected() && lines < 1000) {
        verdict = checker.feed(QByteArray("X-Slow: " + QByteArray(40, 's') + "\r\n"));
        ++lines;
    }
    QCOMPARE(verdict.status, 431);
    QVERIFY(lines * 50 <= 1024 + 50);
}

void TestRequestChecker::oversizedBody_rejectedFromItsLengthAlone()
{
    RequestChecker checker(kHead, kBody);
    // Only the head: the verdict comes before a single body byte.
    QCOMPARE(checker.feed("POST /mcp HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n").status, 413);
}

void TestRequestChecker::rejection_sticks()
{
    RequestChecker checker(kHead, kBody);
    QCOMPARE(checker.feed("GET / HTTP/1.1\n").status, 400);
    QCOMPARE(checker.phase(), RequestChecker::Phase::Rejected);
    QCOMPARE(checker.feed("GET / HTTP/1.1\r\n\r\n").status, 400);
}

void TestRequestChecker::fuzz_splitsNeverChangeTheVerdict()
{
    // Every accepted and rejected shape above, cut at random places: the verdict must not depend on how the
    // bytes arrive.
    QList<QByteArray> samples {post("Content-Length: 5\r\n", "hello"),
        post("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"),
        post("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
        post("Transfer-Encoding: chunked\r\n", "0\r\nX: y\r\n\r\n"), post("X-A: 1\r\n folded\r\n", {}),
        QByteArray("GET / HTTP/1.1\n\n")};
    auto *random = QRandomGenerator::global();
    int runs = 0;
    for (const QByteArray &sample : std::as_const(samples)) {
        const auto expected = checkWhole(sample);
        for (int round = 0; round < 200; ++round) {
            RequestChecker checker(kHead, kBody);
            RequestChecker::Verdict verdict;
            qsizetype pos = 0;
            while (pos < sample.size() && !verdict.rejected()) {
                const qsizetype size = std::min<qsizetype>(sample.size() - pos, 1 + random->bounded(7));
                verdict = checker.feed(QByteArrayView(sample).sliced(pos, size));
                pos += size;
            }
            QCOMPARE(verdict.status, expected.status);
            ++runs;
        }
    }
    qInfo("RELIABILITY: request checker split fuzz: %d random splits of %lld samples, verdict unchanged", runs,
        qlonglong(samples.size()));
}

void TestRequestChecker::fuzz_randomBytesNeverAcceptedAsARequest()
{
    // Random mutations of a valid request: whatever the checker lets through as complete must still be a
    // request on whose framing QtHttpServer agrees: a plain request line, CRLF everywhere, one framing header.
    auto *random = QRandomGenerator::global();
    const QByteArray base = post("Content-Length: 5\r\n", "hello");
    const QByteArray alphabet("\r\n\t :\0aZ5-,;/", 13);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray mutated = base;
        const int edits = 1 + int(random->bounded(3));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random->bounded(int(mutated.size()));
            const char c =
                random->bounded(2) ? alphabet[random->bounded(int(alphabet.size()))] : char(random->bounded(256));
            switch (random->bounded(3)) {
            case 0: mutated[at] = c; break;
            case 1: mutated.insert(at, c); break;
            default: mutated.remove(at, 1); break;
            }
        }
        RequestChecker checker(kHead, kBody);
        const auto verdict = checker.feed(mutated);
        if (verdict.rejected()) {
            ++rejected;
            QVERIFY(verdict.status == 400 || verdict.status == 413 || verdict.status == 431);
            continue;
        }
        ++accepted;
        if (checker.completedRequests() == 0)
            continue;
        // Accepted as complete: the head is CRLF-only and holds no bare control bytes.
        const qsizetype headEnd = mutated.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QByteArray head = mutated.first(headEnd + 4);
        for (qsizetype i = 0; i < head.size(); ++i) {
            const auto u = static_cast<unsigned char>(head[i]);
            if (head[i] == '\n')
                QVERIFY(i > 0 && head[i - 1] == '\r');
            else if (head[i] == '\r')
                QVERIFY(i + 1 < head.size() && head[i + 1] == '\n');
            else
                QVERIFY(u >= 0x20 || head[i] == '\t');
        }
        QVERIFY(!head.contains("\r\n ") && !head.contains("\r\n\t"));
    }
    qInfo("RELIABILITY: request checker mutation fuzz: %d mutated requests, %d rejected, %d accepted",
        accepted + rejected, rejected, accepted);
}

void TestRequestChecker::cleanupTestCase()
{
    qInfo("RELIABILITY: request checker: %d malformed, smuggling or oversized shapes tried, %d rejected with the "
          "expected status",
        s_shapesTried, s_shapesRejected);
}

QTEST_GUILESS_MAIN(TestRequestChecker)
#include "TestRequestChecker.moc"
