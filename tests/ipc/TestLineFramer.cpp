// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LineFramer.h"

#include <QTest>

using Companion::Ipc::LineFramer;

namespace {

using Chunks = QList<QByteArray>;
using Lines = QList<QByteArray>;

// Feeds @p chunks in order and returns what came out, with an over-long line shown as "<too long>".
Lines feedAll(LineFramer &framer, const Chunks &chunks)
{
    Lines lines;
    for (const QByteArray &chunk : chunks) {
        for (const auto &frame : framer.feed(chunk)) {
            lines.append(frame.tooLong ? QByteArrayLiteral("<too long>") : frame.line);
        }
    }
    return lines;
}

Chunks split(const QByteArray &bytes, qsizetype chunkSize)
{
    Chunks chunks;
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunkSize) {
        chunks.append(bytes.mid(pos, chunkSize));
    }
    return chunks;
}

QByteArray bigMessage(qsizetype size)
{
    // Multi-byte UTF-8 throughout, so a cut at any chunk boundary would show.
    const QByteArray pattern = QStringLiteral("{\"text\":\"Grüße 日本語 🚀 Ελληνικά\"}").toUtf8();
    QByteArray message;
    message.reserve(size);
    while (message.size() < size) {
        message.append(pattern);
    }
    return message;
}

} // namespace

class TestLineFramer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feed_chunks_yieldsLines_data();
    void feed_chunks_yieldsLines();
    void feed_largeMessage_arrivesWhole_data();
    void feed_largeMessage_arrivesWhole();
    void feed_overLongLine_reportedOnceAndNextIntact_data();
    void feed_overLongLine_reportedOnceAndNextIntact();
    void feed_overLongLine_isNotBuffered();
    void feed_lineOfExactlyMax_isAccepted();
};

void TestLineFramer::feed_chunks_yieldsLines_data()
{
    QTest::addColumn<Chunks>("chunks");
    QTest::addColumn<Lines>("expected");

    const QByteArray utf8 = QStringLiteral("{\"t\":\"é ü 日本 🚀 👩‍💻 Ω\"}").toUtf8();
    Chunks byteByByte = split(utf8 + '\n', 1);

    QTest::newRow("one line") << Chunks {"{\"a\":1}\n"} << Lines {"{\"a\":1}"};
    QTest::newRow("several lines in one feed") << Chunks {"a\nbb\nccc\n"} << Lines {"a", "bb", "ccc"};
    QTest::newRow("one line over many feeds") << Chunks {"{\"a\"", ":", "1", "}", "\n"} << Lines {"{\"a\":1}"};
    QTest::newRow("lines across feed boundaries") << Chunks {"a\nb", "b\ncc", "c\n"} << Lines {"a", "bb", "ccc"};
    QTest::newRow("no newline yet") << Chunks {"abc"} << Lines {};
    QTest::newRow("newline alone ends the line") << Chunks {"abc", "\n"} << Lines {"abc"};
    QTest::newRow("empty lines") << Chunks {"\n\na\n\n"} << Lines {"", "", "a", ""};
    QTest::newRow("trailing CR is data") << Chunks {"a\r\n"} << Lines {"a\r"};
    QTest::newRow("utf8 in one feed") << Chunks {utf8 + '\n'} << Lines {utf8};
    QTest::newRow("utf8 byte by byte") << byteByByte << Lines {utf8};
    QTest::newRow("utf8 split inside a character") << Chunks {utf8.left(9), utf8.mid(9) + "\nx\n"} << Lines {utf8, "x"};
    QTest::newRow("nul bytes kept") << Chunks {QByteArray("a\0b\n", 4)} << Lines {QByteArray("a\0b", 3)};
}

void TestLineFramer::feed_chunks_yieldsLines()
{
    QFETCH(Chunks, chunks);
    QFETCH(Lines, expected);
    LineFramer framer;
    QCOMPARE(feedAll(framer, chunks), expected);
}

void TestLineFramer::feed_largeMessage_arrivesWhole_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::newRow("5 MiB in one feed") << qsizetype(5 << 20) << qsizetype(0);
    QTest::newRow("5 MiB in 64 KiB feeds") << qsizetype(5 << 20) << qsizetype(64 << 10);
    QTest::newRow("5 MiB in odd-sized feeds") << qsizetype(5 << 20) << qsizetype(4093);
    // A quadratic buffer would take minutes here.
    QTest::newRow("1 MiB byte by byte") << qsizetype(1 << 20) << qsizetype(1);
}

void TestLineFramer::feed_largeMessage_arrivesWhole()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, chunkSize);
    const QByteArray message = bigMessage(size);
    const QByteArray stream = message + "\n{\"next\":true}\n";
    LineFramer framer(8 << 20);
    const Lines lines = feedAll(framer, chunkSize == 0 ? Chunks {stream} : split(stream, chunkSize));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0) == message); // not QCOMPARE: a failure would print megabytes
    QCOMPARE(lines.at(1), QByteArray("{\"next\":true}"));
    QCOMPARE(framer.bufferedBytes(), 0);
}

void TestLineFramer::feed_overLongLine_reportedOnceAndNextIntact_data()
{
    QTest::addColumn<Chunks>("chunks");
    QTest::addColumn<Lines>("expected");
    const QByteArray tooLong(40, 'x');
    QTest::newRow("one feed") << Chunks {"ok\n" + tooLong + "\nnext\n"} << Lines {"ok", "<too long>", "next"};
    QTest::newRow("many feeds") << split("ok\n" + tooLong + "\nnext\n", 3) << Lines {"ok", "<too long>", "next"};
    QTest::newRow("one over the limit") << Chunks {QByteArray(17, 'y') + "\nnext\n"} << Lines {"<too long>", "next"};
    QTest::newRow("no newline yet") << Chunks {tooLong, tooLong} << Lines {"<too long>"};
    QTest::newRow("two in a row") << Chunks {tooLong + "\n", tooLong + "\n", "a\n"}
                                  << Lines {"<too long>", "<too long>", "a"};
}

void TestLineFramer::feed_overLongLine_reportedOnceAndNextIntact()
{
    QFETCH(Chunks, chunks);
    QFETCH(Lines, expected);
    LineFramer framer(16);
    QCOMPARE(feedAll(framer, chunks), expected);
}

void TestLineFramer::feed_overLongLine_isNotBuffered()
{
    LineFramer framer(1024);
    QVERIFY(framer.feed(QByteArray(1000, 'a')).isEmpty());
    QCOMPARE(framer.bufferedBytes(), 1000);
    const auto frames = framer.feed(QByteArray(100, 'a'));
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames.at(0).tooLong);
    QCOMPARE(framer.bufferedBytes(), 0);
    QVERIFY(framer.isSkipping());
    QVERIFY(framer.feed(QByteArray(1 << 20, 'a')).isEmpty());
    QCOMPARE(framer.bufferedBytes(), 0);
    const auto after = framer.feed("tail\n{}\n");
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0).line, QByteArray("{}"));
    QVERIFY(!framer.isSkipping());
}

void TestLineFramer::feed_lineOfExactlyMax_isAccepted()
{
    LineFramer framer(16);
    const QByteArray line(16, 'z');
    const auto frames = framer.feed(QByteArray(line + "\n"));
    QCOMPARE(frames.size(), 1);
    QVERIFY(!frames.at(0).tooLong);
    QCOMPARE(frames.at(0).line, line);
    QCOMPARE(LineFramer().maxLineBytes(), 4 * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestLineFramer)
#include "TestLineFramer.moc"
