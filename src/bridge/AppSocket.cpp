// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSocket.h"

#ifdef Q_OS_WIN
#include <QLocalSocket>
#else
#include <QDir>
#include <QFile>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace Companion::McpBridge {

#ifdef Q_OS_WIN

AppSocket::AppSocket(QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, &AppSocket::connected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        switch (error) {
        case QLocalSocket::ServerNotFoundError: Q_EMIT errorOccurred(Error::ServerNotFound); return;
        case QLocalSocket::ConnectionRefusedError: Q_EMIT errorOccurred(Error::ConnectionRefused); return;
        case QLocalSocket::PeerClosedError: Q_EMIT errorOccurred(Error::PeerClosed); return;
        default: Q_EMIT errorOccurred(Error::Other); return;
        }
    });
    connect(m_socket, &QLocalSocket::disconnected, this, &AppSocket::disconnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &AppSocket::readyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &AppSocket::bytesWritten);
}

AppSocket::~AppSocket() = default;

void AppSocket::connectToServer(const QString &name)
{
    m_socket->connectToServer(name);
}

void AppSocket::abort()
{
    m_socket->abort();
}

void AppSocket::write(QByteArrayView bytes)
{
    m_socket->write(bytes.data(), bytes.size());
}

qint64 AppSocket::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

QByteArray AppSocket::readAll()
{
    return m_socket->readAll();
}

QString AppSocket::errorString() const
{
    return m_socket->errorString();
}

#else

namespace {

// The smallest read, so the end of the stream (a read of 0) is seen when nothing is waiting.
constexpr qsizetype kMinReadBytes = 4096;

AppSocket::Error errorFor(int error)
{
    switch (error) {
    case ENOENT: return AppSocket::Error::ServerNotFound;
    // EAGAIN: the app's backlog is full; like a refusal, it is worth another attempt later.
    case ECONNREFUSED:
    case EAGAIN: return AppSocket::Error::ConnectionRefused;
    case EPIPE:
    case ECONNRESET: return AppSocket::Error::PeerClosed;
    default: return AppSocket::Error::Other;
    }
}

QString reasonFor(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

AppSocket::AppSocket(QObject *parent)
    : QObject(parent)
{ }

AppSocket::~AppSocket()
{
    closeSocket();
}

void AppSocket::connectToServer(const QString &name)
{
    abort();
    m_errorString.clear();
    // QLocalServer and QLocalSocket put a name that is not a path in the temp folder; so does this.
    const QString path = name.startsWith(QLatin1Char('/')) ? name : QDir::tempPath() + QLatin1Char('/') + name;
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (name.isEmpty() || size_t(encoded.size()) >= sizeof(address.sun_path)) {
        fail(Error::ServerNotFound, QStringLiteral("%1 is not a usable socket name").arg(path));
        return;
    }
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));

    m_fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (m_fd < 0) {
        fail(Error::Other, reasonFor(errno));
        return;
    }
    // Not inherited by the app the bridge may start, and never blocking the event loop.
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
#ifdef SO_NOSIGPIPE
    const int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof(on));
#endif
    m_state = State::Connecting;
    const int result = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address));
    const int error = result == 0 ? 0 : errno;
    if (result != 0 && error != EINPROGRESS && error != EINTR) {
        closeSocket();
        fail(errorFor(error), reasonFor(error));
        return;
    }
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, [this] {
        if (m_state == State::Connecting) {
            connectFinished();
        } else {
            writeToSocket();
        }
    });
    if (result == 0) {
        connectFinished();
    } else {
        // Finishes in the background (a local socket rarely does this); writable means decided.
        m_writeNotifier->setEnabled(true);
    }
}

void AppSocket::connectFinished()
{
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
        error = errno;
    }
    if (error != 0) {
        closeSocket();
        fail(errorFor(error), reasonFor(error));
        return;
    }
    m_state = State::Connected;
    m_writeNotifier->setEnabled(false);
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &AppSocket::readFromSocket);
    Q_EMIT connected();
}

void AppSocket::abort()
{
    closeSocket();
    m_received.clear();
}

void AppSocket::write(QByteArrayView bytes)
{
    if (m_state != State::Connected || bytes.isEmpty()) {
        return;
    }
    // Written from the event loop, as QLocalSocket does, so the writes of one message go out together.
    m_toWrite.append(bytes);
    m_writeNotifier->setEnabled(true);
}

qint64 AppSocket::bytesToWrite() const
{
    return m_toWrite.size() - m_written;
}

QByteArray AppSocket::readAll()
{
    return std::exchange(m_received, {});
}

QString AppSocket::errorString() const
{
    return m_errorString;
}

void AppSocket::readFromSocket()
{
    // Exactly what is waiting, so a large message is taken in few reads and the buffer is not over-allocated.
    int waiting = 0;
    if (::ioctl(m_fd, FIONREAD, &waiting) != 0) {
        waiting = 0;
    }
    const qsizetype chunk = std::max<qsizetype>(waiting, kMinReadBytes);
    const qsizetype before = m_received.size();
    m_received.resize(before + chunk);
    ssize_t count = 0;
    do {
        count = ::read(m_fd, m_received.data() + before, size_t(chunk));
    } while (count < 0 && errno == EINTR);
    const int error = count < 0 ? errno : 0;
    m_received.resize(before + std::max<qsizetype>(count, 0));
    if (count > 0) {
        Q_EMIT readyRead();
        return;
    }
    if (count < 0 && (error == EAGAIN || error == EWOULDBLOCK)) {
        return;
    }
    // The app closed its end (0) or the connection broke; what came before stays readable.
    closeSocket();
    if (count == 0) {
        m_errorString = QStringLiteral("Aries Companion closed the connection");
        Q_EMIT errorOccurred(Error::PeerClosed);
    } else {
        m_errorString = reasonFor(error);
        Q_EMIT errorOccurred(errorFor(error));
    }
    Q_EMIT disconnected();
}

void AppSocket::writeToSocket()
{
    bool wrote = false;
    while (m_written < m_toWrite.size()) {
        const size_t size = size_t(m_toWrite.size() - m_written);
#ifdef MSG_NOSIGNAL
        const ssize_t count = ::send(m_fd, m_toWrite.constData() + m_written, size, MSG_NOSIGNAL);
#else
        const ssize_t count = ::write(m_fd, m_toWrite.constData() + m_written, size);
#endif
        if (count > 0) {
            m_written += count;
            wrote = true;
        } else if (count < 0 && errno == EINTR) {
            continue;
        } else if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            // The app has gone. Stop writing; the read side sees the end of the stream and reports it after
            // whatever the app sent before it closed.
            m_errorString = reasonFor(errno);
            m_writeNotifier->setEnabled(false);
            return;
        }
    }
    if (m_written == m_toWrite.size()) {
        m_toWrite.clear();
        m_written = 0;
        m_writeNotifier->setEnabled(false);
    }
    if (wrote) {
        Q_EMIT bytesWritten();
    }
}

void AppSocket::fail(Error error, const QString &reason)
{
    m_errorString = reason;
    Q_EMIT errorOccurred(error);
}

void AppSocket::closeSocket()
{
    // Later, not now: this may run inside one of the notifiers' own activated() signals.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_state = State::Unconnected;
    m_toWrite.clear();
    m_written = 0;
}

#endif

} // namespace Companion::McpBridge
