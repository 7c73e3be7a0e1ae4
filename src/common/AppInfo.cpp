// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QCoreApplication>

namespace Companion::AppInfo {

QString version()
{
    return QStringLiteral(COMPANION_VERSION);
}

void applyTo(QCoreApplication &app)
{
    // The organisation is left empty on purpose: QSettings and QStandardPaths then use
    // "aries-companion" alone, e.g. ~/.config/aries-companion/, which is what a user looks for.
    app.setOrganizationName(QString());
    app.setOrganizationDomain(QStringLiteral("aries.com"));
    app.setApplicationName(QString::fromLatin1(kDirName));
    app.setApplicationVersion(version());
}

} // namespace Companion::AppInfo
