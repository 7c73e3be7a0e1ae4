// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aries/AriesClient.h"
#include "tools/AriesConnection.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace Companion::Auth {
class TokenManager;
}

namespace Companion::Tools {

/**
 * The app's AriesConnection: one AriesClient for the configured Aries address, handed to the tools while
 * the user is connected, and the reason in plain words while not.
 *
 * The client is rebuilt when the address changes (settings saved, demo mode), so a call never goes to an
 * address the user has left; calls already under way finish against the old one.
 */
class AriesSession final : public QObject, public AriesConnection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AriesSession)

public:
    /** @p defaultAccount is asked on every call, so a change in settings applies at once. */
    AriesSession(Auth::TokenManager &tokens, std::function<QString()> defaultAccount, QObject *parent = nullptr);
    ~AriesSession() override;

    /** The Aries API address to use from now on. */
    void setApiBaseUrl(const QUrl &baseUrl);
    /** Timeouts and retries of the client made from now on (tests shorten them). */
    void setClientConfig(const Aries::AriesClientConfig &config);

    Aries::AriesClient *client() override;
    QString notConnectedReason() const override;
    QString defaultAccountId() const override;
    Aries::AriesEnvironment environment() const override;

private:
    void rebuild();

    Auth::TokenManager &m_tokens;
    std::function<QString()> m_defaultAccount;
    Aries::AriesClientConfig m_config;
    std::unique_ptr<Aries::AriesClient> m_client;
};

} // namespace Companion::Tools
