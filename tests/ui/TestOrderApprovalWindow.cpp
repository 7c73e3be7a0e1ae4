// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApprovalQueue.h"
#include "OrderApprovalWindow.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <optional>

using namespace Companion;
using namespace Companion::Trading;
using namespace Companion::Ui;
using namespace std::chrono_literals;

class TestOrderApprovalWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryField();
    void denyIsDefault_enterDenies();
    void windowMadeOnFirstRequest_shownForIt();
    void approveButton_approves();
    void queueOfTwo_oneAfterAnother();
    void timeout_isTimedOut();
    void withdraw_isCancelled();
    void screenshot();

private:
    template <typename T> T *child(QWidget *window, const char *name)
    {
        T *widget = window->findChild<T *>(QString::fromLatin1(name));
        if (!widget) {
            qFatal("no child %s", name);
        }
        return widget;
    }
    QString allText(QWidget *window)
    {
        QStringList texts;
        for (QLabel *label : window->findChildren<QLabel *>()) {
            texts << label->text();
        }
        return texts.join(QLatin1Char('\n'));
    }
};

namespace {
ApprovalRequest sample(const QString &id, Aries::AriesEnvironment environment = Aries::AriesEnvironment::Live)
{
    ApprovalRequest request;
    request.id = id;
    request.environment = environment;
    request.clientName = QStringLiteral("Claude Desktop");
    request.accountId = QStringLiteral("SBX-10000001");
    request.side = QStringLiteral("BUY");
    request.quantity = Decimal::fromInt(10);
    request.symbol = QStringLiteral("MSFT");
    request.type = QStringLiteral("LIMIT");
    request.limitPrice = Decimal::parse(u"400.00");
    request.timeInForce = QStringLiteral("DAY");
    Aries::AriesOrderPreview preview;
    preview.estimatedCost = *Decimal::parse(u"4000.00");
    preview.commission = Decimal();
    preview.fees = Decimal::parse(u"0.01");
    preview.buyingPowerImpact = Decimal::parse(u"4000.01");
    preview.warning = QStringLiteral("<b>Limit price is far from the market</b>");
    request.preview = preview;
    request.timeout = 120s;
    return request;
}

struct Recorder
{
    QList<ApprovalDecision> decisions;
    OrderApprover::Callback callback()
    {
        return [this](ApprovalDecision d) { decisions.append(d); };
    }
};
} // namespace

void TestOrderApprovalWindow::showsEveryField()
{
    ApprovalQueue queue;
    Recorder recorder;
    queue.request(sample(QStringLiteral("a")), this, recorder.callback());
    QWidget *window = queue.window();
    QVERIFY(window->isVisible());
    QVERIFY(window->windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    const QString text = allText(window);
    for (const char *expected : {"LIVE", "SBX-10000001", "BUY", "10 shares", "MSFT", "LIMIT", "$400.00", "DAY",
             "$4000.00", "$0.01", "$4000.01", "Claude Desktop", "far from the market", "2:00"}) {
        QVERIFY2(text.contains(QString::fromLatin1(expected)), expected);
    }
    // Aries' text is shown as it is, not interpreted as markup.
    QCOMPARE(child<QLabel>(window, "warningLabel")->textFormat(), Qt::PlainText);
    queue.request(sample(QStringLiteral("b"), Aries::AriesEnvironment::Sandbox), this, recorder.callback());
    QVERIFY(allText(window).contains(QStringLiteral("1 more request")));
}

void TestOrderApprovalWindow::denyIsDefault_enterDenies()
{
    ApprovalQueue queue;
    Recorder recorder;
    queue.request(sample(QStringLiteral("a")), this, recorder.callback());
    auto *deny = child<QPushButton>(queue.window(), "denyButton");
    auto *approve = child<QPushButton>(queue.window(), "approveButton");
    QVERIFY(deny->isDefault());
    QVERIFY(!approve->isDefault());
    QVERIFY(!approve->autoDefault());
    QTest::keyClick(queue.window(), Qt::Key_Return);
    QTRY_COMPARE(recorder.decisions, QList<ApprovalDecision>({ApprovalDecision::Denied}));
    QVERIFY(!queue.window()->isVisible());
}

void TestOrderApprovalWindow::windowMadeOnFirstRequest_shownForIt()
{
    // Not built at start (it would stay resident in the tray app for runs without orders), yet the very first
    // request is shown at once.
    ApprovalQueue queue;
    QVERIFY(!queue.window());
    Recorder recorder;
    queue.request(sample(QStringLiteral("first")), this, recorder.callback());
    QVERIFY(queue.window());
    QTRY_VERIFY(queue.window()->isVisible());
    QCOMPARE(queue.window()->requestId(), QStringLiteral("first"));
}

void TestOrderApprovalWindow::approveButton_approves()
{
    ApprovalQueue queue;
    Recorder recorder;
    queue.request(sample(QStringLiteral("a")), this, recorder.callback());
    QTest::mouseClick(child<QPushButton>(queue.window(), "approveButton"), Qt::LeftButton);
    QTRY_COMPARE(recorder.decisions, QList<ApprovalDecision>({ApprovalDecision::Approved}));
    QCOMPARE(queue.pendingCount(), 0);
}

void TestOrderApprovalWindow::queueOfTwo_oneAfterAnother()
{
    ApprovalQueue queue;
    Recorder first;
    Recorder second;
    ApprovalRequest other = sample(QStringLiteral("b"));
    other.symbol = QStringLiteral("AAPL");
    queue.request(sample(QStringLiteral("a")), this, first.callback());
    queue.request(other, this, second.callback());
    QCOMPARE(queue.window()->requestId(), QStringLiteral("a"));
    QTest::mouseClick(child<QPushButton>(queue.window(), "denyButton"), Qt::LeftButton);
    QTRY_COMPARE(first.decisions, QList<ApprovalDecision>({ApprovalDecision::Denied}));
    QCOMPARE(queue.window()->requestId(), QStringLiteral("b"));
    QVERIFY(queue.window()->isVisible());
    QVERIFY(child<QLabel>(queue.window(), "titleLabel")->text().contains(QStringLiteral("AAPL")));
    QVERIFY(second.decisions.isEmpty());
    QTest::mouseClick(child<QPushButton>(queue.window(), "approveButton"), Qt::LeftButton);
    QTRY_COMPARE(second.decisions, QList<ApprovalDecision>({ApprovalDecision::Approved}));
    QCOMPARE(first.decisions.size(), 1);
}

void TestOrderApprovalWindow::timeout_isTimedOut()
{
    ApprovalQueue queue;
    Recorder recorder;
    ApprovalRequest request = sample(QStringLiteral("a"));
    request.timeout = 1s;
    queue.request(request, this, recorder.callback());
    QVERIFY(allText(queue.window()).contains(QStringLiteral("0:01")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.decisions, QList<ApprovalDecision>({ApprovalDecision::TimedOut}), 5000);
    QVERIFY(!queue.window()->isVisible());
}

void TestOrderApprovalWindow::withdraw_isCancelled()
{
    ApprovalQueue queue;
    Recorder recorder;
    queue.request(sample(QStringLiteral("a")), this, recorder.callback());
    queue.withdraw(QStringLiteral("a"));
    queue.withdraw(QStringLiteral("unknown"));
    QTRY_COMPARE(recorder.decisions, QList<ApprovalDecision>({ApprovalDecision::Cancelled}));
    QVERIFY(!queue.window()->isVisible());
}

void TestOrderApprovalWindow::screenshot()
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("COMPANION_SCREENSHOT_DIR not set");
    }
    ApprovalQueue queue;
    Recorder recorder;
    queue.request(sample(QStringLiteral("a")), this, recorder.callback());
    queue.request(sample(QStringLiteral("b")), this, recorder.callback());
    queue.window()->adjustSize();
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(queue.window()->grab().save(QDir(dir).filePath(QStringLiteral("order-approval.png"))));
}

QTEST_MAIN(TestOrderApprovalWindow)
#include "TestOrderApprovalWindow.moc"
