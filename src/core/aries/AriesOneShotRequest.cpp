// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesOneShotRequest.h"

#include "aries/HttpRequestHead.h"

#include <QMetaObject>
#include <QSslSocket>
#include <QTcpSocket>

namespace Companion::Aries {

AriesOneShotRequest::AriesOneShotRequest(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AriesOneShotRequest::onTimeout);
}

AriesOneShotRequest::~AriesOneShotRequest()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket.data();
    }
}

QByteArray AriesOneShotRequest::header(QByteArrayView name) const
{
    return m_answer.header(name);
}

void AriesOneShotRequest::start(const QByteArray &method, const QUrl &url, const QList<Header> &headers,
    const QByteArray &body, std::chrono::milliseconds timeout)
{
    if (!HttpRequestHead::allowed(url)) {
        // Reported through the event loop like every other outcome.
        QMetaObject::invokeMethod(
            this, [this]() { finish(Failure::NotSent, HttpRequestHead::refusal()); }, Qt::QueuedConnection);
        return;
    }
    const bool https = url.scheme() == QLatin1String("https");
    const quint16 port = HttpRequestHead::port(url);
    // "Connection: close": one request per connection, so that nothing else can ever be queued behind it.
    m_request = HttpRequestHead::start(method, url) + "Connection: close\r\n";
    for (const Header &header : headers) {
        m_request += header.first + ": " + header.second + "\r\n";
    }
    m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    m_timer.start(timeout);
    if (https) {
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &AriesOneShotRequest::sendRequest);
        socket->connectToHostEncrypted(url.host(), port);
    } else {
        auto *socket = new QTcpSocket(this);
        m_socket = socket;
        connect(socket, &QTcpSocket::connected, this, &AriesOneShotRequest::sendRequest);
        socket->connectToHost(url.host(), port);
    }
    connect(m_socket, &QAbstractSocket::readyRead, this, &AriesOneShotRequest::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &AriesOneShotRequest::onClosed);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // The peer closing is the normal end of a "Connection: close" answer; disconnected() handles it.
        if (error != QAbstractSocket::RemoteHostClosedError) {
            onClosed();
        }
    });
}

void AriesOneShotRequest::sendRequest()
{
    if (m_done || !m_socket) {
        return;
    }
    m_sent = true;
    m_socket->write(m_request);
}

void AriesOneShotRequest::onReadyRead()
{
    if (m_done || !m_socket) {
        return;
    }
    switch (m_answer.feed(m_socket->readAll())) {
    case HttpAnswerParser::State::Incomplete: break;
    case HttpAnswerParser::State::Complete: finish(Failure::None); break;
    case HttpAnswerParser::State::Invalid:
    case HttpAnswerParser::State::TooLarge:
        finish(Failure::TruncatedAnswer, QStringLiteral("the answer could not be read"));
        break;
    }
}

void AriesOneShotRequest::onClosed()
{
    if (m_done) {
        return;
    }
    const QString socketError = m_socket ? m_socket->errorString() : QString();
    if (m_socket) {
        m_answer.feed(m_socket->readAll());
    }
    // An answer without a length ends when the server closes the connection.
    if (m_answer.finishAtClose() == HttpAnswerParser::State::Complete) {
        finish(Failure::None);
        return;
    }
    if (!m_sent) {
        finish(Failure::NotSent, socketError);
    } else if (!m_answer.receivedAnything()) {
        finish(Failure::LostAfterSending, QStringLiteral("the connection closed before any answer"));
    } else {
        finish(Failure::TruncatedAnswer, QStringLiteral("the answer was cut short"));
    }
}

void AriesOneShotRequest::onTimeout()
{
    if (m_done) {
        return;
    }
    finish(m_sent ? Failure::TimedOutAfterSending : Failure::TimedOutBeforeSending, QStringLiteral("timed out"));
}

void AriesOneShotRequest::finish(Failure failure, const QString &errorString)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_failure = failure;
    m_errorString = errorString;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Q_EMIT finished();
}

} // namespace Companion::Aries
