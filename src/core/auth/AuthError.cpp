// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/AuthError.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Companion::Auth {

namespace {

using Code = AuthError::Code;

// RFC 6749 §4.1.2.1 and §5.2 codes, plus redirect_uri_mismatch, which Aries' sign-in page and several
// other providers use. Both directions read this one table so they cannot drift apart.
constexpr std::array<std::pair<const char *, Code>, 8> kOAuthCodes {{
    {"redirect_uri_mismatch", Code::RedirectUriMismatch},
    {"invalid_client", Code::InvalidClient},
    {"invalid_grant", Code::InvalidGrant},
    {"access_denied", Code::AccessDenied},
    {"invalid_scope", Code::InvalidScope},
    {"invalid_request", Code::InvalidRequest},
    {"unsupported_grant_type", Code::UnsupportedGrantType},
    {"server_error", Code::ServerError},
}};

/** " Details: detail." to append to a sentence, or nothing when there is no detail. */
QString detailSuffix(const QString &detail)
{
    QString trimmed = detail.trimmed();
    while (trimmed.endsWith(QLatin1Char('.'))) {
        trimmed.chop(1);
    }
    if (trimmed.isEmpty()) {
        return {};
    }
    return QCoreApplication::translate("AuthError", " Details: %1.").arg(trimmed);
}

} // namespace

AuthError AuthError::fromOAuthError(const QString &error, const QString &description)
{
    const QString key = error.trimmed();
    for (const auto &[name, code] : kOAuthCodes) {
        if (key == QLatin1String(name)) {
            return {code, description};
        }
    }
    // temporarily_unavailable (RFC 6749 §4.1.2.1) means "try later", which is what ServerError says.
    if (key == QLatin1String("temporarily_unavailable")) {
        return {Code::ServerError, description};
    }
    // An unknown code still tells support what happened; keep it next to the description.
    QString detail = key.isEmpty() ? QStringLiteral("unknown error") : key;
    if (!description.isEmpty()) {
        detail += QStringLiteral(": ") + description;
    }
    return {Code::ServerError, detail};
}

QString AuthError::oauthErrorCode() const
{
    for (const auto &[name, value] : kOAuthCodes) {
        if (value == code) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

bool AuthError::isTransient() const
{
    return code == Code::Network || code == Code::Timeout || code == Code::ServerError;
}

QString AuthError::userMessage() const
{
    switch (code) {
    case Code::RedirectUriMismatch:
        return QCoreApplication::translate("AuthError",
            "Aries does not accept this app's redirect address. In Aries Client Center, set the client's "
            "redirect URI to exactly https://mcp.aries.com/auth/callback (no slash at the end), then connect "
            "again.");
    case Code::InvalidClient:
        return QCoreApplication::translate("AuthError",
                   "Aries does not recognise this Client ID. Check the Client ID in Settings and that the client is "
                   "active in Aries Client Center, then connect again.")
            + detailSuffix(detail);
    case Code::InvalidGrant:
        return QCoreApplication::translate("AuthError",
            "The sign-in code expired or was already used, or the sign-in has ended. Choose Connect to Aries "
            "again and finish signing in without delay.");
    case Code::AccessDenied:
        return QCoreApplication::translate("AuthError",
            "You chose Deny, so the assistant cannot use your Aries account. Connect to Aries again and "
            "choose Allow to let the assistant use Aries.");
    case Code::InvalidScope:
        return QCoreApplication::translate("AuthError",
                   "Aries did not accept the permissions this app asks for. Check that the client may use them in "
                   "Aries Client Center, then connect again.")
            + detailSuffix(detail);
    case Code::InvalidRequest:
        return QCoreApplication::translate("AuthError",
                   "Aries could not understand the sign-in request. Connect to Aries again; if this keeps "
                   "happening, update Aries Companion.")
            + detailSuffix(detail);
    case Code::UnsupportedGrantType:
        return QCoreApplication::translate(
                   "AuthError", "Aries refused the way this app signs in. Update Aries Companion, then connect again.")
            + detailSuffix(detail);
    case Code::ServerError:
        return QCoreApplication::translate(
                   "AuthError", "Aries had a problem and could not complete the request. Try again in a few minutes.")
            + detailSuffix(detail);
    case Code::Network:
        if (detail.isEmpty()) {
            return QCoreApplication::translate("AuthError",
                "Aries cannot be reached. Check your internet connection and the API address in "
                "Settings › Advanced, then try again.");
        }
        return QCoreApplication::translate("AuthError",
            "Aries cannot be reached (%1). Check your internet connection and the "
            "API address in Settings › Advanced, then try again.")
            .arg(detail);
    case Code::Timeout:
        return QCoreApplication::translate(
            "AuthError", "Aries did not answer in time. Check your internet connection and try again in a moment.");
    case Code::StateMismatch:
        return QCoreApplication::translate("AuthError",
            "The sign-in answer did not come from the sign-in this app started, so nothing was stored. "
            "Connect to Aries again.");
    case Code::Cancelled:
        return QCoreApplication::translate("AuthError",
            "The sign-in window was closed before you allowed access. Choose Connect to Aries to try again.");
    case Code::ConsentFailed:
        if (detail.isEmpty()) {
            return QCoreApplication::translate(
                "AuthError", "The Aries sign-in window could not be shown. Choose Connect to Aries to try again.");
        }
        return QCoreApplication::translate("AuthError",
            "The Aries sign-in window could not be shown (%1). Choose Connect to "
            "Aries to try again.")
            .arg(detail);
    case Code::SecretsUnavailable:
        if (detail.isEmpty()) {
            return QCoreApplication::translate("AuthError",
                "The system keychain is locked or not available, so the Aries sign-in cannot be read or "
                "saved. Unlock it and choose Retry.");
        }
        return QCoreApplication::translate("AuthError",
            "The system keychain is locked or not available (%1), so the Aries "
            "sign-in cannot be read or saved. Unlock it and choose Retry.")
            .arg(detail);
    case Code::NotSignedIn:
        return QCoreApplication::translate(
            "AuthError", "Aries Companion is not connected to Aries. Choose Connect to Aries in the tray menu.");
    }
    return QCoreApplication::translate("AuthError", "Signing in to Aries failed. Connect to Aries again.");
}

} // namespace Companion::Auth
