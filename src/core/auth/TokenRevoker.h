// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/OAuthConfig.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Companion::Secrets {
class SecretStore;
}

namespace Companion::Auth {

/**
 * Withdraws the sign-in at the server too, where the server offers it. Aries documents no revocation
 * endpoint, so this looks for OAuth server metadata (RFC 8414, /.well-known/oauth-authorization-server
 * under the API address) and, when it names a revocation_endpoint, revokes the stored refresh token there
 * (RFC 7009). Deleting the tokens locally is TokenManager::signOut()'s job and happens in any case.
 *
 * The refresh token is read from the keychain here and sent only to that endpoint; it is not handed
 * to the caller.
 */
class TokenRevoker final : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Revoked, ///< The server confirmed (RFC 7009 answers 200 even for tokens it did not know)
        NotOffered, ///< No metadata, or no revocation_endpoint in it, or no stored token
        Failed, ///< The server offers revocation but the request failed; detail says why
    };
    struct Result
    {
        Outcome outcome = Outcome::NotOffered;
        QString detail;
    };
    using Callback = std::function<void(Result)>;

    TokenRevoker(QNetworkAccessManager &network, Secrets::SecretStore &secrets, QObject *parent = nullptr);
    ~TokenRevoker() override;
    Q_DISABLE_COPY_MOVE(TokenRevoker)

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /**
     * Revokes the refresh token stored for @p config's Client ID, if the server offers revocation.
     * @p captured runs as soon as the token has been read from the keychain (or found missing), so the
     * caller can delete it locally at once instead of after the network round trip; @p callback runs
     * when the server has answered.
     */
    void revokeStored(const OAuthConfig &config, QObject *context, std::function<void()> captured, Callback callback);

    /** Where the metadata is looked up: {API origin}/.well-known/oauth-authorization-server. */
    static QUrl metadataUrl(const OAuthConfig &config);

private:
    void revokeAt(const QUrl &endpoint, const OAuthConfig &config, const QString &refreshToken, QObject *context,
        Callback callback);

    QNetworkAccessManager &m_network;
    Secrets::SecretStore &m_secrets;
    std::chrono::milliseconds m_timeout {10000};
};

} // namespace Companion::Auth
