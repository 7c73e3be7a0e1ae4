// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Bridge.h"

#include "OfflineReplies.h"

#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace Companion::McpBridge {

namespace {
// Retries start fast (the app may just be starting) and back off to a steady pace within the connect window.
constexpr int kFirstRetryMs = 50;
constexpr int kMaxRetryMs = 500;
} // namespace

Bridge::Bridge(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_socket(new AppSocket(this))
    , m_retryDelayMs(kFirstRetryMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Bridge::connectToApp);
    connect(m_socket, &AppSocket::connected, this, &Bridge::handleConnected);
    connect(m_socket, &AppSocket::errorOccurred, this, &Bridge::handleSocketError);
    connect(m_socket, &AppSocket::disconnected, this, &Bridge::handleDisconnected);
    connect(m_socket, &AppSocket::readyRead, this, &Bridge::handleSocketData);
    connect(m_socket, &AppSocket::bytesWritten, this, [this] {
        if (m_inputClosed && m_state == State::Connected) {
            finishWhenWritten();
        }
    });
}

Bridge::~Bridge() = default;

void Bridge::start()
{
    m_connectClock.start();
    connectToApp();
}

void Bridge::connectToApp()
{
    if (m_state != State::Connecting) {
        return;
    }
    m_socket->abort();
    m_socket->connectToServer(m_options.serverName);
}

void Bridge::handleConnected()
{
    if (m_state != State::Connecting) {
        return;
    }
    qInfo("Connected to Aries Companion");
    m_state = State::Connected;
    m_retryTimer.stop();
    for (const auto &frame : std::as_const(m_queued)) {
        sendToApp(frame);
    }
    m_queued.clear();
    if (m_inputClosed) {
        finishWhenWritten();
    }
}

void Bridge::handleSocketError(AppSocket::Error error)
{
    if (m_state != State::Connecting) {
        // While connected, disconnected() follows and decides.
        if (error != AppSocket::Error::PeerClosed) {
            qWarning("Connection to Aries Companion failed: %s", qUtf8Printable(m_socket->errorString()));
        }
        return;
    }
    launchAppOnce();
    const qint64 remaining = m_options.connectTimeoutMs - m_connectClock.elapsed();
    if (remaining <= 0) {
        qWarning("Cannot reach Aries Companion at %s: %s", qUtf8Printable(m_options.serverName),
            qUtf8Printable(m_socket->errorString()));
        giveUp();
        return;
    }
    // The last attempt lands on the deadline, so the whole window is used.
    m_retryTimer.start(int(std::min<qint64>(m_retryDelayMs, remaining)));
    m_retryDelayMs = std::min(m_retryDelayMs * 2, kMaxRetryMs);
}

void Bridge::launchAppOnce()
{
    if (m_appLaunched || m_options.appProgram.isEmpty()) {
        return;
    }
    m_appLaunched = true;
    if (!QFileInfo(m_options.appProgram).isExecutable()) {
        qWarning("Aries Companion is not running and %s was not found", qUtf8Printable(m_options.appProgram));
        return;
    }
    // The app must not inherit our stdin/stdout: those belong to the MCP client, and anything the app printed
    // there would corrupt the message stream (and keep the client's pipe open after we exit).
    QProcess process;
    process.setProgram(m_options.appProgram);
    // If the app is already starting (another bridge launched it a moment ago), a background launch only checks
    // that it runs and leaves its windows alone instead of popping them up.
    process.setArguments({QStringLiteral("--background")});
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    if (process.startDetached()) {
        qInfo("Aries Companion was not running; started %s", qUtf8Printable(m_options.appProgram));
    } else {
        qWarning("Cannot start %s: %s", qUtf8Printable(m_options.appProgram), qUtf8Printable(process.errorString()));
    }
}

void Bridge::giveUp()
{
    m_state = State::Unreachable;
    m_socket->abort();
    for (const auto &frame : std::as_const(m_queued)) {
        answerOffline(frame);
    }
    m_queued.clear();
    if (m_inputClosed) {
        quit(0);
    }
}

void Bridge::handleInput(const QByteArray &bytes)
{
    const auto frames = m_fromClient.feed(bytes);
    for (const auto &frame : frames) {
        switch (m_state) {
        case State::Connecting: m_queued.append(frame); break;
        case State::Connected: sendToApp(frame); break;
        case State::Unreachable: answerOffline(frame); break;
        case State::Finished: return;
        }
    }
}

void Bridge::handleInputClosed()
{
    if (m_inputClosed) {
        return;
    }
    // A last message without its '\n' is still a message.
    if (m_fromClient.bufferedBytes() > 0) {
        handleInput(QByteArrayLiteral("\n"));
    }
    m_inputClosed = true;
    switch (m_state) {
    case State::Connecting: break; // connecting or giving up finishes
    case State::Connected: finishWhenWritten(); break;
    case State::Unreachable: quit(0); break;
    case State::Finished: break;
    }
}

void Bridge::sendToApp(const Ipc::LineFramer::Frame &frame)
{
    if (frame.tooLong) {
        qWarning("Refused a message larger than %lld bytes", static_cast<long long>(m_fromClient.maxLineBytes()));
        writeToClient(OfflineReplies::messageTooLarge());
        return;
    }
    if (auto id = OfflineReplies::requestId(frame.line)) {
        m_unanswered.append(std::move(*id));
    }
    // Two writes rather than line + '\n': no copy of a large message.
    m_socket->write(frame.line);
    m_socket->write(QByteArrayView("\n", 1));
}

void Bridge::answerOffline(const Ipc::LineFramer::Frame &frame)
{
    if (const auto reply = OfflineReplies::replyFor(frame)) {
        writeToClient(*reply);
    }
}

void Bridge::handleSocketData()
{
    const auto frames = m_fromApp.feed(m_socket->readAll());
    for (const auto &frame : frames) {
        if (frame.tooLong) {
            qWarning("Dropped a message from Aries Companion larger than %lld bytes",
                static_cast<long long>(m_fromApp.maxLineBytes()));
        } else {
            if (!m_unanswered.isEmpty()) {
                if (const auto id = OfflineReplies::responseId(frame.line)) {
                    m_unanswered.removeOne(*id);
                }
            }
            writeToClient(frame.line);
        }
        if (m_state == State::Finished) {
            return;
        }
    }
}

void Bridge::handleDisconnected()
{
    if (m_state != State::Connected) {
        return;
    }
    // Whatever the app sent before closing still goes to the client.
    handleSocketData();
    if (m_inputClosed && m_socket->bytesToWrite() == 0) {
        quit(0);
        return;
    }
    qWarning("Aries Companion closed the connection with %lld request(s) unanswered",
        static_cast<long long>(m_unanswered.size()));
    const QList<QByteArray> unanswered = std::exchange(m_unanswered, {});
    for (const QByteArray &id : unanswered) {
        writeToClient(OfflineReplies::appStopped(id));
    }
    quit(1);
}

void Bridge::writeToClient(QByteArrayView line)
{
    if (m_state == State::Finished) {
        return;
    }
    // stdout is only ever written from here, on the main thread, one whole line at a time.
    const bool ok = std::fwrite(line.data(), 1, size_t(line.size()), stdout) == size_t(line.size())
        && std::fputc('\n', stdout) != EOF && std::fflush(stdout) == 0;
    if (!ok) {
        qWarning("Cannot write to standard output; the MCP client has gone");
        quit(1);
    }
}

void Bridge::finishWhenWritten()
{
    if (m_socket->bytesToWrite() == 0) {
        quit(0);
    }
}

void Bridge::quit(int exitCode)
{
    if (m_state == State::Finished) {
        return;
    }
    m_state = State::Finished;
    m_retryTimer.stop();
    std::fflush(stdout);
    Q_EMIT finished(exitCode);
}

} // namespace Companion::McpBridge
