// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Companion::Mcp {

/**
 * An RFC 6570 level-1 URI template ("test://template/{id}/data"), used the other way round: to
 * recognise the URIs it expands to and recover the variables. Level 1 percent-encodes everything
 * but unreserved characters, so a variable never spans '/', '?' or '#'; that keeps matching
 * unambiguous for the templates we publish.
 */
class UriTemplate
{
public:
    explicit UriTemplate(const QString &pattern);

    /** False for a malformed template (unbalanced braces, an empty or operator-prefixed name). */
    bool isValid() const { return m_valid; }
    const QString &pattern() const { return m_pattern; }
    /** The variable names in order of appearance. */
    const QStringList &variables() const { return m_variables; }

    /** The variables (percent-decoded) when @p uri is an expansion of this template, else nullopt. */
    std::optional<QMap<QString, QString>> match(const QString &uri) const;

private:
    QString m_pattern;
    QStringList m_variables;
    QRegularExpression m_regex;
    bool m_valid = false;
};

} // namespace Companion::Mcp
