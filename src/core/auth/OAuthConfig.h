// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QUrl>

namespace Companion::Auth {

/** Where and as whom the app signs in to Aries. */
struct OAuthConfig
{
    /** The redirect URI Aries' guide tells users to register; the consent window catches it, so nothing is ever sent
     * there. */
    static QUrl defaultRedirectUri() { return QUrl(QStringLiteral("https://mcp.aries.com/auth/callback")); }
    static QUrl defaultAuthorizeUrl() { return QUrl(QStringLiteral("https://app.aries.com/oauth2/authorize")); }
    static QUrl defaultApiBaseUrl() { return QUrl(QStringLiteral("https://api.aries.com")); }
    /** The scopes the tools need: profile, accounts, positions, orders (read and trade) and market data. */
    static QStringList defaultScopes()
    {
        return {QStringLiteral("user:information"), QStringLiteral("account:information"),
            QStringLiteral("position:information"), QStringLiteral("order:information"),
            QStringLiteral("order:execution"), QStringLiteral("market:information"),
            QStringLiteral("market:supplemental")};
    }

    QString clientId;
    QUrl authorizeUrl = defaultAuthorizeUrl();
    QUrl apiBaseUrl = defaultApiBaseUrl();
    QUrl redirectUri = defaultRedirectUri();
    QStringList scopes = defaultScopes();

    /** POST /v1/oauth2/token under the API base URL. */
    QUrl tokenUrl() const
    {
        QUrl url = apiBaseUrl;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
        }
        url.setPath(path + QStringLiteral("/v1/oauth2/token"));
        return url;
    }
};

} // namespace Companion::Auth
