// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/ApprovalRequest.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace Companion::Ui {

/**
 * The window in which the user approves or denies one order action asked for by an AI assistant:
 * environment (LIVE in large red letters), account, side, quantity, symbol, type, prices, time in force,
 * Aries' preview (estimated cost, fees, buying power impact, warnings), the MCP client that asked, and
 * the time left. Deny is the default button and has the focus, so Enter or Escape never places an order.
 *
 * It only shows and reports; ApprovalQueue decides what it shows and when. It is shown with show(),
 * never exec(), so the MCP server keeps running while it is open.
 */
class OrderApprovalWindow final : public QDialog
{
    Q_OBJECT

public:
    explicit OrderApprovalWindow(QWidget *parent = nullptr);
    ~OrderApprovalWindow() override;
    Q_DISABLE_COPY_MOVE(OrderApprovalWindow)

    /** Shows @p request; @p waiting more requests are queued behind it. */
    void present(const Trading::ApprovalRequest &request, int waiting);
    void setSecondsLeft(qint64 seconds);
    void setWaiting(int waiting);
    QString requestId() const { return m_requestId; }

Q_SIGNALS:
    void approved(const QString &requestId);
    void denied(const QString &requestId);

protected:
    void reject() override;

private:
    QString m_requestId;
    QLabel *m_environment = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_client = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_queue = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_deny = nullptr;
};

} // namespace Companion::Ui
