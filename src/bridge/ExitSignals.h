// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Companion::McpBridge {

/**
 * Turns SIGINT, SIGTERM and SIGHUP (console control events on Windows) into exitRequested() on the main thread,
 * so the bridge can flush and leave cleanly instead of being killed in the middle of a write.
 * Create at most one.
 */
class ExitSignals final : public QObject
{
    Q_OBJECT

public:
    explicit ExitSignals(QObject *parent = nullptr);
    ~ExitSignals() override;
    Q_DISABLE_COPY_MOVE(ExitSignals)

Q_SIGNALS:
    void exitRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Companion::McpBridge
