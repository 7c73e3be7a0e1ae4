// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include "LineFramer.h"

#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace Companion::Ipc {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "companion.instance", QtInfoMsg)

// A message is one short word; anything longer is not from a launch of this app.
constexpr qsizetype kMaxLineBytes = 64;
// A launch that connects and then says nothing is dropped, so it cannot hold a connection open for ever.
constexpr int kIdleConnectionMs = 5'000;
// Each connection attempt is short: a live instance's kernel accepts at once, even before its event loop runs.
constexpr std::chrono::milliseconds kConnectAttempt {1'000};

constexpr char kActivate[] = "activate";
constexpr char kPing[] = "ping";
constexpr char kOk[] = "ok\n";

} // namespace

SingleInstance::SingleInstance(QString lockPath, QString controlName, QObject *parent)
    : QObject(parent)
    , m_lockPath(std::move(lockPath))
    , m_controlName(std::move(controlName))
    , m_lock(m_lockPath)
{
    // The lock is held as long as the app runs, so its age says nothing; a crashed owner is recognised by its
    // process id (and program name) instead.
    m_lock.setStaleLockTime(0);
    // Owner only: the socket file's mode on Unix, the pipe's ACL on Windows.
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
}

SingleInstance::~SingleInstance()
{
    // The socket goes first, so a launch that finds the lock free never finds a socket of ours behind it.
    m_server.close();
    m_lock.unlock();
}

SingleInstance::Outcome SingleInstance::claim(Message message, std::chrono::milliseconds timeout)
{
    m_error.clear();
    if (m_lock.isLocked()) {
        return Outcome::Primary;
    }
    if (!LocalEndpoint::ensureDirectory(m_lockPath)) {
        m_error = tr("The folder of %1 could not be created or made private to this user.").arg(m_lockPath);
        return Outcome::Unavailable;
    }
    const QDeadlineTimer deadline(timeout);
    std::chrono::milliseconds pause {20};
    for (;;) {
        // tryLock(0) also takes over the lock of a copy that is no longer running.
        if (m_lock.tryLock(0)) {
            listen();
            return Outcome::Primary;
        }
        if (m_lock.error() != QLockFile::LockFailedError) {
            m_error = tr("The lock file %1 could not be created.").arg(m_lockPath);
            return Outcome::Unavailable;
        }
        // Someone else holds the lock. Its control socket may not be open yet (it was started a moment ago)
        // or may be closed already (it is quitting and will free the lock); both pass within the timeout.
        const std::chrono::milliseconds remaining {std::max<qint64>(deadline.remainingTime(), 100)};
        if (deliver(message, std::min(remaining, kConnectAttempt))) {
            return Outcome::HandedOver;
        }
        if (deadline.hasExpired()) {
            break;
        }
        QThread::msleep(ulong(std::min<qint64>(pause.count(), deadline.remainingTime())));
        pause = std::min(pause * 2, std::chrono::milliseconds(200));
    }
    qint64 pid = 0;
    (void)m_lock.getLockInfo(&pid, nullptr, nullptr);
    m_error = tr("Aries Companion is already running (process %1) but does not answer. Quit it, or end that "
                 "process, and start Aries Companion again.")
                  .arg(pid);
    return Outcome::NotAnswering;
}

bool SingleInstance::listen()
{
    if (!LocalEndpoint::ensureDirectory(m_controlName)) {
        m_error = tr("The folder of %1 could not be created.").arg(m_controlName);
        qCWarning(lcInstance) << "later launches cannot reach this one:" << m_error;
        return false;
    }
    // We hold the lock, so a socket file still here was left by a copy that crashed.
    QLocalServer::removeServer(m_controlName);
    if (!m_server.listen(m_controlName)) {
        m_error = m_server.errorString();
        qCWarning(lcInstance) << "later launches cannot reach this one:" << m_controlName << m_error;
        return false;
    }
    return true;
}

bool SingleInstance::deliver(Message message, std::chrono::milliseconds budget)
{
    QLocalSocket socket;
    socket.connectToServer(m_controlName);
    if (!socket.waitForConnected(int(budget.count()))) {
        return false;
    }
    socket.write(message == Message::Activate ? kActivate : kPing);
    socket.write("\n");
    if (!socket.waitForBytesWritten(int(budget.count()))) {
        return false;
    }
    // The message is with the running instance now. Its answer only says that its event loop has read it; an
    // instance still setting itself up reads it a moment later, so a missing answer is no failure.
    const QDeadlineTimer answer(kConnectAttempt);
    while (!socket.canReadLine() && socket.state() == QLocalSocket::ConnectedState && !answer.hasExpired()) {
        socket.waitForReadyRead(int(std::max<qint64>(1, answer.remainingTime())));
    }
    if (!socket.canReadLine()) {
        qCInfo(lcInstance) << "the running instance has not confirmed the request yet";
    }
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto framer = std::make_shared<LineFramer>(kMaxLineBytes);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, framer] {
            for (const LineFramer::Frame &frame : framer->feed(socket->readAll())) {
                if (frame.tooLong) {
                    socket->abort();
                    return;
                }
                handleLine(socket, frame.line);
            }
        });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kIdleConnectionMs, socket, [socket] { socket->abort(); });
    }
}

void SingleInstance::handleLine(QLocalSocket *socket, const QByteArray &line)
{
    if (line == kActivate) {
        qCInfo(lcInstance) << "another launch asked this instance to show itself";
        socket->write(kOk);
        socket->disconnectFromServer();
        Q_EMIT activationRequested();
    } else if (line == kPing) {
        socket->write(kOk);
        socket->disconnectFromServer();
    } else {
        socket->abort();
    }
}

} // namespace Companion::Ipc
