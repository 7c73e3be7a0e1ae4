// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/SchemaValidator.h"

#include <QRegularExpression>

#include <cmath>
#include <set>
#include <string>

using nlohmann::json;

namespace Companion::Mcp {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

/** A value as the model wrote it, short enough for a message. */
QString shown(const json &value)
{
    QString text = q(value.dump());
    if (text.size() > 60) {
        text = text.left(57) + QStringLiteral("...");
    }
    return text;
}

QString typeWords(const std::string &type)
{
    if (type == "integer") {
        return QStringLiteral("a whole number");
    }
    if (type == "number") {
        return QStringLiteral("a number");
    }
    if (type == "string") {
        return QStringLiteral("a string");
    }
    if (type == "boolean") {
        return QStringLiteral("true or false");
    }
    if (type == "array") {
        return QStringLiteral("a list");
    }
    if (type == "object") {
        return QStringLiteral("an object");
    }
    if (type == "null") {
        return QStringLiteral("null");
    }
    return q(type);
}

QString plural(qint64 count, const QString &word)
{
    return QStringLiteral("%1 %2%3").arg(count).arg(word, count == 1 ? QString() : QStringLiteral("s"));
}

QString childName(const QString &parent, const QString &property)
{
    return parent.isEmpty() ? property : parent + QLatin1Char('.') + property;
}

/** What a failed branch of anyOf/oneOf is called: the name, or "the arguments" for the root. */
QString subject(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("the arguments") : name;
}

} // namespace

QStringList SchemaValidator::validate(const json &schema, const json &value, const QString &name)
{
    QStringList problems;
    check(schema, value, name, name.isEmpty(), problems);
    problems.removeDuplicates();
    return problems;
}

bool SchemaValidator::hasType(const json &value, const std::string &type)
{
    if (type == "integer") {
        if (value.is_number_integer()) {
            return true;
        }
        // 2020-12: 1.0 is an integer; 1.5 is not.
        if (value.is_number_float()) {
            const double number = value.get<double>();
            return std::isfinite(number) && std::floor(number) == number;
        }
        return false;
    }
    if (type == "number") {
        return value.is_number();
    }
    if (type == "string") {
        return value.is_string();
    }
    if (type == "boolean") {
        return value.is_boolean();
    }
    if (type == "array") {
        return value.is_array();
    }
    if (type == "object") {
        return value.is_object();
    }
    if (type == "null") {
        return value.is_null();
    }
    return true;
}

void SchemaValidator::check(
    const json &schema, const json &value, const QString &name, bool isRoot, QStringList &problems)
{
    if (schema.is_boolean()) {
        if (!schema.get<bool>()) {
            problems.append(QStringLiteral("%1 is not allowed").arg(subject(name)));
        }
        return;
    }
    if (!schema.is_object()) {
        return;
    }
    const QString label = subject(name);

    if (schema.contains("type")) {
        const json &type = schema["type"];
        std::vector<std::string> types;
        if (type.is_string()) {
            types.push_back(type.get<std::string>());
        } else if (type.is_array()) {
            for (const json &entry : type) {
                if (entry.is_string()) {
                    types.push_back(entry.get<std::string>());
                }
            }
        }
        bool matches = types.empty();
        for (const std::string &candidate : types) {
            matches = matches || hasType(value, candidate);
        }
        if (!matches) {
            QStringList words;
            for (const std::string &candidate : types) {
                words.append(typeWords(candidate));
            }
            problems.append(
                QStringLiteral("%1 must be %2, not %3").arg(label, words.join(QStringLiteral(" or ")), shown(value)));
            // The other keywords would only repeat the same mistake in other words.
            return;
        }
    }

    if (schema.contains("const") && value != schema["const"]) {
        problems.append(QStringLiteral("%1 must be %2").arg(label, shown(schema["const"])));
    }
    if (schema.contains("enum") && schema["enum"].is_array()) {
        bool found = false;
        QStringList allowed;
        for (const json &entry : schema["enum"]) {
            found = found || entry == value;
            allowed.append(entry.is_string() ? q(entry.get<std::string>()) : q(entry.dump()));
        }
        if (!found) {
            problems.append(QStringLiteral("%1 must be one of: %2 (got %3)")
                                .arg(label, allowed.join(QStringLiteral(", ")), shown(value)));
        }
    }

    if (value.is_object()) {
        checkObject(schema, value, name, isRoot, problems);
    } else if (value.is_array()) {
        checkArray(schema, value, name, problems);
    } else if (value.is_string()) {
        checkString(schema, value, name, problems);
    } else if (value.is_number()) {
        checkNumber(schema, value, name, problems);
    }

    for (const char *keyword : {"anyOf", "oneOf"}) {
        if (!schema.contains(keyword) || !schema[keyword].is_array() || schema[keyword].empty()) {
            continue;
        }
        int matching = 0;
        QStringList firstProblems;
        bool first = true;
        for (const json &branch : schema[keyword]) {
            QStringList branchProblems;
            check(branch, value, name, isRoot, branchProblems);
            if (branchProblems.isEmpty()) {
                ++matching;
            } else if (first) {
                firstProblems = branchProblems;
            }
            first = false;
        }
        if (matching == 0) {
            // The branch's own description, when the schema gives one, says best what is wanted.
            QStringList forms;
            for (const json &branch : schema[keyword]) {
                if (branch.is_object() && branch.contains("description") && branch["description"].is_string()) {
                    forms.append(q(branch["description"].get<std::string>()));
                }
            }
            if (forms.size() == static_cast<qsizetype>(schema[keyword].size())) {
                problems.append(QStringLiteral("%1 must match one of these forms: %2")
                                    .arg(label, forms.join(QStringLiteral("; or "))));
            } else {
                problems.append(firstProblems);
            }
        } else if (matching > 1 && std::string(keyword) == "oneOf") {
            problems.append(QStringLiteral("%1 matches more than one of the allowed forms; give only one").arg(label));
        }
    }
}

void SchemaValidator::checkObject(
    const json &schema, const json &value, const QString &name, bool isRoot, QStringList &problems)
{
    const json properties = schema.value("properties", json::object());
    const QString noun = isRoot ? QStringLiteral("argument") : QStringLiteral("property");

    if (schema.contains("required") && schema["required"].is_array()) {
        for (const json &required : schema["required"]) {
            if (required.is_string() && !value.contains(required.get<std::string>())) {
                const QString key = q(required.get<std::string>());
                problems.append(isRoot ? QStringLiteral("missing required argument '%1'").arg(key)
                                       : QStringLiteral("%1 is missing required property '%2'").arg(name, key));
            }
        }
    }

    const json additional = schema.contains("additionalProperties") ? schema["additionalProperties"] : json(true);
    for (const auto &[key, member] : value.items()) {
        const QString memberName = childName(name, q(key));
        if (properties.is_object() && properties.contains(key)) {
            check(properties[key], member, memberName, false, problems);
            continue;
        }
        if (additional.is_boolean() && !additional.get<bool>()) {
            QStringList expected;
            if (properties.is_object()) {
                for (const auto &[known, unused] : properties.items()) {
                    Q_UNUSED(unused)
                    expected.append(q(known));
                }
            }
            const QString where = isRoot ? QString() : QStringLiteral(" in %1").arg(name);
            if (expected.isEmpty()) {
                problems.append(isRoot
                        ? QStringLiteral("unknown argument '%1'; this tool takes no arguments").arg(q(key))
                        : QStringLiteral("unknown property '%1'%2; it takes no properties").arg(q(key), where));
            } else {
                problems.append(QStringLiteral("unknown %1 '%2'%3; expected one of: %4")
                                    .arg(noun, q(key), where, expected.join(QStringLiteral(", "))));
            }
        } else if (additional.is_object()) {
            check(additional, member, memberName, false, problems);
        }
    }
}

void SchemaValidator::checkArray(const json &schema, const json &value, const QString &name, QStringList &problems)
{
    const QString label = subject(name);
    const auto size = static_cast<qint64>(value.size());
    if (schema.contains("minItems") && schema["minItems"].is_number() && size < schema["minItems"].get<qint64>()) {
        problems.append(QStringLiteral("%1 must have at least %2")
                            .arg(label, plural(schema["minItems"].get<qint64>(), QStringLiteral("item"))));
    }
    if (schema.contains("maxItems") && schema["maxItems"].is_number() && size > schema["maxItems"].get<qint64>()) {
        problems.append(QStringLiteral("%1 must have at most %2 (got %3)")
                            .arg(label, plural(schema["maxItems"].get<qint64>(), QStringLiteral("item")))
                            .arg(size));
    }
    if (schema.value("uniqueItems", false)) {
        std::set<std::string> seen;
        for (const json &item : value) {
            if (!seen.insert(item.dump()).second) {
                problems.append(QStringLiteral("%1 must not contain duplicates (%2 appears more than once)")
                                    .arg(label, shown(item)));
                break;
            }
        }
    }
    if (schema.contains("items")) {
        for (std::size_t index = 0; index < value.size(); ++index) {
            check(schema["items"], value[index], QStringLiteral("%1[%2]").arg(label).arg(index), false, problems);
        }
    }
}

void SchemaValidator::checkString(const json &schema, const json &value, const QString &name, QStringList &problems)
{
    const QString label = subject(name);
    const QString text = q(value.get<std::string>());
    // JSON Schema counts code points, so an emoji is one character, not two UTF-16 units.
    const auto length = static_cast<qint64>(text.toUcs4().size());
    if (schema.contains("minLength") && schema["minLength"].is_number() && length < schema["minLength"].get<qint64>()) {
        const qint64 minimum = schema["minLength"].get<qint64>();
        problems.append(minimum == 1 ? QStringLiteral("%1 must not be empty").arg(label)
                                     : QStringLiteral("%1 must be at least %2 long")
                                           .arg(label, plural(minimum, QStringLiteral("character"))));
    }
    if (schema.contains("maxLength") && schema["maxLength"].is_number() && length > schema["maxLength"].get<qint64>()) {
        problems.append(QStringLiteral("%1 must be at most %2 long (got %3)")
                            .arg(label, plural(schema["maxLength"].get<qint64>(), QStringLiteral("character")))
                            .arg(length));
    }
    if (schema.contains("pattern") && schema["pattern"].is_string()) {
        const QString pattern = q(schema["pattern"].get<std::string>());
        const QRegularExpression expression(pattern);
        if (expression.isValid() && !expression.match(text).hasMatch()) {
            problems.append(QStringLiteral("%1 has the wrong form: %2 does not match the pattern %3")
                                .arg(label, shown(value), pattern));
        }
    }
}

void SchemaValidator::checkNumber(const json &schema, const json &value, const QString &name, QStringList &problems)
{
    const QString label = subject(name);
    const double number = value.get<double>();
    const auto limit = [&schema](const char *keyword) -> std::optional<double> {
        if (schema.contains(keyword) && schema[keyword].is_number()) {
            return schema[keyword].get<double>();
        }
        return std::nullopt;
    };
    const auto text = [&schema](const char *keyword) { return q(schema[keyword].dump()); };
    if (const auto minimum = limit("minimum"); minimum && number < *minimum) {
        problems.append(QStringLiteral("%1 must be at least %2 (got %3)").arg(label, text("minimum"), shown(value)));
    }
    if (const auto maximum = limit("maximum"); maximum && number > *maximum) {
        problems.append(QStringLiteral("%1 must be at most %2 (got %3)").arg(label, text("maximum"), shown(value)));
    }
    if (const auto minimum = limit("exclusiveMinimum"); minimum && number <= *minimum) {
        problems.append(
            QStringLiteral("%1 must be greater than %2 (got %3)").arg(label, text("exclusiveMinimum"), shown(value)));
    }
    if (const auto maximum = limit("exclusiveMaximum"); maximum && number >= *maximum) {
        problems.append(
            QStringLiteral("%1 must be less than %2 (got %3)").arg(label, text("exclusiveMaximum"), shown(value)));
    }
}

} // namespace Companion::Mcp
