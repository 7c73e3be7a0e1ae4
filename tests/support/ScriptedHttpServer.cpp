// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedHttpServer.h"

#include <QTcpSocket>

#include <memory>

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this]() {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++connections;
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer]() {
                *buffer += socket->readAll();
                while (true) {
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0) {
                        return;
                    }
                    const QByteArray head = buffer->left(end).toLower();
                    const qsizetype lengthAt = head.indexOf("content-length:");
                    const qsizetype length = lengthAt < 0
                        ? 0
                        : head.mid(lengthAt + 15, head.indexOf("\r\n", lengthAt) - lengthAt - 15)
                              .trimmed()
                              .toLongLong();
                    if (buffer->size() < end + 4 + length) {
                        return;
                    }
                    ++requests;
                    lastRequest = buffer->left(end + 4 + length);
                    buffer->remove(0, end + 4 + length);
                    const Step step = script.isEmpty() ? fallback : script.takeFirst();
                    switch (step.then) {
                    case Then::Answer: socket->write(step.answer); break;
                    case Then::AnswerAndClose:
                        socket->write(step.answer);
                        socket->disconnectFromHost();
                        return;
                    case Then::Close: socket->disconnectFromHost(); return;
                    case Then::Silent: break;
                    }
                }
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

QByteArray ScriptedHttpServer::okAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}
