// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ToolTestHarness.h"

#include "tools/AccountTools.h"
#include "tools/MarketTools.h"
#include "tools/OrderTools.h"
#include "trading/AuditLog.h"
#include "trading/OrderApprover.h"
#include "trading/TradingPolicy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <sched.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>

using namespace Companion;
using namespace Companion::Trading;
using namespace Companion::Testing;
using nlohmann::json;

namespace {

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

/**
 * Approves every order, after running the test's hook (which can fill the disk while the window is
 * open). It stands in for the person at the computer, the one place a fake is legitimate: CI has no
 * human to press Approve.
 */
class HookedApprover final : public OrderApprover
{
public:
    std::function<void()> beforeApproving;
    int requests = 0;

    void request(const ApprovalRequest &, QObject *context, Callback callback) override
    {
        ++requests;
        if (beforeApproving) {
            beforeApproving();
        }
        QTimer::singleShot(0, context, [callback]() { callback(ApprovalDecision::Approved); });
    }
    void withdraw(const QString &) override { }
};

} // namespace

/**
 * Issue "Disk": the audit log on a full disk (the log file is /dev/full, whose writes fail with ENOSPC)
 * and on a read-only one (a read-only bind mount in a private mount namespace). The read tools keep
 * working, place_order is refused with a sentence that says the audit log cannot be written and what to
 * check, and nothing reaches the sandbox's order endpoints.
 */
class TestAuditDisk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fullDisk_readsWork_orderRefused();
    void diskFillsWhileApprovalOpen_orderNotSent();
    void readOnlyDisk_readsWork_orderRefused();

private:
    void useAuditFolder(const QString &folder);
    /** The read tools answer normally; the number that did. */
    int checkReads();
    /** place_order is refused for the audit log with a sentence that says what to do; nothing sent. */
    void checkOrderRefused(const char *label);
    int orderRequestsAtSandbox();

    ToolTestHarness m_harness;
    QTemporaryDir m_dir;
    std::unique_ptr<AuditLog> m_audit;
    TradingPolicy m_policy;
    HookedApprover m_approver;
    std::unique_ptr<Tools::OrderTools> m_tools;
};

void TestAuditDisk::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_harness.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_harness.errorString()));
    m_harness.setDefaultAccount(m_harness.marginAccount());
    Tools::AccountTools::registerTools(m_harness.server(), m_harness);
    Tools::MarketTools::registerTools(m_harness.server(), m_harness);
    TradingLimits limits;
    limits.tradingEnabled = true;
    m_policy.setLimits(limits);
    useAuditFolder(m_dir.filePath(QStringLiteral("initial")));
    m_tools->registerTools(m_harness.server());
}

void TestAuditDisk::useAuditFolder(const QString &folder)
{
    // OrderTools keeps a reference to the log; the object stays, its folder changes by replacement.
    if (!m_audit) {
        m_audit = std::make_unique<AuditLog>(folder);
        m_tools = std::make_unique<Tools::OrderTools>(m_harness, m_policy, m_approver, *m_audit);
    } else {
        *m_audit = AuditLog(folder);
    }
}

void TestAuditDisk::init()
{
    m_approver.beforeApproving = {};
    m_approver.requests = 0;
    QVERIFY(m_harness.sandbox().resetStats());
}

int TestAuditDisk::orderRequestsAtSandbox()
{
    SandboxProcess &sandbox = m_harness.sandbox();
    return sandbox.requestCount(QStringLiteral("POST /v1/orders"))
        + sandbox.requestCount(QStringLiteral("POST /v1/orders/preview"));
}

int TestAuditDisk::checkReads()
{
    int answered = 0;
    for (const char *tool : {"get_accounts", "get_portfolio", "get_quote"}) {
        const json arguments = QByteArray(tool) == "get_quote" ? json {{"symbol", "AAPL"}} : json::object();
        const json reply = m_harness.call(QString::fromLatin1(tool), arguments, 30000);
        const bool ok = reply.contains("result") && !reply["result"].value("isError", true);
        if (!ok) {
            qWarning("%s: %s", tool, reply.dump().c_str());
        }
        answered += ok ? 1 : 0;
    }
    return answered;
}

void TestAuditDisk::checkOrderRefused(const char *label)
{
    const int before = orderRequestsAtSandbox();
    const int ordersBefore = int(m_harness.sandbox().allOrders().size());
    QSignalSpy told(m_tools.get(), &Tools::OrderTools::auditLogUnwritable);
    const json reply = m_harness.call(QStringLiteral("place_order"),
        json {{"side", "buy"}, {"quantity", "1"}, {"symbol", "AAPL"}, {"type", "limit"}, {"limit_price", "1.25"},
            {"time_in_force", "gtc"}});
    QVERIFY2(reply.contains("result"), reply.dump().c_str());
    // The app is told too (it shows the person a notification), with the system's reason.
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.first().first().toString().contains(QStringLiteral("cannot be written")),
        qPrintable(told.first().first().toString()));
    QCOMPARE(reply["result"].value("isError", false), true);
    const json result = reply["result"].value("structuredContent", json::object());
    QCOMPARE(text(result.value("outcome", json())), QStringLiteral("error"));
    const QString message = text(result.value("message", json()));
    // Says why (the audit log cannot be written, with the system's reason) and what to do (check the disk).
    QVERIFY2(message.contains(QStringLiteral("cannot write its audit log")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("check the disk")), qPrintable(message));
    const int sent = orderRequestsAtSandbox() - before;
    const int newOrders = int(m_harness.sandbox().allOrders().size()) - ordersBefore;
    qInfo("RELIABILITY: disk case=%s order_refused=1 order_requests_sent=%d orders_at_sandbox=%d message=\"%s\"", label,
        sent, newOrders, qPrintable(message));
    QCOMPARE(newOrders, 0);
}

void TestAuditDisk::fullDisk_readsWork_orderRefused()
{
    const QString folder = m_dir.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), QDir(folder).filePath(QStringLiteral("audit.jsonl"))));
    useAuditFolder(folder);
    QVERIFY(!m_audit->append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), {}, {}, {}, {}, {})));

    const int reads = checkReads();
    qInfo("RELIABILITY: disk case=full reads_answered=%d of 3", reads);
    QCOMPARE(reads, 3);
    checkOrderRefused("full");
    QCOMPARE(orderRequestsAtSandbox(), 0);
    QCOMPARE(m_approver.requests, 0);
}

void TestAuditDisk::diskFillsWhileApprovalOpen_orderNotSent()
{
    // The disk fills up while the approval window is open: "sending" cannot be recorded, so the approved
    // order is not sent (a crash after sending would otherwise leave no trace to look it up by).
    const QString folder = m_dir.filePath(QStringLiteral("fills"));
    useAuditFolder(folder);
    const QString file = m_audit->filePath();
    m_approver.beforeApproving = [file]() {
        QFile::remove(file);
        QFile::link(QStringLiteral("/dev/full"), file);
    };
    const int ordersBefore = int(m_harness.sandbox().allOrders().size());
    const json reply = m_harness.call(QStringLiteral("place_order"),
        json {{"side", "buy"}, {"quantity", "1"}, {"symbol", "AAPL"}, {"type", "limit"}, {"limit_price", "1.25"},
            {"time_in_force", "gtc"}});
    QCOMPARE(m_approver.requests, 1);
    const json result = reply["result"].value("structuredContent", json::object());
    QVERIFY2(text(result.value("outcome", json())) == QLatin1String("error"), reply.dump().c_str());
    QVERIFY(text(result.value("message", json())).contains(QStringLiteral("cannot write its audit log")));
    const int posted = m_harness.sandbox().requestCount(QStringLiteral("POST /v1/orders"));
    qInfo("RELIABILITY: disk case=fills_during_approval order_refused=1 order_requests_sent=%d", posted);
    QCOMPARE(posted, 0);
    QCOMPARE(int(m_harness.sandbox().allOrders().size()), ordersBefore);
}

void TestAuditDisk::readOnlyDisk_readsWork_orderRefused()
{
    // As root, file permissions do not stop writes: the folder is made read-only by a read-only bind mount
    // in a mount namespace of this test's own (so nothing outside it sees the mount).
    const QString folder = m_dir.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(folder));
    {
        AuditLog before(folder);
        QVERIFY(before.append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), {}, {}, {}, {}, {})));
    }
    const QByteArray path = QFile::encodeName(folder);
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || ::mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) != 0
        || ::mount(nullptr, path.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        QSKIP(qPrintable(QStringLiteral("no private read-only mount here (%1): this needs CAP_SYS_ADMIN")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    }
    useAuditFolder(folder);
    const auto written = m_audit->append(AuditRecord::toolCall(QDateTime::currentDateTimeUtc(), {}, {}, {}, {}, {}));
    QVERIFY(!written);
    QVERIFY(m_audit->readAll().size() == 1); // still readable

    const int reads = checkReads();
    qInfo("RELIABILITY: disk case=read_only reads_answered=%d of 3", reads);
    QCOMPARE(reads, 3);
    checkOrderRefused("read_only");
    QCOMPARE(orderRequestsAtSandbox(), 0);
    ::umount(path.constData());
}

QTEST_GUILESS_MAIN(TestAuditDisk)
#include "TestAuditDisk.moc"
