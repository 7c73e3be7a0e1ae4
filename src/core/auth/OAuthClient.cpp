// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/OAuthClient.h"

#include "Logging.h"
#include "auth/Pkce.h"

#include <QDateTime>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>

namespace Companion::Auth {

namespace {

using nlohmann::json;
using Code = AuthError::Code;
using TokenResult = Expected<TokenSet, AuthError>;

/** A query value percent-encoded completely, so that '+', '&' or '=' in a value can never be misread. */
QString encodedQueryValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString stringMember(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return {};
    }
    return QString::fromStdString(it->get<std::string>());
}

/** The RFC 6749 §5.2 error body {"error", "error_description"}, or nullopt when the body is not one. */
std::optional<AuthError> oauthErrorFromBody(const QByteArray &body)
{
    const json root = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return std::nullopt;
    }
    const QString error = stringMember(root, "error");
    if (error.isEmpty()) {
        return std::nullopt;
    }
    return AuthError::fromOAuthError(error, stringMember(root, "error_description"));
}

/** What a finished token request means, before the body is read as tokens. */
TokenResult mapReply(QNetworkReply &reply, const std::optional<TokenSet> &previous)
{
    const QNetworkReply::NetworkError error = reply.error();
    // Nothing in this class aborts a reply that still has a callback, so a cancelled request is the transfer
    // timeout (Qt 6.4 reports it as OperationCanceledError, later versions as TimeoutError).
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        return Unexpected(AuthError {Code::Timeout, {}});
    }

    const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: refused, host not found, TLS failure, connection closed early…
        return Unexpected(AuthError {Code::Network, reply.errorString()});
    }
    const int status = statusAttribute.toInt();
    const QByteArray body = reply.isOpen() ? reply.readAll() : QByteArray();

    if (status >= 200 && status < 300) {
        if (error != QNetworkReply::NoError) {
            // The answer was cut short; whatever arrived is not the whole token response.
            return Unexpected(AuthError {Code::Network, reply.errorString()});
        }
        return TokenSet::fromTokenResponse(body, QDateTime::currentDateTimeUtc(), previous ? &*previous : nullptr);
    }

    const QString httpStatus = QStringLiteral("HTTP %1").arg(status);
    if (status >= 400 && status < 500) {
        if (auto oauthError = oauthErrorFromBody(body)) {
            // 401 is client authentication failing (RFC 6749 §5.2), whatever the body calls it.
            if (status == 401 && oauthError->code == Code::ServerError) {
                return Unexpected(AuthError {Code::InvalidClient, oauthError->detail});
            }
            return Unexpected(*oauthError);
        }
        if (status == 401) {
            return Unexpected(AuthError {Code::InvalidClient, httpStatus});
        }
        return Unexpected(AuthError {Code::ServerError, httpStatus});
    }
    if (status >= 500) {
        QString detail = httpStatus;
        if (const auto oauthError = oauthErrorFromBody(body); oauthError && !oauthError->detail.isEmpty()) {
            detail += QStringLiteral(": ") + oauthError->detail;
        }
        return Unexpected(AuthError {Code::ServerError, detail});
    }
    // 1xx or 3xx: redirects are not followed for a POST that carries a code or a refresh token.
    return Unexpected(AuthError {Code::ServerError, httpStatus});
}

/** Runs @p callback with @p result on @p context's thread, or not at all when @p context is gone. */
void deliver(const QPointer<QObject> &context, const OAuthClient::TokenCallback &callback, TokenResult result)
{
    QObject *target = context.data();
    if (!target || !callback) {
        return;
    }
    // Direct when the context lives on this thread, queued otherwise; a queued call is dropped when the
    // context is destroyed before it runs.
    QMetaObject::invokeMethod(target, [callback, result = std::move(result)]() { callback(result); });
}

QByteArray toJsonBody(const json &object)
{
    // Replace rather than throw on invalid UTF-8: the build has no exception handling to catch it.
    return QByteArray::fromStdString(object.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace

OAuthClient::OAuthClient(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

OAuthClient::~OAuthClient()
{
    // The callbacks of unfinished requests are dropped: disconnect first so that abort() cannot reach a
    // half-destroyed client through the finished() handler.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

OAuthClient::PendingAuthorization OAuthClient::beginAuthorization(const OAuthConfig &config) const
{
    PendingAuthorization pending;
    pending.verifier = Pkce::generateVerifier();
    pending.state = Pkce::generateState();

    QUrl url = config.authorizeUrl;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), encodedQueryValue(config.clientId));
    query.addQueryItem(
        QStringLiteral("redirect_uri"), encodedQueryValue(config.redirectUri.toString(QUrl::FullyEncoded)));
    query.addQueryItem(QStringLiteral("scope"), encodedQueryValue(config.scopes.join(QLatin1Char(' '))));
    query.addQueryItem(QStringLiteral("state"), encodedQueryValue(pending.state));
    query.addQueryItem(QStringLiteral("code_challenge"), encodedQueryValue(Pkce::challengeFor(pending.verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);
    pending.url = url;
    return pending;
}

Expected<QString, AuthError> OAuthClient::codeFromRedirect(
    const QUrl &redirect, const PendingAuthorization &pending, const OAuthConfig &config)
{
    const QUrl &expected = config.redirectUri;
    // Exactly the registered address: Aries compares redirect URIs byte for byte, and so do we.
    if (!redirect.isValid() || redirect.scheme() != expected.scheme() || redirect.host() != expected.host()
        || redirect.port() != expected.port()
        || redirect.path(QUrl::FullyEncoded) != expected.path(QUrl::FullyEncoded)) {
        return Unexpected(
            AuthError {Code::ConsentFailed, QStringLiteral("The sign-in ended at an unexpected address.")});
    }

    const QUrlQuery query(redirect);
    // The state is checked before anything else in the answer, an error included: a redirect that did not
    // come from our sign-in must not be able to show its own message either.
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (pending.state.isEmpty() || state != pending.state) {
        return Unexpected(AuthError {Code::StateMismatch, {}});
    }

    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        return Unexpected(AuthError::fromOAuthError(
            error, query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)));
    }

    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        return Unexpected(AuthError {Code::InvalidRequest, QStringLiteral("The sign-in answer has no code.")});
    }
    return code;
}

void OAuthClient::exchangeCode(
    const OAuthConfig &config, const QString &code, const QString &verifier, QObject *context, TokenCallback callback)
{
    const json body {{"grant_type", "authorization_code"}, {"code", code.toStdString()},
        {"client_id", config.clientId.toStdString()},
        {"redirect_uri", config.redirectUri.toString(QUrl::FullyEncoded).toStdString()},
        {"code_verifier", verifier.toStdString()}};
    postToken(config, toJsonBody(body), nullptr, context, std::move(callback));
}

void OAuthClient::refresh(const OAuthConfig &config, const TokenSet &current, QObject *context, TokenCallback callback)
{
    if (!current.hasRefreshToken()) {
        // Nothing to refresh with: the user has to sign in again. Still answered through the event loop, as
        // every other result is.
        QObject *target = context ? context : this;
        QMetaObject::invokeMethod(
            target,
            [callback = std::move(callback)]() {
                if (callback) {
                    callback(Unexpected(AuthError {Code::NotSignedIn, {}}));
                }
            },
            Qt::QueuedConnection);
        return;
    }
    const json body {{"grant_type", "refresh_token"}, {"client_id", config.clientId.toStdString()},
        {"refresh_token", current.refreshToken.toStdString()}};
    postToken(config, toJsonBody(body), &current, context, std::move(callback));
}

void OAuthClient::postToken(const OAuthConfig &config, const QByteArray &body, const TokenSet *previous,
    QObject *context, TokenCallback callback)
{
    QNetworkRequest request(config.tokenUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(m_timeout.count()));
    // A redirect would carry the code or the refresh token somewhere else; treat it as an error instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Cookies and caches have no business in a token exchange.
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    const bool isRefresh = previous != nullptr;
    // The previous set is copied: the caller's object may be gone by the time the answer comes.
    std::optional<TokenSet> previousCopy;
    if (previous) {
        previousCopy = *previous;
    }
    // Without a context the answer goes to this client's thread, and is dropped with it.
    const QPointer<QObject> target(context ? context : this);

    QNetworkReply *reply = m_network.post(request, body);
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, isRefresh, previousCopy = std::move(previousCopy), target, callback = std::move(callback)]() {
            m_inFlight.removeAll(reply);
            reply->deleteLater();
            TokenResult result = mapReply(*reply, previousCopy);
            if (result) {
                qCInfo(lcAuth, "Token request (%s) succeeded", isRefresh ? "refresh" : "code exchange");
            } else {
                // The code name and status only: descriptions might echo what was sent.
                qCInfo(lcAuth, "Token request (%s) failed: error %d %s", isRefresh ? "refresh" : "code exchange",
                    int(result.error().code), qPrintable(result.error().oauthErrorCode()));
            }
            deliver(target, callback, std::move(result));
        });
}

} // namespace Companion::Auth
