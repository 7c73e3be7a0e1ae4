// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace Companion::Mcp {

/**
 * Checks a JSON value against the part of JSON Schema 2020-12 that the assistant's tools use, and
 * describes every problem as one plain sentence that names the argument ("quantity must be greater
 * than 0", "unknown argument 'qty'; expected one of: …"), so a model can correct its call at once.
 *
 * Supported keywords: type (integer is a number with no fractional part, as 2020-12 says), properties,
 * required, additionalProperties (false or a schema), enum, const, pattern (QRegularExpression, not
 * anchored), minLength/maxLength (in code points), minimum/maximum, exclusiveMinimum/exclusiveMaximum,
 * items, minItems/maxItems, uniqueItems, anyOf and oneOf. Other keywords (description, title, default,
 * format, examples, …) are annotations here and never fail a value.
 *
 * Our own rather than a library: Debian 12 packages no C++ JSON Schema validator, and the tools need
 * only this subset, with messages written for a model rather than schema paths.
 */
class SchemaValidator final
{
public:
    /**
     * Every problem of @p value against @p schema; empty when it conforms. @p name is how the value
     * is called in the messages; empty means the tool's arguments object, whose properties are then
     * called arguments ("unknown argument 'x'").
     */
    static QStringList validate(const nlohmann::json &schema, const nlohmann::json &value, const QString &name = {});

private:
    static void check(const nlohmann::json &schema, const nlohmann::json &value, const QString &name, bool isRoot,
        QStringList &problems);
    static void checkObject(const nlohmann::json &schema, const nlohmann::json &value, const QString &name, bool isRoot,
        QStringList &problems);
    static void checkArray(
        const nlohmann::json &schema, const nlohmann::json &value, const QString &name, QStringList &problems);
    static void checkString(
        const nlohmann::json &schema, const nlohmann::json &value, const QString &name, QStringList &problems);
    static void checkNumber(
        const nlohmann::json &schema, const nlohmann::json &value, const QString &name, QStringList &problems);
    static bool hasType(const nlohmann::json &value, const std::string &type);
};

} // namespace Companion::Mcp
