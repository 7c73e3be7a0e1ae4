// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuideClient.h"

#include <QByteArrayList>
#include <QProcessEnvironment>

namespace Companion::Testing {

bool GuideClient::start(const QString &node, const QString &script, const QString &bridge)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The app is the test's own; a bridge that started another copy would test that copy instead.
    environment.insert(QStringLiteral("ARIES_MCP_NO_LAUNCH"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.start(node, {script, bridge});
    return m_process.waitForStarted(10'000);
}

void GuideClient::readAll()
{
    m_output += m_process.readAllStandardOutput();
    m_errors += m_process.readAllStandardError();
}

QByteArray GuideClient::output()
{
    readAll();
    return m_output;
}

QByteArray GuideClient::diagnostics()
{
    readAll();
    QByteArrayList lines;
    for (const QByteArray &line : m_output.split('\n')) {
        if (!line.startsWith("RESULT ") && !line.startsWith("TOOLS ")) {
            lines.append(line);
        }
    }
    return lines.join('\n') + '\n' + m_errors;
}

nlohmann::json GuideClient::resultOf(const QByteArray &tool)
{
    readAll();
    const QByteArray prefix = "RESULT " + tool + ' ';
    for (const QByteArray &line : m_output.split('\n')) {
        if (line.startsWith(prefix)) {
            return nlohmann::json::parse(line.sliced(prefix.size()).toStdString(), nullptr, false);
        }
    }
    return nullptr;
}

} // namespace Companion::Testing
