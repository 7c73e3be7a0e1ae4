// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "McpLocalServer.h"

#include "Logging.h"
#include "McpConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>

namespace Companion::Mcp {

namespace {

// A live instance accepts at once (the kernel completes a local connect without the other event loop), so a
// short wait only matters for a frozen one, which is treated as running.
constexpr int kProbeTimeoutMs = 1000;

} // namespace

McpLocalServer::McpLocalServer(McpServer &engine, QString serverName, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_serverName(std::move(serverName))
{
    // Owner only on Unix (the socket file's mode) and on Windows (the pipe's ACL).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &McpLocalServer::acceptConnections);
}

McpLocalServer::~McpLocalServer()
{
    close();
}

Expected<void, QString> McpLocalServer::listen()
{
    if (m_server.isListening()) {
        return {};
    }
    if (auto folder = ensureDirectory(); !folder) {
        return folder;
    }
    if (otherInstanceAnswers()) {
        return Unexpected(tr("Aries Companion is already running for this user. Assistants connect to the one "
                             "that was started first; this copy does not accept them."));
    }
    // Nobody answers, so a socket file still there was left by an instance that crashed: listen() would fail on it.
    QLocalServer::removeServer(m_serverName);
    if (!m_server.listen(m_serverName)) {
        return Unexpected(tr("Assistants cannot connect to Aries Companion: the local socket %1 could not be "
                             "opened (%2).")
                              .arg(m_serverName, m_server.errorString()));
    }
    qCInfo(lcMcp) << "listening for assistants on" << m_server.fullServerName();
    return {};
}

void McpLocalServer::close()
{
    m_server.close();
    // Copied: closing a connection removes it from the list.
    const QList<McpConnection *> connections = m_connections;
    for (McpConnection *connection : connections) {
        connection->close();
    }
}

Expected<void, QString> McpLocalServer::ensureDirectory() const
{
    if (!Ipc::LocalEndpoint::ensureDirectory(m_serverName)) {
        return Unexpected(tr("Assistants cannot connect to Aries Companion: the folder of %1 could not be created "
                             "or made private to this user.")
                              .arg(m_serverName));
    }
    return {};
}

bool McpLocalServer::otherInstanceAnswers() const
{
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    const bool answered = probe.waitForConnected(kProbeTimeoutMs);
    probe.abort();
    return answered;
}

void McpLocalServer::acceptConnections()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new McpConnection(socket, m_engine, this);
        m_connections.append(connection);
        connect(connection, &McpConnection::closed, this, [this, connection] { forget(connection); });
        Q_EMIT connectionCountChanged(connectionCount());
    }
}

void McpLocalServer::forget(McpConnection *connection)
{
    if (m_connections.removeOne(connection)) {
        Q_EMIT connectionCountChanged(connectionCount());
    }
}

} // namespace Companion::Mcp
