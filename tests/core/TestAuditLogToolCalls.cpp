// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AuditLog's tool call records (event "tool_call") next to the order records in the same JSONL file,
// and recent(): the newest records from the end of the current (and last rotated) file.
#include "trading/AuditLog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Companion;
using namespace Companion::Trading;
using nlohmann::json;

class TestAuditLogToolCalls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toolCall_writtenAsOwnEvent_withoutArguments();
    void toolCall_doesNotDisturbOrderBookkeeping();
    void recent_newestRecordsOfKind_oldestFirst();
    void recent_spansRotation();
    void recent_largeFile_readsOnlyTheEnd();
};

void TestAuditLogToolCalls::toolCall_writtenAsOwnEvent_withoutArguments()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    const QDateTime time = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00.000Z"), Qt::ISODateWithMs);
    QVERIFY(log.append(AuditRecord::toolCall(time, QStringLiteral("Claude Desktop"), QStringLiteral("local"),
        QStringLiteral("get_quote"), QStringLiteral("ok"), QString())));
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray line = file.readAll().trimmed();
    const json value = json::parse(line.constBegin(), line.constEnd());
    QVERIFY(value["event"] == "tool_call");
    QVERIFY(value["tool"] == "get_quote");
    QVERIFY(value["client"] == "Claude Desktop");
    QVERIFY(value["transport"] == "local");
    QVERIFY(value["outcome"] == "ok");
    QVERIFY(value["time"] == "2026-11-30T10:00:00.000Z");
    QVERIFY(!value.contains("arguments"));
    QVERIFY(!value.contains("detail"));
    const QList<AuditRecord> read = log.readAll();
    QCOMPARE(read.size(), 1);
    QVERIFY(read.first().isToolCall());
    QCOMPARE(read.first().transport, QStringLiteral("local"));
}

void TestAuditLogToolCalls::toolCall_doesNotDisturbOrderBookkeeping()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    AuditRecord sending;
    sending.time = QDateTime::currentDateTimeUtc();
    sending.callId = QStringLiteral("c1");
    sending.tool = QStringLiteral("place_order");
    sending.outcome = QStringLiteral("sending");
    sending.clientTag = QStringLiteral("tag-1");
    sending.notional = Decimal::parse(u"100.00");
    QVERIFY(log.append(sending));
    QVERIFY(log.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), QStringLiteral("cursor"),
        QStringLiteral("http"), QStringLiteral("place_order"), QStringLiteral("error"), QStringLiteral("lost"))));
    // An order record keeps its old shape: no "event" key.
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray first = file.readLine().trimmed();
    QVERIFY(!json::parse(first.constBegin(), first.constEnd()).contains("event"));
    QCOMPARE(log.pendingUncertain().size(), 1);
    QCOMPARE(log.placedNotionalOn(QDate::currentDate()).toString(2), QStringLiteral("100.00"));
}

void TestAuditLogToolCalls::recent_newestRecordsOfKind_oldestFirst()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    for (int i = 0; i < 30; ++i) {
        QVERIFY(log.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), QStringLiteral("c"),
            QStringLiteral("local"), QStringLiteral("tool-%1").arg(i), QStringLiteral("ok"), QString())));
        AuditRecord order;
        order.time = QDateTime::currentDateTimeUtc();
        order.tool = QStringLiteral("order-%1").arg(i);
        order.outcome = QStringLiteral("requested");
        QVERIFY(log.append(order));
    }
    const QList<AuditRecord> calls = log.recent(5, QLatin1String(AuditRecord::kToolCallEvent));
    QCOMPARE(calls.size(), 5);
    QCOMPARE(calls.first().tool, QStringLiteral("tool-25"));
    QCOMPARE(calls.last().tool, QStringLiteral("tool-29"));
    const QList<AuditRecord> any = log.recent(3);
    QCOMPARE(any.size(), 3);
    QCOMPARE(any.last().tool, QStringLiteral("order-29"));
    QVERIFY(log.recent(0).isEmpty());
}

void TestAuditLogToolCalls::recent_spansRotation()
{
    QTemporaryDir dir;
    AuditLog log(dir.path(), 2000, 3); // small files: rotates every dozen records
    for (int i = 0; i < 25; ++i) {
        QVERIFY(log.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), QStringLiteral("c"),
            QStringLiteral("local"), QStringLiteral("tool-%1").arg(i), QStringLiteral("ok"), QString())));
    }
    QVERIFY(QFile::exists(log.filePath() + QStringLiteral(".1")));
    const QList<AuditRecord> calls = log.recent(15, QLatin1String(AuditRecord::kToolCallEvent));
    QCOMPARE(calls.size(), 15);
    QCOMPARE(calls.last().tool, QStringLiteral("tool-24"));
    QCOMPARE(calls.first().tool, QStringLiteral("tool-10"));
}

void TestAuditLogToolCalls::recent_largeFile_readsOnlyTheEnd()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    // A big file of order records (as years of trading would leave), then a few tool calls.
    {
        QFile file(log.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        AuditRecord order;
        order.time = QDateTime::currentDateTimeUtc();
        order.tool = QStringLiteral("place_order");
        order.outcome = QStringLiteral("requested");
        order.detail = QString(200, QLatin1Char('d'));
        const QByteArray line = QByteArray::fromStdString(order.toJson().dump()) + '\n';
        for (qint64 written = 0; written < 3 * AuditLog::kRecentReadBytes; written += line.size()) {
            file.write(line);
        }
    }
    for (int i = 0; i < 3; ++i) {
        QVERIFY(log.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), QStringLiteral("c"),
            QStringLiteral("local"), QStringLiteral("tool-%1").arg(i), QStringLiteral("ok"), QString())));
    }
    const QList<AuditRecord> calls = log.recent(200, QLatin1String(AuditRecord::kToolCallEvent));
    QCOMPARE(calls.size(), 3); // found at the end, the rest of the file not read
    const QList<AuditRecord> any = log.recent(100000);
    QVERIFY(any.size() < 3 * AuditLog::kRecentReadBytes / 200);
    QVERIFY(any.size() > 100);
}

QTEST_GUILESS_MAIN(TestAuditLogToolCalls)
#include "TestAuditLogToolCalls.moc"
