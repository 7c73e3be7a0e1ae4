// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/AuditLog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Companion;
using namespace Companion::Trading;
using nlohmann::json;

#define JCOMPARE(actual, expected)                                                                                     \
    QVERIFY2(json(actual) == json(expected), (json(actual).dump() + " != " + json(expected).dump()).c_str())

class TestAuditLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void append_writesJsonLines();
    void rotation_keepsNFiles();
    void reopenAfterCrash_listsPendingUncertain();
    void unwritableDirectory_isAnError();
    void lineLeftUnfinished_nextRecordStartsItsOwnLine();
    void folderDeletedMeanwhile_madeAgain();
    void restart_abandonsCallsLeftUndecided();
    void redacted_hidesSecrets();
};

namespace {
AuditRecord record(const QString &tag, const QString &outcome, const char *notional = nullptr)
{
    AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.callId = QStringLiteral("call-") + tag;
    r.client = QStringLiteral("claude-ai");
    r.tool = QStringLiteral("place_order");
    r.arguments = json {{"side", "buy"}, {"quantity", 1}, {"symbol", "AAPL"}};
    r.outcome = outcome;
    r.accountId = QStringLiteral("SBX-1");
    r.clientTag = tag;
    if (notional) {
        r.notional = Decimal::parse(QString::fromLatin1(notional));
    }
    return r;
}
} // namespace

void TestAuditLog::append_writesJsonLines()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    QVERIFY(log.append(record(QStringLiteral("t1"), QStringLiteral("sending"), "100.50")));
    AuditRecord placed = record(QStringLiteral("t1"), QStringLiteral("placed"));
    placed.orderId = QStringLiteral("ORD-1");
    placed.status = QStringLiteral("NEW");
    QVERIFY(log.append(placed));
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines and the final newline
    const json second = json::parse(lines[1].toStdString());
    JCOMPARE(second["outcome"], "placed");
    JCOMPARE(second["orderId"], "ORD-1");
    JCOMPARE(second["client"], "claude-ai");
    JCOMPARE(second["arguments"]["symbol"], "AAPL");
    const auto all = log.readAll();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].notional->toString(2), QStringLiteral("100.50"));
    QCOMPARE(log.placedNotionalOn(QDate::currentDate()).toString(2), QStringLiteral("100.50"));
    QVERIFY(log.pendingUncertain().isEmpty());
}

void TestAuditLog::restart_abandonsCallsLeftUndecided()
{
    // An earlier run was killed: one call with its approval window open, one just requested, one finished,
    // one sent without an answer. Only the first two are closed as abandoned; the sent one is reconcile()'s.
    QTemporaryDir dir;
    AuditLog log(dir.path());
    AuditRecord waiting = record(QString(), QStringLiteral("requested"));
    waiting.callId = QStringLiteral("call-waiting");
    QVERIFY(log.append(waiting));
    waiting.outcome = QStringLiteral("pending_approval");
    QVERIFY(log.append(waiting));
    AuditRecord requested = record(QString(), QStringLiteral("requested"));
    requested.callId = QStringLiteral("call-requested");
    QVERIFY(log.append(requested));
    AuditRecord denied = record(QString(), QStringLiteral("pending_approval"));
    denied.callId = QStringLiteral("call-denied");
    QVERIFY(log.append(denied));
    denied.outcome = QStringLiteral("denied");
    QVERIFY(log.append(denied));
    QVERIFY(log.append(record(QStringLiteral("t-sent"), QStringLiteral("sending"))));
    QVERIFY(log.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), QStringLiteral("claude-ai"),
        QStringLiteral("local"), QStringLiteral("place_order"), QStringLiteral("ok"), {})));

    AuditLog reopened(dir.path());
    QCOMPARE(reopened.unfinishedCalls().size(), 2);
    const auto abandoned = reopened.abandonUnfinishedCalls();
    QVERIFY(abandoned);
    QCOMPARE(*abandoned, 2);
    QVERIFY(reopened.unfinishedCalls().isEmpty());
    QCOMPARE(*reopened.abandonUnfinishedCalls(), 0); // a second start finds nothing left
    const auto all = reopened.readAll();
    QCOMPARE(all[all.size() - 2].outcome, QStringLiteral("abandoned"));
    QCOMPARE(all[all.size() - 2].callId, QStringLiteral("call-waiting"));
    QVERIFY(all[all.size() - 2].detail.contains(QStringLiteral("waited for approval")));
    QCOMPARE(all.last().callId, QStringLiteral("call-requested"));
    QCOMPARE(all.last().tool, QStringLiteral("place_order"));
    QCOMPARE(reopened.pendingUncertain().size(), 1);
}

void TestAuditLog::rotation_keepsNFiles()
{
    QTemporaryDir dir;
    AuditLog log(dir.path(), 1000, 3);
    for (int i = 0; i < 100; ++i) {
        QVERIFY(log.append(record(QStringLiteral("tag%1").arg(i), QStringLiteral("placed"))));
    }
    QVERIFY(QFileInfo(log.filePath()).size() <= 1000);
    QVERIFY(QFile::exists(log.filePath() + QStringLiteral(".1")));
    QVERIFY(QFile::exists(log.filePath() + QStringLiteral(".3")));
    QVERIFY(!QFile::exists(log.filePath() + QStringLiteral(".4")));
    const auto all = log.readAll();
    QVERIFY(all.size() < 100);
    QCOMPARE(all.last().clientTag, QStringLiteral("tag99"));
}

void TestAuditLog::reopenAfterCrash_listsPendingUncertain()
{
    QTemporaryDir dir;
    {
        AuditLog log(dir.path());
        QVERIFY(log.append(record(QStringLiteral("done"), QStringLiteral("sending"))));
        QVERIFY(log.append(record(QStringLiteral("done"), QStringLiteral("placed"))));
        QVERIFY(log.append(record(QStringLiteral("lost"), QStringLiteral("sending"))));
        QVERIFY(log.append(record(QStringLiteral("unsure"), QStringLiteral("sending"))));
        QVERIFY(log.append(record(QStringLiteral("unsure"), QStringLiteral("uncertain"))));
    }
    // The crash cut the last line in half.
    QFile file(dir.filePath(QStringLiteral("audit.jsonl")));
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"time\":\"2026-01-15T14:");
    file.close();

    AuditLog reopened(dir.path());
    const auto pending = reopened.pendingUncertain();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending[0].clientTag, QStringLiteral("lost"));
    QCOMPARE(pending[1].clientTag, QStringLiteral("unsure"));
    QCOMPARE(pending[1].accountId, QStringLiteral("SBX-1"));
    AuditRecord resolved = record(QStringLiteral("lost"), QStringLiteral("resolved"));
    QVERIFY(reopened.append(resolved));
    QCOMPARE(reopened.pendingUncertain().size(), 1);
}

void TestAuditLog::lineLeftUnfinished_nextRecordStartsItsOwnLine()
{
    // A write cut short (another copy of the app killed mid-line) after this log's own last record: the
    // log notices although it wrote the file last itself, and the next record is not glued to the torn line.
    QTemporaryDir dir;
    AuditLog log(dir.path());
    QVERIFY(log.append(record(QStringLiteral("first"), QStringLiteral("sending"))));
    {
        QFile file(log.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        QVERIFY(file.write("{\"tag\":\"torn\",\"outc") > 0);
    }
    QVERIFY(log.append(record(QStringLiteral("second"), QStringLiteral("placed"))));
    QVERIFY(log.append(record(QStringLiteral("third"), QStringLiteral("placed"))));
    const auto all = log.readAll();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[1].clientTag, QStringLiteral("second"));
    QCOMPARE(all[2].clientTag, QStringLiteral("third"));
}

void TestAuditLog::folderDeletedMeanwhile_madeAgain()
{
    QTemporaryDir dir;
    const QString folder = QDir(dir.path()).filePath(QStringLiteral("audit"));
    AuditLog log(folder);
    QVERIFY(log.append(record(QStringLiteral("a"), QStringLiteral("sending"))));
    QVERIFY(QDir(folder).removeRecursively());
    QVERIFY(log.append(record(QStringLiteral("b"), QStringLiteral("sending"))));
    const auto all = log.readAll();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].clientTag, QStringLiteral("b"));
}

void TestAuditLog::unwritableDirectory_isAnError()
{
    QTemporaryDir dir;
    // A file where the folder should be: nothing can be created under it.
    const QString blocked = dir.filePath(QStringLiteral("blocked"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    AuditLog log(blocked + QStringLiteral("/audit"));
    const auto written = log.append(record(QStringLiteral("x"), QStringLiteral("requested")));
    QVERIFY(!written);
    QVERIFY(written.error().contains(QStringLiteral("audit log")));
}

void TestAuditLog::redacted_hidesSecrets()
{
    const json in {
        {"symbol", "AAPL"}, {"access_token", "abc"}, {"nested", {{"Password", "x"}}}, {"long", std::string(1000, 'a')}};
    const json out = AuditLog::redacted(in);
    JCOMPARE(out["symbol"], "AAPL");
    JCOMPARE(out["access_token"], "[redacted]");
    JCOMPARE(out["nested"]["Password"], "[redacted]");
    QVERIFY(out["long"].get<std::string>().size() < 300);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
