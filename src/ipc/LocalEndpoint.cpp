// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalEndpoint.h"

#include "AppInfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtGlobal>

namespace Companion::Ipc::LocalEndpoint {

QString serverName()
{
    const QString overridden = qEnvironmentVariable(kNameOverrideVariable);
    if (!overridden.isEmpty()) {
        return overridden;
    }
#ifdef Q_OS_WIN
    // Named pipes live in one machine-wide namespace; the user name keeps each person's app to themselves.
    return QStringLiteral("%1-mcp-%2").arg(QLatin1StringView(AppInfo::kDirName), qEnvironmentVariable("USERNAME"));
#else
    // The runtime dir is per user and 0700 already; the sub-folder lets a sandboxed app (Flatpak, Snap) be given
    // just this folder, as KeePassXC does for its browser socket.
    const QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtimeDir + QLatin1Char('/') + QLatin1StringView(AppInfo::kDirName) + QStringLiteral("/mcp.sock");
#endif
}

bool ensureDirectory(const QString &name)
{
#ifdef Q_OS_WIN
    Q_UNUSED(name);
    return true;
#else
    if (!QDir::isAbsolutePath(name)) {
        return true;
    }
    const QString folder = QFileInfo(name).absolutePath();
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QDir parent = QFileInfo(folder).dir();
    if (!parent.exists() && !QDir().mkpath(parent.absolutePath())) {
        qWarning("Cannot create the folder %s for the local socket", qUtf8Printable(parent.absolutePath()));
        return false;
    }
    // Created with 0700 in one step, so there is no moment in which another user could enter it.
    if (!QFileInfo::exists(folder) && !parent.mkdir(QFileInfo(folder).fileName(), ownerOnly)) {
        qWarning("Cannot create the folder %s for the local socket", qUtf8Printable(folder));
        return false;
    }
    constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((QFile::permissions(folder) & groupOrOther) && !QFile::setPermissions(folder, ownerOnly)) {
        qWarning("Cannot make the folder %s private to this user", qUtf8Printable(folder));
        return false;
    }
    return true;
#endif
}

QString instanceLockPath()
{
    const QString name = serverName();
    if (QDir::isAbsolutePath(name)) {
        return QFileInfo(name).absolutePath() + QStringLiteral("/instance.lock");
    }
    // A pipe name: the temp folder is per user on Windows, and the name already carries the user's name.
    return QDir(QDir::tempPath()).filePath(name + QStringLiteral(".lock"));
}

QString controlServerName()
{
    const QString name = serverName();
    if (QDir::isAbsolutePath(name)) {
        return QFileInfo(name).absolutePath() + QStringLiteral("/control.sock");
    }
    return name + QStringLiteral("-control");
}

} // namespace Companion::Ipc::LocalEndpoint
