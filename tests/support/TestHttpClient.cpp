// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Companion::Testing {

QByteArray TestHttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool TestHttpResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

nlohmann::json TestHttpResponse::json() const
{
    return nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
}

QByteArray TestHttpResponse::describe() const
{
    QByteArray text = "HTTP " + QByteArray::number(status) + " error " + QByteArray::number(int(error));
    if (timedOut)
        text += " (timed out)";
    text += " body: " + body.left(300);
    return text;
}

QString jsonText(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

HttpHeader bearer(const QString &token)
{
    return {QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()};
}

TestHttpClient::TestHttpClient(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

TestHttpClient::~TestHttpClient() = default;

TestHttpResponse TestHttpClient::get(const QUrl &url, const HttpHeaders &headers)
{
    return send("GET", url, headers, {}, {});
}

TestHttpResponse TestHttpClient::postJson(const QUrl &url, const QByteArray &body, const HttpHeaders &headers)
{
    return send("POST", url, headers, body, "application/json");
}

TestHttpResponse TestHttpClient::postJson(const QUrl &url, const nlohmann::json &body, const HttpHeaders &headers)
{
    return postJson(url, QByteArray::fromStdString(body.dump()), headers);
}

TestHttpResponse TestHttpClient::postForm(const QUrl &url, const FormFields &fields, const HttpHeaders &headers)
{
    return send("POST", url, headers, encodeForm(fields), "application/x-www-form-urlencoded");
}

TestHttpResponse TestHttpClient::del(const QUrl &url, const HttpHeaders &headers)
{
    return send("DELETE", url, headers, {}, {});
}

QByteArray TestHttpClient::encodeForm(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

TestHttpResponse TestHttpClient::send(QByteArrayView verb, const QUrl &url, const HttpHeaders &headers,
    const QByteArray &body, QByteArrayView contentType)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType.toByteArray());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    std::unique_ptr<QNetworkReply> reply;
    if (verb == "GET")
        reply.reset(m_manager.get(request));
    else if (verb == "POST")
        reply.reset(m_manager.post(request, body));
    else if (verb == "DELETE")
        reply.reset(m_manager.deleteResource(request));
    else
        reply.reset(m_manager.sendCustomRequest(request, verb.toByteArray(), body));

    TestHttpResponse response;
    if (!reply->isFinished()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(m_timeoutMs);
        loop.exec();
        if (!reply->isFinished()) {
            response.timedOut = true;
            reply->abort();
        }
    }

    response.error = reply->error();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        response.headers.append({pair.first, pair.second});
    const QByteArray location = response.header("Location");
    if (!location.isEmpty())
        response.location = QUrl::fromEncoded(location);
    return response;
}

namespace {

/** Whether @p raw holds a whole HTTP/1.1 response (the server need not close the connection after it). */
bool isCompleteResponse(const QByteArray &raw)
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const qsizetype bodySize = raw.size() - headerEnd - 4;
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            return bodySize >= value.toLongLong();
        if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            return raw.endsWith("\r\n0\r\n\r\n") || (bodySize == 5 && raw.endsWith("0\r\n\r\n"));
    }
    const int status = lines.value(0).split(' ').value(1).toInt();
    return status == 204 || status == 304; // otherwise the body ends when the connection closes
}

} // namespace

TestHttpResponse TestHttpClient::sendOnce(QByteArrayView verb, const QUrl &url, const QByteArray &body,
    const HttpHeaders &headers, QByteArrayView contentType)
{
    TestHttpResponse response;
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port(80)));
    if (!socket.waitForConnected(m_timeoutMs)) {
        response.error = QNetworkReply::ConnectionRefusedError;
        return response;
    }
    QByteArray request = verb.toByteArray() + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\nHost: " + url.authority().toUtf8() + "\r\nConnection: close\r\n";
    if (!contentType.isEmpty() && (verb == "POST" || verb == "PUT" || !body.isEmpty()))
        request += "Content-Type: " + contentType.toByteArray() + "\r\n";
    if (verb == "POST" || verb == "PUT" || !body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n" + body;
    socket.write(request);

    QByteArray raw;
    const QDeadlineTimer deadline(m_timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !isCompleteResponse(raw)) {
        if (deadline.hasExpired()) {
            response.timedOut = true;
            socket.abort();
            break;
        }
        socket.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 100)));
        raw += socket.readAll();
    }
    raw += socket.readAll();

    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        response.error =
            response.timedOut ? QNetworkReply::OperationCanceledError : QNetworkReply::RemoteHostClosedError;
        return response;
    }
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    response.body = raw.mid(headerEnd + 4);
    bool lengthKnown = false;
    const qsizetype length = response.header("Content-Length").toLongLong(&lengthKnown);
    if (response.header("Transfer-Encoding").toLower().contains("chunked")) {
        // Decode; an incomplete chunk stream means the answer was cut short.
        QByteArray decoded;
        qsizetype pos = 0;
        bool complete = false;
        while (true) {
            const qsizetype lineEnd = response.body.indexOf("\r\n", pos);
            if (lineEnd < 0)
                break;
            bool ok = false;
            const QByteArray sizeLine = response.body.mid(pos, lineEnd - pos);
            const qsizetype size = sizeLine.split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok)
                break;
            if (size == 0) {
                complete = true;
                break;
            }
            if (lineEnd + 2 + size > response.body.size()) {
                decoded += response.body.mid(lineEnd + 2);
                break;
            }
            decoded += response.body.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        response.body = decoded;
        if (!complete)
            response.error = QNetworkReply::RemoteHostClosedError;
    } else if (lengthKnown && response.body.size() < length) {
        response.error = QNetworkReply::RemoteHostClosedError;
    } else if (lengthKnown) {
        response.body.truncate(length);
    }
    if (response.timedOut)
        response.error = QNetworkReply::OperationCanceledError;
    const QByteArray location = response.header("Location");
    if (!location.isEmpty())
        response.location = QUrl::fromEncoded(location);
    return response;
}

} // namespace Companion::Testing
