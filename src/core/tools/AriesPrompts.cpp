// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/AriesPrompts.h"

#include "mcp/McpServer.h"

#include <QCoreApplication>

namespace Companion::Tools {

namespace { } // namespace

void AriesPrompts::registerPrompts(Mcp::McpServer &server)
{
    Mcp::PromptDefinition review;
    review.name = QStringLiteral("review_portfolio");
    review.title = QCoreApplication::translate("AriesPrompts", "Review my Aries portfolio");
    review.description = QCoreApplication::translate("AriesPrompts",
        "A plain-language review of the Aries portfolio: holdings, gains and losses, concentration "
        "and cash.");
    review.arguments = {Mcp::PromptArgument {QStringLiteral("account"),
        QCoreApplication::translate("AriesPrompts", "Trading account id; leave empty for the default account"), false}};
    server.addPrompt(review, [](const QMap<QString, QString> &arguments) {
        const QString account = arguments.value(QStringLiteral("account")).trimmed();
        return QStringLiteral(
            "Review my Aries portfolio%1. Call get_portfolio, then summarise in plain words: total value, "
            "cash and buying power, the largest positions and their weight, unrealised gains and losses, "
            "today's change, and any concentration worth noticing. Say whether the figures come from the "
            "live account or the sandbox. Do not place, change or cancel any order.")
            .arg(account.isEmpty() ? QString() : QStringLiteral(" (account %1)").arg(account));
    });

    Mcp::PromptDefinition quote;
    quote.name = QStringLiteral("quote");
    quote.title = QCoreApplication::translate("AriesPrompts", "Current price of a stock");
    quote.description = QCoreApplication::translate(
        "AriesPrompts", "The latest price, bid and ask, and today's change for one or more symbols.");
    quote.arguments = {Mcp::PromptArgument {QStringLiteral("symbols"),
        QCoreApplication::translate("AriesPrompts", "Ticker symbols, e.g. AAPL or AAPL, MSFT"), true}};
    server.addPrompt(quote, [](const QMap<QString, QString> &arguments) {
        return QStringLiteral("What is the current price of %1 on Aries? Call get_quote and tell me the last price, "
                              "bid and ask, the change since the previous close, and whether the data is real-time or "
                              "delayed.")
            .arg(arguments.value(QStringLiteral("symbols")).trimmed());
    });

    Mcp::PromptDefinition order;
    order.name = QStringLiteral("place_order_safely");
    order.title = QCoreApplication::translate("AriesPrompts", "Place an order safely");
    order.description = QCoreApplication::translate("AriesPrompts",
        "Checks an order with Aries' preview first, then places it; Aries Companion asks the user "
        "to approve it in its own window.");
    order.arguments = {Mcp::PromptArgument {QStringLiteral("order"),
        QCoreApplication::translate("AriesPrompts", "The order in your words, e.g. \"buy 10 MSFT at a limit of $400\""),
        true}};
    server.addPrompt(order, [](const QMap<QString, QString> &arguments) {
        return QStringLiteral(
            "I want to place this order on Aries: %1.\n"
            "1. Check the symbol and my buying power (get_quote, get_balances).\n"
            "2. Call preview_order and show me the estimated cost, fees and any warning from Aries.\n"
            "3. Then call place_order. Aries Companion will show me an approval window; the order is only "
            "sent if I approve it there.\n"
            "4. Tell me exactly what happened: placed (with the order id and status), denied, timed out or "
            "rejected by Aries and why. Never retry an order on your own.")
            .arg(arguments.value(QStringLiteral("order")).trimmed());
    });
}

} // namespace Companion::Tools
