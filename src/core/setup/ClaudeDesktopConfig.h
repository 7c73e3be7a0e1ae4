// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

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
