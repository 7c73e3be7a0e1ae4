// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "aries/AriesEnvironment.h"
#include "aries/AriesTypes.h"

#include <QString>

#include <chrono>
#include <optional>

namespace Companion::Trading {

/**
 * Everything the approval window shows for one order action, and nothing it has to look up: the user
 * decides on exactly what will be sent. Text that came from Aries (warnings, reject reasons) is shown
 * as plain text, never as markup.
 */
struct ApprovalRequest
{
    enum class Action {
        Place,
        Replace,
        Cancel
    };

    QString id; ///< Unique per request; also ties the audit records of one tool call together
    Action action = Action::Place;
    Aries::AriesEnvironment environment = Aries::AriesEnvironment::Live;
    QString clientName; ///< The MCP client that asked ("claude-ai"), or a placeholder when it gave none
    QString accountId;
    QString side;
    Decimal quantity;
    QString symbol;
    QString type;
    std::optional<Decimal> limitPrice;
    std::optional<Decimal> stopPrice;
    QString timeInForce;
    QString origOrderId; ///< Replace and cancel: the order concerned
    std::optional<Aries::AriesOrderPreview> preview; ///< Aries' estimate; none for a cancel
    std::optional<Decimal> estimatedNotional; ///< The value the safety caps were checked against
    std::chrono::seconds timeout {120}; ///< After this an unanswered request is a Deny

    /** "Place order", "Change order", "Cancel order". */
    QString actionTitle() const;
    /** One line: "BUY 10 AAPL LIMIT 175.50 DAY". */
    QString summary() const;
};

} // namespace Companion::Trading
