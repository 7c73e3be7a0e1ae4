// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <nlohmann/json.hpp>

namespace Companion::Testing {

/**
 * Claude Desktop's side of Aries' guide: tests/node/guide-prompts.mjs, the official SDK client, starts the
 * stdio bridge and asks for the portfolio, the AAPL price and a limit buy of 10 MSFT at $400, printing each
 * result as "RESULT <tool> <json>". The app under test lives in the test's own process, so the test waits
 * for the client with the event loop running.
 */
class GuideClient final
{
public:
    GuideClient() = default;
    Q_DISABLE_COPY_MOVE(GuideClient)

    /** Starts @p node on @p script with the bridge at @p bridge (which never launches an app of its own). */
    bool start(const QString &node, const QString &script, const QString &bridge);
    QProcess &process() { return m_process; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /** Everything the client printed, read once it has ended. */
    QByteArray output();
    /** Its output without the long result lines, for a failure message. */
    QByteArray diagnostics();
    /** The result of @p tool, or null when the client printed none. */
    nlohmann::json resultOf(const QByteArray &tool);

private:
    void readAll();

    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
};

} // namespace Companion::Testing
