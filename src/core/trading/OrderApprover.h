// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/ApprovalRequest.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Companion::Trading {

/** How one approval request ended. Only Approved lets an order go out. */
enum class ApprovalDecision {
    Approved, ///< The user pressed Approve in the app's own window
    Denied, ///< The user pressed Deny or closed the window
    TimedOut, ///< Nobody answered within the request's timeout
    Cancelled, ///< Withdrawn: the tool call was cancelled or its client went away
};

/** "approved", "denied", "timed_out", "cancelled". */
QString decisionName(ApprovalDecision decision);

/**
 * Asks the person at the computer to approve an order. The tray app implements it with a native window
 * (ApprovalQueue in ui/); tests with a scripted one. It is the trust anchor: nothing that arrives
 * through MCP can answer it, so the model cannot approve its own order, and MCP elicitation is not used
 * because the client, not the user, would answer it.
 *
 * request() returns at once; @p callback runs exactly once, later, on @p context's thread, and is
 * dropped when @p context is gone. Several requests may be pending; implementations queue them.
 */
class OrderApprover
{
public:
    using Callback = std::function<void(ApprovalDecision decision)>;

    virtual ~OrderApprover() = default;

    virtual void request(const ApprovalRequest &request, QObject *context, Callback callback) = 0;
    /** Withdraws a pending request (its callback gets Cancelled); unknown or answered ids are ignored. */
    virtual void withdraw(const QString &requestId) = 0;
};

} // namespace Companion::Trading
