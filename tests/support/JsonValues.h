// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace Companion::Testing {

/**
 * Reading values out of tool results in tests, where a wrong shape should fail the comparison that
 * follows rather than throw.
 */
class JsonValues final
{
public:
    JsonValues() = delete;

    /** A string's text; anything else as its JSON text (so a comparison with the expected text fails). */
    static QString text(const nlohmann::json &value);
    /** An exact decimal from a decimal string or a JSON number; -0.000001 for anything else. */
    static Decimal decimal(const nlohmann::json &value);
    /** The text of a tools/call reply's first content block (where a tool explains an error). */
    static QString firstContentText(const nlohmann::json &reply);
};

} // namespace Companion::Testing
