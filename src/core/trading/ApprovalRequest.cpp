// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/ApprovalRequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace Companion::Trading {

QString ApprovalRequest::actionTitle() const
{
    switch (action) {
    case Action::Place: return QCoreApplication::translate("ApprovalRequest", "Place order");
    case Action::Replace: return QCoreApplication::translate("ApprovalRequest", "Change order");
    case Action::Cancel: return QCoreApplication::translate("ApprovalRequest", "Cancel order");
    }
    return {};
}

QString ApprovalRequest::summary() const
{
    QStringList parts;
    if (action == Action::Cancel) {
        parts << QStringLiteral("CANCEL") << origOrderId;
    }
    parts << side << quantity.toString() << symbol << type;
    if (limitPrice) {
        parts << QStringLiteral("limit ") + limitPrice->toString(2);
    }
    if (stopPrice) {
        parts << QStringLiteral("stop ") + stopPrice->toString(2);
    }
    parts << timeInForce;
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

} // namespace Companion::Trading
