// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/OAuthConfig.h"
#include "trading/TradingPolicy.h"

#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace Companion {

/**
 * The user's settings, kept with QSettings under the app's own name (on Linux
 * $XDG_CONFIG_HOME/aries-companion/aries-companion.conf). Only non-secret values live here: the
 * Client ID and the Aries addresses. Tokens are in the keychain, never here.
 *
 * Values given on the command line override the stored ones for one run and are never saved.
 */
class CompanionSettings final
{
public:
    CompanionSettings();
    ~CompanionSettings();
    CompanionSettings(const CompanionSettings &) = delete;
    CompanionSettings &operator=(const CompanionSettings &) = delete;

    /** Why @p clientId (already trimmed) cannot be a Client ID, in words for the user; nullopt when it can. */
    static std::optional<QString> clientIdProblem(const QString &clientId);
    /**
     * Why @p url cannot be an Aries address: it must be https, or http on this computer only
     * (127.0.0.1, ::1, localhost) for the sandbox; nullopt when it is fine.
     */
    static std::optional<QString> urlProblem(const QUrl &url);

    QString clientId() const;
    QUrl authorizeUrl() const;
    QUrl apiBaseUrl() const;
    /** Stores the values (the Client ID trimmed). Overrides are left as they are. */
    void save(const QString &clientId, const QUrl &authorizeUrl, const QUrl &apiBaseUrl);

    /** The default port of the loopback MCP endpoint for clients other than Claude Desktop. */
    static constexpr quint16 kDefaultMcpPort = 7465;
    /** The port of the loopback MCP endpoint; 0 means the endpoint is off. */
    quint16 mcpPort() const;
    void saveMcpPort(quint16 port);
    void overrideMcpPort(quint16 port) { m_mcpPortOverride = port; }

    void overrideClientId(const QString &clientId) { m_clientIdOverride = clientId.trimmed(); }
    void overrideAuthorizeUrl(const QUrl &url) { m_authorizeOverride = url; }
    void overrideApiBaseUrl(const QUrl &url) { m_apiBaseOverride = url; }
    bool hasOverrides() const
    {
        return m_clientIdOverride || m_authorizeOverride || m_apiBaseOverride || m_mcpPortOverride;
    }
    void clearOverrides()
    {
        m_clientIdOverride.reset();
        m_authorizeOverride.reset();
        m_apiBaseOverride.reset();
        m_mcpPortOverride.reset();
    }

    /**
     * The safety settings of the order tools. A fresh install is read-only (trading off); caps and the
     * allowlist are empty (no limit) until the user sets them; the approval timeout is 2 minutes. The
     * "Pause trading" switch is not here: it lives for one run in TradingPolicy.
     */
    Trading::TradingLimits tradingLimits() const;
    void saveTradingLimits(const Trading::TradingLimits &limits);

    /** The trading account the tools use when the assistant names none; empty: the first open account. */
    QString defaultAccountId() const;
    void saveDefaultAccountId(const QString &accountId);

    /** Everything the sign-in needs, with the overrides applied. */
    Auth::OAuthConfig oauthConfig() const;
    /** The file the settings are kept in. */
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
    std::optional<QString> m_clientIdOverride;
    std::optional<QUrl> m_authorizeOverride;
    std::optional<QUrl> m_apiBaseOverride;
    std::optional<quint16> m_mcpPortOverride;
};

} // namespace Companion
