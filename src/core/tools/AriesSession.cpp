// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/AriesSession.h"

#include "auth/AuthState.h"
#include "auth/TokenManager.h"

namespace Companion::Tools {

AriesSession::AriesSession(Auth::TokenManager &tokens, std::function<QString()> defaultAccount, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_defaultAccount(std::move(defaultAccount))
{ }

AriesSession::~AriesSession() = default;

void AriesSession::setApiBaseUrl(const QUrl &baseUrl)
{
    if (baseUrl == m_config.baseUrl && m_client) {
        return;
    }
    m_config.baseUrl = baseUrl;
    rebuild();
}

void AriesSession::setClientConfig(const Aries::AriesClientConfig &config)
{
    const QUrl baseUrl = m_config.baseUrl;
    m_config = config;
    m_config.baseUrl = baseUrl;
    rebuild();
}

void AriesSession::rebuild()
{
    if (m_client) {
        // Calls under way keep their client until they answer; it goes once nothing uses it.
        m_client.release()->deleteLater();
    }
    if (m_config.baseUrl.isValid() && !m_config.baseUrl.isEmpty()) {
        m_client = std::make_unique<Aries::AriesClient>(m_tokens, m_config);
    }
}

Aries::AriesClient *AriesSession::client()
{
    // Refreshing still counts: the client waits for the new token instead of failing the call.
    const Auth::AuthState state = m_tokens.state();
    if (state != Auth::AuthState::Connected && state != Auth::AuthState::Refreshing) {
        return nullptr;
    }
    return m_client.get();
}

QString AriesSession::notConnectedReason() const
{
    switch (m_tokens.state()) {
    case Auth::AuthState::SigningIn:
        return tr("The user is signing in to Aries right now. Ask them to finish in the Aries Companion sign-in "
                  "window, then try again.");
    case Auth::AuthState::SecretsUnavailable:
        return tr("Aries Companion cannot read its sign-in from the system keychain, which is locked or not "
                  "running. Ask the user to unlock the keychain and choose Retry in the Aries Companion tray menu.");
    case Auth::AuthState::Error:
        return tr("Aries Companion needs the user's attention: ask them to open the Aries Companion tray menu, "
                  "read the message and choose Connect to Aries again.");
    case Auth::AuthState::Connected:
    case Auth::AuthState::Refreshing:
        return tr("No Aries address is set. Ask the user to check Settings in Aries Companion.");
    case Auth::AuthState::SignedOut: break;
    }
    return tr("Aries Companion is not connected to an Aries account. Ask the user to click \"Connect to Aries\" in "
              "the Aries Companion tray menu and approve access; then try again.");
}

QString AriesSession::defaultAccountId() const
{
    return m_defaultAccount ? m_defaultAccount() : QString();
}

Aries::AriesEnvironment AriesSession::environment() const
{
    return Aries::environmentFor(m_config.baseUrl);
}

} // namespace Companion::Tools
