// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonValues.h"

namespace Companion::Testing {

QString JsonValues::text(const nlohmann::json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
}

Decimal JsonValues::decimal(const nlohmann::json &value)
{
    if (value.is_string()) {
        return Decimal::parse(text(value)).value_or(Decimal::fromUnits(-1));
    }
    if (value.is_number()) {
        return Decimal::fromDouble(value.get<double>()).value_or(Decimal::fromUnits(-1));
    }
    return Decimal::fromUnits(-1);
}

QString JsonValues::firstContentText(const nlohmann::json &reply)
{
    return text(reply["result"]["content"][0]["text"]);
}

} // namespace Companion::Testing
