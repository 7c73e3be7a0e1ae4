// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/OrderApprover.h"

namespace Companion::Trading {

QString decisionName(ApprovalDecision decision)
{
    switch (decision) {
    case ApprovalDecision::Approved: return QStringLiteral("approved");
    case ApprovalDecision::Denied: return QStringLiteral("denied");
    case ApprovalDecision::TimedOut: return QStringLiteral("timed_out");
    case ApprovalDecision::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace Companion::Trading
