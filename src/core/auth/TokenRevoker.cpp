// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/TokenRevoker.h"

#include "Logging.h"
#include "auth/TokenManager.h"
#include "auth/TokenSet.h"
#include "secrets/SecretStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <nlohmann/json.hpp>

namespace Companion::Auth {

namespace {

/** Runs @p callback unless @p context died meanwhile. */
void deliver(const QPointer<QObject> &context, bool hadContext, const TokenRevoker::Callback &callback,
    TokenRevoker::Result result)
{
    if (hadContext && !context) {
        return;
    }
    callback(std::move(result));
}

} // namespace

TokenRevoker::TokenRevoker(QNetworkAccessManager &network, Secrets::SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
{ }

TokenRevoker::~TokenRevoker() = default;

QUrl TokenRevoker::metadataUrl(const OAuthConfig &config)
{
    QUrl url = config.apiBaseUrl;
    url.setPath(QStringLiteral("/.well-known/oauth-authorization-server"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void TokenRevoker::revokeStored(
    const OAuthConfig &config, QObject *context, std::function<void()> captured, Callback callback)
{
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_secrets.read(TokenManager::keychainKey(config.clientId), this,
        [this, config, guard, hadContext, captured, callback](Expected<QByteArray, Secrets::SecretError> blob) {
            const auto tokens = blob ? TokenSet::fromKeychainBlob(*blob) : std::nullopt;
            if (!(hadContext && !guard) && captured) {
                captured();
            }
            if (!tokens || !tokens->hasRefreshToken()) {
                deliver(guard, hadContext, callback, {Outcome::NotOffered, {}});
                return;
            }
            QNetworkRequest request(metadataUrl(config));
            request.setTransferTimeout(static_cast<int>(m_timeout.count()));
            request.setRawHeader("Accept", "application/json");
            QNetworkReply *reply = m_network.get(request);
            connect(reply, &QNetworkReply::finished, this,
                [this, reply, config, refresh = tokens->refreshToken, guard, hadContext, callback] {
                    reply->deleteLater();
                    const auto metadata = nlohmann::json::parse(reply->readAll().toStdString(), nullptr, false);
                    const bool ok = reply->error() == QNetworkReply::NoError && metadata.is_object()
                        && metadata.contains("revocation_endpoint") && metadata["revocation_endpoint"].is_string();
                    if (!ok) {
                        qCInfo(lcAuth) << "the server offers no token revocation; tokens deleted locally";
                        deliver(guard, hadContext, callback, {Outcome::NotOffered, {}});
                        return;
                    }
                    const QUrl endpoint(QString::fromStdString(metadata["revocation_endpoint"].get<std::string>()));
                    // Only to the same host over the same scheme as the API: metadata must
                    // not be able to send the refresh token anywhere else.
                    if (endpoint.scheme() != config.apiBaseUrl.scheme()
                        || endpoint.host() != config.apiBaseUrl.host()) {
                        deliver(guard, hadContext, callback,
                            {Outcome::Failed, tr("the revocation address is not on the API's host")});
                        return;
                    }
                    if (hadContext && !guard) {
                        return;
                    }
                    revokeAt(endpoint, config, refresh, guard, callback);
                });
        });
}

void TokenRevoker::revokeAt(
    const QUrl &endpoint, const OAuthConfig &config, const QString &refreshToken, QObject *context, Callback callback)
{
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    // RFC 7009 takes a form body; every value is percent-encoded so '+', '&' and '=' stay themselves.
    const QByteArray body = "token=" + QUrl::toPercentEncoding(refreshToken)
        + "&token_type_hint=refresh_token&client_id=" + QUrl::toPercentEncoding(config.clientId);
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, hadContext, callback] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status == 200) {
            qCInfo(lcAuth) << "refresh token revoked at the server";
            deliver(guard, hadContext, callback, {Outcome::Revoked, {}});
        } else {
            deliver(guard, hadContext, callback, {Outcome::Failed, reply->errorString()});
        }
    });
}

} // namespace Companion::Auth
