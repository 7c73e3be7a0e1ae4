// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Autostart on macOS: a LaunchAgent in the user's ~/Library/LaunchAgents, which launchd loads at the next
// login. It is not loaded now (launchctl): the app is already running. Turning it off deletes the file.
#include "Autostart.h"

#include "AppInfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Companion::Platform {

namespace {

QString agentPath()
{
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/%1.plist").arg(QLatin1StringView(AppInfo::kAppId));
}

QString xmlString(const QString &text)
{
    return QStringLiteral("<string>%1</string>").arg(text.toHtmlEscaped());
}

} // namespace

Autostart::Autostart(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{ }

QString Autostart::location() const
{
    return agentPath();
}

bool Autostart::isEnabled() const
{
    QFile file(agentPath());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    // A user or a management tool may keep the agent but mark it <key>Disabled</key><true/>.
    QByteArray content = file.readAll();
    content.replace(' ', QByteArray()).replace('\n', QByteArray()).replace('\t', QByteArray());
    return !content.contains("<key>Disabled</key><true/>");
}

Expected<void, QString> Autostart::setEnabled(bool enabled)
{
    const QString path = agentPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            return Unexpected(tr("Could not remove %1.").arg(path));
        }
        return {};
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Unexpected(tr("Could not create the folder %1.").arg(folder));
    }
    QString arguments =
        QStringLiteral("        ") + xmlString(QFileInfo(m_program).absoluteFilePath()) + QLatin1Char('\n');
    for (const QString &argument : m_arguments) {
        arguments += QStringLiteral("        ") + xmlString(argument) + QLatin1Char('\n');
    }
    const QString plist = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                         "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                                         "<plist version=\"1.0\">\n"
                                         "<dict>\n"
                                         "    <key>Label</key>\n"
                                         "    %1\n"
                                         "    <key>ProgramArguments</key>\n"
                                         "    <array>\n"
                                         "%2"
                                         "    </array>\n"
                                         "    <key>RunAtLoad</key>\n"
                                         "    <true/>\n"
                                         "    <key>ProcessType</key>\n"
                                         "    <string>Interactive</string>\n"
                                         "    <key>LimitLoadToSessionType</key>\n"
                                         "    <string>Aqua</string>\n"
                                         "</dict>\n"
                                         "</plist>\n")
                              .arg(xmlString(QString::fromLatin1(AppInfo::kAppId)), arguments);
    // Written to a temporary file and renamed, so launchd never reads half a property list.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(plist.toUtf8()) < 0 || !file.commit()) {
        return Unexpected(tr("Could not write %1 (%2).").arg(path, file.errorString()));
    }
    return {};
}

} // namespace Companion::Platform
