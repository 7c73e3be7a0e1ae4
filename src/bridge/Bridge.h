// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AppSocket.h"
#include "LineFramer.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace Companion::McpBridge {

/**
 * Relays MCP messages between the client on stdin/stdout and the Aries Companion tray app on its local socket.
 *
 * A byte pump: both directions are framed by '\n' and whole lines are passed on unchanged. Messages are parsed
 * only to answer requests with an error instead of leaving the client waiting: when the app cannot be reached,
 * and (for their ids) while requests are waiting for the app's answer.
 *
 * While connected, the ids of the client's requests the app has not answered yet are kept; when the app closes
 * (it quit, crashed or was killed) each of them is answered with -32000 and a sentence before the bridge ends,
 * so the client does not wait for answers that cannot come.
 *
 *   Connecting --connected--> Connected --app closes--> finished(1)
 *       |  (retries with backoff, launches the app once;       --stdin EOF, all written--> finished(0)
 *       |   stdin lines are queued)
 *       +--timeout--> Unreachable (every request answered with -32000) --stdin EOF--> finished(0)
 */
class Bridge final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString serverName;
        int connectTimeoutMs = 10'000;
        /** Started once in the background when the first connection attempt fails; empty: never. */
        QString appProgram;
    };

    /** Lines from the client above this size are refused with -32600; the spec sets no limit, 8 MiB is ample. */
    static constexpr qsizetype kMaxClientMessageBytes = 8 * 1024 * 1024;
    /** The app is trusted, but a runaway line must not exhaust memory either. */
    static constexpr qsizetype kMaxAppMessageBytes = 64 * 1024 * 1024;

    explicit Bridge(Options options, QObject *parent = nullptr);
    ~Bridge() override;
    Q_DISABLE_COPY_MOVE(Bridge)

    /** Starts connecting to the app. */
    void start();

public Q_SLOTS:
    /** Bytes from the client's stdin, in any chunking. */
    void handleInput(const QByteArray &bytes);
    /** The client closed stdin: deliver what is pending, then finish with 0. */
    void handleInputClosed();
    /** Flushes stdout and finishes with @p exitCode at once (exit signals). */
    void quit(int exitCode);

Q_SIGNALS:
    /** Emitted once; the process should exit with @p exitCode. */
    void finished(int exitCode);

private:
    enum class State {
        Connecting,
        Connected,
        Unreachable,
        Finished,
    };

    void connectToApp();
    void handleConnected();
    void handleSocketError(AppSocket::Error error);
    void handleDisconnected();
    void handleSocketData();
    void launchAppOnce();
    void giveUp();
    void sendToApp(const Ipc::LineFramer::Frame &frame);
    void answerOffline(const Ipc::LineFramer::Frame &frame);
    void writeToClient(QByteArrayView line);
    void finishWhenWritten();

    Options m_options;
    State m_state = State::Connecting;
    AppSocket *m_socket;
    Ipc::LineFramer m_fromClient {kMaxClientMessageBytes};
    Ipc::LineFramer m_fromApp {kMaxAppMessageBytes};
    /** Client lines read before the connection is up; delivered (or answered) in order later. */
    QList<Ipc::LineFramer::Frame> m_queued;
    /** Ids (JSON text) of requests sent to the app and not answered yet. */
    QList<QByteArray> m_unanswered;
    QTimer m_retryTimer;
    QElapsedTimer m_connectClock;
    int m_retryDelayMs;
    bool m_appLaunched = false;
    bool m_inputClosed = false;
};

} // namespace Companion::McpBridge
