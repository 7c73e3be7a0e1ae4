// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Companion::Mcp {

/**
 * One MCP conversation with one client over one transport connection (a bridge's local-socket
 * connection, an HTTP session). Transports feed it whole JSON-RPC messages and write out what it
 * sends; all protocol logic lives behind this interface.
 *
 * Messages are single JSON texts without the transport's framing (no trailing '\n'). The session
 * answers asynchronously: a tool call may take minutes (network, a human approval) while other
 * messages are handled.
 */
class McpSession : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Handles one message from the client (request, notification or response). */
    virtual void receive(const QByteArray &message) = 0;
    /** The connection is gone: pending work is cancelled and nothing more is sent. */
    virtual void close() = 0;

    /** clientInfo.name from initialize (or the 2026-07-28 _meta), empty until known. */
    virtual QString clientName() const = 0;
    virtual QString clientVersion() const = 0;
    /** The negotiated protocol revision, empty until known. */
    virtual QString protocolVersion() const = 0;

Q_SIGNALS:
    /**
     * One complete message for the client. @p relatedRequest is the JSON text of the id of the client
     * request this message belongs to (its response, or progress, log messages and server requests sent
     * while handling it), or empty when it belongs to none. Stream transports ignore it; HTTP uses it to
     * put the message on that request's SSE stream. @p isResponse is true for a response (result or
     * error), the last message of its request, so that transports need not parse messages to know.
     */
    void send(const QByteArray &message, const QByteArray &relatedRequest, bool isResponse);
};

} // namespace Companion::Mcp
