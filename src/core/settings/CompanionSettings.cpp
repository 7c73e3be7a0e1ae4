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
const QString kDefaultAccountKey = QStringLiteral("aries/defaultAccount");
const QString kTradingEnabledKey = QStringLiteral("trading/enabled");
const QString kMaxOrderKey = QStringLiteral("trading/maxNotionalPerOrder");
const QString kMaxDayKey = QStringLiteral("trading/maxNotionalPerDay");
const QString kMaxQuantityKey = QStringLiteral("trading/maxQuantity");
const QString kAllowlistKey = QStringLiteral("trading/symbolAllowlist");
const QString kApprovalTimeoutKey = QStringLiteral("trading/approvalTimeoutSeconds");

} // namespace

CompanionSettings::CompanionSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
        QString::fromLatin1(AppInfo::kDirName), QString::fromLatin1(AppInfo::kDirName)))
{ }

CompanionSettings::~CompanionSettings() = default;

std::optional<QString> CompanionSettings::clientIdProblem(const QString &clientId)
{
    if (clientId.isEmpty()) {
        return QCoreApplication::translate(
            "CompanionSettings", "Paste the Client ID of the OAuth client you created in Aries Client Center.");
    }
    if (clientId.contains(QLatin1String("://"))) {
        return QCoreApplication::translate("CompanionSettings",
            "This looks like an address. Paste the Client ID shown in Aries Client Center, "
            "not the redirect URI.");
    }
    // Client IDs are printable tokens (RFC 6749 allows any visible ASCII; Aries' are letters, digits
    // and dashes). Spaces or quotes mean something else was copied along with it.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{4,128}$"));
    if (!shape.match(clientId).hasMatch()) {
        return QCoreApplication::translate("CompanionSettings",
            "A Client ID is 4 to 128 letters, digits, dots, dashes or underscores, with no spaces. "
            "Copy it again from Aries Client Center.");
    }
    return std::nullopt;
}

std::optional<QString> CompanionSettings::urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return QCoreApplication::translate("CompanionSettings", "Enter a full address such as https://api.aries.com.");
    }
    if (url.scheme() == QLatin1String("https")) {
        return std::nullopt;
    }
    const QString host = url.host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (url.scheme() == QLatin1String("http") && loopback) {
        return std::nullopt;
    }
    return QCoreApplication::translate("CompanionSettings",
        "Use an https:// address. Plain http is allowed only for a server on this computer "
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

Trading::TradingLimits CompanionSettings::tradingLimits() const
{
    Trading::TradingLimits limits;
    limits.tradingEnabled = m_settings->value(kTradingEnabledKey, false).toBool();
    // Caps are stored as decimal text; an unreadable or non-positive value means "no cap" would be
    // unsafe, so it becomes a cap of zero, which refuses every order until the user fixes it.
    const auto cap = [this](const QString &key) -> std::optional<Decimal> {
        const QString text = m_settings->value(key).toString().trimmed();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        const auto value = Decimal::parse(text);
        return value && value->isPositive() ? *value : Decimal();
    };
    limits.maxNotionalPerOrder = cap(kMaxOrderKey);
    limits.maxNotionalPerDay = cap(kMaxDayKey);
    limits.maxQuantity = cap(kMaxQuantityKey);
    for (const QString &symbol : m_settings->value(kAllowlistKey).toStringList()) {
        if (!symbol.trimmed().isEmpty()) {
            limits.symbolAllowlist << symbol.trimmed().toUpper();
        }
    }
    bool ok = false;
    const int seconds = m_settings->value(kApprovalTimeoutKey, 120).toInt(&ok);
    limits.approvalTimeout = std::chrono::seconds(ok && seconds >= 10 && seconds <= 3600 ? seconds : 120);
    return limits;
}

void CompanionSettings::saveTradingLimits(const Trading::TradingLimits &limits)
{
    const auto text = [](const std::optional<Decimal> &value) { return value ? value->toString() : QString(); };
    m_settings->setValue(kTradingEnabledKey, limits.tradingEnabled);
    m_settings->setValue(kMaxOrderKey, text(limits.maxNotionalPerOrder));
    m_settings->setValue(kMaxDayKey, text(limits.maxNotionalPerDay));
    m_settings->setValue(kMaxQuantityKey, text(limits.maxQuantity));
    m_settings->setValue(kAllowlistKey, limits.symbolAllowlist);
    m_settings->setValue(kApprovalTimeoutKey, qint64(limits.approvalTimeout.count()));
    m_settings->sync();
}

QString CompanionSettings::defaultAccountId() const
{
    return m_settings->value(kDefaultAccountKey).toString().trimmed();
}

void CompanionSettings::saveDefaultAccountId(const QString &accountId)
{
    m_settings->setValue(kDefaultAccountKey, accountId.trimmed());
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
