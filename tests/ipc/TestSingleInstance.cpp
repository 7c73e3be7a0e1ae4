// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using Companion::Ipc::SingleInstance;
using namespace std::chrono_literals;

/**
 * The one-app-per-user guard in one process: two SingleInstance objects on the same lock and socket behave as
 * two launches do (the lock file is held per open file, the socket is a real one). The whole program launched
 * twice is TestAppLaunch.
 */
class TestSingleInstance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void first_isPrimary_secondHandsOverAndActivatesIt();
    void ping_confirmsWithoutActivating();
    void primaryGone_nextLaunchBecomesPrimary();
    void crashedPrimary_staleLockAndSocket_areTakenOver();
    void lockHeldButNobodyListens_isReportedAfterTimeout();
    void unknownMessage_isIgnored();
    void folderIsPrivate();

private:
    std::unique_ptr<SingleInstance> make() const
    {
        return std::make_unique<SingleInstance>(
            m_dir->filePath(QStringLiteral("run/instance.lock")), m_dir->filePath(QStringLiteral("run/control.sock")));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSingleInstance::cleanup()
{
    m_dir.reset();
}

void TestSingleInstance::first_isPrimary_secondHandsOverAndActivatesIt()
{
    auto first = make();
    QSignalSpy activated(first.get(), &SingleInstance::activationRequested);
    QCOMPARE(first->claim(), SingleInstance::Outcome::Primary);
    QVERIFY(first->isPrimary());
    QVERIFY(QFileInfo::exists(first->lockPath()));

    auto second = make();
    QElapsedTimer clock;
    clock.start();
    // The first one's event loop is not running during claim() (same thread): the message waits in the socket,
    // and is read once the loop runs, as with an instance that is still setting itself up.
    QCOMPARE(second->claim(SingleInstance::Message::Activate, 3s), SingleInstance::Outcome::HandedOver);
    QVERIFY(!second->isPrimary());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(activated.count(), 1);

    // Its answer arrives when the loop runs; a launch that waits for it gets it.
    auto third = make();
    QCOMPARE(third->claim(SingleInstance::Message::Activate, 3s), SingleInstance::Outcome::HandedOver);
    QTRY_COMPARE(activated.count(), 2);
}

void TestSingleInstance::ping_confirmsWithoutActivating()
{
    auto first = make();
    QSignalSpy activated(first.get(), &SingleInstance::activationRequested);
    QCOMPARE(first->claim(), SingleInstance::Outcome::Primary);
    auto second = make();
    QCOMPARE(second->claim(SingleInstance::Message::Ping, 3s), SingleInstance::Outcome::HandedOver);
    QTest::qWait(200);
    QCOMPARE(activated.count(), 0);
}

void TestSingleInstance::primaryGone_nextLaunchBecomesPrimary()
{
    auto first = make();
    QCOMPARE(first->claim(), SingleInstance::Outcome::Primary);
    const QString lock = first->lockPath();
    const QString control = first->controlName();
    first.reset();
    // A clean exit leaves nothing behind.
    QVERIFY(!QFileInfo::exists(lock));
    QVERIFY(!QFileInfo::exists(control));
    auto second = make();
    QCOMPARE(second->claim(), SingleInstance::Outcome::Primary);
}

void TestSingleInstance::crashedPrimary_staleLockAndSocket_areTakenOver()
{
#ifndef Q_OS_UNIX
    QSKIP("The stale socket file is a Unix matter");
#else
    // What a crash leaves: a lock naming a process that is gone, and a socket file nobody listens on.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForFinished(10'000));
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999'999;
    auto probe = make();
    QVERIFY(QDir().mkpath(QFileInfo(probe->lockPath()).absolutePath()));
    QFile lock(probe->lockPath());
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number(deadPid) + "\naries-companion\n\n");
    lock.close();

    const QByteArray path = QFile::encodeName(probe->controlName());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(probe->controlName()));
    probe.reset();

    auto next = make();
    QSignalSpy activated(next.get(), &SingleInstance::activationRequested);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(next->claim(), SingleInstance::Outcome::Primary);
    // At once, not after the 5 s a live but silent owner would be given (slack for a loaded machine).
    QVERIFY2(clock.elapsed() < 3000, "a stale lock must be taken over at once");
    // And it is reachable on the socket that replaced the stale one.
    auto later = make();
    QCOMPARE(later->claim(SingleInstance::Message::Activate, 3s), SingleInstance::Outcome::HandedOver);
    QTRY_COMPARE(activated.count(), 1);
#endif
}

void TestSingleInstance::lockHeldButNobodyListens_isReportedAfterTimeout()
{
    // A live owner (this process) that never opened its control socket.
    auto probe = make();
    QVERIFY(QDir().mkpath(QFileInfo(probe->lockPath()).absolutePath()));
    QLockFile held(probe->lockPath());
    QVERIFY(held.tryLock(0));

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(probe->claim(SingleInstance::Message::Activate, 600ms), SingleInstance::Outcome::NotAnswering);
    QVERIFY2(clock.elapsed() >= 500 && clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(probe->errorString().contains(QString::number(QCoreApplication::applicationPid())),
        qPrintable(probe->errorString()));
    QVERIFY(!probe->isPrimary());
}

void TestSingleInstance::unknownMessage_isIgnored()
{
    auto first = make();
    QSignalSpy activated(first.get(), &SingleInstance::activationRequested);
    QCOMPARE(first->claim(), SingleInstance::Outcome::Primary);
    QLocalSocket socket;
    socket.connectToServer(first->controlName());
    QVERIFY(socket.waitForConnected(2000));
    socket.write("please show your tokens\n");
    QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
    QCOMPARE(socket.readAll(), QByteArray());
    QCOMPARE(activated.count(), 0);
}

void TestSingleInstance::folderIsPrivate()
{
#ifndef Q_OS_UNIX
    QSKIP("Unix permissions");
#else
    auto first = make();
    QCOMPARE(first->claim(), SingleInstance::Outcome::Primary);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(QFileInfo(first->lockPath()).absolutePath()) & others, QFileDevice::Permissions());
#endif
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
