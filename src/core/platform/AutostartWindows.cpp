// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Autostart on Windows: a value in the user's Run key, which Explorer starts at sign-in. Per user, so no
// administrator rights are needed; turning it off deletes the value.
#include "Autostart.h"

#include "AppInfo.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Companion::Platform {

namespace {

const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

QString valueName()
{
    return QString::fromLatin1(AppInfo::kDisplayName);
}

/** One argument of the command line, quoted the way CommandLineToArgvW reads it back. */
QString commandArgument(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) && !argument.contains(QLatin1Char('\t'))
        && !argument.contains(QLatin1Char('"'))) {
        return argument;
    }
    QString quoted = QStringLiteral("\"");
    qsizetype backslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        // Backslashes are literal unless they come before a quote, where each must be doubled.
        quoted += QString(c == QLatin1Char('"') ? backslashes * 2 + 1 : backslashes, QLatin1Char('\\'));
        backslashes = 0;
        quoted += c;
    }
    quoted += QString(backslashes * 2, QLatin1Char('\\'));
    quoted += QLatin1Char('"');
    return quoted;
}

} // namespace

Autostart::Autostart(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{ }

QString Autostart::location() const
{
    return kRunKey + QLatin1Char('\\') + valueName();
}

bool Autostart::isEnabled() const
{
    // Task Manager's "Disable" is kept elsewhere (Explorer\StartupApproved\Run) in an undocumented binary
    // form; it is not read here, so an entry the user disabled there still shows as on.
    const QSettings run(kRunKey, QSettings::NativeFormat);
    return run.contains(valueName());
}

Expected<void, QString> Autostart::setEnabled(bool enabled)
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled) {
        // The program path is always quoted: unquoted paths with spaces are how other programs get run instead.
        QString command =
            QLatin1Char('"') + QDir::toNativeSeparators(QFileInfo(m_program).absoluteFilePath()) + QLatin1Char('"');
        for (const QString &argument : m_arguments) {
            command += QLatin1Char(' ') + commandArgument(argument);
        }
        run.setValue(valueName(), command);
    } else {
        run.remove(valueName());
    }
    run.sync();
    if (run.status() != QSettings::NoError) {
        return Unexpected(enabled ? tr("Could not add Aries Companion to the programs Windows starts at sign-in "
                                       "(%1).")
                                        .arg(location())
                                  : tr("Could not remove Aries Companion from the programs Windows starts at "
                                       "sign-in (%1).")
                                        .arg(location()));
    }
    return {};
}

} // namespace Companion::Platform
