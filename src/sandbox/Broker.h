// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiReply.h"
#include "Decimal.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <optional>

namespace Companion::Sandbox {

class MarketSimulator;
class SandboxClock;
class SymbolUniverse;

/**
 * The brokerage side of the sandbox: users, their accounts, cash, positions and orders, with order
 * validation as a broker does it and fills that follow the simulated market (docs/sandbox.md).
 *
 * Order life cycle:
 *
 *     place ──► REJECTED (validation, buying power, …)
 *          └──► NEW ──► FILLED          (price crosses; MARKET at once)
 *                  ├──► CANCELED        (cancel; IOC/FOK that cannot fill at once)
 *                  ├──► EXPIRED         (DAY order still open when the sandbox day ends)
 *                  └──► SUPERSEDED      (replace: a new NEW order with a new clOrdId takes its place)
 *
 * Fills are whole (no partial fills). Money is exact (Decimal); market data is rounded as quoted.
 */
class Broker final : public QObject
{
    Q_OBJECT

public:
    Broker(const SymbolUniverse &universe, MarketSimulator &market, const SandboxClock &clock, quint64 seed,
        QObject *parent = nullptr);
    ~Broker() override;
    Q_DISABLE_COPY_MOVE(Broker)

    /**
     * Adds a user unless one with this email exists. The demo user gets a margin account holding
     * @p positions positions and a cash account; others get one margin account with a few positions.
     */
    void addUser(const QString &email, const QString &password, bool demo, int positions);
    /**
     * Replaces the positions of @p email's first margin account with @p count generated ones (as many as the
     * symbol universe has), the way the demo portfolio is made; false for an unknown user.
     */
    bool reseedPositions(const QString &email, int count);
    std::optional<qint64> checkCredentials(const QString &email, const QString &password) const;
    std::optional<qint64> userIdByEmail(const QString &email) const;
    /** True when @p tradingAccountId is one of @p userId's accounts. */
    bool ownsAccount(qint64 userId, const QString &tradingAccountId) const;

    ApiReply me(qint64 userId) const;
    ApiReply accounts(qint64 userId) const;
    ApiReply balances(const QString &tradingAccountId);
    ApiReply positions(const QString &tradingAccountId);
    ApiReply placeOrder(qint64 userId, const QString &oauthClientId, const QByteArray &body);
    ApiReply previewOrder(qint64 userId, const QByteArray &body);
    ApiReply replaceOrder(qint64 userId, const QByteArray &body);
    ApiReply cancelOrder(qint64 userId, const QByteArray &body);
    ApiReply ordersToday(const QString &tradingAccountId, const QUrlQuery &query);
    ApiReply ordersHistory(const QString &tradingAccountId, const QUrlQuery &query);
    /** Every order of every account, in every state (control API). */
    nlohmann::json allOrders() const;

    nlohmann::json toJson() const;
    void restore(const nlohmann::json &state);

Q_SIGNALS:
    /** Something a --state file should keep has changed. */
    void changed();

private:
    struct Position
    {
        Decimal quantity; ///< Negative for a short position
        Decimal averagePrice;
        QDateTime createdAt;
    };
    struct Account
    {
        qint64 id = 0;
        qint64 userId = 0;
        QString tradingId;
        QString accountType;
        QString accountClass;
        Decimal cash;
        Decimal startOfDayCash;
        Decimal realizedToday;
        Decimal valueBought;
        Decimal valueSold;
        QDate day; ///< The sandbox day the "today" figures belong to
        QMap<QString, Position> positions;
        QDateTime createdAt;
    };
    struct User
    {
        qint64 id = 0;
        QString email;
        QString password;
        QDateTime createdAt;
    };
    struct Order
    {
        QString clOrdId;
        QString ordId;
        QString accountId;
        QString clientId;
        QString symbol;
        QString side;
        QString type;
        QString timeInForce;
        Decimal qty;
        std::optional<Decimal> price;
        std::optional<Decimal> stopPrice;
        QString status;
        Decimal cumQty;
        Decimal avgPrice;
        QString text;
        QString rejectReason;
        bool stopTriggered = false;
        QDateTime createdAt;
        QDateTime updatedAt;
        qint64 sequence = 0;
    };
    /** An order request after parsing, or the reason it must be rejected. */
    struct OrderCheck
    {
        Order order;
        QString reason; ///< Empty when acceptable
        QString text;
        QString warning;
        Decimal notional;
        Decimal fees;
    };

    OrderCheck checkOrder(qint64 userId, const nlohmann::json &body, const QString *replacing = nullptr);
    void validateEconomics(OrderCheck &check, const QString *replacing);
    Account *accountById(const QString &tradingId);
    const Account *accountById(const QString &tradingId) const;
    void rollDay(Account &account);
    void rollAllDays();
    void expireDayOrders();
    void processFills();
    bool tryFill(Order &order);
    void applyFill(Order &order, Decimal fillPrice);
    Decimal reservedBuyNotional(const Account &account, const QString *except = nullptr) const;
    Decimal reservedSellQty(const Account &account, const QString &symbol, const QString *except = nullptr) const;
    Decimal buyingPower(const Account &account, const QString *except = nullptr) const;
    Decimal secFee(Decimal notional) const;
    QString nextClOrdId();
    Order *findOrder(const QString &clOrdId);
    nlohmann::json orderJson(const Order &order) const;
    ApiReply pagedOrders(QList<const Order *> orders, const QUrlQuery &query) const;
    void seedPortfolio(Account &account, int count, quint64 salt, bool realOnly);
    QString nowText() const;

    const SymbolUniverse &m_universe;
    MarketSimulator &m_market;
    const SandboxClock &m_clock;
    quint64 m_seed;
    QList<User> m_users;
    QList<Account> m_accounts;
    QList<Order> m_orders;
    QHash<QString, qsizetype> m_orderIndex; ///< clOrdId -> index in m_orders
    QSet<QString> m_openOrders; ///< clOrdIds of NEW orders, so ticks touch only those
    qint64 m_sequence = 0;
};

} // namespace Companion::Sandbox
