// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/HttpRequestHead.h"

#include <QHostAddress>

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

} // namespace

bool HttpRequestHead::allowed(const QUrl &url)
{
    const bool https = url.scheme() == QLatin1String("https");
    const bool http = url.scheme() == QLatin1String("http");
    return url.isValid() && !url.host().isEmpty() && (https || (http && isLoopbackHost(url.host())));
}

QString HttpRequestHead::refusal()
{
    return QStringLiteral("only https addresses (or http on this computer) are used");
}

quint16 HttpRequestHead::port(const QUrl &url)
{
    return quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

QByteArray HttpRequestHead::start(const QByteArray &method, const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty()) {
        target = "/";
    }
    if (url.hasQuery()) {
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (url.port() != -1) {
        host += ':' + QByteArray::number(port(url));
    }
    return method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
}

} // namespace Companion::Aries
