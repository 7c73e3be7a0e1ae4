// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApprovalQueue.h"

#include "OrderApprovalWindow.h"

namespace Companion::Ui {

using Trading::ApprovalDecision;

ApprovalQueue::ApprovalQueue(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &ApprovalQueue::tick);
}

ApprovalQueue::~ApprovalQueue()
{
    // Whoever still waits is told; a closing app denies rather than leaves orders hanging.
    const QList<Entry> entries = std::exchange(m_entries, {});
    for (const Entry &entry : entries) {
        if (entry.context) {
            entry.callback(ApprovalDecision::Cancelled);
        }
    }
}

OrderApprovalWindow &ApprovalQueue::ensureWindow()
{
    // Made on the first request rather than at start: most runs never see an order, and a hidden dialog with
    // its labels, fonts and style sheets would stay resident in the tray app for nothing. Kept afterwards.
    if (!m_window) {
        m_window = std::make_unique<OrderApprovalWindow>();
        connect(m_window.get(), &OrderApprovalWindow::approved, this,
            [this](const QString &id) { decide(id, ApprovalDecision::Approved); });
        connect(m_window.get(), &OrderApprovalWindow::denied, this,
            [this](const QString &id) { decide(id, ApprovalDecision::Denied); });
    }
    return *m_window;
}

void ApprovalQueue::request(const Trading::ApprovalRequest &request, QObject *context, Callback callback)
{
    m_entries.append(Entry {request, context, std::move(callback),
        QDeadlineTimer(std::chrono::duration_cast<std::chrono::milliseconds>(request.timeout))});
    if (m_entries.size() == 1) {
        showHead();
    } else {
        ensureWindow().setWaiting(int(m_entries.size()) - 1);
        m_window->raise();
    }
    m_ticker.start();
    Q_EMIT pendingChanged(int(m_entries.size()));
}

void ApprovalQueue::withdraw(const QString &requestId)
{
    decide(requestId, ApprovalDecision::Cancelled);
}

void ApprovalQueue::decide(const QString &requestId, ApprovalDecision decision)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].request.id != requestId) {
            continue;
        }
        const Entry entry = m_entries.takeAt(i);
        const bool wasShown = i == 0;
        if (wasShown) {
            showHead();
        } else {
            ensureWindow().setWaiting(int(m_entries.size()) - 1);
        }
        // Queued, so the caller never runs inside a button's click handler or inside withdraw().
        if (entry.context) {
            QMetaObject::invokeMethod(
                entry.context.data(), [callback = entry.callback, decision]() { callback(decision); },
                Qt::QueuedConnection);
        }
        Q_EMIT pendingChanged(int(m_entries.size()));
        return;
    }
}

void ApprovalQueue::showHead()
{
    if (m_entries.isEmpty()) {
        m_ticker.stop();
        if (m_window) {
            m_window->hide();
        }
        return;
    }
    ensureWindow().present(m_entries.first().request, int(m_entries.size()) - 1);
    tick();
}

void ApprovalQueue::tick()
{
    // Every request's clock runs while it waits, shown or not.
    QStringList expired;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.deadline.hasExpired()) {
            expired << entry.request.id;
        }
    }
    for (const QString &id : expired) {
        decide(id, ApprovalDecision::TimedOut);
    }
    if (!m_entries.isEmpty()) {
        ensureWindow().setSecondsLeft((m_entries.first().deadline.remainingTime() + 999) / 1000);
    }
}

} // namespace Companion::Ui
