// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Companion::Tools {

/** One thing a tool asks Aries for, and the scopes any one of which Aries accepts for it. */
struct ScopeNeed
{
    QStringList anyOf; ///< The first is the one the app asks for by name
    /** False when the tool asks only in some cases (no account given and none chosen in settings, a market order). */
    bool always = true;
    QString purpose; ///< What the tool asks Aries for, in plain words (untranslated; tr() at display)
};

/** The scopes one of the assistant's tools needs. */
struct ToolScopeRequirement
{
    QString tool;
    QList<ScopeNeed> needs;
};

/**
 * Which Aries scopes each of the assistant's tools needs, next to the tools so the two are changed
 * together (TestToolScopes calls every tool against the sandbox, which enforces scopes as Aries
 * documents them, to check this table).
 *
 * A tool is Unavailable when a need it always has is not granted, Limited when only a need of some
 * cases is missing (it works when the model names the account, or for limit orders), Available otherwise.
 */
class ToolScopes final
{
public:
    enum class Availability {
        Available,
        Limited,
        Unavailable
    };

    /** Every tool the app registers, in the order the status view lists them. */
    static const QList<ToolScopeRequirement> &all();
    /** The requirement of @p tool; empty needs for a tool this table does not know. */
    static ToolScopeRequirement forTool(const QString &tool);
    static Availability availability(const QString &tool, const QStringList &granted);
    /**
     * For each need of @p tool that @p granted does not meet, its preferred scope (what to approve on
     * Reconnect); only the needs it always has unless @p includeSometimes.
     */
    static QStringList missingScopes(const QString &tool, const QStringList &granted, bool includeSometimes = false);
    /** The tools that use @p scope for at least one of their needs. */
    static QStringList toolsUsing(const QString &scope);

private:
    static bool met(const ScopeNeed &need, const QStringList &granted);
};

} // namespace Companion::Tools
