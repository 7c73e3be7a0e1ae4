// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesOneShotRequest.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QSslSocket>
#include <QTcpSocket>

namespace Companion::Aries {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/** Decodes a chunked body; nullopt-like false when the chunks are not complete yet. */
bool decodeChunked(QByteArrayView raw, QByteArray &decoded)
{
    decoded.clear();
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = raw.indexOf(QByteArrayView("\r\n"), pos);
        if (lineEnd < 0) {
            return false;
        }
        bool ok = false;
        const QByteArray sizeLine = raw.sliced(pos, lineEnd - pos).toByteArray().split(';').value(0).trimmed();
        const qsizetype size = sizeLine.toLongLong(&ok, 16);
        if (!ok || size < 0) {
            return false;
        }
        if (size == 0) {
            return true; // Trailers, if any, are not needed.
        }
        if (lineEnd + 2 + size + 2 > raw.size()) {
            return false;
        }
        decoded += raw.sliced(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
}

} // namespace

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
    for (const Header &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return header.second;
        }
    }
    return {};
}

void AriesOneShotRequest::start(const QByteArray &method, const QUrl &url, const QList<Header> &headers,
    const QByteArray &body, std::chrono::milliseconds timeout)
{
    const bool https = url.scheme() == QLatin1String("https");
    const bool http = url.scheme() == QLatin1String("http");
    if (!url.isValid() || url.host().isEmpty() || !(https || (http && isLoopbackHost(url.host())))) {
        // Reported through the event loop like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this]() {
                finish(Failure::NotSent, QStringLiteral("only https addresses (or http on this computer) are used"));
            },
            Qt::QueuedConnection);
        return;
    }

    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty()) {
        target = "/";
    }
    if (url.hasQuery()) {
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    const int port = url.port(https ? 443 : 80);
    QByteArray hostHeader = url.host(QUrl::FullyEncoded).toUtf8();
    if (url.port() != -1) {
        hostHeader += ':' + QByteArray::number(port);
    }
    // "Connection: close": one request per connection, so that nothing else can ever be queued behind it.
    m_request = method + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n";
    for (const Header &header : headers) {
        m_request += header.first + ": " + header.second + "\r\n";
    }
    m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    m_timer.start(timeout);
    if (https) {
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &AriesOneShotRequest::sendRequest);
        socket->connectToHostEncrypted(url.host(), quint16(port));
    } else {
        auto *socket = new QTcpSocket(this);
        m_socket = socket;
        connect(socket, &QTcpSocket::connected, this, &AriesOneShotRequest::sendRequest);
        socket->connectToHost(url.host(), quint16(port));
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
    m_received += m_socket->readAll();
    if (parseAnswer()) {
        finish(Failure::None);
    }
}

void AriesOneShotRequest::onClosed()
{
    if (m_done) {
        return;
    }
    const QString socketError = m_socket ? m_socket->errorString() : QString();
    if (m_socket) {
        m_received += m_socket->readAll();
    }
    if (parseAnswer()) {
        finish(Failure::None);
        return;
    }
    if (m_headersParsed && header("Content-Length").isEmpty()
        && !header("Transfer-Encoding").toLower().contains("chunked")) {
        // An answer without a length ends when the server closes the connection.
        m_body = m_received.mid(m_bodyStart);
        finish(Failure::None);
        return;
    }
    if (!m_sent) {
        finish(Failure::NotSent, socketError);
    } else if (m_received.isEmpty()) {
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

bool AriesOneShotRequest::parseAnswer()
{
    if (!m_headersParsed) {
        const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return false;
        }
        const QList<QByteArray> lines = m_received.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        bool ok = false;
        m_status = statusLine.value(1).toInt(&ok);
        if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
            m_status = 0;
            return false;
        }
        m_headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
        }
        m_headersParsed = true;
        m_bodyStart = headerEnd + 4;
        if (m_status >= 100 && m_status < 200) {
            // An interim answer (100 Continue): the real one follows.
            m_received.remove(0, m_bodyStart);
            m_headersParsed = false;
            return parseAnswer();
        }
    }
    const QByteArrayView raw = QByteArrayView(m_received).sliced(m_bodyStart);
    if (header("Transfer-Encoding").toLower().contains("chunked")) {
        return decodeChunked(raw, m_body);
    }
    bool lengthKnown = false;
    const qsizetype length = header("Content-Length").toLongLong(&lengthKnown);
    if (!lengthKnown) {
        return false; // Ends with the connection.
    }
    if (raw.size() < length) {
        return false;
    }
    m_body = raw.first(length).toByteArray();
    return true;
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
    if (failure != Failure::None) {
        m_status = 0;
    }
    Q_EMIT finished();
}

} // namespace Companion::Aries
