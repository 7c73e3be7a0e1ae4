// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Companion::Auth::Scopes {

/** One plain-language line for an Aries scope ("See your balances, positions and account history"). */
QString describe(const QString &scope);

} // namespace Companion::Auth::Scopes
