// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LocalEndpoint.h"

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QString>

#include <chrono>

class QLocalSocket;

namespace Companion::Ipc {

/**
 * Keeps one tray app per user: a second launch hands over to the running one instead of starting a second
 * copy that would fight the first for the MCP socket, the keychain and the tray.
 *
 * Two parts, each doing what it is good at:
 * - A QLockFile (instance.lock, next to the MCP socket in the user's 0700 runtime folder) decides who runs.
 *   Creating it is atomic, so of two launches at the same moment exactly one wins; it records the owner's
 *   process id and program, so the lock of a crashed copy is recognised as stale and taken over at once, and
 *   the owner's open handle stops anyone from removing it while it lives. A socket alone cannot do this: two
 *   launches can both find nobody answering and both listen, the second unlinking the first one's socket.
 * - A small owner-only control socket (control.sock, UserAccessOption, same folder) through which a second
 *   launch tells the running one to show itself. It is separate from the MCP socket so that nothing a bridge
 *   or an assistant sends can be mistaken for a launch, and the app's MCP framing stays untouched.
 *
 * claim() blocks for a short, bounded time: it runs in main() before the event loop, where deciding whether
 * to start at all comes first. The running instance answers on its event loop and never blocks.
 *
 * Protocol on the control socket: one line from the new launch, "activate" (show yourself) or "ping" (just
 * confirm you run), answered with "ok" and closed. Other lines are ignored.
 */
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    /** What claim() found. */
    enum class Outcome {
        /** This process is now the instance and accepts messages from later launches. */
        Primary,
        /** Another instance runs and has the message (or will read it as soon as its event loop runs). */
        HandedOver,
        /** Another instance holds the lock but did not accept the message in time; errorString() says more. */
        NotAnswering,
        /** The lock could not be created at all (folder missing or not writable); errorString() says why. */
        Unavailable,
    };

    /** What a later launch asks of the running instance. */
    enum class Message {
        /** Bring your window to the front (a person started the app again). */
        Activate,
        /** Only confirm you are running (a launch by aries-mcp or at login, which must not pop up windows). */
        Ping,
    };

    explicit SingleInstance(QString lockPath = LocalEndpoint::instanceLockPath(),
        QString controlName = LocalEndpoint::controlServerName(), QObject *parent = nullptr);
    ~SingleInstance() override;
    Q_DISABLE_COPY_MOVE(SingleInstance)

    /**
     * Becomes the instance, or delivers @p message to the one that is. Waits at most @p timeout, retrying while
     * a just-started instance has the lock but is not listening yet, or a quitting one still has it.
     */
    Outcome claim(Message message = Message::Activate, std::chrono::milliseconds timeout = std::chrono::seconds(5));

    bool isPrimary() const { return m_lock.isLocked(); }
    /** Why the last claim() did not end in Primary or HandedOver. */
    QString errorString() const { return m_error; }
    QString lockPath() const { return m_lockPath; }
    QString controlName() const { return m_controlName; }

Q_SIGNALS:
    /** A later launch asked this instance to show itself. */
    void activationRequested();

private:
    bool listen();
    /** Connects and sends @p message; false when nobody accepts the connection. */
    bool deliver(Message message, std::chrono::milliseconds budget);
    void acceptConnections();
    void handleLine(QLocalSocket *socket, const QByteArray &line);

    QString m_lockPath;
    QString m_controlName;
    QLockFile m_lock;
    QLocalServer m_server;
    QString m_error;
};

} // namespace Companion::Ipc
