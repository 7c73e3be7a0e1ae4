// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderApprovalWindow.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Companion::Ui {

namespace {

QLabel *plainLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    // Symbols, warnings and reject reasons come from outside; they are shown as text, never as markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString money(const std::optional<Decimal> &value)
{
    return value ? QStringLiteral("$") + value->toString(2) : QStringLiteral("–");
}

} // namespace

OrderApprovalWindow::OrderApprovalWindow(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("OrderApprovalWindow"));
    setWindowTitle(tr("Approve order – Aries Companion"));
    setWindowFlag(Qt::WindowStaysOnTopHint);
    setModal(false);

    m_environment = plainLabel(QStringLiteral("environmentLabel"));
    m_title = plainLabel(QStringLiteral("titleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_client = plainLabel(QStringLiteral("clientLabel"));
    m_details = plainLabel(QStringLiteral("detailsLabel"));
    m_preview = plainLabel(QStringLiteral("previewLabel"));
    m_warning = plainLabel(QStringLiteral("warningLabel"));
    m_warning->setStyleSheet(QStringLiteral("color: #b35900;"));
    m_countdown = plainLabel(QStringLiteral("countdownLabel"));
    m_queue = plainLabel(QStringLiteral("queueLabel"));

    m_deny = new QPushButton(tr("&Deny"));
    m_deny->setObjectName(QStringLiteral("denyButton"));
    m_deny->setDefault(true);
    m_deny->setAutoDefault(true);
    m_approve = new QPushButton(tr("&Approve"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setAutoDefault(false);
    m_approve->setDefault(false);
    connect(m_deny, &QPushButton::clicked, this, [this]() { Q_EMIT denied(m_requestId); });
    connect(m_approve, &QPushButton::clicked, this, [this]() { Q_EMIT approved(m_requestId); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_countdown, 1);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_environment);
    layout->addWidget(m_title);
    layout->addWidget(m_client);
    layout->addWidget(m_details);
    layout->addWidget(m_preview);
    layout->addWidget(m_warning);
    layout->addWidget(m_queue);
    layout->addLayout(buttons);
    setMinimumWidth(460);
}

OrderApprovalWindow::~OrderApprovalWindow() = default;

void OrderApprovalWindow::present(const Trading::ApprovalRequest &request, int waiting)
{
    m_requestId = request.id;
    const bool live = request.environment == Aries::AriesEnvironment::Live;
    m_environment->setText(live ? tr("LIVE ACCOUNT – REAL MONEY") : tr("Sandbox – practice, not real money"));
    QFont environmentFont = font();
    environmentFont.setBold(true);
    environmentFont.setPointSizeF(environmentFont.pointSizeF() * (live ? 2.0 : 1.1));
    m_environment->setFont(environmentFont);
    m_environment->setStyleSheet(live ? QStringLiteral("color: white; background: #c62828; padding: 6px;")
                                      : QStringLiteral("color: #1b5e20; padding: 2px;"));
    m_title->setText(request.actionTitle() + QStringLiteral(": ") + request.summary());
    m_client->setText(tr("Asked by the AI assistant in: %1").arg(request.clientName));

    QStringList lines;
    lines << tr("Account: %1").arg(request.accountId);
    if (!request.origOrderId.isEmpty()) {
        lines << tr("Order: %1").arg(request.origOrderId);
    }
    lines << tr("Side: %1").arg(request.side) << tr("Quantity: %1 shares").arg(request.quantity.toString())
          << tr("Symbol: %1").arg(request.symbol) << tr("Type: %1").arg(request.type);
    if (request.limitPrice) {
        lines << tr("Limit price: %1").arg(money(request.limitPrice));
    }
    if (request.stopPrice) {
        lines << tr("Stop price: %1").arg(money(request.stopPrice));
    }
    lines << tr("Time in force: %1").arg(request.timeInForce);
    m_details->setText(lines.join(QLatin1Char('\n')));

    if (request.preview) {
        const auto &p = *request.preview;
        QStringList preview;
        preview << tr("Aries' preview:") << tr("Estimated cost: %1").arg(money(p.estimatedCost))
                << tr("Commission: %1  Fees: %2").arg(money(p.commission), money(p.fees))
                << tr("Buying power impact: %1").arg(money(p.buyingPowerImpact));
        m_preview->setText(preview.join(QLatin1Char('\n')));
        m_warning->setText(p.warning.isEmpty() ? QString() : tr("Warning from Aries: %1").arg(p.warning));
    } else {
        m_preview->setText(tr("No preview for this action."));
        m_warning->clear();
    }
    m_warning->setVisible(!m_warning->text().isEmpty());
    setWaiting(waiting);
    setSecondsLeft(request.timeout.count());
    m_deny->setDefault(true);
    m_deny->setFocus();
    show();
    raise();
    activateWindow();
}

void OrderApprovalWindow::setSecondsLeft(qint64 seconds)
{
    m_countdown->setText(
        tr("Denied automatically in %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
}

void OrderApprovalWindow::setWaiting(int waiting)
{
    m_queue->setText(waiting == 1 ? tr("1 more request is waiting after this one.")
            : waiting > 1         ? tr("%1 more requests are waiting after this one.").arg(waiting)
                                  : QString());
    m_queue->setVisible(waiting > 0);
}

void OrderApprovalWindow::reject()
{
    // Escape or closing the window is a Deny.
    if (!m_requestId.isEmpty()) {
        Q_EMIT denied(m_requestId);
    }
}

} // namespace Companion::Ui
