// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Companion::Http {

/** One HTTP request as received, copied out of the server's own types so handlers never depend on them. */
struct HttpRequest
{
    QByteArray method; ///< Upper case: "GET", "POST", …
    QString path; ///< Decoded path without the query, e.g. "/v1/orders"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;

    /** The first header named @p name (case-insensitive), or an empty array. */
    QByteArray header(QByteArrayView name) const;
    /** A query parameter, fully decoded. */
    QString queryValue(const QString &key) const;
    bool hasQueryValue(const QString &key) const { return query.hasQueryItem(key); }
};

} // namespace Companion::Http
