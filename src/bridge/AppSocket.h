// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

#ifdef Q_OS_WIN
class QLocalSocket;
#else
class QSocketNotifier;
#endif

namespace Companion::McpBridge {

/**
 * The bridge's end of the tray app's local socket (the app listens with QLocalServer): the part of QLocalSocket
 * the bridge uses, with the same signals in the same order.
 *
 * On Windows it is a QLocalSocket (a named pipe). On Unix it is a plain non-blocking AF_UNIX stream socket on two
 * QSocketNotifiers: QLocalSocket there is a QAbstractSocket underneath, and linking QtNetwork for it alone made
 * the bridge load QtNetwork, Kerberos, libproxy and Brotli, about a fifth of its resident memory, for a pipe of
 * bytes. The path rule is QLocalSocket's, so both sides always meet: a name that is not an absolute path is a
 * socket in QDir::tempPath().
 */
class AppSocket final : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        ServerNotFound, ///< nothing listens under that name (yet)
        ConnectionRefused, ///< the socket exists, but nobody accepts (the app quit or is busy)
        PeerClosed, ///< the app closed the connection
        Other,
    };
    Q_ENUM(Error)

    explicit AppSocket(QObject *parent = nullptr);
    ~AppSocket() override;
    Q_DISABLE_COPY_MOVE(AppSocket)

    /**
     * Starts connecting to @p name. connected() or errorOccurred() follows; as with QLocalSocket on Unix, either
     * may be emitted before this returns.
     */
    void connectToServer(const QString &name);
    /** Drops the connection or attempt and any unwritten bytes at once; emits nothing. */
    void abort();
    /** Queues @p bytes for the app; they go out from the event loop. Ignored unless connected. */
    void write(QByteArrayView bytes);
    /** Bytes queued by write() that the socket has not taken yet. */
    qint64 bytesToWrite() const;
    /** Everything received and not read yet. */
    QByteArray readAll();
    /** Why the last attempt or connection failed. */
    QString errorString() const;

Q_SIGNALS:
    void connected();
    void errorOccurred(Companion::McpBridge::AppSocket::Error error);
    /** The connection ended (emitted after errorOccurred()); what was received before is still in readAll(). */
    void disconnected();
    void readyRead();
    void bytesWritten();

private:
#ifdef Q_OS_WIN
    QLocalSocket *m_socket;
#else
    enum class State {
        Unconnected,
        Connecting,
        Connected,
    };

    void connectFinished();
    void readFromSocket();
    void writeToSocket();
    void fail(Error error, const QString &reason);
    void closeSocket();

    State m_state = State::Unconnected;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_received;
    QByteArray m_toWrite;
    /** How much of m_toWrite is written already; a large message goes out in parts without moving the rest. */
    qsizetype m_written = 0;
    QString m_errorString;
#endif
};

} // namespace Companion::McpBridge
