// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/CompanionSettings.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

namespace Companion {

namespace {
const QString kClientIdKey = QStringLiteral("aries/clientId");
const QString kAuthorizeUrlKey = QStringLiteral("aries/authorizeUrl");
const QString kApiBaseUrlKey = QStringLiteral("aries/apiBaseUrl");
const QString kMcpPortKey = QStringLiteral("mcp/httpPort");

QString tr(const char *text)
{
    return QCoreApplication::translate("CompanionSettings", text);
}
} // namespace

CompanionSettings::CompanionSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
        QString::fromLatin1(AppInfo::kDirName), QString::fromLatin1(AppInfo::kDirName)))
{ }

CompanionSettings::~CompanionSettings() = default;

std::optional<QString> CompanionSettings::clientIdProblem(const QString &clientId)
{
    if (clientId.isEmpty()) {
        return tr("Paste the Client ID of the OAuth client you created in Aries Client Center.");
    }
    if (clientId.contains(QLatin1String("://"))) {
        return tr("This looks like an address. Paste the Client ID shown in Aries Client Center, "
                  "not the redirect URI.");
    }
    // Client IDs are printable tokens (RFC 6749 allows any visible ASCII; Aries' are letters, digits
    // and dashes). Spaces or quotes mean something else was copied along with it.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{4,128}$"));
    if (!shape.match(clientId).hasMatch()) {
        return tr("A Client ID is 4 to 128 letters, digits, dots, dashes or underscores, with no spaces. "
                  "Copy it again from Aries Client Center.");
    }
    return std::nullopt;
}

std::optional<QString> CompanionSettings::urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return tr("Enter a full address such as https://api.aries.com.");
    }
    if (url.scheme() == QLatin1String("https")) {
        return std::nullopt;
    }
    const QString host = url.host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (url.scheme() == QLatin1String("http") && loopback) {
        return std::nullopt;
    }
    return tr("Use an https:// address. Plain http is allowed only for a server on this computer "
              "(127.0.0.1), such as the Aries sandbox.");
}

QString CompanionSettings::clientId() const
{
    return m_clientIdOverride.value_or(m_settings->value(kClientIdKey).toString());
}

QUrl CompanionSettings::authorizeUrl() const
{
    if (m_authorizeOverride) {
        return *m_authorizeOverride;
    }
    const QUrl stored(m_settings->value(kAuthorizeUrlKey).toString());
    return stored.isValid() && !stored.isEmpty() ? stored : Auth::OAuthConfig::defaultAuthorizeUrl();
}

QUrl CompanionSettings::apiBaseUrl() const
{
    if (m_apiBaseOverride) {
        return *m_apiBaseOverride;
    }
    const QUrl stored(m_settings->value(kApiBaseUrlKey).toString());
    return stored.isValid() && !stored.isEmpty() ? stored : Auth::OAuthConfig::defaultApiBaseUrl();
}

void CompanionSettings::save(const QString &clientId, const QUrl &authorizeUrl, const QUrl &apiBaseUrl)
{
    m_settings->setValue(kClientIdKey, clientId.trimmed());
    m_settings->setValue(kAuthorizeUrlKey, authorizeUrl.toString());
    m_settings->setValue(kApiBaseUrlKey, apiBaseUrl.toString());
    m_settings->sync();
}

quint16 CompanionSettings::mcpPort() const
{
    if (m_mcpPortOverride) {
        return *m_mcpPortOverride;
    }
    bool ok = false;
    const uint stored = m_settings->value(kMcpPortKey, kDefaultMcpPort).toUInt(&ok);
    // A hand-edited file with a bad value falls back to the default rather than silently turning it off.
    return ok && stored <= 65535 ? quint16(stored) : kDefaultMcpPort;
}

void CompanionSettings::saveMcpPort(quint16 port)
{
    m_settings->setValue(kMcpPortKey, port);
    m_settings->sync();
}

Auth::OAuthConfig CompanionSettings::oauthConfig() const
{
    Auth::OAuthConfig config;
    config.clientId = clientId();
    config.authorizeUrl = authorizeUrl();
    config.apiBaseUrl = apiBaseUrl();
    return config;
}

QString CompanionSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace Companion
