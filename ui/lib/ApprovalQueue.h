// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/OrderApprover.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Companion::Ui {

class OrderApprovalWindow;

/**
 * The tray app's OrderApprover: approval requests wait in a queue and are shown one after another in
 * one OrderApprovalWindow, raised on top when a request arrives. Only the window's own buttons (or
 * closing it) decide; a request unanswered within its timeout is TimedOut, and withdraw() removes it.
 * Nothing blocks: the window is shown with show() and every answer arrives through the event loop.
 */
class ApprovalQueue final : public QObject, public Trading::OrderApprover
{
    Q_OBJECT

public:
    explicit ApprovalQueue(QObject *parent = nullptr);
    ~ApprovalQueue() override;
    Q_DISABLE_COPY_MOVE(ApprovalQueue)

    void request(const Trading::ApprovalRequest &request, QObject *context, Callback callback) override;
    void withdraw(const QString &requestId) override;

    int pendingCount() const { return int(m_entries.size()); }
    /** The approval window, or null before the first request (it is made when first needed). */
    OrderApprovalWindow *window() const { return m_window.get(); }

Q_SIGNALS:
    /** The number of requests waiting changed (the tray shows "attention needed" while any waits). */
    void pendingChanged(int count);

private:
    struct Entry
    {
        Trading::ApprovalRequest request;
        QPointer<QObject> context;
        Callback callback;
        QDeadlineTimer deadline;
    };

    OrderApprovalWindow &ensureWindow();
    void decide(const QString &requestId, Trading::ApprovalDecision decision);
    void showHead();
    void tick();

    std::unique_ptr<OrderApprovalWindow> m_window;
    QList<Entry> m_entries;
    QTimer m_ticker;
};

} // namespace Companion::Ui
