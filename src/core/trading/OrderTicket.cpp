// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/OrderTicket.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace Companion::Trading {

using nlohmann::json;

namespace {

const QStringList kSides {
    QStringLiteral("BUY"), QStringLiteral("SELL"), QStringLiteral("SELL_SHORT"), QStringLiteral("BUY_TO_COVER")};
const QStringList kTypes {
    QStringLiteral("MARKET"), QStringLiteral("LIMIT"), QStringLiteral("STOP"), QStringLiteral("STOP_LIMIT")};
const QStringList kTimesInForce {QStringLiteral("DAY"), QStringLiteral("GTC"), QStringLiteral("IOC"),
    QStringLiteral("FOK"), QStringLiteral("EXTENDED_HOURS"), QStringLiteral("AT_THE_OPENING"),
    QStringLiteral("AT_THE_CLOSE")};

// Arguments longer than this are not something a person said; refusing them early keeps a runaway
// string out of error messages, the audit log and the approval window.
constexpr qsizetype kMaxArgumentLength = 100;

Unexpected<TicketProblem> problem(const QString &field, const QString &message)
{
    return Unexpected(TicketProblem {field, message});
}

/** A string argument: nullopt when absent or null; a problem when it is not a string or too long. */
Expected<std::optional<QString>, TicketProblem> stringArg(const json &arguments, const char *name)
{
    const auto it = arguments.find(name);
    if (it == arguments.end() || it->is_null()) {
        return std::optional<QString>();
    }
    const QString field = QString::fromLatin1(name);
    if (!it->is_string()) {
        return problem(field, QCoreApplication::translate("OrderTicket", "%1 must be text.").arg(field));
    }
    const QString value = QString::fromStdString(it->get<std::string>()).trimmed();
    if (value.size() > kMaxArgumentLength) {
        return problem(field,
            QCoreApplication::translate(
                "OrderTicket", "%1 is too long; give a short value such as the ones listed in the tool's schema.")
                .arg(field));
    }
    if (value.isEmpty()) {
        return std::optional<QString>();
    }
    return std::optional<QString>(value);
}

/** A decimal argument given as a JSON number or a string; nullopt when absent. */
Expected<std::optional<Decimal>, TicketProblem> decimalArg(const json &arguments, const char *name)
{
    const auto it = arguments.find(name);
    if (it == arguments.end() || it->is_null()) {
        return std::optional<Decimal>();
    }
    const QString field = QString::fromLatin1(name);
    QString text;
    if (it->is_string()) {
        text = QString::fromStdString(it->get<std::string>()).trimmed();
    } else if (it->is_number_integer() || it->is_number_unsigned()) {
        text = QString::fromStdString(it->dump());
    } else if (it->is_number_float()) {
        // nlohmann writes the shortest text that reads back as the same double ("400.1", not
        // "400.100000000000005"), which is the number the model wrote.
        text = QString::fromStdString(it->dump());
    } else {
        return problem(field,
            QCoreApplication::translate("OrderTicket", "%1 must be a number such as \"10\" or \"175.50\".").arg(field));
    }
    if (text.size() > 30) {
        return problem(field,
            QCoreApplication::translate(
                "OrderTicket", "%1 is not a usable number: write it plainly, such as \"175.50\".")
                .arg(field));
    }
    const auto value = Decimal::parse(text);
    if (!value) {
        return problem(field,
            QCoreApplication::translate("OrderTicket",
                "%1 is not a usable number: write it plainly with at most 6 decimals and no exponent, "
                "currency sign or separators, such as \"175.50\".")
                .arg(field));
    }
    return std::optional<Decimal>(*value);
}

std::optional<TicketProblem> quantityProblem(Decimal quantity)
{
    const QString field = QStringLiteral("quantity");
    if (!quantity.isPositive()) {
        return TicketProblem {field,
            QCoreApplication::translate("OrderTicket", "quantity must be a positive number of shares, such as 10.")};
    }
    if (!quantity.isInteger()) {
        return TicketProblem {field,
            QCoreApplication::translate(
                "OrderTicket", "quantity must be whole shares: Aries does not take fractional shares.")};
    }
    // Aries' accounts are far below this; a larger number is a mistake (or a unit mix-up with dollars).
    if (quantity > Decimal::fromInt(10'000'000)) {
        return TicketProblem {field,
            QCoreApplication::translate("OrderTicket", "quantity is larger than 10,000,000 shares; check the number.")};
    }
    return std::nullopt;
}

Expected<QString, TicketProblem> accountArg(const json &arguments, const QString &defaultAccountId)
{
    const auto account = stringArg(arguments, "account");
    if (!account) {
        return Unexpected(account.error());
    }
    const QString value = account->value_or(defaultAccountId);
    if (value.size() > OrderTicket::kMaxAccountLength) {
        return problem(QStringLiteral("account"),
            QCoreApplication::translate("OrderTicket",
                "account is longer than Aries' 50 characters; use an account id from the account list."));
    }
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._-]*$"));
    if (!shape.match(value).hasMatch()) {
        return problem(QStringLiteral("account"),
            QCoreApplication::translate(
                "OrderTicket", "account must be an Aries trading account id such as SBX-10000001."));
    }
    return value; // empty: the tools pick the user's account
}

Expected<QString, TicketProblem> enumArg(
    const json &arguments, const char *name, const QStringList &allowed, const std::optional<QString> &fallback)
{
    const auto raw = stringArg(arguments, name);
    if (!raw) {
        return Unexpected(raw.error());
    }
    const QString field = QString::fromLatin1(name);
    if (!*raw) {
        if (fallback) {
            return *fallback;
        }
        return problem(field,
            QCoreApplication::translate("OrderTicket", "%1 is required: one of %2.")
                .arg(field, allowed.join(QStringLiteral(", ")).toLower()));
    }
    const QString value = OrderTicket::normalizedEnum(**raw);
    if (!allowed.contains(value)) {
        return problem(field,
            QCoreApplication::translate("OrderTicket", "%1 must be one of %2.")
                .arg(field, allowed.join(QStringLiteral(", ")).toLower()));
    }
    return value;
}

Expected<QString, TicketProblem> symbolArg(const json &arguments, bool required)
{
    const auto raw = stringArg(arguments, "symbol");
    if (!raw) {
        return Unexpected(raw.error());
    }
    if (!*raw) {
        if (required) {
            return problem(QStringLiteral("symbol"),
                QCoreApplication::translate("OrderTicket", "symbol is required: the ticker, such as AAPL."));
        }
        return QString();
    }
    const auto symbol = OrderTicket::normalizedSymbol(**raw);
    if (!symbol) {
        return problem(QStringLiteral("symbol"),
            QCoreApplication::translate("OrderTicket",
                "symbol must be a ticker of 1 to 21 plain letters A–Z, digits or dots, such as AAPL or BRK.B "
                "(no look-alike letters from other alphabets, no spaces)."));
    }
    return *symbol;
}

Expected<QString, TicketProblem> orderIdArg(const json &arguments)
{
    const auto raw = stringArg(arguments, "order_id");
    if (!raw) {
        return Unexpected(raw.error());
    }
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._:-]{1,100}$"));
    if (!*raw) {
        return problem(QStringLiteral("order_id"),
            QCoreApplication::translate(
                "OrderTicket", "order_id is required: the Aries order id (clOrdId) from the order list."));
    }
    if (!shape.match(**raw).hasMatch()) {
        return problem(QStringLiteral("order_id"),
            QCoreApplication::translate(
                "OrderTicket", "order_id must be an Aries order id (clOrdId) as the order list shows it."));
    }
    return **raw;
}

/** Checks that the prices given match what @p type needs. */
std::optional<TicketProblem> pricesMatchType(
    const QString &type, const std::optional<Decimal> &limit, const std::optional<Decimal> &stop)
{
    const auto [needsLimit, needsStop] = OrderTicket::pricesFor(type);
    const QString typeName = type.toLower();
    if (needsLimit && !limit) {
        return TicketProblem {QStringLiteral("limit_price"),
            QCoreApplication::translate("OrderTicket", "a %1 order needs limit_price.").arg(typeName)};
    }
    if (needsStop && !stop) {
        return TicketProblem {QStringLiteral("stop_price"),
            QCoreApplication::translate("OrderTicket", "a %1 order needs stop_price.").arg(typeName)};
    }
    if (!needsLimit && limit) {
        return TicketProblem {QStringLiteral("limit_price"),
            QCoreApplication::translate(
                "OrderTicket", "a %1 order takes no limit_price: remove it, or use type limit or stop_limit.")
                .arg(typeName)};
    }
    if (!needsStop && stop) {
        return TicketProblem {QStringLiteral("stop_price"),
            QCoreApplication::translate(
                "OrderTicket", "a %1 order takes no stop_price: remove it, or use type stop or stop_limit.")
                .arg(typeName)};
    }
    if (limit) {
        if (auto p = OrderTicket::priceProblem(*limit, QStringLiteral("limit_price"))) {
            return p;
        }
    }
    if (stop) {
        if (auto p = OrderTicket::priceProblem(*stop, QStringLiteral("stop_price"))) {
            return p;
        }
    }
    return std::nullopt;
}

} // namespace

std::pair<bool, bool> OrderTicket::pricesFor(const QString &type)
{
    return {type == QLatin1String("LIMIT") || type == QLatin1String("STOP_LIMIT"),
        type == QLatin1String("STOP") || type == QLatin1String("STOP_LIMIT")};
}

QString OrderTicket::normalizedEnum(const QString &text)
{
    QString value = text.trimmed().toUpper();
    value.replace(QLatin1Char('-'), QLatin1Char('_'));
    value.replace(QLatin1Char(' '), QLatin1Char('_'));
    return value;
}

std::optional<QString> OrderTicket::normalizedSymbol(const QString &text)
{
    // ASCII only on purpose: "АAPL" with a Cyrillic А must not look like AAPL in the approval window.
    static const QRegularExpression shape(QStringLiteral("^[A-Z][A-Z0-9.]{0,20}$"));
    const QString upper = text.trimmed().toUpper();
    for (const QChar c : upper) {
        if (c.unicode() > 0x7f) {
            return std::nullopt;
        }
    }
    if (!shape.match(upper).hasMatch()) {
        return std::nullopt;
    }
    return upper;
}

std::optional<TicketProblem> OrderTicket::priceProblem(Decimal price, const QString &field)
{
    if (!price.isPositive()) {
        return TicketProblem {field,
            QCoreApplication::translate("OrderTicket", "%1 must be a positive price in dollars, such as 175.50.")
                .arg(field)};
    }
    if (price > Decimal::fromInt(1'000'000)) {
        return TicketProblem {field,
            QCoreApplication::translate("OrderTicket", "%1 is above $1,000,000 a share; check the number.").arg(field)};
    }
    // Aries' tick sizes: cents at $1 and above, hundredths of a cent below.
    if (price >= Decimal::fromInt(1) && price.decimals() > 2) {
        return TicketProblem {field,
            QCoreApplication::translate(
                "OrderTicket", "%1 has more than 2 decimals; prices of $1 and above go in cents, e.g. %2.")
                .arg(field, price.rounded(2).toString(2))};
    }
    if (price < Decimal::fromInt(1) && price.decimals() > 4) {
        return TicketProblem {field,
            QCoreApplication::translate(
                "OrderTicket", "%1 has more than 4 decimals; prices below $1 take at most 4, e.g. %2.")
                .arg(field, price.rounded(4).toString(2))};
    }
    return std::nullopt;
}

Expected<Aries::AriesOrderRequest, TicketProblem> OrderTicket::parseOrder(
    const json &arguments, const QString &defaultAccountId)
{
    if (!arguments.is_object()) {
        return problem(QString(), QCoreApplication::translate("OrderTicket", "The arguments must be an object."));
    }
    Aries::AriesOrderRequest request;
    const auto side = enumArg(arguments, "side", kSides, std::nullopt);
    if (!side) {
        return Unexpected(side.error());
    }
    request.side = *side;
    const auto quantity = decimalArg(arguments, "quantity");
    if (!quantity) {
        return Unexpected(quantity.error());
    }
    if (!*quantity) {
        return problem(QStringLiteral("quantity"),
            QCoreApplication::translate("OrderTicket", "quantity is required: the number of shares, such as 10."));
    }
    if (auto p = quantityProblem(**quantity)) {
        return Unexpected(*p);
    }
    request.quantity = **quantity;
    const auto symbol = symbolArg(arguments, true);
    if (!symbol) {
        return Unexpected(symbol.error());
    }
    request.symbol = *symbol;
    const auto type = enumArg(arguments, "type", kTypes, std::nullopt);
    if (!type) {
        return Unexpected(type.error());
    }
    request.type = *type;
    const auto limit = decimalArg(arguments, "limit_price");
    if (!limit) {
        return Unexpected(limit.error());
    }
    const auto stop = decimalArg(arguments, "stop_price");
    if (!stop) {
        return Unexpected(stop.error());
    }
    if (auto p = pricesMatchType(request.type, *limit, *stop)) {
        return Unexpected(*p);
    }
    request.limitPrice = *limit;
    request.stopPrice = *stop;
    if (request.type == QLatin1String("STOP_LIMIT") && request.side.startsWith(QLatin1String("BUY"))
        && *request.limitPrice < *request.stopPrice) {
        return problem(QStringLiteral("limit_price"),
            QCoreApplication::translate("OrderTicket",
                "for a buy stop_limit order the limit_price is normally at or above the stop_price; check both."));
    }
    const auto tif = enumArg(arguments, "time_in_force", kTimesInForce, QStringLiteral("DAY"));
    if (!tif) {
        return Unexpected(tif.error());
    }
    request.timeInForce = *tif;
    const auto account = accountArg(arguments, defaultAccountId);
    if (!account) {
        return Unexpected(account.error());
    }
    request.accountId = *account;
    return request;
}

Expected<Aries::AriesReplaceRequest, TicketProblem> OrderTicket::parseReplace(
    const json &arguments, const QString &defaultAccountId)
{
    if (!arguments.is_object()) {
        return problem(QString(), QCoreApplication::translate("OrderTicket", "The arguments must be an object."));
    }
    Aries::AriesReplaceRequest request;
    const auto id = orderIdArg(arguments);
    if (!id) {
        return Unexpected(id.error());
    }
    request.origClOrdId = *id;
    const auto symbol = symbolArg(arguments, false);
    if (!symbol) {
        return Unexpected(symbol.error());
    }
    request.symbol = *symbol;
    const auto quantity = decimalArg(arguments, "quantity");
    if (!quantity) {
        return Unexpected(quantity.error());
    }
    if (*quantity) {
        if (auto p = quantityProblem(**quantity)) {
            return Unexpected(*p);
        }
    }
    request.quantity = *quantity;
    if (arguments.contains("type") && !arguments["type"].is_null()) {
        const auto type = enumArg(arguments, "type", kTypes, std::nullopt);
        if (!type) {
            return Unexpected(type.error());
        }
        request.type = *type;
    }
    const auto limit = decimalArg(arguments, "limit_price");
    if (!limit) {
        return Unexpected(limit.error());
    }
    const auto stop = decimalArg(arguments, "stop_price");
    if (!stop) {
        return Unexpected(stop.error());
    }
    if (!request.type.isEmpty()) {
        // A new type must come with the prices it needs; the original's prices may not fit it.
        if (auto p = pricesMatchType(request.type, *limit, *stop)) {
            return Unexpected(*p);
        }
    } else {
        if (*limit) {
            if (auto p = priceProblem(**limit, QStringLiteral("limit_price"))) {
                return Unexpected(*p);
            }
        }
        if (*stop) {
            if (auto p = priceProblem(**stop, QStringLiteral("stop_price"))) {
                return Unexpected(*p);
            }
        }
    }
    request.limitPrice = *limit;
    request.stopPrice = *stop;
    if (arguments.contains("time_in_force") && !arguments["time_in_force"].is_null()) {
        const auto tif = enumArg(arguments, "time_in_force", kTimesInForce, std::nullopt);
        if (!tif) {
            return Unexpected(tif.error());
        }
        request.timeInForce = *tif;
    }
    if (!request.quantity && !request.limitPrice && !request.stopPrice && request.type.isEmpty()
        && request.timeInForce.isEmpty()) {
        return problem(QString(),
            QCoreApplication::translate("OrderTicket",
                "Say what to change: give at least one of quantity, type, limit_price, stop_price or time_in_force."));
    }
    const auto account = accountArg(arguments, defaultAccountId);
    if (!account) {
        return Unexpected(account.error());
    }
    request.accountId = *account;
    return request;
}

Expected<Aries::AriesCancelRequest, TicketProblem> OrderTicket::parseCancel(
    const json &arguments, const QString &defaultAccountId)
{
    if (!arguments.is_object()) {
        return problem(QString(), QCoreApplication::translate("OrderTicket", "The arguments must be an object."));
    }
    Aries::AriesCancelRequest request;
    const auto id = orderIdArg(arguments);
    if (!id) {
        return Unexpected(id.error());
    }
    request.origClOrdId = *id;
    const auto symbol = symbolArg(arguments, false);
    if (!symbol) {
        return Unexpected(symbol.error());
    }
    request.symbol = *symbol;
    const auto account = accountArg(arguments, defaultAccountId);
    if (!account) {
        return Unexpected(account.error());
    }
    request.accountId = *account;
    return request;
}

} // namespace Companion::Trading
