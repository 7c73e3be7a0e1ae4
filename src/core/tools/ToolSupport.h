// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Expected.h"
#include "aries/AriesError.h"
#include "mcp/ToolDefinition.h"
#include "mcp/ToolResult.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace Companion::Aries {
class AriesClient;
}

namespace Companion::Mcp {
class ToolCall;
}

namespace Companion::Tools {

class AriesConnection;

/**
 * What every Aries tool does the same way: the shape of numbers and times in results, symbol
 * checks, the environment stamp, error results, and finding the account to use.
 *
 * Number formats of every tool result: money, prices and quantities are JSON strings holding the
 * exact decimal ("175.50", "10"), because a model or client reading a double could show 0.1 as
 * 0.1000000000000000055; percentages are strings rounded to two decimals ("12.34" means 12.34 %);
 * counts, sizes and volumes are JSON integers; times are RFC 3339 in UTC.
 */
class ToolSupport final
{
public:
    ToolSupport() = delete;

    /** Read-only tools: nothing changes at Aries, the same call may be repeated, and Aries is an open world. */
    static Mcp::ToolAnnotations readOnlyAnnotations();

    /** Exact decimal as a string, at least @p minDecimals fractional digits. */
    static nlohmann::json decimal(Decimal value, int minDecimals = 0);
    /** Money: at least two decimals ("400.00"). */
    static nlohmann::json money(Decimal value);
    /** null when absent. */
    static nlohmann::json money(const std::optional<Decimal> &value);
    static nlohmann::json decimal(const std::optional<Decimal> &value, int minDecimals = 0);
    /** @p part / @p whole × 100 rounded to two decimals, as a string; null when @p whole is zero. */
    static nlohmann::json percent(Decimal part, Decimal whole);
    /** RFC 3339 UTC, or null for an invalid time. */
    static nlohmann::json time(const QDateTime &time);
    static std::string text(const QString &text);
    /** The data vendor's "OK" as "real-time", "DELAYED" as "delayed"; other words lower-cased. */
    static QString dataStatus(const QString &vendorStatus);
    /** A SIP timestamp (nanoseconds since the epoch) as a UTC time; invalid for 0. */
    static QDateTime fromNanoseconds(std::int64_t nanoseconds);
    static QString text(const nlohmann::json &object, const char *key);

    /**
     * A ticker as the model typed it, trimmed and upper-cased, or a sentence saying what is wrong.
     * Only ASCII letters, digits, '.' and '-' are accepted (at most 10, starting with a letter), so a
     * look-alike such as a Cyrillic 'А' in "АAPL" is refused instead of quietly asking for another symbol.
     */
    static Expected<QString, QString> normalizeSymbol(const QString &symbol, const QString &argument);
    /**
     * A time argument: RFC 3339 with a zone ("2026-01-15T14:30:00Z"), or a date ("2026-01-15", the
     * start of that day in UTC); a sentence saying what is wrong otherwise.
     */
    static Expected<QDateTime, QString> parseTime(const QString &value, const QString &argument);

    /** {"environment": "live"|"sandbox"} plus "accountId" when @p accountId is not empty. */
    static nlohmann::json envelope(const AriesConnection &connection, const QString &accountId = {});
    /** The environment's name in words for error texts: "Aries live" or "the Aries sandbox". */
    static QString environmentWords(const AriesConnection &connection);

    /** isError: not connected, with the connection's own words on how to connect. */
    static Mcp::ToolResult notConnected(const AriesConnection &connection);
    /** isError: what Aries answered, in the error's plain words, and where it came from. */
    static Mcp::ToolResult ariesError(const AriesConnection &connection, const Aries::AriesError &error);
    /** isError: a problem with the arguments that the model can fix. */
    static Mcp::ToolResult invalidArgument(const QString &problem);

    using AccountCallback = std::function<void(Expected<QString, Aries::AriesError>)>;
    /**
     * The trading account to use: @p requested when the model named one, else the account chosen in
     * settings, else the only (or first open) account of the user, which costs one accounts request.
     */
    static void resolveAccount(Aries::AriesClient &client, const AriesConnection &connection, const QString &requested,
        QObject *context, AccountCallback callback);

    /**
     * What every account-based tool does first: answers the call itself when there is no client or no
     * account (with the words for it), else continues with the client and the account of the call's
     * accountId argument (resolved as resolveAccount() does).
     */
    static void withAccount(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call,
        std::function<void(Aries::AriesClient &client, const QString &accountId)> next);

    /** The schema of the optional accountId argument. */
    static nlohmann::json accountIdSchema();
    /** The schema of a ticker argument, before normalizeSymbol's stricter check. */
    static nlohmann::json symbolSchema(const char *description);
    /** The schema of the environment member of every result. */
    static nlohmann::json environmentSchema();
    /** Schema of a decimal-string member (nullable when @p nullable). */
    static nlohmann::json decimalSchema(const char *description, bool nullable = false);
};

} // namespace Companion::Tools
