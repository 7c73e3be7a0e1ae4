// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace Companion::Aries {

/**
 * Why a call to the Aries API did not give a usable answer. message() is written for whoever acts on it,
 * an AI assistant or a person: what happened and what to do next, in plain words. detail carries what
 * Aries itself said (its reason text or error message), never a token.
 */
struct AriesError
{
    enum class Kind {
        Network, ///< Aries could not be reached, or the connection broke before anything was sent
        Timeout, ///< No answer in time; for a read nothing changed at Aries
        Unauthorized, ///< The sign-in is no longer accepted: the user has to reconnect
        InsufficientScope, ///< The token lacks the permission named in scope
        RateLimited, ///< Aries asks to slow down; retryAfter says for how long when it said so
        Rejected, ///< Aries refused the order (or replace/cancel); detail is its reason
        InvalidRequest, ///< Aries refused the request's parameters (400, or chart "error")
        NotFound, ///< Unknown account, symbol or ticker (404)
        ServerError, ///< Aries failed (5xx)
        BadResponse, ///< The answer was cut short or is not what Aries documents
        UncertainOutcome, ///< An order may or may not have been placed, and looking it up did not tell
    };

    Kind kind = Kind::ServerError;
    QString detail;
    QString scope; ///< InsufficientScope: the permission to grant
    std::optional<std::chrono::seconds> retryAfter; ///< RateLimited: Aries' Retry-After
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    QString clientTag; ///< UncertainOutcome: our tag of the order in question

    static AriesError make(Kind kind, QString detail = {}, int httpStatus = 0);

    /** One or two plain sentences: what happened and what to do next. */
    QString message() const;
    /** A short stable name of the kind ("rate_limited", …) for tool results and logs. */
    QString kindName() const;
    /** True when the same call may simply be tried again later. */
    bool isTransient() const;
};

} // namespace Companion::Aries
