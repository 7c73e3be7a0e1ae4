// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QThread>

#include <atomic>

namespace Companion::McpBridge {

/**
 * Reads standard input on a thread of its own, so the main thread is never blocked by the MCP client.
 *
 * The thread sleeps in the operating system until bytes arrive (no polling loop, no per-byte work) and hands
 * each chunk over as raw bytes; splitting them into messages is the receiver's job. Connect with the default
 * (queued) connection: the signals are emitted from the reading thread.
 */
class StdinReader final : public QThread
{
    Q_OBJECT

public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;
    Q_DISABLE_COPY_MOVE(StdinReader)

    /** Wakes the thread from its blocking read and ends it; safe from any thread. Follow with wait(). */
    void stop();

Q_SIGNALS:
    void chunkRead(const QByteArray &bytes);
    /** Standard input reached its end (or failed); no chunkRead() follows. Not emitted after stop(). */
    void inputClosed();

protected:
    void run() override;

private:
    std::atomic_bool m_stopping = false;
#ifdef Q_OS_WIN
    std::atomic<void *> m_threadHandle = nullptr;
#else
    // A blocked read() cannot be interrupted portably, so the thread waits on stdin and on this pipe together.
    int m_wakePipe[2] = {-1, -1};
#endif
};

} // namespace Companion::McpBridge
