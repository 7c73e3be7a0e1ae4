// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/UriTemplate.h"

#include <QUrl>

namespace Companion::Mcp {

UriTemplate::UriTemplate(const QString &pattern)
    : m_pattern(pattern)
{
    QString regex = QStringLiteral("^");
    qsizetype pos = 0;
    while (pos < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), pos);
        const QString literal = pattern.mid(pos, open < 0 ? -1 : open - pos);
        if (literal.contains(QLatin1Char('}'))) {
            return;
        }
        regex += QRegularExpression::escape(literal);
        if (open < 0) {
            break;
        }
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            return;
        }
        const QString name = pattern.mid(open + 1, close - open - 1);
        // Level 1 only: operators (+, #, /, ?, …), lists and modifiers would change the matching rules.
        static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9_]+$"));
        if (!kName.match(name).hasMatch() || m_variables.contains(name)) {
            return;
        }
        m_variables.append(name);
        regex += QStringLiteral("([^/?#]+)");
        pos = close + 1;
    }
    regex += QLatin1Char('$');
    m_regex.setPattern(regex);
    m_valid = m_regex.isValid();
}

std::optional<QMap<QString, QString>> UriTemplate::match(const QString &uri) const
{
    if (!m_valid) {
        return std::nullopt;
    }
    const QRegularExpressionMatch found = m_regex.match(uri);
    if (!found.hasMatch()) {
        return std::nullopt;
    }
    QMap<QString, QString> values;
    for (qsizetype i = 0; i < m_variables.size(); ++i) {
        values.insert(m_variables.at(i), QUrl::fromPercentEncoding(found.captured(int(i) + 1).toUtf8()));
    }
    return values;
}

} // namespace Companion::Mcp
