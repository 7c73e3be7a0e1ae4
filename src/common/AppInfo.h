// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace Companion::AppInfo {

/** Reverse-DNS id used for the keychain service, settings and the local socket directory. */
inline constexpr char kAppId[] = "com.aries.companion";
/** Name shown to people. */
inline constexpr char kDisplayName[] = "Aries Companion";
/** Folder name under the XDG directories (settings, logs, runtime socket). */
inline constexpr char kDirName[] = "aries-companion";

/** The version this build was made from, as in the top-level CMakeLists.txt. */
QString version();

/**
 * Sets the application name, organisation and version on @p app, so QSettings, QStandardPaths and
 * --version agree across all executables.
 */
void applyTo(QCoreApplication &app);

} // namespace Companion::AppInfo
