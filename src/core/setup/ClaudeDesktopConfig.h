// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Companion::Setup {

/**
 * Adds Aries Companion to Claude Desktop's claude_desktop_config.json, or takes it out, without touching
 * anything else in the file: other servers, other settings and the order of keys stay as they are.
 *
 * A change is planned first (the file's text before and after, for the user to see), then applied: the
 * original is copied to "<file>.bak" and the new text replaces it atomically. A file that is not valid
 * JSON is never rewritten; the plan fails with the reason, so the user can fix it or paste the snippet.
 */
class ClaudeDesktopConfig final
{
public:
    ClaudeDesktopConfig() = delete;

    /** The name of our entry under "mcpServers". */
    static constexpr const char *kServerName = "aries";

    /** A change to one file: what it holds now and what it will hold. */
    struct Plan
    {
        QString path;
        QByteArray before; ///< Empty when the file does not exist yet
        QByteArray after;
        /** Our entry as it is now (compact JSON), empty when there is none: what the user sees change. */
        QByteArray entryBefore;
        /** Our entry once the plan is applied, empty when it is removed. */
        QByteArray entryAfter;
        /** The command our entry starts now (an older install may point elsewhere), empty when none. */
        QString commandBefore;
        bool changes() const { return before != after; }
    };

    /**
     * Where Claude Desktop keeps its configuration on this system, most likely first: on Windows the
     * Store (MSIX) install's folder under %LOCALAPPDATA%\Packages\Claude_*\ and %APPDATA%\Claude\, on
     * macOS ~/Library/Application Support/Claude/, elsewhere ~/.config/Claude/.
     */
    static QStringList candidatePaths();
    /** The first candidate that exists, else the first candidate (a fresh install has none yet). */
    static QString defaultPath();

    /**
     * Why @p path cannot be written, in words, or nullopt when it can. A file or folder whose owner
     * took away write permission counts as read-only even where this process could write it anyway
     * (an administrator's or a dotfiles manager's file is left alone).
     */
    static std::optional<QString> writeProblem(const QString &path);

    /** The plan that sets our entry to start @p bridgePath (an absolute path). */
    static Expected<Plan, QString> planAdd(const QString &path, const QString &bridgePath);
    /** The plan that removes our entry (no change when there is none). */
    static Expected<Plan, QString> planRemove(const QString &path);
    /**
     * Writes the plan: refused when the file changed since it was planned (Claude Desktop or the user
     * edited it meanwhile), so nothing written by someone else is lost.
     */
    static Expected<void, QString> apply(const Plan &plan);
};

} // namespace Companion::Setup
