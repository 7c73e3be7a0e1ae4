// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/ToolSupport.h"

#include "mcp/ToolCall.h"

#include "aries/AriesClient.h"
#include "tools/AriesConnection.h"

#include <QPointer>
#include <QRegularExpression>

using nlohmann::json;

namespace Companion::Tools {

Mcp::ToolAnnotations ToolSupport::readOnlyAnnotations()
{
    Mcp::ToolAnnotations annotations;
    annotations.readOnlyHint = true;
    annotations.destructiveHint = false;
    annotations.idempotentHint = true;
    annotations.openWorldHint = true;
    return annotations;
}

json ToolSupport::decimal(Decimal value, int minDecimals)
{
    return value.toString(minDecimals).toStdString();
}

json ToolSupport::money(Decimal value)
{
    return decimal(value, 2);
}

json ToolSupport::money(const std::optional<Decimal> &value)
{
    return value ? money(*value) : json(nullptr);
}

json ToolSupport::decimal(const std::optional<Decimal> &value, int minDecimals)
{
    return value ? decimal(*value, minDecimals) : json(nullptr);
}

json ToolSupport::percent(Decimal part, Decimal whole)
{
    if (whole.isZero()) {
        return nullptr;
    }
    const auto ratio = part.times(Decimal::fromInt(100)).and_then([whole](Decimal p) { return p.dividedBy(whole); });
    if (!ratio) {
        return nullptr;
    }
    return ratio->rounded(2).toString(2).toStdString();
}

json ToolSupport::time(const QDateTime &value)
{
    if (!value.isValid()) {
        return nullptr;
    }
    return value.toUTC().toString(Qt::ISODate).toStdString();
}

std::string ToolSupport::text(const QString &value)
{
    return value.toStdString();
}

QString ToolSupport::dataStatus(const QString &vendorStatus)
{
    if (vendorStatus.compare(QLatin1String("OK"), Qt::CaseInsensitive) == 0) {
        return QStringLiteral("real-time");
    }
    return vendorStatus.toLower();
}

QDateTime ToolSupport::fromNanoseconds(std::int64_t nanoseconds)
{
    if (nanoseconds <= 0) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(nanoseconds / 1'000'000, Qt::UTC);
}

QString ToolSupport::text(const json &object, const char *key)
{
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) {
        return {};
    }
    return QString::fromStdString(object[key].get<std::string>());
}

Expected<QString, QString> ToolSupport::normalizeSymbol(const QString &symbol, const QString &argument)
{
    const QString trimmed = symbol.trimmed();
    if (trimmed.isEmpty()) {
        return Unexpected(QStringLiteral("%1 is empty; give a ticker symbol such as AAPL").arg(argument));
    }
    for (const QChar character : trimmed) {
        if (character.unicode() > 0x7f) {
            return Unexpected(
                QStringLiteral("%1 '%2' contains the character '%3' (U+%4), which is not a plain "
                               "ASCII letter; type ticker symbols with the letters A-Z, digits, '.' "
                               "and '-' only")
                    .arg(argument, trimmed, QString(character),
                        QStringLiteral("%1").arg(character.unicode(), 4, 16, QLatin1Char('0')).toUpper()));
        }
    }
    const QString upper = trimmed.toUpper();
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9.\\-]{0,9}$"));
    if (!pattern.match(upper).hasMatch()) {
        return Unexpected(QStringLiteral("%1 '%2' is not a ticker symbol: use 1 to 10 characters, a letter first, "
                                         "then letters, digits, '.' or '-' (for example AAPL or BRK.B); "
                                         "search_symbols finds the ticker of a company name")
                              .arg(argument, trimmed));
    }
    return upper;
}

Expected<QDateTime, QString> ToolSupport::parseTime(const QString &value, const QString &argument)
{
    const QString trimmed = value.trimmed();
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression withZone(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"));
    QDateTime parsed;
    if (dateOnly.match(trimmed).hasMatch()) {
        parsed = QDateTime(QDate::fromString(trimmed, Qt::ISODate), QTime(0, 0), Qt::UTC);
    } else if (withZone.match(trimmed).hasMatch()) {
        parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    }
    if (!parsed.isValid()) {
        return Unexpected(QStringLiteral("%1 '%2' is not a date or time: use a date such as 2026-01-15 or an RFC "
                                         "3339 time with a zone such as 2026-01-15T14:30:00Z")
                              .arg(argument, trimmed));
    }
    return parsed.toUTC();
}

json ToolSupport::envelope(const AriesConnection &connection, const QString &accountId)
{
    json out {{"environment", Aries::environmentName(connection.environment()).toStdString()}};
    if (!accountId.isEmpty()) {
        out["accountId"] = accountId.toStdString();
    }
    return out;
}

QString ToolSupport::environmentWords(const AriesConnection &connection)
{
    return connection.environment() == Aries::AriesEnvironment::Live ? QStringLiteral("Aries live (real money)")
                                                                     : QStringLiteral("the Aries sandbox (simulated)");
}

Mcp::ToolResult ToolSupport::notConnected(const AriesConnection &connection)
{
    return Mcp::ToolResult::error(QStringLiteral("Not connected to Aries. %1").arg(connection.notConnectedReason()));
}

Mcp::ToolResult ToolSupport::ariesError(const AriesConnection &connection, const Aries::AriesError &error)
{
    return Mcp::ToolResult::error(
        QStringLiteral("%1 (environment: %2)").arg(error.message(), environmentWords(connection)));
}

Mcp::ToolResult ToolSupport::invalidArgument(const QString &problem)
{
    return Mcp::ToolResult::error(
        QStringLiteral("Invalid arguments: %1. Fix this and call the tool again.").arg(problem));
}

void ToolSupport::withAccount(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call,
    std::function<void(Aries::AriesClient &client, const QString &accountId)> next)
{
    Aries::AriesClient *client = connection.client();
    if (!client) {
        call->finish(notConnected(connection));
        return;
    }
    // The client may be replaced (new address in settings) while the accounts request runs.
    const QPointer<Aries::AriesClient> guard(client);
    resolveAccount(*client, connection, text(call->arguments(), "accountId").trimmed(), call.get(),
        [call, guard, next = std::move(next), &connection](Expected<QString, Aries::AriesError> account) {
            if (!account) {
                call->finish(ariesError(connection, account.error()));
                return;
            }
            if (!guard) {
                call->finish(notConnected(connection));
                return;
            }
            next(*guard, *account);
        });
}

void ToolSupport::resolveAccount(Aries::AriesClient &client, const AriesConnection &connection,
    const QString &requested, QObject *context, AccountCallback callback)
{
    if (!requested.isEmpty()) {
        callback(requested);
        return;
    }
    const QString chosen = connection.defaultAccountId();
    if (!chosen.isEmpty()) {
        callback(chosen);
        return;
    }
    client.accounts(context, [callback](Expected<QList<Aries::AriesAccount>, Aries::AriesError> accounts) {
        if (!accounts) {
            callback(Unexpected(accounts.error()));
            return;
        }
        for (const Aries::AriesAccount &account : *accounts) {
            if (account.status.compare(QLatin1String("OPEN"), Qt::CaseInsensitive) == 0) {
                callback(account.tradingAccountId);
                return;
            }
        }
        if (!accounts->isEmpty()) {
            callback(accounts->constFirst().tradingAccountId);
            return;
        }
        callback(Unexpected(Aries::AriesError::make(
            Aries::AriesError::Kind::NotFound, QStringLiteral("This Aries user has no trading account"))));
    });
}

json ToolSupport::accountIdSchema()
{
    return json {{"type", "string"}, {"minLength", 1}, {"maxLength", 40}, {"pattern", "^[A-Za-z0-9_-]+$"},
        {"description",
            "Trading account id as get_accounts lists it (e.g. SBX-10000001). Leave out to use the "
            "account chosen in Aries Companion's settings, or the user's first open account."}};
}

json ToolSupport::symbolSchema(const char *description)
{
    return json {{"type", "string"}, {"minLength", 1}, {"maxLength", 16}, {"description", description}};
}

json ToolSupport::environmentSchema()
{
    return json {{"type", "string"}, {"enum", {"live", "sandbox"}},
        {"description", "live: the user's real Aries account; sandbox: the local simulator, no real money"}};
}

json ToolSupport::decimalSchema(const char *description, bool nullable)
{
    json schema {{"type", nullable ? json {"string", "null"} : json("string")}, {"pattern", "^-?[0-9]+(\\.[0-9]+)?$"},
        {"description", description}};
    return schema;
}

} // namespace Companion::Tools
