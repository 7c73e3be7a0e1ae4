// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/TokenSet.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>

namespace Companion::Auth {

namespace {

using nlohmann::json;

constexpr qint64 kDefaultAccessLifetimeSeconds = 3600;
// Lifetimes beyond ten years are nonsense from the server; capping them keeps QDateTime arithmetic sane.
constexpr qint64 kMaxLifetimeSeconds = qint64(10) * 366 * 24 * 3600;
constexpr int kBlobVersion = 1;

AuthError unreadable(const QString &why)
{
    // The token endpoint answered 2xx with something we cannot use: for the user that is a server fault.
    return {AuthError::Code::ServerError, QStringLiteral("Unreadable token response: ") + why};
}

QString toQString(const json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

/** The member @p key, or nullptr when it is absent or null (both mean "not sent"). */
const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

/** A lifetime in seconds; nullopt for anything that is not a finite, non-negative number. */
std::optional<qint64> lifetimeSeconds(const json &value)
{
    double seconds = 0;
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        seconds = v > std::uint64_t(kMaxLifetimeSeconds) ? double(kMaxLifetimeSeconds) : double(v);
    } else if (value.is_number()) {
        seconds = value.get<double>();
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(seconds) || seconds < 0) {
        return std::nullopt;
    }
    return seconds > double(kMaxLifetimeSeconds) ? kMaxLifetimeSeconds : qint64(seconds);
}

std::optional<QDateTime> timeFromBlob(const json &value)
{
    if (!value.is_number_integer()) {
        return std::nullopt;
    }
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(value.get<qint64>(), Qt::UTC);
    if (!time.isValid()) {
        return std::nullopt;
    }
    return time;
}

json timeToBlob(const QDateTime &time)
{
    return time.isValid() ? json(time.toMSecsSinceEpoch()) : json(nullptr);
}

} // namespace

Expected<TokenSet, AuthError> TokenSet::fromTokenResponse(
    const QByteArray &body, const QDateTime &now, const TokenSet *previous)
{
    const json root = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return Unexpected(unreadable(QStringLiteral("not a JSON object")));
    }

    const json *access = member(root, "access_token");
    if (!access || !access->is_string() || access->get_ref<const std::string &>().empty()) {
        return Unexpected(unreadable(QStringLiteral("no access_token")));
    }

    // RFC 6749 §7.1: the type is case-insensitive. Anything but Bearer is a token we would send wrongly.
    if (const json *type = member(root, "token_type")) {
        if (!type->is_string() || toQString(*type).compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
            return Unexpected(unreadable(QStringLiteral("token_type is not Bearer")));
        }
    }

    const QDateTime utcNow = now.toUTC();
    TokenSet tokens;
    tokens.accessToken = toQString(*access);
    tokens.obtainedAt = utcNow;

    qint64 accessLifetime = kDefaultAccessLifetimeSeconds;
    if (const json *expiresIn = member(root, "expires_in")) {
        const auto seconds = lifetimeSeconds(*expiresIn);
        if (!seconds) {
            return Unexpected(unreadable(QStringLiteral("expires_in is not a number of seconds")));
        }
        accessLifetime = *seconds;
    }
    tokens.accessExpiresAt = utcNow.addSecs(accessLifetime);

    const json *refresh = member(root, "refresh_token");
    if (refresh && !refresh->is_string()) {
        return Unexpected(unreadable(QStringLiteral("refresh_token is not a string")));
    }
    std::optional<qint64> refreshLifetime;
    if (const json *refreshExpiresIn = member(root, "refresh_token_expires_in")) {
        refreshLifetime = lifetimeSeconds(*refreshExpiresIn);
        if (!refreshLifetime) {
            return Unexpected(unreadable(QStringLiteral("refresh_token_expires_in is not a number of seconds")));
        }
    }
    if (refresh && !refresh->get_ref<const std::string &>().empty()) {
        tokens.refreshToken = toQString(*refresh);
        if (refreshLifetime) {
            tokens.refreshExpiresAt = utcNow.addSecs(*refreshLifetime);
        }
    } else if (previous) {
        // No new refresh token: the old one stays in use, and so does what we knew about its expiry.
        tokens.refreshToken = previous->refreshToken;
        tokens.refreshExpiresAt = previous->refreshExpiresAt;
    }

    const json *scope = member(root, "scope");
    if (scope && !scope->is_string()) {
        return Unexpected(unreadable(QStringLiteral("scope is not a string")));
    }
    if (scope && !scope->get_ref<const std::string &>().empty()) {
        tokens.scopes = toQString(*scope).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    } else if (previous) {
        // RFC 6749 §5.1: scope may be left out when it is the one granted before.
        tokens.scopes = previous->scopes;
    }

    tokens.connectedSince = previous && previous->connectedSince.isValid() ? previous->connectedSince.toUTC() : utcNow;
    return tokens;
}

QByteArray TokenSet::toKeychainBlob() const
{
    json scopeArray = json::array();
    for (const QString &scope : scopes) {
        scopeArray.push_back(scope.toStdString());
    }
    const json root {{"v", kBlobVersion}, {"access_token", accessToken.toStdString()},
        {"refresh_token", refreshToken.toStdString()}, {"access_expires_at", timeToBlob(accessExpiresAt)},
        {"refresh_expires_at", timeToBlob(refreshExpiresAt)}, {"obtained_at", timeToBlob(obtainedAt)},
        {"connected_since", timeToBlob(connectedSince)}, {"scopes", scopeArray}};
    // Replace rather than throw on invalid UTF-8: the build has no exception handling to catch it.
    return QByteArray::fromStdString(root.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::optional<TokenSet> TokenSet::fromKeychainBlob(const QByteArray &blob)
{
    const json root = json::parse(blob.constData(), blob.constData() + blob.size(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return std::nullopt;
    }
    const json *version = member(root, "v");
    if (!version || !version->is_number_integer() || version->get<qint64>() != kBlobVersion) {
        return std::nullopt;
    }

    const json *access = member(root, "access_token");
    const json *refresh = member(root, "refresh_token");
    if (!access || !access->is_string() || !refresh || !refresh->is_string()) {
        return std::nullopt;
    }
    TokenSet tokens;
    tokens.accessToken = toQString(*access);
    tokens.refreshToken = toQString(*refresh);
    if (!tokens.hasAccessToken() && !tokens.hasRefreshToken()) {
        return std::nullopt;
    }

    // The times the app relies on must be there; only the refresh expiry may be unknown (null).
    const json *accessExpires = member(root, "access_expires_at");
    const json *obtained = member(root, "obtained_at");
    const json *connected = member(root, "connected_since");
    if (!accessExpires || !obtained || !connected) {
        return std::nullopt;
    }
    const auto accessExpiresAt = timeFromBlob(*accessExpires);
    const auto obtainedAt = timeFromBlob(*obtained);
    const auto connectedSince = timeFromBlob(*connected);
    if (!accessExpiresAt || !obtainedAt || !connectedSince) {
        return std::nullopt;
    }
    tokens.accessExpiresAt = *accessExpiresAt;
    tokens.obtainedAt = *obtainedAt;
    tokens.connectedSince = *connectedSince;
    if (const json *refreshExpires = member(root, "refresh_expires_at")) {
        const auto refreshExpiresAt = timeFromBlob(*refreshExpires);
        if (!refreshExpiresAt) {
            return std::nullopt;
        }
        tokens.refreshExpiresAt = *refreshExpiresAt;
    }

    const json *scopes = member(root, "scopes");
    if (!scopes || !scopes->is_array()) {
        return std::nullopt;
    }
    for (const json &scope : *scopes) {
        if (!scope.is_string()) {
            return std::nullopt;
        }
        tokens.scopes.append(toQString(scope));
    }
    return tokens;
}

} // namespace Companion::Auth
