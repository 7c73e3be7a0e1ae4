// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/ToolScopes.h"

namespace Companion::Tools {

namespace {

// Aries' scope names (see Auth::Scopes::describe for their plain words).
const QString kUser = QStringLiteral("user:information");
const QString kAccount = QStringLiteral("account:information");
const QString kPosition = QStringLiteral("position:information");
const QString kOrders = QStringLiteral("order:information");
const QString kExecution = QStringLiteral("order:execution");
const QString kMarket = QStringLiteral("market:information");
const QString kSupplemental = QStringLiteral("market:supplemental");

// What each Aries endpoint the tools call accepts; the docs name more than one scope for some of them.
ScopeNeed accountList(bool always)
{
    // GET /v1/users/me/accounts: the docs put it under both user:information and account:information.
    return {{kAccount, kUser}, always, QStringLiteral("the list of accounts")};
}
ScopeNeed balances()
{
    return {{kAccount}, true, QStringLiteral("balances")};
}
ScopeNeed positions()
{
    return {{kPosition, kAccount}, true, QStringLiteral("positions")};
}
ScopeNeed prices(bool always)
{
    // GET /v1/stocks/last-trade, last-quote, prev: "supplemental" in the docs; market:information also works.
    return {{kSupplemental, kMarket}, always, QStringLiteral("current prices")};
}
ScopeNeed marketData(const QString &purpose)
{
    return {{kMarket}, true, purpose};
}
ScopeNeed orderList()
{
    return {{kOrders}, true, QStringLiteral("orders and their status")};
}
ScopeNeed execution(const QString &purpose)
{
    return {{kExecution}, true, purpose};
}

} // namespace

const QList<ToolScopeRequirement> &ToolScopes::all()
{
    // Read from the tools' code (AccountTools, MarketTools, OrderQueryTools, OrderTools): every Aries call
    // each one can make. "Sometimes" needs: the account list is read only when the model names no account
    // and none is chosen in Settings; a market or stop order is priced from the last trade only when a
    // dollar cap is set.
    static const QList<ToolScopeRequirement> table {
        {QStringLiteral("get_accounts"), {accountList(true)}},
        {QStringLiteral("get_balances"), {balances(), accountList(false)}},
        // Positions without prices are listed as unpriced, so prices are a "sometimes" need.
        {QStringLiteral("get_portfolio"), {positions(), balances(), prices(false), accountList(false)}},
        {QStringLiteral("get_quote"), {prices(true)}},
        {QStringLiteral("search_symbols"), {marketData(QStringLiteral("symbol search"))}},
        {QStringLiteral("get_price_history"), {marketData(QStringLiteral("price history"))}},
        {QStringLiteral("list_orders"), {orderList(), accountList(false)}},
        {QStringLiteral("get_order"), {orderList(), accountList(false)}},
        {QStringLiteral("preview_order"),
            {marketData(QStringLiteral("checking the symbol")), execution(QStringLiteral("Aries' order preview")),
                prices(false), accountList(false)}},
        {QStringLiteral("place_order"),
            {marketData(QStringLiteral("checking the symbol")), execution(QStringLiteral("placing the order")),
                prices(false), accountList(false)}},
        {QStringLiteral("replace_order"),
            {orderList(), execution(QStringLiteral("changing the order")), prices(false), accountList(false)}},
        {QStringLiteral("cancel_order"),
            {orderList(), execution(QStringLiteral("cancelling the order")), accountList(false)}},
    };
    return table;
}

ToolScopeRequirement ToolScopes::forTool(const QString &tool)
{
    for (const ToolScopeRequirement &requirement : all()) {
        if (requirement.tool == tool) {
            return requirement;
        }
    }
    return {tool, {}};
}

bool ToolScopes::met(const ScopeNeed &need, const QStringList &granted)
{
    for (const QString &scope : need.anyOf) {
        if (granted.contains(scope)) {
            return true;
        }
    }
    return false;
}

ToolScopes::Availability ToolScopes::availability(const QString &tool, const QStringList &granted)
{
    Availability result = Availability::Available;
    for (const ScopeNeed &need : forTool(tool).needs) {
        if (met(need, granted)) {
            continue;
        }
        if (need.always) {
            return Availability::Unavailable;
        }
        result = Availability::Limited;
    }
    return result;
}

QStringList ToolScopes::missingScopes(const QString &tool, const QStringList &granted, bool includeSometimes)
{
    QStringList missing;
    for (const ScopeNeed &need : forTool(tool).needs) {
        if ((need.always || includeSometimes) && !met(need, granted) && !missing.contains(need.anyOf.constFirst())) {
            missing.append(need.anyOf.constFirst());
        }
    }
    return missing;
}

QStringList ToolScopes::toolsUsing(const QString &scope)
{
    QStringList tools;
    for (const ToolScopeRequirement &requirement : all()) {
        for (const ScopeNeed &need : requirement.needs) {
            if (need.anyOf.contains(scope)) {
                tools.append(requirement.tool);
                break;
            }
        }
    }
    return tools;
}

} // namespace Companion::Tools
