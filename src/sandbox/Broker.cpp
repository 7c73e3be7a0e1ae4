// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Broker.h"

#include "MarketSimulator.h"
#include "SandboxClock.h"
#include "SymbolUniverse.h"

#include <algorithm>

using nlohmann::json;

namespace Companion::Sandbox {

namespace {

const QStringList kSides {
    QStringLiteral("BUY"), QStringLiteral("SELL"), QStringLiteral("SELL_SHORT"), QStringLiteral("BUY_TO_COVER")};
const QStringList kTypes {
    QStringLiteral("MARKET"), QStringLiteral("LIMIT"), QStringLiteral("STOP"), QStringLiteral("STOP_LIMIT")};
const QStringList kTimesInForce {QStringLiteral("DAY"), QStringLiteral("GTC"), QStringLiteral("IOC"),
    QStringLiteral("FOK"), QStringLiteral("EXTENDED_HOURS"), QStringLiteral("AT_THE_OPENING"),
    QStringLiteral("AT_THE_CLOSE")};
const QString kNew = QStringLiteral("NEW");
const QString kFilled = QStringLiteral("FILLED");
const QString kRejected = QStringLiteral("REJECTED");
const QString kCanceled = QStringLiteral("CANCELED");
const QString kExpired = QStringLiteral("EXPIRED");
const QString kSuperseded = QStringLiteral("SUPERSEDED");

constexpr std::int64_t kMaxOrderQuantity = 1'000'000;
constexpr int kMaxClientIdLength = 50;
constexpr int kMaxSymbolLength = 21;
constexpr int kPageLimitDefault = 50;
constexpr int kPageLimitMax = 500;
constexpr qint64 kHistoryMaxSpanDays = 90;

std::string s(const QString &text)
{
    return text.toStdString();
}

QString q(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

/** A string field of an untrusted JSON object; nullopt when absent, an empty optional value when not a string. */
std::optional<QString> field(const json &body, const char *name)
{
    if (!body.contains(name) || body[name].is_null()) {
        return std::nullopt;
    }
    return body[name].is_string() ? q(body[name]) : QString();
}

QString money(Decimal d)
{
    return d.rounded(2).toString(2);
}

QString priceText(Decimal d)
{
    return d.toString(2);
}

bool isBuySide(const QString &side)
{
    return side == QLatin1String("BUY") || side == QLatin1String("BUY_TO_COVER");
}

bool typeTakesPrice(const QString &type)
{
    return type == QLatin1String("LIMIT") || type == QLatin1String("STOP_LIMIT");
}

bool typeTakesStop(const QString &type)
{
    return type == QLatin1String("STOP") || type == QLatin1String("STOP_LIMIT");
}

json errorBody(const char *code, const QString &message)
{
    return json {{"error", code}, {"message", s(message)}};
}

ApiReply badRequest(const QString &message)
{
    return {400, errorBody("bad_request", message)};
}

/** Prices at $1 and above trade in cents, below $1 in hundredths of a cent (SEC Rule 612). */
QString precisionProblem(const QString &name, Decimal price)
{
    const int allowed = price >= Decimal::fromInt(1) ? 2 : 4;
    if (price.decimals() > allowed) {
        return QStringLiteral("%1 %2 has too many decimals: at most %3 for a price %4 $1")
            .arg(name, price.toString(), QString::number(allowed),
                allowed == 2 ? QStringLiteral("of at least") : QStringLiteral("below"));
    }
    return {};
}

} // namespace

Broker::Broker(
    const SymbolUniverse &universe, MarketSimulator &market, const SandboxClock &clock, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_universe(universe)
    , m_market(market)
    , m_clock(clock)
    , m_seed(seed)
{
    connect(&m_market, &MarketSimulator::pricesChanged, this, [this] {
        rollAllDays();
        expireDayOrders();
        processFills();
    });
}

Broker::~Broker() = default;

QString Broker::nowText() const
{
    return m_clock.now().toString(Qt::ISODate);
}

// ---------------------------------------------------------------------------------------------------------
// Users and accounts

void Broker::addUser(const QString &email, const QString &password, bool demo, int positions)
{
    for (User &user : m_users) {
        if (user.email.compare(email, Qt::CaseInsensitive) == 0) {
            user.password = password; // passwords come from the command line, never from --state
            return;
        }
    }
    const QDateTime now = m_clock.now();
    User user {static_cast<qint64>(m_users.size()) + 1, email, password, now.addDays(-400)};
    m_users.append(user);

    const auto addAccount = [&](const QString &type, const QString &accountClass, Decimal cash) -> Account & {
        Account account;
        account.id = static_cast<qint64>(m_accounts.size()) + 1;
        account.userId = user.id;
        account.tradingId = QStringLiteral("SBX-%1").arg(10000000 + account.id);
        account.accountType = type;
        account.accountClass = accountClass;
        account.cash = cash;
        account.startOfDayCash = cash;
        account.day = now.date();
        account.createdAt = now.addDays(-380);
        m_accounts.append(account);
        return m_accounts.last();
    };

    const quint64 salt = tickerKey(email.toLower());
    if (demo) {
        seedPortfolio(addAccount(QStringLiteral("INDIVIDUAL"), QStringLiteral("MARGIN"), Decimal::fromInt(25000)),
            positions, salt, false);
        addAccount(QStringLiteral("IRA"), QStringLiteral("CASH"), Decimal::fromInt(10000));
    } else {
        seedPortfolio(
            addAccount(QStringLiteral("INDIVIDUAL"), QStringLiteral("MARGIN"), Decimal::fromInt(25000)), 5, salt, true);
    }
    Q_EMIT changed();
}

void Broker::seedPortfolio(Account &account, int count, quint64 salt, bool realOnly)
{
    const QList<const SymbolInfo *> tradable = m_universe.tradable();
    QList<const SymbolInfo *> chosen;
    if (realOnly) {
        // A few real tickers picked by the user's hash, so two users do not hold the same things.
        const int real = m_universe.realTickerCount();
        for (int i = 0; chosen.size() < std::min(count, real) && i < real * 4; ++i) {
            const auto *info = tradable.value(static_cast<int>(hashUniform(m_seed, salt, 11, i) * real));
            if (info && !chosen.contains(info)) {
                chosen.append(info);
            }
        }
    } else {
        chosen = tradable.mid(0, std::min<qsizetype>(count, tradable.size()));
    }
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        const SymbolInfo *info = chosen[i];
        const quint64 key = tickerKey(info->ticker);
        const auto quantity = 5 + static_cast<std::int64_t>(hashUniform(m_seed, salt, key, 1) * 195);
        const double factor = 0.75 + 0.4 * hashUniform(m_seed, salt, key, 2);
        const Decimal average = Decimal::fromDouble(info->basePrice.toDouble() * factor, 2).value_or(info->basePrice);
        const int ageDays = 30 + static_cast<int>(hashUniform(m_seed, salt, key, 3) * 370);
        account.positions.insert(
            info->ticker, Position {Decimal::fromInt(quantity), average, m_clock.now().addDays(-ageDays)});
    }
}

bool Broker::reseedPositions(const QString &email, int count)
{
    const std::optional<qint64> userId = userIdByEmail(email);
    if (!userId) {
        return false;
    }
    for (Account &account : m_accounts) {
        if (account.userId == *userId && account.accountClass == QLatin1String("MARGIN")) {
            account.positions.clear();
            seedPortfolio(account, count, tickerKey(email.toLower()), false);
            Q_EMIT changed();
            return true;
        }
    }
    return false;
}

std::optional<qint64> Broker::checkCredentials(const QString &email, const QString &password) const
{
    for (const User &user : m_users) {
        if (user.email.compare(email.trimmed(), Qt::CaseInsensitive) == 0 && !user.password.isEmpty()
            && user.password == password) {
            return user.id;
        }
    }
    return std::nullopt;
}

std::optional<qint64> Broker::userIdByEmail(const QString &email) const
{
    for (const User &user : m_users) {
        if (user.email.compare(email, Qt::CaseInsensitive) == 0) {
            return user.id;
        }
    }
    return std::nullopt;
}

bool Broker::ownsAccount(qint64 userId, const QString &tradingAccountId) const
{
    const Account *account = accountById(tradingAccountId);
    return account && account->userId == userId;
}

Broker::Account *Broker::accountById(const QString &tradingId)
{
    for (Account &account : m_accounts) {
        if (account.tradingId == tradingId) {
            return &account;
        }
    }
    return nullptr;
}

const Broker::Account *Broker::accountById(const QString &tradingId) const
{
    return const_cast<Broker *>(this)->accountById(tradingId);
}

ApiReply Broker::me(qint64 userId) const
{
    for (const User &user : m_users) {
        if (user.id == userId) {
            const QString created = user.createdAt.toString(Qt::ISODate);
            return {200,
                json {{"id", user.id}, {"email", s(user.email)}, {"email_verified", true}, {"country", "US"},
                    {"primary_phone_number", ""}, {"avatar_url", ""}, {"plaid_status", "CONNECTED"},
                    {"created_at", s(created)}, {"updated_at", s(created)},
                    {"account_application",
                        {{"id", user.id}, {"status", "APPROVED"}, {"can_submit", false},
                            {"missing_fields", json::array()}, {"plaid_link_token", ""}}}}};
        }
    }
    return {404, errorBody("not_found", QStringLiteral("User not found"))};
}

ApiReply Broker::accounts(qint64 userId) const
{
    json list = json::array();
    for (const Account &a : m_accounts) {
        if (a.userId != userId) {
            continue;
        }
        const std::string created = s(a.createdAt.toString(Qt::ISODate));
        list.push_back(json {{"id", a.id}, {"fdid", s(QStringLiteral("FDID-SBX-%1").arg(a.id))}, {"apex_id", ""},
            {"apex_account_id", s(QStringLiteral("APEX-SBX-%1").arg(a.id))}, {"sterling_account_id", s(a.tradingId)},
            {"status", "OPEN"}, {"is_sim", true}, {"account_type", s(a.accountType)},
            {"account_class", s(a.accountClass)}, {"primary_user_id", a.userId}, {"joint_user_id", 0},
            {"primary_user", nullptr}, {"joint_user", nullptr}, {"account_application", nullptr},
            {"created_at", created}, {"updated_at", created}});
    }
    return {200, json {{"accounts", list}}};
}

// ---------------------------------------------------------------------------------------------------------
// Balances and positions

void Broker::rollDay(Account &account)
{
    const QDate today = m_clock.now().date();
    if (account.day != today) {
        account.day = today;
        account.startOfDayCash = account.cash;
        account.realizedToday = Decimal();
        account.valueBought = Decimal();
        account.valueSold = Decimal();
    }
}

void Broker::rollAllDays()
{
    for (Account &account : m_accounts) {
        rollDay(account);
    }
}

Decimal Broker::reservedBuyNotional(const Account &account, const QString *except) const
{
    Decimal total;
    for (const QString &id : m_openOrders) {
        const Order &o = m_orders[m_orderIndex.value(id)];
        if (o.accountId != account.tradingId || (except && *except == o.clOrdId)
            || !(isBuySide(o.side) || o.side == QLatin1String("SELL_SHORT"))) {
            continue;
        }
        const Decimal reference = o.price ? *o.price : o.stopPrice ? *o.stopPrice : m_market.price(o.symbol);
        total = total.plus(o.qty.times(reference).value_or(Decimal())).value_or(total);
    }
    return total;
}

Decimal Broker::reservedSellQty(const Account &account, const QString &symbol, const QString *except) const
{
    Decimal total;
    for (const QString &id : m_openOrders) {
        const Order &o = m_orders[m_orderIndex.value(id)];
        if (o.accountId == account.tradingId && o.symbol == symbol && o.side == QLatin1String("SELL")
            && !(except && *except == o.clOrdId)) {
            total = total.plus(o.qty).value_or(total);
        }
    }
    return total;
}

Decimal Broker::buyingPower(const Account &account, const QString *except) const
{
    const Decimal free = account.cash.minus(reservedBuyNotional(account, except)).value_or(Decimal());
    return free.isNegative() ? Decimal() : free;
}

Decimal Broker::secFee(Decimal notional) const
{
    // SEC Section 31 fee on sales: $27.80 per million, rounded up to the cent.
    const Decimal fee = notional.times(*Decimal::parse(u"0.0000278")).value_or(Decimal());
    const Decimal cents = fee.rounded(2);
    return cents < fee ? cents.plus(*Decimal::parse(u"0.01")).value_or(cents) : cents;
}

ApiReply Broker::balances(const QString &tradingAccountId)
{
    Account *a = accountById(tradingAccountId);
    if (!a) {
        return {404, errorBody("not_found", QStringLiteral("Account %1 not found").arg(tradingAccountId))};
    }
    rollDay(*a);
    Decimal marketValue;
    Decimal unrealized;
    Decimal startOfDayValue;
    for (auto it = a->positions.cbegin(); it != a->positions.cend(); ++it) {
        const Decimal last = m_market.price(it.key());
        marketValue = marketValue.plus(it->quantity.times(last).value_or(Decimal())).value_or(marketValue);
        const Decimal gain = last.minus(it->averagePrice).value_or(Decimal()).times(it->quantity).value_or(Decimal());
        unrealized = unrealized.plus(gain).value_or(unrealized);
        startOfDayValue = startOfDayValue.plus(it->quantity.times(m_market.previousClose(it.key())).value_or(Decimal()))
                              .value_or(startOfDayValue);
    }
    const Decimal equity = a->cash.plus(marketValue).value_or(a->cash);
    const Decimal power = buyingPower(*a);
    const bool margin = a->accountClass == QLatin1String("MARGIN");
    int pending = 0;
    for (const QString &id : std::as_const(m_openOrders)) {
        pending += m_orders[m_orderIndex.value(id)].accountId == a->tradingId ? 1 : 0;
    }
    const QString zero = QStringLiteral("0");
    return {200,
        json {{"accountId", s(a->tradingId)},
            {"dayTradeBuyingPower", s(money(margin ? power.times(Decimal::fromInt(4)).value_or(power) : power))},
            {"netBuyingPower", s(money(power))}, {"optionBuyingPower", s(money(power))},
            {"stockBuyingPower", s(money(power))}, {"totalEquity", s(money(equity))},
            {"realizedPl", s(money(a->realizedToday))}, {"unrealizedPl", s(money(unrealized))},
            {"settledFunds", s(money(a->cash))}, {"unsettledFunds", "0.00"},
            {"startOfDayCash", s(money(a->startOfDayCash))},
            {"maintReq",
                s(money(margin ? marketValue.abs().times(*Decimal::parse(u"0.25")).value_or(Decimal()) : Decimal()))},
            {"grossMargin", "0.00"}, {"sma", s(zero)}, {"credit", s(zero)}, {"creditRemaining", s(zero)},
            {"pdt", s(zero)}, {"pdtCreditRemaining", s(zero)}, {"pendingOrdersCount", pending},
            {"pendingOrdersMarginRequirements", s(money(reservedBuyNotional(*a)))},
            {"valueBought", s(money(a->valueBought))}, {"valueSold", s(money(a->valueSold))},
            {"dayTradeOvernightRegTBuyingPower", s(money(power))}, {"heldBackFunds", "0.00"},
            {"sodPositionsMarketValue", s(money(startOfDayValue))},
            {"sodTtlEquity", s(money(a->startOfDayCash.plus(startOfDayValue).value_or(a->startOfDayCash)))},
            {"sodTtlEquityUpdatedAt", s(QDateTime(a->day, QTime(9, 30), Qt::UTC).toString(Qt::ISODate))}}};
}

ApiReply Broker::positions(const QString &tradingAccountId)
{
    Account *a = accountById(tradingAccountId);
    if (!a) {
        return {404, errorBody("not_found", QStringLiteral("Account %1 not found").arg(tradingAccountId))};
    }
    json list = json::array();
    for (auto it = a->positions.cbegin(); it != a->positions.cend(); ++it) {
        const Decimal last = m_market.price(it.key());
        const Decimal unrealized =
            last.minus(it->averagePrice).value_or(Decimal()).times(it->quantity).value_or(Decimal());
        const Decimal daily =
            last.minus(m_market.previousClose(it.key())).value_or(Decimal()).times(it->quantity).value_or(Decimal());
        list.push_back(json {{"accountId", s(a->tradingId)}, {"symbol", s(it.key())}, {"securityType", "EQUITY"},
            {"quantity", s(it->quantity.toString())}, {"averagePrice", s(it->averagePrice.toString(2))},
            {"todayRealizedPnL", "0"}, {"unrealizedPl", s(money(unrealized))}, {"dailyPl", s(money(daily))},
            {"createdAt", s(it->createdAt.toString(Qt::ISODate))}});
    }
    return {200, json {{"positions", list}, {"availability", {{"available", true}, {"source", "cache"}}}}};
}

// ---------------------------------------------------------------------------------------------------------
// Order validation

Broker::OrderCheck Broker::checkOrder(qint64 userId, const json &body, const QString *replacing)
{
    OrderCheck c;
    Order &o = c.order;
    const auto reject = [&c](const QString &reason, const QString &text) -> OrderCheck & {
        c.reason = reason;
        c.text = text;
        return c;
    };

    const std::optional<QString> accountId =
        body.contains("tradingAccountId") ? field(body, "tradingAccountId") : field(body, "accountId");
    if (!accountId || accountId->isEmpty()) {
        return reject(QStringLiteral("Missing field"), QStringLiteral("tradingAccountId is required"));
    }
    if (!ownsAccount(userId, *accountId)) {
        return reject(QStringLiteral("Unknown account"),
            QStringLiteral("Account %1 is not one of your accounts").arg(accountId->left(60)));
    }
    o.accountId = *accountId;

    const auto symbol = field(body, "symbol");
    if (!symbol || symbol->isEmpty()) {
        return reject(QStringLiteral("Missing field"), QStringLiteral("symbol is required"));
    }
    o.symbol = symbol->left(kMaxSymbolLength + 10);
    if (symbol->size() > kMaxSymbolLength) {
        return reject(QStringLiteral("Invalid symbol"),
            QStringLiteral("symbol must be at most %1 characters").arg(kMaxSymbolLength));
    }
    const SymbolInfo *info = m_universe.find(*symbol);
    if (!info) {
        return reject(QStringLiteral("Unknown symbol"), QStringLiteral("Unknown symbol %1").arg(*symbol));
    }
    if (info->isIndex) {
        return reject(
            QStringLiteral("Symbol not tradable"), QStringLiteral("%1 is an index and cannot be traded").arg(*symbol));
    }

    const auto enumField = [&](const char *name, const QStringList &allowed, QString &out) -> bool {
        const auto value = field(body, name);
        if (!value || value->isEmpty()) {
            reject(QStringLiteral("Missing field"), QStringLiteral("%1 is required").arg(QLatin1String(name)));
            return false;
        }
        if (!allowed.contains(*value)) {
            reject(QStringLiteral("Invalid %1").arg(QLatin1String(name)),
                QStringLiteral("%1 must be one of %2").arg(QLatin1String(name), allowed.join(QStringLiteral(", "))));
            return false;
        }
        out = *value;
        return true;
    };
    if (!enumField("side", kSides, o.side) || !enumField("type", kTypes, o.type)) {
        return c;
    }

    const auto qty = field(body, "qty");
    if (!qty) {
        return reject(QStringLiteral("Missing field"), QStringLiteral("qty is required"));
    }
    const auto quantity = Decimal::parse(*qty);
    if (!quantity || !quantity->isPositive() || !quantity->isInteger()) {
        return reject(QStringLiteral("Invalid quantity"),
            QStringLiteral("qty must be a positive whole number of shares as a string, such as \"10\""));
    }
    if (*quantity > Decimal::fromInt(kMaxOrderQuantity)) {
        return reject(QStringLiteral("Invalid quantity"),
            QStringLiteral("qty may be at most %1 shares per order").arg(kMaxOrderQuantity));
    }
    o.qty = *quantity;

    if (!enumField("timeInForce", kTimesInForce, o.timeInForce)) {
        return c;
    }

    const auto priceField = [&](const char *name, bool wanted, std::optional<Decimal> &out) -> bool {
        const auto text = field(body, name);
        const QString label = QLatin1String(name);
        if (!wanted) {
            if (text && !text->isEmpty()) {
                reject(QStringLiteral("Invalid %1").arg(label),
                    QStringLiteral("%1 is not allowed on %2 orders").arg(label, o.type));
                return false;
            }
            return true;
        }
        if (!text || text->isEmpty()) {
            reject(QStringLiteral("Missing field"), QStringLiteral("%1 is required for %2 orders").arg(label, o.type));
            return false;
        }
        const auto value = Decimal::parse(*text);
        if (!value || !value->isPositive()) {
            reject(QStringLiteral("Invalid %1").arg(label),
                QStringLiteral("%1 must be a positive decimal string, such as \"400.00\"").arg(label));
            return false;
        }
        if (const QString problem = precisionProblem(label, *value); !problem.isEmpty()) {
            reject(QStringLiteral("Invalid price precision"), problem);
            return false;
        }
        out = value;
        return true;
    };
    if (!priceField("price", typeTakesPrice(o.type), o.price)
        || !priceField("stopPrice", typeTakesStop(o.type), o.stopPrice)) {
        return c;
    }

    if (const auto tag = field(body, "clientId")) {
        if (tag->size() > kMaxClientIdLength) {
            return reject(QStringLiteral("Invalid clientId"),
                QStringLiteral("clientId may be at most %1 characters").arg(kMaxClientIdLength));
        }
        o.clientId = *tag;
    }
    validateEconomics(c, replacing);
    return c;
}

void Broker::validateEconomics(OrderCheck &c, const QString *replacing)
{
    Order &o = c.order;
    const Account &account = *accountById(o.accountId);
    const Quote quote = m_market.quote(o.symbol);
    const bool buy = isBuySide(o.side);
    const Decimal reference = o.price ? *o.price : o.stopPrice ? *o.stopPrice : (buy ? quote.ask : quote.bid);
    const auto notional = o.qty.times(reference);
    if (!notional) {
        c.reason = QStringLiteral("Order too large");
        c.text = QStringLiteral("The order's value is too large");
        return;
    }
    c.notional = *notional;
    c.fees = buy ? Decimal() : secFee(*notional);

    const Position held = account.positions.value(o.symbol);
    if (o.side == QLatin1String("BUY") || o.side == QLatin1String("SELL_SHORT")) {
        if (o.side == QLatin1String("SELL_SHORT") && account.accountClass != QLatin1String("MARGIN")) {
            c.reason = QStringLiteral("Short selling not allowed");
            c.text =
                QStringLiteral("Selling short needs a margin account; %1 is a cash account").arg(account.tradingId);
            return;
        }
        const Decimal power = buyingPower(account, replacing);
        if (*notional > power) {
            c.reason = QStringLiteral("Insufficient buying power");
            c.text = QStringLiteral("The order needs %1 of buying power; %2 is available")
                         .arg(money(*notional), money(power));
            return;
        }
    } else if (o.side == QLatin1String("SELL")) {
        const Decimal sellable = held.quantity.minus(reservedSellQty(account, o.symbol, replacing)).value_or(Decimal());
        if (o.qty > sellable) {
            c.reason = QStringLiteral("Insufficient position");
            c.text = QStringLiteral("You can sell at most %1 shares of %2 (held %3, in open sell orders %4)")
                         .arg((sellable.isNegative() ? Decimal() : sellable).toString(), o.symbol,
                             held.quantity.toString(), reservedSellQty(account, o.symbol, replacing).toString());
            return;
        }
    } else if (o.side == QLatin1String("BUY_TO_COVER")) {
        if (!held.quantity.isNegative() || o.qty > held.quantity.abs()) {
            c.reason = QStringLiteral("No short position");
            c.text =
                QStringLiteral("There is no short position of %1 %2 shares to cover").arg(o.qty.toString(), o.symbol);
            return;
        }
    }

    if (o.price) {
        const Decimal last = quote.last;
        const Decimal distance = o.price->minus(last).value_or(Decimal()).abs();
        if (last.isPositive() && distance.times(Decimal::fromInt(10)).value_or(Decimal()) > last) {
            const Decimal percent = distance.times(Decimal::fromInt(100))
                                        .value_or(Decimal())
                                        .dividedBy(last)
                                        .value_or(Decimal())
                                        .rounded(1);
            c.warning = QStringLiteral("The limit price %1 is %2% %3 the last price %4")
                            .arg(priceText(*o.price), percent.toString(),
                                *o.price > last ? QStringLiteral("above") : QStringLiteral("below"), priceText(last));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Orders

QString Broker::nextClOrdId()
{
    ++m_sequence;
    return QStringLiteral("SBX-%1-%2")
        .arg(m_clock.now().toString(QStringLiteral("yyyyMMdd")))
        .arg(m_sequence, 6, 10, QLatin1Char('0'));
}

Broker::Order *Broker::findOrder(const QString &clOrdId)
{
    const auto it = m_orderIndex.constFind(clOrdId);
    return it == m_orderIndex.cend() ? nullptr : &m_orders[*it];
}

ApiReply Broker::placeOrder(qint64 userId, const QString &oauthClientId, const QByteArray &body)
{
    const json request = json::parse(body.toStdString(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        return badRequest(QStringLiteral("The request body must be a JSON object"));
    }
    rollAllDays();
    expireDayOrders();
    OrderCheck check = checkOrder(userId, request);
    Order order = check.order;
    order.clOrdId = nextClOrdId();
    order.ordId =
        QStringLiteral("ord-%1-%2")
            .arg(static_cast<quint32>(hashUniform(m_seed, static_cast<quint64>(m_sequence), 77) * 4294967295.0), 8, 16,
                QLatin1Char('0'))
            .arg(m_sequence, 6, 10, QLatin1Char('0'));
    order.createdAt = order.updatedAt = m_clock.now();
    order.sequence = m_sequence;
    if (order.clientId.isEmpty()) {
        order.clientId = oauthClientId;
    }

    if (!check.reason.isEmpty()) {
        order.status = kRejected;
        order.rejectReason = check.reason;
        order.text = check.text;
        if (!order.accountId.isEmpty()) {
            m_orderIndex.insert(order.clOrdId, m_orders.size());
            m_orders.append(order);
            Q_EMIT changed();
        }
        return {200,
            json {{"success", false}, {"clOrdId", s(order.clOrdId)}, {"status", s(kRejected)},
                {"symbol", s(order.symbol)}, {"side", s(order.side)}, {"qty", s(order.qty.toString())}, {"cumQty", "0"},
                {"leavesQty", "0"}, {"avgPrice", "0"}, {"text", s(check.text)}, {"ordRejReason", s(check.reason)},
                {"transactTime", s(nowText())}}};
    }

    order.status = kNew;
    m_orderIndex.insert(order.clOrdId, m_orders.size());
    m_orders.append(order);
    m_openOrders.insert(order.clOrdId);
    Order &stored = m_orders.last();
    if (!tryFill(stored)
        && (stored.timeInForce == QLatin1String("IOC") || stored.timeInForce == QLatin1String("FOK"))) {
        stored.status = kCanceled;
        stored.text = QStringLiteral("%1 order could not be filled immediately").arg(stored.timeInForce);
        m_openOrders.remove(stored.clOrdId);
    }
    Q_EMIT changed();
    const bool filled = stored.status == kFilled;
    return {200,
        json {{"success", true}, {"clOrdId", s(stored.clOrdId)}, {"status", s(stored.status)},
            {"symbol", s(stored.symbol)}, {"side", s(stored.side)}, {"qty", s(stored.qty.toString())},
            {"cumQty", s(stored.cumQty.toString())},
            {"leavesQty", s((filled || stored.status == kCanceled) ? QStringLiteral("0") : stored.qty.toString())},
            {"avgPrice", s(stored.avgPrice.toString())},
            {"text", stored.status == kCanceled ? s(stored.text) : "Order accepted"}, {"ordRejReason", ""},
            {"transactTime", s(nowText())}}};
}

ApiReply Broker::previewOrder(qint64 userId, const QByteArray &body)
{
    const json request = json::parse(body.toStdString(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        return badRequest(QStringLiteral("The request body must be a JSON object"));
    }
    rollAllDays();
    const OrderCheck check = checkOrder(userId, request);
    const bool buy = isBuySide(check.order.side);
    const bool shortSale = check.order.side == QLatin1String("SELL_SHORT");
    const Decimal impact =
        buy ? check.notional.plus(check.fees).value_or(check.notional) : (shortSale ? check.notional : Decimal());
    return {200,
        json {{"estimatedCost", s(money(check.notional))}, {"estimatedMargin", "0.00"}, {"commission", "0.00"},
            {"fees", s(money(check.fees))}, {"buyingPowerImpact", s(money(impact))}, {"numDayTrades", 0},
            {"warnRuleId", check.warning.isEmpty() ? "0" : "PRICE_BAND"}, {"warnDescription", s(check.warning)},
            {"rejectReason",
                check.reason.isEmpty() ? std::string() : s(check.reason + QStringLiteral(": ") + check.text)}}};
}

ApiReply Broker::replaceOrder(qint64 userId, const QByteArray &body)
{
    const json request = json::parse(body.toStdString(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        return badRequest(QStringLiteral("The request body must be a JSON object"));
    }
    rollAllDays();
    expireDayOrders();
    const auto rejected = [&](const QString &origId, const QString &text) -> ApiReply {
        return {200,
            json {{"success", false}, {"clOrdId", ""}, {"origClOrdId", s(origId)}, {"status", s(kRejected)},
                {"ordRejReason", s(text)}, {"text", s(text)}, {"transactTime", s(nowText())}}};
    };
    const QString origId = field(request, "origClOrdId").value_or(QString());
    const QString accountId =
        (request.contains("tradingAccountId") ? field(request, "tradingAccountId") : field(request, "accountId"))
            .value_or(QString());
    const QString symbol = field(request, "symbol").value_or(QString());
    if (origId.isEmpty() || accountId.isEmpty() || symbol.isEmpty()) {
        return rejected(origId, QStringLiteral("origClOrdId, tradingAccountId and symbol are required"));
    }
    Order *original = findOrder(origId);
    if (!original || original->accountId != accountId || !ownsAccount(userId, accountId)) {
        return rejected(origId, QStringLiteral("Unknown order id %1").arg(origId.left(100)));
    }
    if (original->symbol != symbol) {
        return rejected(origId, QStringLiteral("symbol does not match the original order (%1)").arg(original->symbol));
    }
    if (original->status == kSuperseded) {
        return rejected(
            origId, QStringLiteral("Order %1 was already replaced; use the clOrdId of its replacement").arg(origId));
    }
    if (original->status != kNew) {
        return rejected(
            origId, QStringLiteral("Order %1 is %2 and can no longer be replaced").arg(origId, original->status));
    }

    json merged {{"tradingAccountId", s(original->accountId)}, {"symbol", s(original->symbol)},
        {"side", s(original->side)}, {"type", s(original->type)}, {"qty", s(original->qty.toString())},
        {"timeInForce", s(original->timeInForce)}, {"clientId", s(original->clientId.left(kMaxClientIdLength))}};
    if (original->price) {
        merged["price"] = s(original->price->toString());
    }
    if (original->stopPrice) {
        merged["stopPrice"] = s(original->stopPrice->toString());
    }
    for (const char *key : {"qty", "price", "stopPrice", "type", "timeInForce", "side", "clientId"}) {
        if (request.contains(key)) {
            merged[key] = request[key];
        }
    }
    // Changing the type drops a price the new type does not take, unless the caller sent one.
    const QString newType = q(merged["type"]);
    if (!typeTakesPrice(newType) && !request.contains("price")) {
        merged.erase("price");
    }
    if (!typeTakesStop(newType) && !request.contains("stopPrice")) {
        merged.erase("stopPrice");
    }

    OrderCheck check = checkOrder(userId, merged, &origId);
    if (!check.reason.isEmpty()) {
        return rejected(origId, check.text);
    }
    const QString ordId = original->ordId;
    original->status = kSuperseded;
    original->updatedAt = m_clock.now();
    m_openOrders.remove(origId);

    Order replacement = check.order;
    replacement.clOrdId = nextClOrdId();
    replacement.ordId = ordId;
    replacement.status = kNew;
    replacement.createdAt = replacement.updatedAt = m_clock.now();
    replacement.sequence = m_sequence;
    m_orderIndex.insert(replacement.clOrdId, m_orders.size());
    m_orders.append(replacement);
    m_openOrders.insert(replacement.clOrdId);
    Order &stored = m_orders.last();
    tryFill(stored);
    Q_EMIT changed();
    return {200,
        json {{"success", true}, {"clOrdId", s(stored.clOrdId)}, {"origClOrdId", s(origId)}, {"status", "REPLACED"},
            {"qty", s(stored.qty.toString())}, {"price", stored.price ? s(stored.price->toString(2)) : std::string()},
            {"text", "Replace accepted"}, {"transactTime", s(nowText())}}};
}

ApiReply Broker::cancelOrder(qint64 userId, const QByteArray &body)
{
    const json request = json::parse(body.toStdString(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        return badRequest(QStringLiteral("The request body must be a JSON object"));
    }
    rollAllDays();
    expireDayOrders();
    const QString origId = field(request, "origClOrdId").value_or(QString());
    const auto rejected = [&](const QString &text) -> ApiReply {
        return {200,
            json {{"success", false}, {"clOrdId", ""}, {"origClOrdId", s(origId)}, {"status", s(kRejected)},
                {"ordRejReason", s(text)}, {"text", s(text)}}};
    };
    const QString accountId =
        (request.contains("tradingAccountId") ? field(request, "tradingAccountId") : field(request, "accountId"))
            .value_or(QString());
    const QString symbol = field(request, "symbol").value_or(QString());
    if (origId.isEmpty() || accountId.isEmpty() || symbol.isEmpty()) {
        return rejected(QStringLiteral("origClOrdId, tradingAccountId and symbol are required"));
    }
    Order *order = findOrder(origId);
    if (!order || order->accountId != accountId || !ownsAccount(userId, accountId)) {
        return rejected(QStringLiteral("Unknown order id %1").arg(origId.left(100)));
    }
    if (order->symbol != symbol) {
        return rejected(QStringLiteral("symbol does not match the original order (%1)").arg(order->symbol));
    }
    if (const auto side = field(request, "side"); side && !side->isEmpty() && *side != order->side) {
        return rejected(QStringLiteral("side does not match the original order (%1)").arg(order->side));
    }
    if (order->status == kSuperseded) {
        return rejected(QStringLiteral("Order %1 was replaced; cancel its replacement instead").arg(origId));
    }
    if (order->status != kNew) {
        return rejected(QStringLiteral("Order %1 is already %2").arg(origId, order->status));
    }
    order->status = kCanceled;
    order->text = QStringLiteral("Canceled by request");
    order->updatedAt = m_clock.now();
    m_openOrders.remove(origId);
    const QString cancelId = nextClOrdId();
    Q_EMIT changed();
    return {200,
        json {{"success", true}, {"clOrdId", s(cancelId)}, {"origClOrdId", s(origId)}, {"status", s(kCanceled)},
            {"text", "Cancel request processed"}}};
}

// ---------------------------------------------------------------------------------------------------------
// Fills and expiry

void Broker::expireDayOrders()
{
    const QDate today = m_clock.now().date();
    bool any = false;
    const QList<QString> open(m_openOrders.cbegin(), m_openOrders.cend());
    for (const QString &id : open) {
        Order &o = m_orders[m_orderIndex.value(id)];
        if (o.timeInForce != QLatin1String("GTC") && o.createdAt.date() < today) {
            o.status = kExpired;
            o.text = QStringLiteral("Day order expired at the end of the trading day");
            o.updatedAt = m_clock.now();
            m_openOrders.remove(id);
            any = true;
        }
    }
    if (any) {
        Q_EMIT changed();
    }
}

void Broker::processFills()
{
    bool any = false;
    const QList<QString> open(m_openOrders.cbegin(), m_openOrders.cend());
    for (const QString &id : open) {
        any = tryFill(m_orders[m_orderIndex.value(id)]) || any;
    }
    if (any) {
        Q_EMIT changed();
    }
}

bool Broker::tryFill(Order &o)
{
    if (o.status != kNew) {
        return false;
    }
    const Quote quote = m_market.quote(o.symbol);
    const bool buy = isBuySide(o.side);
    const Decimal marketPrice = buy ? quote.ask : quote.bid;
    if (typeTakesStop(o.type) && !o.stopTriggered) {
        if (!(buy ? quote.last >= *o.stopPrice : quote.last <= *o.stopPrice)) {
            return false;
        }
        o.stopTriggered = true;
    }
    if (o.type == QLatin1String("MARKET") || o.type == QLatin1String("STOP")) {
        applyFill(o, marketPrice);
        return true;
    }
    // LIMIT and triggered STOP_LIMIT: fill at the current price once it crosses the limit.
    if (buy ? quote.last <= *o.price : quote.last >= *o.price) {
        applyFill(o, quote.last);
        return true;
    }
    return false;
}

void Broker::applyFill(Order &o, Decimal fillPrice)
{
    Account &account = *accountById(o.accountId);
    rollDay(account);
    const bool buy = isBuySide(o.side);
    const Decimal delta = buy ? o.qty : o.qty.negated();
    const Decimal notional = o.qty.times(fillPrice).value_or(Decimal());

    Position &position = account.positions[o.symbol];
    const Decimal before = position.quantity;
    if (before.isZero()) {
        position.createdAt = m_clock.now();
    }
    if (before.isZero() || before.isNegative() == delta.isNegative()) {
        const Decimal cost =
            before.abs().times(position.averagePrice).value_or(Decimal()).plus(notional).value_or(notional);
        position.averagePrice = cost.dividedBy(before.abs().plus(o.qty).value_or(o.qty)).value_or(fillPrice).rounded(4);
    } else {
        const Decimal closing = std::min(before.abs(), o.qty);
        const Decimal perShare = before.isNegative() ? position.averagePrice.minus(fillPrice).value_or(Decimal())
                                                     : fillPrice.minus(position.averagePrice).value_or(Decimal());
        account.realizedToday =
            account.realizedToday.plus(closing.times(perShare).value_or(Decimal())).value_or(account.realizedToday);
        if (o.qty > before.abs()) {
            position.averagePrice = fillPrice; // the position flipped sides
        }
    }
    position.quantity = before.plus(delta).value_or(before);
    if (position.quantity.isZero()) {
        account.positions.remove(o.symbol);
    }

    if (buy) {
        account.cash = account.cash.minus(notional).value_or(account.cash);
        account.valueBought = account.valueBought.plus(notional).value_or(account.valueBought);
    } else {
        account.cash =
            account.cash.plus(notional).value_or(account.cash).minus(secFee(notional)).value_or(account.cash);
        account.valueSold = account.valueSold.plus(notional).value_or(account.valueSold);
    }
    o.status = kFilled;
    o.cumQty = o.qty;
    o.avgPrice = fillPrice;
    o.text = QStringLiteral("Filled");
    o.updatedAt = m_clock.now();
    m_openOrders.remove(o.clOrdId);
}

// ---------------------------------------------------------------------------------------------------------
// Order lists

json Broker::orderJson(const Order &o) const
{
    const bool open = o.status == kNew;
    return json {{"clOrdId", s(o.clOrdId)}, {"ordId", s(o.ordId)}, {"accountId", s(o.accountId)},
        {"clientId", s(o.clientId)}, {"symbol", s(o.symbol)}, {"side", s(o.side)}, {"type", s(o.type)},
        {"timeInForce", s(o.timeInForce)}, {"qty", s(o.qty.toString())},
        {"price", o.price ? s(o.price->toString(2)) : std::string()},
        {"stopPrice", o.stopPrice ? s(o.stopPrice->toString(2)) : std::string()}, {"ordStatus", s(o.status)},
        {"cumQty", s(o.cumQty.toString())},
        {"leavesQty", open ? s(o.qty.minus(o.cumQty).value_or(Decimal()).toString()) : "0"},
        {"avgPrice", s(o.avgPrice.toString())}, {"currency", "USD"}, {"exDestination", "SANDBOX"}, {"text", s(o.text)},
        {"ordRejReason", s(o.rejectReason)}, {"securityType", "EQUITY"}, {"category", "SINGLE_LEG"},
        {"legs", json::array()}, {"createdAt", s(o.createdAt.toString(Qt::ISODate))},
        {"updatedAt", s(o.updatedAt.toString(Qt::ISODate))}};
}

ApiReply Broker::pagedOrders(QList<const Order *> orders, const QUrlQuery &query) const
{
    int limit = kPageLimitDefault;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kPageLimitMax) {
            return badRequest(QStringLiteral("limit must be a whole number from 1 to %1").arg(kPageLimitMax));
        }
    }
    qint64 cursor = 0;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        bool ok = false;
        cursor = query.queryItemValue(QStringLiteral("cursor")).toLongLong(&ok);
        if (!ok || cursor < 0) {
            return badRequest(QStringLiteral("cursor must be a value returned as nextCursor, or 0"));
        }
    }
    json list = json::array();
    const qsizetype end = std::min<qsizetype>(orders.size(), cursor + limit);
    for (qsizetype i = cursor; i < end; ++i) {
        list.push_back(orderJson(*orders[i]));
    }
    return {200, json {{"orders", list}, {"nextCursor", end < orders.size() ? end : 0}}};
}

ApiReply Broker::ordersToday(const QString &tradingAccountId, const QUrlQuery &query)
{
    rollAllDays();
    expireDayOrders();
    const QDate today = m_clock.now().date();
    QList<const Order *> list;
    for (const Order &o : std::as_const(m_orders)) {
        if (o.accountId == tradingAccountId && (o.status == kNew || o.updatedAt.date() == today)) {
            list.append(&o);
        }
    }
    std::sort(list.begin(), list.end(), [](const Order *a, const Order *b) { return a->sequence > b->sequence; });
    return pagedOrders(list, query);
}

ApiReply Broker::ordersHistory(const QString &tradingAccountId, const QUrlQuery &query)
{
    expireDayOrders();
    const auto parseTime = [](const QString &text) -> std::optional<QDateTime> {
        // RFC 3339 needs a zone: "Z" or "+hh:mm".
        static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"));
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid() || !zone.match(text).hasMatch()) {
            return std::nullopt;
        }
        return t.toUTC();
    };
    const QString fromText = query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded);
    if (fromText.isEmpty()) {
        return badRequest(QStringLiteral("from is required (RFC 3339 with a time zone)"));
    }
    const auto from = parseTime(fromText);
    if (!from) {
        return badRequest(QStringLiteral("from must be an RFC 3339 time with a zone, such as 2026-01-15T00:00:00Z"));
    }
    QDateTime to = m_clock.now();
    to.setTime(QTime(to.time().hour(), to.time().minute()));
    if (const QString toText = query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded); !toText.isEmpty()) {
        const auto parsed = parseTime(toText);
        if (!parsed) {
            return badRequest(QStringLiteral("to must be an RFC 3339 time with a zone"));
        }
        to = *parsed;
    }
    if (to < *from) {
        return badRequest(QStringLiteral("to must not be before from"));
    }
    if (from->daysTo(to) > kHistoryMaxSpanDays) {
        return badRequest(QStringLiteral("from and to may be at most %1 days apart").arg(kHistoryMaxSpanDays));
    }
    const QString orderBy = query.queryItemValue(QStringLiteral("order_by"));
    if (!orderBy.isEmpty() && orderBy != QLatin1String("asc") && orderBy != QLatin1String("desc")) {
        return badRequest(QStringLiteral("order_by must be asc or desc"));
    }
    const bool excludeToday = query.queryItemValue(QStringLiteral("exclude_today")) == QLatin1String("true");
    const QDate today = m_clock.now().date();
    QList<const Order *> list;
    for (const Order &o : std::as_const(m_orders)) {
        if (o.accountId == tradingAccountId && o.status != kSuperseded && o.status != kRejected && o.createdAt >= *from
            && o.createdAt <= to && !(excludeToday && o.createdAt.date() == today)) {
            list.append(&o);
        }
    }
    const bool ascending = orderBy == QLatin1String("asc");
    std::sort(list.begin(), list.end(), [ascending](const Order *a, const Order *b) {
        return ascending ? a->sequence < b->sequence : a->sequence > b->sequence;
    });
    return pagedOrders(list, query);
}

json Broker::allOrders() const
{
    json list = json::array();
    for (const Order &o : m_orders) {
        list.push_back(orderJson(o));
    }
    return json {{"orders", list}};
}

// ---------------------------------------------------------------------------------------------------------
// State

json Broker::toJson() const
{
    json users = json::array();
    for (const User &u : m_users) {
        users.push_back({{"id", u.id}, {"email", s(u.email)}, {"createdAt", s(u.createdAt.toString(Qt::ISODate))}});
    }
    json accounts = json::array();
    for (const Account &a : m_accounts) {
        json positions = json::object();
        for (auto it = a.positions.cbegin(); it != a.positions.cend(); ++it) {
            positions[s(it.key())] = {{"quantity", s(it->quantity.toString())},
                {"averagePrice", s(it->averagePrice.toString())},
                {"createdAt", s(it->createdAt.toString(Qt::ISODate))}};
        }
        accounts.push_back({{"id", a.id}, {"userId", a.userId}, {"tradingId", s(a.tradingId)},
            {"accountType", s(a.accountType)}, {"accountClass", s(a.accountClass)}, {"cash", s(a.cash.toString())},
            {"startOfDayCash", s(a.startOfDayCash.toString())}, {"realizedToday", s(a.realizedToday.toString())},
            {"valueBought", s(a.valueBought.toString())}, {"valueSold", s(a.valueSold.toString())},
            {"day", s(a.day.toString(Qt::ISODate))}, {"createdAt", s(a.createdAt.toString(Qt::ISODate))},
            {"positions", positions}});
    }
    json orders = json::array();
    for (const Order &o : m_orders) {
        json j = orderJson(o);
        j["stopTriggered"] = o.stopTriggered;
        j["sequence"] = o.sequence;
        orders.push_back(j);
    }
    return {{"users", users}, {"accounts", accounts}, {"orders", orders}, {"sequence", m_sequence}};
}

void Broker::restore(const json &state)
{
    if (!state.is_object()) {
        return;
    }
    const auto dec = [](const json &object, const char *key) {
        return object.contains(key) ? Decimal::parse(q(object[key])) : std::nullopt;
    };
    const auto time = [](const json &object, const char *key) {
        return object.contains(key) ? QDateTime::fromString(q(object[key]), Qt::ISODate) : QDateTime();
    };
    m_users.clear();
    m_accounts.clear();
    m_orders.clear();
    m_orderIndex.clear();
    m_openOrders.clear();
    for (const json &u : state.value("users", json::array())) {
        if (u.is_object() && u.contains("id") && u["id"].is_number_integer()) {
            m_users.append(User {u["id"].get<qint64>(), q(u.value("email", json())), QString(), time(u, "createdAt")});
        }
    }
    for (const json &a : state.value("accounts", json::array())) {
        if (!a.is_object() || !a.contains("id") || !a["id"].is_number_integer() || !a.contains("userId")
            || !a["userId"].is_number_integer()) {
            continue;
        }
        Account account;
        account.id = a["id"].get<qint64>();
        account.userId = a["userId"].get<qint64>();
        account.tradingId = q(a.value("tradingId", json()));
        account.accountType = q(a.value("accountType", json()));
        account.accountClass = q(a.value("accountClass", json()));
        account.cash = dec(a, "cash").value_or(Decimal());
        account.startOfDayCash = dec(a, "startOfDayCash").value_or(account.cash);
        account.realizedToday = dec(a, "realizedToday").value_or(Decimal());
        account.valueBought = dec(a, "valueBought").value_or(Decimal());
        account.valueSold = dec(a, "valueSold").value_or(Decimal());
        account.day = QDate::fromString(q(a.value("day", json())), Qt::ISODate);
        account.createdAt = time(a, "createdAt");
        const json positions = a.value("positions", json::object());
        for (auto it = positions.begin(); positions.is_object() && it != positions.end(); ++it) {
            const auto quantity = dec(it.value(), "quantity");
            const auto average = dec(it.value(), "averagePrice");
            if (quantity && average && m_universe.find(QString::fromStdString(it.key()))) {
                account.positions.insert(
                    QString::fromStdString(it.key()), Position {*quantity, *average, time(it.value(), "createdAt")});
            }
        }
        m_accounts.append(account);
    }
    for (const json &j : state.value("orders", json::array())) {
        if (!j.is_object()) {
            continue;
        }
        Order o;
        o.clOrdId = q(j.value("clOrdId", json()));
        o.ordId = q(j.value("ordId", json()));
        o.accountId = q(j.value("accountId", json()));
        o.clientId = q(j.value("clientId", json()));
        o.symbol = q(j.value("symbol", json()));
        o.side = q(j.value("side", json()));
        o.type = q(j.value("type", json()));
        o.timeInForce = q(j.value("timeInForce", json()));
        o.qty = dec(j, "qty").value_or(Decimal());
        o.price = dec(j, "price");
        o.stopPrice = dec(j, "stopPrice");
        o.status = q(j.value("ordStatus", json()));
        o.cumQty = dec(j, "cumQty").value_or(Decimal());
        o.avgPrice = dec(j, "avgPrice").value_or(Decimal());
        o.text = q(j.value("text", json()));
        o.rejectReason = q(j.value("ordRejReason", json()));
        o.stopTriggered = j.value("stopTriggered", false);
        o.createdAt = time(j, "createdAt");
        o.updatedAt = time(j, "updatedAt");
        o.sequence = j.value("sequence", qint64(0));
        if (o.clOrdId.isEmpty() || !accountById(o.accountId) || m_orderIndex.contains(o.clOrdId)) {
            continue;
        }
        // An open order needs the prices its type takes; drop anything that would break the fill logic.
        if (o.status == kNew
            && ((typeTakesPrice(o.type) && !o.price) || (typeTakesStop(o.type) && !o.stopPrice)
                || !m_universe.find(o.symbol))) {
            continue;
        }
        m_orderIndex.insert(o.clOrdId, m_orders.size());
        m_orders.append(o);
        if (o.status == kNew) {
            m_openOrders.insert(o.clOrdId);
        }
    }
    m_sequence = state.value("sequence", qint64(0));
}

} // namespace Companion::Sandbox
