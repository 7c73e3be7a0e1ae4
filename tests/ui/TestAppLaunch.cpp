// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

constexpr int kStartMs = 30'000;
// A second launch hands over and ends; everything it does is bounded by a few seconds.
constexpr int kSecondLaunchMs = 8'000;
constexpr char kActivatedLine[] = "another launch asked this instance to show itself";

} // namespace

/**
 * The real aries-companion launched more than once for one user (offscreen, in this test's own HOME, XDG
 * folders and keyring): one copy runs, every other launch hands over to it and exits 0.
 */
class TestAppLaunch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void secondLaunch_bringsFirstToFront_andExitsZero();
    void secondLaunch_withOptions_saysTheyAreNotApplied();
    void backgroundLaunch_leavesTheRunningCopyAlone();
    void simultaneousLaunches_leaveExactlyOneRunning();
    void afterACrash_nextLaunchStartsNormally();

private:
    struct App
    {
        std::unique_ptr<QProcess> process;
        QByteArray stderrText;
    };

    /** Starts the app; a copy that is to run gets --mcp-port 0 (no HTTP endpoint), launches that hand over get
     * @p arguments only, so nothing they were not asked for shows in what they print. */
    App *launch(const QStringList &arguments = {}, bool toRun = false);
    static bool waitForExit(App &app, int timeoutMs);
    static bool mcpSocketAnswers();
    static QString runtimeFolder();

    std::vector<std::unique_ptr<App>> m_apps;
};

void TestAppLaunch::initTestCase()
{
    Companion::AppInfo::applyTo(*qApp);
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"));
}

void TestAppLaunch::cleanup()
{
    for (const auto &app : m_apps) {
        if (app->process->state() != QProcess::NotRunning) {
            app->process->terminate();
            if (!app->process->waitForFinished(10'000)) {
                app->process->kill();
                app->process->waitForFinished(5'000);
            }
        }
        app->stderrText.append(app->process->readAllStandardError());
        if (QTest::currentTestFailed()) {
            qWarning("aries-companion %s stderr:\n%s", qPrintable(app->process->arguments().join(QLatin1Char(' '))),
                app->stderrText.constData());
        }
    }
    m_apps.clear();
}

QString TestAppLaunch::runtimeFolder()
{
    return qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/aries-companion");
}

TestAppLaunch::App *TestAppLaunch::launch(const QStringList &arguments, bool toRun)
{
    auto app = std::make_unique<App>();
    app->process = std::make_unique<QProcess>();
    App *raw = app.get();
    connect(raw->process.get(), &QProcess::readyReadStandardError, this,
        [raw] { raw->stderrText.append(raw->process->readAllStandardError()); });
    // Port 0: no HTTP endpoint, so parallel tests and a user's copy on the default port are not disturbed.
    const QStringList port = toRun ? QStringList {QStringLiteral("--mcp-port"), QStringLiteral("0")} : QStringList();
    raw->process->start(QStringLiteral(ARIES_COMPANION_BIN), port + arguments);
    m_apps.push_back(std::move(app));
    return raw;
}

bool TestAppLaunch::waitForExit(App &app, int timeoutMs)
{
    return QTest::qWaitFor([&app] { return app.process->state() == QProcess::NotRunning; }, timeoutMs);
}

bool TestAppLaunch::mcpSocketAnswers()
{
    QLocalSocket socket;
    socket.connectToServer(runtimeFolder() + QStringLiteral("/mcp.sock"));
    return socket.waitForConnected(1000);
}

void TestAppLaunch::secondLaunch_bringsFirstToFront_andExitsZero()
{
    App *first = launch({}, true);
    QVERIFY(first->process->waitForStarted());
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), first->stderrText.constData());

    QElapsedTimer clock;
    clock.start();
    App *second = launch();
    QVERIFY(waitForExit(*second, kSecondLaunchMs));
    QCOMPARE(second->process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->process->exitCode(), 0);
    QVERIFY2(clock.elapsed() < kSecondLaunchMs, qPrintable(QString::number(clock.elapsed())));
    // Nothing alarming: the second launch says nothing at all.
    second->stderrText.append(second->process->readAllStandardError());
    QVERIFY2(second->stderrText.trimmed().isEmpty(), second->stderrText.constData());
    QCOMPARE(second->process->readAllStandardOutput(), QByteArray());

    // The running copy was asked to show itself, and is still the one running.
    QTRY_VERIFY_WITH_TIMEOUT(first->stderrText.contains(kActivatedLine), 5'000);
    QCOMPARE(first->process->state(), QProcess::Running);
    QVERIFY(mcpSocketAnswers());
}

void TestAppLaunch::secondLaunch_withOptions_saysTheyAreNotApplied()
{
    App *first = launch({}, true);
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), first->stderrText.constData());
    App *second = launch({QStringLiteral("--connect")});
    QVERIFY(waitForExit(*second, kSecondLaunchMs));
    QCOMPARE(second->process->exitCode(), 0);
    second->stderrText.append(second->process->readAllStandardError());
    QVERIFY2(second->stderrText.contains("already running") && second->stderrText.contains("(--connect)"),
        second->stderrText.constData());
    QVERIFY(!second->stderrText.contains("warning"));
    QTRY_VERIFY_WITH_TIMEOUT(first->stderrText.contains(kActivatedLine), 5'000);
}

void TestAppLaunch::backgroundLaunch_leavesTheRunningCopyAlone()
{
    App *first = launch({}, true);
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), first->stderrText.constData());
    App *second = launch({QStringLiteral("--background")});
    QVERIFY(waitForExit(*second, kSecondLaunchMs));
    QCOMPARE(second->process->exitCode(), 0);
    second->stderrText.append(second->process->readAllStandardError());
    QVERIFY2(second->stderrText.trimmed().isEmpty(), second->stderrText.constData());
    // A person's launch after it still brings the window up, so the first one was really not activated.
    App *third = launch();
    QVERIFY(waitForExit(*third, kSecondLaunchMs));
    QTRY_VERIFY_WITH_TIMEOUT(first->stderrText.contains(kActivatedLine), 5'000);
    QCOMPARE(first->stderrText.count(kActivatedLine), 1);
}

void TestAppLaunch::simultaneousLaunches_leaveExactlyOneRunning()
{
    // As when two aries-mcp bridges find no app at the same moment and both start one.
    App *a = launch({QStringLiteral("--background")}, true);
    App *b = launch({QStringLiteral("--background")}, true);
    QVERIFY(a->process->waitForStarted());
    QVERIFY(b->process->waitForStarted());

    QVERIFY(QTest::qWaitFor(
        [a, b] { return a->process->state() == QProcess::NotRunning || b->process->state() == QProcess::NotRunning; },
        kStartMs));
    App *ended = a->process->state() == QProcess::NotRunning ? a : b;
    App *running = ended == a ? b : a;
    QCOMPARE(ended->process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(ended->process->exitCode(), 0);
    ended->stderrText.append(ended->process->readAllStandardError());
    QVERIFY2(
        !ended->stderrText.contains("warning") && !ended->stderrText.contains("error"), ended->stderrText.constData());

    // The other one is the app: it keeps running and serves the MCP socket.
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), running->stderrText.constData());
    QTest::qWait(1000);
    QCOMPARE(running->process->state(), QProcess::Running);
}

void TestAppLaunch::afterACrash_nextLaunchStartsNormally()
{
    App *crashed = launch({}, true);
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), crashed->stderrText.constData());
    crashed->process->kill(); // SIGKILL: no chance to clean up
    QVERIFY(waitForExit(*crashed, 10'000));
    // What it leaves behind.
    QVERIFY(QFileInfo::exists(runtimeFolder() + QStringLiteral("/instance.lock")));
    QVERIFY(QFileInfo::exists(runtimeFolder() + QStringLiteral("/control.sock")));
    QVERIFY(QFileInfo::exists(runtimeFolder() + QStringLiteral("/mcp.sock")));

    App *next = launch({}, true);
    QVERIFY2(QTest::qWaitFor(mcpSocketAnswers, kStartMs), next->stderrText.constData());
    QCOMPARE(next->process->state(), QProcess::Running);
    // And it is the one later launches reach.
    App *again = launch();
    QVERIFY(waitForExit(*again, kSecondLaunchMs));
    QCOMPARE(again->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(next->stderrText.contains(kActivatedLine), 5'000);
}

QTEST_GUILESS_MAIN(TestAppLaunch)
#include "TestAppLaunch.moc"
