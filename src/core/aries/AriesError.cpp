// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesError.h"

#include <utility>

namespace Companion::Aries {

AriesError AriesError::make(Kind kind, QString detail, int httpStatus)
{
    AriesError error;
    error.kind = kind;
    error.detail = std::move(detail);
    error.httpStatus = httpStatus;
    return error;
}

QString AriesError::message() const
{
    // Aries' own words are quoted as a sentence of their own, so the advice after them (or the end of the
    // text) does not run on from a message that has no full stop ("Aries said: Bad symbol Correct it").
    QString said;
    if (const QString quoted = detail.trimmed(); !quoted.isEmpty()) {
        const QChar last = quoted.back();
        const bool ended = last == QLatin1Char('.') || last == QLatin1Char('!') || last == QLatin1Char('?');
        said = QStringLiteral(" Aries said: ") + quoted + (ended ? QString() : QStringLiteral("."));
    }
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("Aries could not be reached (%1). Check the internet connection and try again.")
            .arg(detail.isEmpty() ? QStringLiteral("no connection") : detail);
    case Kind::Timeout: return QStringLiteral("Aries did not answer in time. Try again in a moment.");
    case Kind::Unauthorized:
        return QStringLiteral("Aries no longer accepts this app's sign-in. Open Aries Companion and connect "
                              "to Aries again, then retry.");
    case Kind::InsufficientScope:
        return QStringLiteral("This needs the Aries permission \"%1\", which was not granted when Aries "
                              "Companion was connected. Reconnect in Aries Companion and allow \"%1\".")
            .arg(scope.isEmpty() ? QStringLiteral("(unnamed)") : scope);
    case Kind::RateLimited:
        if (retryAfter) {
            // The model passes this on word for word, so "Wait 1 seconds" would reach the user.
            if (retryAfter->count() == 1) {
                return QStringLiteral("Aries is limiting how fast requests may be made. Wait 1 second and try "
                                      "again.");
            }
            return QStringLiteral("Aries is limiting how fast requests may be made. Wait %1 seconds and try "
                                  "again.")
                .arg(retryAfter->count());
        }
        return QStringLiteral("Aries is limiting how fast requests may be made. Wait a little and try again.");
    case Kind::Rejected:
        return QStringLiteral("Aries rejected the order: %1. Change the order and try again, or leave it.")
            .arg(detail.isEmpty() ? QStringLiteral("no reason given") : detail);
    case Kind::InvalidRequest:
        return QStringLiteral("Aries refused the request as invalid.%1 Correct it and try again.").arg(said);
    case Kind::NotFound: return QStringLiteral("Aries does not know that account, symbol or order.%1").arg(said);
    case Kind::ServerError:
        return QStringLiteral("Aries had a problem answering (HTTP %1).%2 Try again in a few minutes.")
            .arg(httpStatus)
            .arg(said);
    case Kind::BadResponse:
        return QStringLiteral("Aries' answer could not be read (%1). Try again; if it keeps happening, Aries "
                              "may have changed its API.")
            .arg(detail.isEmpty() ? QStringLiteral("unexpected content") : detail);
    case Kind::UncertainOutcome:
        return QStringLiteral("The connection to Aries broke after the order was sent, and the order (our tag "
                              "%1) was not found in today's orders yet, so it is not known whether it was "
                              "placed. Do not send it again: check the open orders in a minute first.")
            .arg(clientTag);
    }
    return detail;
}

QString AriesError::kindName() const
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Unauthorized: return QStringLiteral("reconnect_needed");
    case Kind::InsufficientScope: return QStringLiteral("insufficient_scope");
    case Kind::RateLimited: return QStringLiteral("rate_limited");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::InvalidRequest: return QStringLiteral("invalid_request");
    case Kind::NotFound: return QStringLiteral("not_found");
    case Kind::ServerError: return QStringLiteral("server_error");
    case Kind::BadResponse: return QStringLiteral("bad_response");
    case Kind::UncertainOutcome: return QStringLiteral("uncertain_outcome");
    }
    return QStringLiteral("unknown");
}

bool AriesError::isTransient() const
{
    return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::RateLimited || kind == Kind::ServerError
        || kind == Kind::BadResponse;
}

} // namespace Companion::Aries
