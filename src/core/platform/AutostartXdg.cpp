// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Autostart on Linux and other XDG desktops (GNOME, KDE, Xfce, …): a desktop entry in the user's autostart
// folder, as the XDG Autostart specification describes. Removing the file is how it is turned off.
#include "Autostart.h"

#include "AppInfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Companion::Platform {

namespace {

QString entryPath()
{
    // GenericConfigLocation is $XDG_CONFIG_HOME (~/.config when unset), where the desktop looks.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/%1.desktop").arg(QLatin1StringView(AppInfo::kDirName));
}

/** One argument of an Exec line, quoted as the Desktop Entry Specification asks when it holds reserved characters. */
QString execArgument(QString argument)
{
    // A '%' would be read as a field code (%f, %u…); "%%" is a literal one.
    argument.replace(QLatin1Char('%'), QStringLiteral("%%"));
    static const QString kReserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    const bool needsQuotes = argument.isEmpty()
        || std::any_of(argument.cbegin(), argument.cend(), [](QChar c) { return kReserved.contains(c); });
    if (!needsQuotes) {
        return argument;
    }
    QString quoted;
    quoted.reserve(argument.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : std::as_const(argument)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\')) {
            quoted += QLatin1Char('\\');
        }
        quoted += c;
    }
    quoted += QLatin1Char('"');
    return quoted;
}

/** A value of type string in a desktop entry: backslashes and control characters are escaped. */
QString stringValue(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    value.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    value.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return value;
}

/**
 * The entry's "on" state. A desktop's own settings may keep the file and switch it off with Hidden=true or
 * X-GNOME-Autostart-enabled=false; those count as off, so the checkbox shows what will really happen.
 */
bool entryIsActive(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return false;
    }
    bool inMainGroup = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.startsWith('[')) {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        if (!inMainGroup) {
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        if (equals < 0) {
            continue;
        }
        const QByteArray key = line.left(equals).trimmed();
        const QByteArray value = line.mid(equals + 1).trimmed();
        if ((key == "Hidden" && value == "true") || (key == "X-GNOME-Autostart-enabled" && value == "false")) {
            return false;
        }
    }
    return true;
}

} // namespace

Autostart::Autostart(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{ }

QString Autostart::location() const
{
    return entryPath();
}

bool Autostart::isEnabled() const
{
    return entryIsActive(entryPath());
}

Expected<void, QString> Autostart::setEnabled(bool enabled)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            return Unexpected(tr("Could not remove %1. Delete the file yourself, or check its folder's permissions.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
        return {};
    }

    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Unexpected(tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(folder)));
    }
    QStringList exec {execArgument(QFileInfo(m_program).absoluteFilePath())};
    for (const QString &argument : m_arguments) {
        exec << execArgument(argument);
    }
    const QString entry =
        QStringLiteral("[Desktop Entry]\n"
                       "Type=Application\n"
                       "Version=1.0\n"
                       "Name=%1\n"
                       "Comment=%2\n"
                       "Exec=%3\n"
                       "TryExec=%4\n"
                       "Icon=%5\n"
                       "Terminal=false\n"
                       "X-GNOME-Autostart-enabled=true\n")
            .arg(stringValue(QString::fromLatin1(AppInfo::kDisplayName)),
                stringValue(tr("Lets your AI assistant work with your Aries account; you approve "
                               "every order.")),
                stringValue(exec.join(QLatin1Char(' '))), stringValue(QFileInfo(m_program).absoluteFilePath()),
                QString::fromLatin1(AppInfo::kDirName));

    // Written to a temporary file and renamed, so the desktop never reads half an entry.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(entry.toUtf8()) < 0 || !file.commit()) {
        return Unexpected(tr("Could not write %1 (%2).").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

} // namespace Companion::Platform
