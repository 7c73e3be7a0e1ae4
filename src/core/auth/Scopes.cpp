// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Scopes.h"

#include <QCoreApplication>

namespace Companion::Auth::Scopes {

QString describe(const QString &scope)
{
    struct Entry
    {
        const char *scope;
        const char *text;
    };
    static constexpr Entry kEntries[] = {
        {"user:information", QT_TRANSLATE_NOOP("Scopes", "See your Aries profile (email address)")},
        {"account:information", QT_TRANSLATE_NOOP("Scopes", "See your accounts, balances and buying power")},
        {"position:information", QT_TRANSLATE_NOOP("Scopes", "See the positions you hold")},
        {"order:information", QT_TRANSLATE_NOOP("Scopes", "See your orders and their status")},
        {"order:execution",
            QT_TRANSLATE_NOOP("Scopes", "Place, change and cancel orders — each one only after you approve it here")},
        {"market:information", QT_TRANSLATE_NOOP("Scopes", "Look up symbols and price history")},
        {"market:supplemental", QT_TRANSLATE_NOOP("Scopes", "Get current prices and quotes")},
        {"calendar:information", QT_TRANSLATE_NOOP("Scopes", "See earnings and market calendars")},
        {"options:information", QT_TRANSLATE_NOOP("Scopes", "See options chains")},
        {"analytics:information", QT_TRANSLATE_NOOP("Scopes", "See ratings and analytics")},
        {"user:management", QT_TRANSLATE_NOOP("Scopes", "Change your Aries profile")},
    };
    for (const Entry &entry : kEntries) {
        if (scope == QLatin1String(entry.scope)) {
            return QCoreApplication::translate("Scopes", entry.text);
        }
    }
    return scope;
}

} // namespace Companion::Auth::Scopes
