// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesParser.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>

namespace Companion::Aries {

namespace {

using nlohmann::json;
using Kind = AriesError::Kind;

/** Parses without exceptions (the build has none to catch them); a discarded value means "not JSON". */
json parseJson(QByteArrayView body)
{
    return json::parse(body.begin(), body.end(), nullptr, false);
}

AriesError badResponse(const QString &what)
{
    return AriesError::make(Kind::BadResponse, what);
}

/**
 * Reads the members of one JSON object and remembers the first problem, so that each parser reads as a
 * plain list of fields and still names exactly the field that was missing or malformed.
 */
class FieldReader
{
public:
    FieldReader(const json &object, QString what)
        : m_object(object)
        , m_what(std::move(what))
    { }

    bool ok() const { return !m_problem.has_value(); }
    AriesError error() const { return badResponse(m_problem.value_or(QString())); }

    QString text(const char *key, bool required = false)
    {
        const json *value = find(key, required);
        if (!value) {
            return {};
        }
        if (value->is_string()) {
            return QString::fromStdString(value->get<std::string>());
        }
        if (value->is_number_integer()) {
            // Ids are sometimes numbers in one crawl and strings in another.
            return QString::number(value->get<std::int64_t>());
        }
        fail(key, "is not text");
        return {};
    }

    /** A money or quantity field: a decimal string (whole JSON numbers are accepted, they are exact). */
    Decimal decimal(const char *key) { return optionalDecimal(key, true).value_or(Decimal()); }
    std::optional<Decimal> optionalDecimal(const char *key, bool required = false)
    {
        const json *value = find(key, required);
        if (!value) {
            return std::nullopt;
        }
        if (value->is_string()) {
            const QString text = QString::fromStdString(value->get<std::string>());
            if (text.isEmpty() && !required) {
                return std::nullopt;
            }
            if (auto parsed = Decimal::parse(text)) {
                return parsed;
            }
            fail(key, "is not a decimal number");
            return std::nullopt;
        }
        if (value->is_number_integer()) {
            return Decimal::fromInt(value->get<std::int64_t>());
        }
        fail(key, "is not a decimal string");
        return std::nullopt;
    }

    /** A market-data price: Aries sends a JSON number (or, tolerated, a decimal string). */
    Decimal price(const char *key) { return optionalPrice(key, true).value_or(Decimal()); }
    std::optional<Decimal> optionalPrice(const char *key, bool required = false)
    {
        const json *value = find(key, required);
        if (!value) {
            return std::nullopt;
        }
        if (value->is_number()) {
            if (auto converted = Decimal::fromDouble(value->get<double>())) {
                return converted;
            }
        } else if (value->is_string()) {
            if (auto parsed = Decimal::parse(QString::fromStdString(value->get<std::string>()))) {
                return parsed;
            }
        }
        fail(key, "is not a price");
        return std::nullopt;
    }

    std::int64_t integer(const char *key, bool required = false)
    {
        const json *value = find(key, required);
        if (!value) {
            return 0;
        }
        if (value->is_number_integer()) {
            return value->get<std::int64_t>();
        }
        if (value->is_number_float()) {
            // Volumes and nanosecond timestamps may come as 1.7674e18-style floats.
            const double number = value->get<double>();
            if (std::isfinite(number) && std::abs(number) < 9.2e18) {
                return std::int64_t(std::llround(number));
            }
        }
        if (value->is_string()) {
            bool ok = false;
            const qint64 parsed = QString::fromStdString(value->get<std::string>()).toLongLong(&ok);
            if (ok) {
                return parsed;
            }
        }
        fail(key, "is not a whole number");
        return 0;
    }

    bool boolean(const char *key)
    {
        const json *value = find(key, false);
        if (!value) {
            return false;
        }
        if (value->is_boolean()) {
            return value->get<bool>();
        }
        fail(key, "is not true or false");
        return false;
    }

    /** RFC 3339 date-time; absent or unreadable gives an invalid QDateTime (these are for display only). */
    QDateTime time(const char *key)
    {
        const json *value = find(key, false);
        if (!value || !value->is_string()) {
            return {};
        }
        return QDateTime::fromString(QString::fromStdString(value->get<std::string>()), Qt::ISODateWithMs);
    }

private:
    const json *find(const char *key, bool required)
    {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required) {
                fail(key, "is missing");
            }
            return nullptr;
        }
        return &*it;
    }

    void fail(const char *key, const char *problem)
    {
        if (!m_problem) {
            m_problem = QStringLiteral("%1: field \"%2\" %3").arg(m_what, QLatin1String(key), QLatin1String(problem));
        }
    }

    const json &m_object;
    QString m_what;
    std::optional<QString> m_problem;
};

/** The body as a JSON object, or a BadResponse naming what was expected. */
Expected<json, AriesError> objectBody(QByteArrayView body, const QString &what)
{
    json root = parseJson(body);
    if (root.is_discarded()) {
        return Unexpected(badResponse(QStringLiteral("%1: the answer is not valid JSON").arg(what)));
    }
    if (!root.is_object()) {
        return Unexpected(badResponse(QStringLiteral("%1: the answer is not a JSON object").arg(what)));
    }
    return root;
}

/**
 * The market-data answers (last trade, last quote) put their values in a "results" object beside the
 * vendor's "status": both, or why the answer is not one of them.
 */
Expected<std::pair<json, json>, AriesError> marketResults(QByteArrayView body, const QString &what)
{
    auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    const auto results = root->find("results");
    if (results == root->end() || !results->is_object()) {
        return Unexpected(badResponse(QStringLiteral("%1: field \"results\" is missing").arg(what)));
    }
    json inner = *results;
    return std::pair {std::move(*root), std::move(inner)};
}

/** The array member @p key of @p root, or a BadResponse. */
Expected<const json *, AriesError> arrayMember(const json &root, const char *key, const QString &what)
{
    const auto it = root.find(key);
    if (it == root.end() || !it->is_array()) {
        return Unexpected(
            badResponse(QStringLiteral("%1: field \"%2\" is missing or not a list").arg(what, QLatin1String(key))));
    }
    return &*it;
}

Expected<AriesOrder, AriesError> readOrder(const json &object)
{
    if (!object.is_object()) {
        return Unexpected(badResponse(QStringLiteral("order: an entry is not a JSON object")));
    }
    FieldReader r(object, QStringLiteral("order"));
    AriesOrder order;
    order.clOrdId = r.text("clOrdId", true);
    order.ordId = r.text("ordId");
    order.accountId = r.text("accountId");
    order.clientTag = r.text("clientId");
    order.symbol = r.text("symbol", true);
    // side, type and ordStatus "may be omitted when unset" (aries-api.md §2.5).
    order.side = r.text("side");
    order.type = r.text("type");
    order.timeInForce = r.text("timeInForce");
    order.status = r.text("ordStatus");
    order.quantity = r.decimal("qty");
    order.limitPrice = r.optionalDecimal("price");
    order.stopPrice = r.optionalDecimal("stopPrice");
    order.filledQuantity = r.optionalDecimal("cumQty").value_or(Decimal());
    order.leavesQuantity = r.optionalDecimal("leavesQty").value_or(Decimal());
    order.averagePrice = r.optionalDecimal("avgPrice");
    order.text = r.text("text");
    order.rejectReason = r.text("ordRejReason");
    order.createdAt = r.time("createdAt");
    order.updatedAt = r.time("updatedAt");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return order;
}

/** A bar of the Polygon-style {"T","o","h","l","c","v","t"(ms)} shape. */
Expected<AriesBar, AriesError> readAggregateBar(const json &object)
{
    if (!object.is_object()) {
        return Unexpected(badResponse(QStringLiteral("previous bar: a result is not a JSON object")));
    }
    FieldReader r(object, QStringLiteral("previous bar"));
    AriesBar bar;
    bar.open = r.price("o");
    bar.high = r.price("h");
    bar.low = r.price("l");
    bar.close = r.price("c");
    bar.volume = r.integer("v");
    bar.time = QDateTime::fromMSecsSinceEpoch(r.integer("t", true), Qt::UTC);
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return bar;
}

} // namespace

QString AriesParser::tradingAccountId(const json &account)
{
    const auto it = account.find("sterling_account_id");
    if (it == account.end() || !it->is_string()) {
        return {};
    }
    return QString::fromStdString(it->get<std::string>());
}

AriesParser::ErrorBody AriesParser::errorBody(QByteArrayView body)
{
    ErrorBody result;
    const json root = parseJson(body);
    if (root.is_discarded() || !root.is_object()) {
        return result;
    }
    FieldReader r(root, QStringLiteral("error"));
    result.code = r.text("error");
    result.message = r.text("message");
    if (result.message.isEmpty()) {
        result.message = r.text("error_description");
    }
    if (const auto it = root.find("requiredScopes"); it != root.end() && it->is_array()) {
        for (const json &scope : *it) {
            if (scope.is_string()) {
                result.requiredScopes.append(QString::fromStdString(scope.get<std::string>()));
            }
        }
    }
    return result;
}

Expected<AriesUser, AriesError> AriesParser::user(QByteArrayView body)
{
    const auto root = objectBody(body, QStringLiteral("user"));
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, QStringLiteral("user"));
    AriesUser user;
    user.id = r.integer("id", true);
    user.email = r.text("email", true);
    user.emailVerified = r.boolean("email_verified");
    user.country = r.text("country");
    user.createdAt = r.time("created_at");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return user;
}

Expected<QList<AriesAccount>, AriesError> AriesParser::accounts(QByteArrayView body)
{
    const QString what = QStringLiteral("accounts");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    const auto list = arrayMember(*root, "accounts", what);
    if (!list) {
        return Unexpected(list.error());
    }
    QList<AriesAccount> accounts;
    for (const json &entry : **list) {
        if (!entry.is_object()) {
            return Unexpected(badResponse(QStringLiteral("accounts: an entry is not a JSON object")));
        }
        FieldReader r(entry, what);
        AriesAccount account;
        account.tradingAccountId = tradingAccountId(entry);
        account.recordId = r.integer("id");
        account.status = r.text("status");
        account.accountType = r.text("account_type");
        account.accountClass = r.text("account_class");
        account.isSimulated = r.boolean("is_sim");
        if (!r.ok()) {
            return Unexpected(r.error());
        }
        if (account.tradingAccountId.isEmpty()) {
            return Unexpected(badResponse(QStringLiteral("accounts: an account has no trading account id")));
        }
        accounts.append(account);
    }
    return accounts;
}

Expected<AriesBalances, AriesError> AriesParser::balances(QByteArrayView body)
{
    const QString what = QStringLiteral("balances");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    AriesBalances b;
    b.accountId = r.text("accountId");
    b.stockBuyingPower = r.decimal("stockBuyingPower");
    b.totalEquity = r.decimal("totalEquity");
    b.settledFunds = r.decimal("settledFunds");
    b.netBuyingPower = r.optionalDecimal("netBuyingPower");
    b.dayTradeBuyingPower = r.optionalDecimal("dayTradeBuyingPower");
    b.optionBuyingPower = r.optionalDecimal("optionBuyingPower");
    b.unsettledFunds = r.optionalDecimal("unsettledFunds");
    b.startOfDayCash = r.optionalDecimal("startOfDayCash");
    b.realizedPl = r.optionalDecimal("realizedPl");
    b.unrealizedPl = r.optionalDecimal("unrealizedPl");
    b.maintReq = r.optionalDecimal("maintReq");
    b.pendingOrdersMarginRequirements = r.optionalDecimal("pendingOrdersMarginRequirements");
    b.pendingOrdersCount = int(r.integer("pendingOrdersCount"));
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return b;
}

Expected<QList<AriesPosition>, AriesError> AriesParser::positions(QByteArrayView body)
{
    const QString what = QStringLiteral("positions");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    const auto list = arrayMember(*root, "positions", what);
    if (!list) {
        return Unexpected(list.error());
    }
    QList<AriesPosition> positions;
    for (const json &entry : **list) {
        if (!entry.is_object()) {
            return Unexpected(badResponse(QStringLiteral("positions: an entry is not a JSON object")));
        }
        FieldReader r(entry, what);
        AriesPosition p;
        p.accountId = r.text("accountId");
        p.symbol = r.text("symbol", true);
        p.securityType = r.text("securityType");
        p.quantity = r.decimal("quantity");
        p.averagePrice = r.decimal("averagePrice");
        p.unrealizedPl = r.optionalDecimal("unrealizedPl");
        p.dailyPl = r.optionalDecimal("dailyPl");
        p.todayRealizedPl = r.optionalDecimal("todayRealizedPnL");
        p.createdAt = r.time("createdAt");
        if (!r.ok()) {
            return Unexpected(r.error());
        }
        positions.append(p);
    }
    return positions;
}

Expected<AriesOrderAck, AriesError> AriesParser::orderAck(QByteArrayView body)
{
    const QString what = QStringLiteral("order");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    const bool success = r.boolean("success");
    const QString status = r.text("status");
    if (!success || status == QLatin1String("REJECTED")) {
        QString reason = r.text("text");
        const QString code = r.text("ordRejReason");
        if (reason.isEmpty()) {
            reason = code;
        } else if (!code.isEmpty() && !reason.contains(code)) {
            reason = QStringLiteral("%1 (%2)").arg(reason, code);
        }
        return Unexpected(AriesError::make(Kind::Rejected, reason, 200));
    }
    AriesOrderAck ack;
    ack.clOrdId = r.text("clOrdId", true);
    ack.status = r.text("status", true);
    ack.symbol = r.text("symbol");
    ack.side = r.text("side");
    ack.quantity = r.optionalDecimal("qty").value_or(Decimal());
    ack.filledQuantity = r.optionalDecimal("cumQty").value_or(Decimal());
    ack.leavesQuantity = r.optionalDecimal("leavesQty").value_or(Decimal());
    ack.averagePrice = r.optionalDecimal("avgPrice").value_or(Decimal());
    ack.text = r.text("text");
    ack.transactTime = r.time("transactTime");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return ack;
}

Expected<AriesOrderPreview, AriesError> AriesParser::orderPreview(QByteArrayView body)
{
    const QString what = QStringLiteral("order preview");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    AriesOrderPreview preview;
    preview.estimatedCost = r.decimal("estimatedCost");
    preview.estimatedMargin = r.optionalDecimal("estimatedMargin");
    preview.commission = r.optionalDecimal("commission");
    preview.fees = r.optionalDecimal("fees");
    preview.buyingPowerImpact = r.optionalDecimal("buyingPowerImpact");
    preview.numDayTrades = int(r.integer("numDayTrades"));
    preview.warnRuleId = r.text("warnRuleId");
    preview.warning = r.text("warnDescription");
    preview.rejectReason = r.text("rejectReason");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return preview;
}

Expected<AriesReplaceAck, AriesError> AriesParser::replaceAck(QByteArrayView body)
{
    const QString what = QStringLiteral("replace");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    if (!r.boolean("success")) {
        return Unexpected(AriesError::make(Kind::Rejected, r.text("text"), 200));
    }
    AriesReplaceAck ack;
    ack.clOrdId = r.text("clOrdId", true);
    ack.origClOrdId = r.text("origClOrdId");
    ack.status = r.text("status");
    ack.quantity = r.optionalDecimal("qty");
    ack.price = r.optionalDecimal("price");
    ack.text = r.text("text");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return ack;
}

Expected<AriesCancelAck, AriesError> AriesParser::cancelAck(QByteArrayView body)
{
    const QString what = QStringLiteral("cancel");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    if (!r.boolean("success")) {
        return Unexpected(AriesError::make(Kind::Rejected, r.text("text"), 200));
    }
    AriesCancelAck ack;
    ack.clOrdId = r.text("clOrdId");
    ack.origClOrdId = r.text("origClOrdId");
    ack.status = r.text("status", true);
    ack.text = r.text("text");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return ack;
}

Expected<AriesOrderPage, AriesError> AriesParser::orderPage(QByteArrayView body)
{
    const QString what = QStringLiteral("orders");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    const auto list = arrayMember(*root, "orders", what);
    if (!list) {
        return Unexpected(list.error());
    }
    AriesOrderPage page;
    for (const json &entry : **list) {
        auto order = readOrder(entry);
        if (!order) {
            return Unexpected(order.error());
        }
        page.orders.append(*order);
    }
    FieldReader r(*root, what);
    page.nextCursor = r.integer("nextCursor");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return page;
}

Expected<QList<AriesSymbolMatch>, AriesError> AriesParser::symbolMatches(QByteArrayView body)
{
    const json root = parseJson(body);
    if (root.is_discarded() || !root.is_array()) {
        return Unexpected(badResponse(QStringLiteral("symbol search: the answer is not a JSON list")));
    }
    QList<AriesSymbolMatch> matches;
    for (const json &entry : root) {
        if (!entry.is_object()) {
            return Unexpected(badResponse(QStringLiteral("symbol search: an entry is not a JSON object")));
        }
        FieldReader r(entry, QStringLiteral("symbol search"));
        AriesSymbolMatch match;
        match.symbol = r.text("symbol", true);
        match.description = r.text("description");
        match.exchange = r.text("tag");
        match.type = r.text("type");
        if (!r.ok()) {
            return Unexpected(r.error());
        }
        matches.append(match);
    }
    return matches;
}

Expected<AriesLastTrade, AriesError> AriesParser::lastTrade(QByteArrayView body)
{
    const QString what = QStringLiteral("last trade");
    const auto answer = marketResults(body, what);
    if (!answer) {
        return Unexpected(answer.error());
    }
    const auto &[root, results] = *answer;
    FieldReader r(results, what);
    AriesLastTrade trade;
    trade.ticker = r.text("ticker", true);
    trade.price = r.price("price");
    trade.size = r.integer("size");
    trade.sipTimestampNs = r.integer("sipTimestamp");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    trade.status = FieldReader(root, what).text("status");
    return trade;
}

Expected<AriesLastQuote, AriesError> AriesParser::lastQuote(QByteArrayView body)
{
    const QString what = QStringLiteral("last quote");
    const auto answer = marketResults(body, what);
    if (!answer) {
        return Unexpected(answer.error());
    }
    const auto &[root, results] = *answer;
    FieldReader r(results, what);
    AriesLastQuote quote;
    quote.ticker = r.text("ticker", true);
    quote.bidPrice = r.price("bidPrice");
    quote.bidSize = r.integer("bidSize");
    quote.askPrice = r.price("askPrice");
    quote.askSize = r.integer("askSize");
    quote.sipTimestampNs = r.integer("sipTimestamp");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    quote.status = FieldReader(root, what).text("status");
    return quote;
}

Expected<AriesPreviousBar, AriesError> AriesParser::previousBar(QByteArrayView body)
{
    const QString what = QStringLiteral("previous bar");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    AriesPreviousBar prev;
    prev.ticker = r.text("ticker", true);
    prev.adjusted = r.boolean("adjusted");
    prev.status = r.text("status");
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    const auto list = arrayMember(*root, "results", what);
    if (!list) {
        return Unexpected(list.error());
    }
    if (!(*list)->empty()) {
        const json &first = (*list)->front();
        auto bar = readAggregateBar(first);
        if (!bar) {
            return Unexpected(bar.error());
        }
        prev.bar = *bar;
        FieldReader barReader(first, what);
        prev.vwap = barReader.optionalPrice("vw");
        if (!barReader.ok()) {
            return Unexpected(barReader.error());
        }
    }
    return prev;
}

Expected<AriesChartHistory, AriesError> AriesParser::chartHistory(QByteArrayView body)
{
    const QString what = QStringLiteral("chart history");
    const auto root = objectBody(body, what);
    if (!root) {
        return Unexpected(root.error());
    }
    FieldReader r(*root, what);
    const QString status = r.text("s", true);
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    AriesChartHistory history;
    if (status == QLatin1String("no_data")) {
        history.noData = true;
        if (root->contains("nextTime")) {
            history.nextTime = r.integer("nextTime");
        }
        return history;
    }
    if (status == QLatin1String("error")) {
        return Unexpected(AriesError::make(Kind::InvalidRequest, r.text("errmsg"), 200));
    }
    if (status != QLatin1String("ok")) {
        return Unexpected(badResponse(QStringLiteral("chart history: unknown status \"%1\"").arg(status)));
    }
    const char *keys[] = {"t", "o", "h", "l", "c"};
    const json *columns[5] = {};
    for (int i = 0; i < 5; ++i) {
        const auto column = arrayMember(*root, keys[i], what);
        if (!column) {
            return Unexpected(column.error());
        }
        columns[i] = *column;
    }
    const auto volumeIt = root->find("v");
    const json *volumes = volumeIt != root->end() && volumeIt->is_array() ? &*volumeIt : nullptr;
    const std::size_t count = columns[0]->size();
    for (int i = 1; i < 5; ++i) {
        if (columns[i]->size() != count) {
            return Unexpected(badResponse(QStringLiteral("chart history: the columns differ in length")));
        }
    }
    if (volumes && volumes->size() != count) {
        return Unexpected(badResponse(QStringLiteral("chart history: the columns differ in length")));
    }
    for (std::size_t i = 0; i < count; ++i) {
        // Each row is read through a small object so that the field checks are the same as elsewhere.
        json row {{"t", (*columns[0])[i]}, {"o", (*columns[1])[i]}, {"h", (*columns[2])[i]}, {"l", (*columns[3])[i]},
            {"c", (*columns[4])[i]}};
        if (volumes) {
            row["v"] = (*volumes)[i];
        }
        FieldReader rowReader(row, what);
        AriesBar bar;
        bar.time = QDateTime::fromSecsSinceEpoch(rowReader.integer("t", true), Qt::UTC);
        bar.open = rowReader.price("o");
        bar.high = rowReader.price("h");
        bar.low = rowReader.price("l");
        bar.close = rowReader.price("c");
        bar.volume = rowReader.integer("v");
        if (!rowReader.ok()) {
            return Unexpected(rowReader.error());
        }
        history.bars.append(bar);
    }
    if (root->contains("nextTime")) {
        history.nextTime = r.integer("nextTime");
    }
    if (!r.ok()) {
        return Unexpected(r.error());
    }
    return history;
}

} // namespace Companion::Aries
