// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusWindow.h"

#include "aries/AriesClient.h"
#include "auth/Scopes.h"
#include "auth/TokenManager.h"
#include "settings/CompanionSettings.h"
#include "tools/AriesConnection.h"
#include "tools/ToolScopes.h"
#include "trading/AuditLog.h"
#include "trading/TradingPolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Companion::Ui {

namespace {

using Availability = Tools::ToolScopes::Availability;

enum CallColumn {
    TimeColumn,
    ClientColumn,
    ToolColumn,
    OutcomeColumn,
    DetailColumn,
    CallColumnCount
};

QLabel *valueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString timeText(const QDateTime &utc)
{
    if (!utc.isValid()) {
        return {};
    }
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate()) {
        return locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
    }
    return locale.toString(local, QLocale::ShortFormat);
}

QString outcomeText(const QString &outcome)
{
    if (outcome == QLatin1String("ok")) {
        return StatusWindow::tr("OK");
    }
    if (outcome == QLatin1String("denied")) {
        return StatusWindow::tr("Denied");
    }
    if (outcome == QLatin1String("cancelled")) {
        return StatusWindow::tr("Cancelled");
    }
    return StatusWindow::tr("Error");
}

QString transportText(const QString &transport)
{
    if (transport == QLatin1String("local")) {
        return StatusWindow::tr("local socket");
    }
    if (transport == QLatin1String("http")) {
        return StatusWindow::tr("HTTP");
    }
    return transport;
}

QString clientText(const QString &name)
{
    return name.isEmpty() ? StatusWindow::tr("unnamed client") : name;
}

/** The scope's plain words with its name, as Aries' own page lists it. */
QString scopeText(const QString &scope)
{
    return StatusWindow::tr("%1 (%2)").arg(Auth::Scopes::describe(scope), scope);
}

} // namespace

StatusWindow::StatusWindow(Sources sources, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_sources(std::move(sources))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("Aries Companion Status"));

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("environmentBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(6);
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);

    auto *left = new QVBoxLayout;
    left->addWidget(buildAccountBox());
    left->addWidget(buildTokenBox());
    left->addWidget(buildSafetyBox());
    left->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 2);
    top->addWidget(buildPermissionsBox(), 3);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(buildMcpBox(), 2);
    bottom->addWidget(buildCallsBox(), 3);

    auto *reconnect = new QPushButton(tr("Reconnect…"), this);
    reconnect->setObjectName(QStringLiteral("reconnectButton"));
    reconnect->setToolTip(tr("Sign in to Aries again, for example to approve a permission that is missing."));
    connect(reconnect, &QPushButton::clicked, this, &StatusWindow::reconnectRequested);
    auto *revoke = new QPushButton(tr("Revoke access…"), this);
    revoke->setObjectName(QStringLiteral("revokeButton"));
    connect(revoke, &QPushButton::clicked, this, &StatusWindow::revokeRequested);
    auto *setup = new QPushButton(tr("Set up Claude Desktop…"), this);
    setup->setObjectName(QStringLiteral("setupClaudeButton"));
    connect(setup, &QPushButton::clicked, this, &StatusWindow::setupClaudeDesktopRequested);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(reconnect);
    buttons->addWidget(revoke);
    buttons->addWidget(setup);
    buttons->addStretch(1);
    buttons->addWidget(close);

    // Everything between the banner and the buttons scrolls as one, so the window also fits a small laptop
    // screen; the banner and the actions stay in view.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("statusContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    // The facts above take the room they need; the lists below scroll.
    contentLayout->addLayout(top, 1);
    contentLayout->addLayout(bottom, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    // The countdown moves every second, but only while someone can see it.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        refreshAccount();
        refreshToken();
        refreshSafety();
        refreshMcp();
    });
    connect(&m_sources.tokens, &Auth::TokenManager::stateChanged, this, [this] { refresh(); });
    connect(&m_sources.tokens, &Auth::TokenManager::tokensChanged, this, [this] { refresh(); });
    connect(&m_sources.mcp, &Mcp::McpServer::clientsChanged, this, &StatusWindow::refreshClients);
    connect(&m_sources.mcp, &Mcp::McpServer::toolCallFinished, this, &StatusWindow::onToolCall);

    reloadCalls();
    refresh();
    // Room for everything where the screen has it, and never larger than the screen.
    QSize size(1240, 1060);
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        size = size.boundedTo(screen->availableGeometry().size() * 0.92);
    }
    resize(size);
}

StatusWindow::~StatusWindow() = default;

QWidget *StatusWindow::buildAccountBox()
{
    auto *box = new QGroupBox(tr("Aries account"), this);
    m_environment = valueLabel("environmentLabel", box);
    m_state = valueLabel("connectionLabel", box);
    m_email = valueLabel("emailLabel", box);
    m_account = valueLabel("accountLabel", box);
    m_clientId = valueLabel("clientIdLabel", box);
    m_connectedSince = valueLabel("connectedSinceLabel", box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Status:"), m_state);
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Default account:"), m_account);
    form->addRow(tr("Client ID:"), m_clientId);
    form->addRow(tr("Connected since:"), m_connectedSince);
    return box;
}

QWidget *StatusWindow::buildTokenBox()
{
    auto *box = new QGroupBox(tr("Access"), this);
    m_expires = valueLabel("expiresLabel", box);
    m_lastRefresh = valueLabel("lastRefreshLabel", box);
    m_nextRefresh = valueLabel("nextRefreshLabel", box);
    m_refreshExpires = valueLabel("refreshExpiresLabel", box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Access token expires:"), m_expires);
    form->addRow(tr("Last renewed:"), m_lastRefresh);
    form->addRow(tr("Next renewal:"), m_nextRefresh);
    form->addRow(tr("Sign-in valid until:"), m_refreshExpires);
    return box;
}

QWidget *StatusWindow::buildPermissionsBox()
{
    auto *box = new QGroupBox(tr("What the assistant can do"), this);
    m_scopes = new QTableWidget(0, 3, box);
    m_scopes->setObjectName(QStringLiteral("scopesTable"));
    m_scopes->setHorizontalHeaderLabels({tr("Permission"), tr("Granted"), tr("Tools it enables")});
    m_tools = new QTableWidget(0, 3, box);
    m_tools->setObjectName(QStringLiteral("toolsTable"));
    m_tools->setHorizontalHeaderLabels({tr("Tool"), tr("Works"), tr("What to do")});
    for (QTableWidget *table : {m_scopes, m_tools}) {
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionMode(QAbstractItemView::NoSelection);
        table->setFocusPolicy(Qt::NoFocus);
        table->setWordWrap(true);
        table->verticalHeader()->setVisible(false);
        table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    }
    // The permission's words wrap next to the tools it enables; a tool name never needs to.
    m_scopes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tools->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_toolsHint = new QLabel(box);
    m_toolsHint->setObjectName(QStringLiteral("toolsHintLabel"));
    m_toolsHint->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(new QLabel(tr("Permissions the app asked Aries for:"), box));
    layout->addWidget(m_scopes, 5);
    layout->addWidget(new QLabel(tr("The assistant's tools:"), box));
    layout->addWidget(m_tools, 7);
    layout->addWidget(m_toolsHint);
    return box;
}

QWidget *StatusWindow::buildSafetyBox()
{
    auto *box = new QGroupBox(tr("Safety"), this);
    m_trading = valueLabel("tradingLabel", box);
    m_caps = valueLabel("capsLabel", box);
    m_allowlist = valueLabel("allowlistLabel", box);
    m_paused = valueLabel("pausedLabel", box);
    auto *change = new QPushButton(tr("Change…"), box);
    change->setObjectName(QStringLiteral("changeSafetyButton"));
    change->setToolTip(tr("Open Settings at the Trading page"));
    connect(change, &QPushButton::clicked, this, &StatusWindow::tradingSettingsRequested);
    auto *form = new QFormLayout;
    form->addRow(tr("Orders:"), m_trading);
    form->addRow(tr("Caps:"), m_caps);
    form->addRow(tr("Symbols:"), m_allowlist);
    form->addRow(tr("Pause:"), m_paused);
    auto *changeRow = new QHBoxLayout;
    changeRow->addStretch(1);
    changeRow->addWidget(change);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addLayout(changeRow);
    return box;
}

QWidget *StatusWindow::buildMcpBox()
{
    auto *box = new QGroupBox(tr("Assistants (MCP)"), this);
    m_socket = valueLabel("socketLabel", box);
    m_http = valueLabel("httpLabel", box);
    m_localKey = valueLabel("localKeyLabel", box);
    // Always the same dots: the key's characters are never shown, whatever its length.
    m_localKey->setText(QString(16, QChar(0x2022)));
    m_localKey->setToolTip(tr("The key other assistants send over HTTP. It is kept in your keychain; Copy puts it "
                              "on the clipboard without showing it."));
    m_copyKey = new QPushButton(tr("Copy"), box);
    m_copyKey->setObjectName(QStringLiteral("copyKeyButton"));
    connect(m_copyKey, &QPushButton::clicked, this, &StatusWindow::copyLocalKey);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_localKey, 1);
    keyRow->addWidget(m_copyKey);
    m_clients = new QListWidget(box);
    m_clients->setObjectName(QStringLiteral("clientsList"));
    m_clients->setSelectionMode(QAbstractItemView::NoSelection);
    m_clients->setFocusPolicy(Qt::NoFocus);
    m_clients->setMaximumHeight(110);
    auto *form = new QFormLayout;
    form->addRow(tr("Claude Desktop (socket):"), m_socket);
    form->addRow(tr("Other assistants (HTTP):"), m_http);
    form->addRow(tr("Local key:"), keyRow);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Connected now:"), box));
    layout->addWidget(m_clients, 1);
    return box;
}

QWidget *StatusWindow::buildCallsBox()
{
    auto *box = new QGroupBox(tr("Recent tool calls"), this);
    m_filter = new QLineEdit(box);
    m_filter->setObjectName(QStringLiteral("callsFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by client, tool or outcome"));
    m_filter->setClearButtonEnabled(true);
    auto *openLog = new QPushButton(tr("Open log file"), box);
    openLog->setObjectName(QStringLiteral("openLogButton"));
    openLog->setToolTip(QDir::toNativeSeparators(m_sources.audit.filePath()));
    connect(openLog, &QPushButton::clicked, this, &StatusWindow::openLog);

    m_calls = new QStandardItemModel(0, CallColumnCount, this);
    m_calls->setHorizontalHeaderLabels({tr("Time"), tr("Client"), tr("Tool"), tr("Outcome"), tr("Detail")});
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_calls);
    m_filtered->setFilterKeyColumn(-1);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);

    m_callsView = new QTableView(box);
    m_callsView->setObjectName(QStringLiteral("callsTable"));
    m_callsView->setModel(m_filtered);
    m_callsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_callsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_callsView->verticalHeader()->setVisible(false);
    m_callsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_callsView->horizontalHeader()->setStretchLastSection(true);
    m_callsView->setWordWrap(false);
    m_callsView->setMinimumHeight(150);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(openLog);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(filterRow);
    layout->addWidget(m_callsView, 1);
    return box;
}

void StatusWindow::refresh()
{
    refreshAccount();
    refreshToken();
    refreshPermissions();
    refreshSafety();
    refreshMcp();
    refreshClients();
    fetchEmail();
}

void StatusWindow::showEvent(QShowEvent *event)
{
    refresh();
    m_tick.start();
    QWidget::showEvent(event);
}

void StatusWindow::hideEvent(QHideEvent *event)
{
    m_tick.stop();
    QWidget::hideEvent(event);
}

QString StatusWindow::maskClientId(const QString &clientId)
{
    const QString dots(4, QChar(0x2022));
    if (clientId.isEmpty()) {
        return {};
    }
    if (clientId.size() <= 8) {
        return clientId.left(2) + dots;
    }
    return clientId.left(4) + dots + clientId.right(4);
}

QString StatusWindow::durationText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    if (days > 0) {
        return days == 1 ? tr("1 day %1 h").arg(hours) : tr("%1 days %2 h").arg(days).arg(hours);
    }
    if (hours > 0) {
        return tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    }
    if (minutes > 0) {
        return tr("%1 min %2 s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    }
    return tr("%1 s").arg(secs);
}

void StatusWindow::refreshAccount()
{
    const bool sandbox = m_sources.aries.environment() == Aries::AriesEnvironment::Sandbox;
    if (sandbox) {
        m_banner->setText(tr("SANDBOX · a simulated Aries account on this computer, not real money"));
        m_banner->setStyleSheet(QStringLiteral("background:#fff3c4;color:#5c4400;border:1px solid #e0c060;"));
        m_environment->setText(tr("Sandbox (simulated, on this computer)"));
    } else {
        m_banner->setText(tr("LIVE · your real Aries brokerage account"));
        m_banner->setStyleSheet(QStringLiteral("background:#e3f0ff;color:#0b3a6f;border:1px solid #9cc3ef;"));
        m_environment->setText(tr("Aries live account (%1)").arg(m_sources.settings.apiBaseUrl().host()));
    }

    using State = Auth::AuthState;
    const Auth::TokenManager &tokens = m_sources.tokens;
    switch (tokens.state()) {
    case State::SignedOut: m_state->setText(tr("Not connected. Choose Reconnect to sign in to Aries.")); break;
    case State::SigningIn: m_state->setText(tr("Connecting…")); break;
    case State::Connected: m_state->setText(tr("Connected")); break;
    case State::Refreshing: m_state->setText(tr("Connected, renewing access")); break;
    case State::SecretsUnavailable:
        m_state->setText(tr("The keychain is locked or unavailable. Unlock it; you stay signed in."));
        break;
    case State::Error: m_state->setText(tr("Needs attention")); break;
    }

    const QString defaultAccount = m_sources.aries.defaultAccountId();
    m_account->setText(
        defaultAccount.isEmpty() ? tr("Your first open account (none chosen in Settings)") : defaultAccount);
    QString clientId = tokens.config().clientId;
    if (clientId.isEmpty()) {
        clientId = m_sources.settings.clientId();
    }
    m_clientId->setText(clientId.isEmpty() ? tr("Not set (Settings)") : maskClientId(clientId));
    const QDateTime since = tokens.connectedSince();
    m_connectedSince->setText(tokens.isConnected() && since.isValid() ? timeText(since) : tr("—"));
    if (!tokens.isConnected()) {
        m_email->setText(tr("—"));
    }
}

void StatusWindow::refreshToken()
{
    const Auth::TokenManager &tokens = m_sources.tokens;
    if (!tokens.isConnected()) {
        for (QLabel *label : {m_expires, m_lastRefresh, m_nextRefresh, m_refreshExpires}) {
            label->setText(tr("—"));
        }
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expires = tokens.accessExpiresAt();
    if (!expires.isValid()) {
        m_expires->setText(tr("Not stated by Aries"));
    } else if (now < expires) {
        m_expires->setText(tr("in %1 (at %2)").arg(durationText(now.secsTo(expires)), timeText(expires)));
    } else {
        m_expires->setText(tr("Expired at %1; renewed when the assistant next needs it").arg(timeText(expires)));
    }
    const QDateTime last = tokens.lastRefresh();
    m_lastRefresh->setText(last.isValid() ? timeText(last) : tr("Not yet since you signed in"));
    const QDateTime next = tokens.nextRefresh();
    if (!next.isValid()) {
        m_nextRefresh->setText(tr("—"));
    } else if (now < next) {
        m_nextRefresh->setText(tr("at %1 (in %2)").arg(timeText(next), durationText(now.secsTo(next))));
    } else {
        m_nextRefresh->setText(tr("Due now"));
    }
    const QDateTime refreshExpires = tokens.refreshExpiresAt();
    m_refreshExpires->setText(refreshExpires.isValid()
            ? tr("%1 (in %2); then sign in again")
                  .arg(timeText(refreshExpires), durationText(now.secsTo(refreshExpires)))
            : tr("Not stated by Aries"));
}

void StatusWindow::refreshPermissions()
{
    const Auth::TokenManager &tokens = m_sources.tokens;
    const bool connected = tokens.isConnected();
    const QStringList granted = connected ? tokens.grantedScopes() : QStringList();
    if (m_tablesBuilt && connected == m_shownConnected && granted == m_shownScopes) {
        return;
    }
    m_tablesBuilt = true;
    m_shownConnected = connected;
    m_shownScopes = granted;

    QStringList listed = tokens.config().scopes;
    for (const QString &scope : granted) {
        if (!listed.contains(scope)) {
            listed.append(scope); // Aries granted more than asked: say so
        }
    }
    const QIcon yes = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon no = style()->standardIcon(QStyle::SP_DialogCancelButton);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);

    m_scopes->setRowCount(int(listed.size()));
    for (int row = 0; row < listed.size(); ++row) {
        const QString &scope = listed[row];
        auto *name = new QTableWidgetItem(scopeText(scope));
        name->setData(Qt::UserRole, scope);
        auto *state = new QTableWidgetItem;
        if (!connected) {
            state->setText(tr("Not connected"));
        } else if (granted.contains(scope)) {
            state->setText(tr("Granted"));
            state->setIcon(yes);
        } else {
            state->setText(tr("Not granted"));
            state->setIcon(no);
        }
        state->setData(Qt::UserRole, connected && granted.contains(scope));
        const QStringList tools = Tools::ToolScopes::toolsUsing(scope);
        auto *enables = new QTableWidgetItem(
            tools.isEmpty() ? tr("None of the assistant's tools") : tools.join(QStringLiteral(", ")));
        m_scopes->setItem(row, 0, name);
        m_scopes->setItem(row, 1, state);
        m_scopes->setItem(row, 2, enables);
    }

    const QList<Tools::ToolScopeRequirement> &all = Tools::ToolScopes::all();
    m_tools->setRowCount(int(all.size()));
    int unavailable = 0;
    for (int row = 0; row < all.size(); ++row) {
        const QString &tool = all[row].tool;
        const Availability availability = Tools::ToolScopes::availability(tool, granted);
        auto *name = new QTableWidgetItem(tool);
        auto *state = new QTableWidgetItem;
        auto *todo = new QTableWidgetItem;
        state->setData(Qt::UserRole, int(availability));
        if (!connected) {
            state->setText(tr("Not connected"));
            todo->setText(tr("Choose Reconnect to sign in to Aries."));
        } else if (availability == Availability::Available) {
            state->setText(tr("Yes"));
            state->setIcon(yes);
        } else {
            const bool none = availability == Availability::Unavailable;
            const QStringList missing = Tools::ToolScopes::missingScopes(tool, granted, !none);
            QStringList words;
            for (const QString &scope : missing) {
                words.append(scopeText(scope));
            }
            if (none) {
                ++unavailable;
                state->setText(tr("No"));
                state->setIcon(no);
                todo->setText(
                    tr("Needs %1. Choose Reconnect and approve it on Aries' page.").arg(words.join(tr(" and "))));
            } else {
                state->setText(tr("In part"));
                state->setIcon(warning);
                todo->setText(tr("Works, but some requests need %1. Choose Reconnect and approve it.")
                                  .arg(words.join(tr(" and "))));
            }
        }
        m_tools->setItem(row, 0, name);
        m_tools->setItem(row, 1, state);
        m_tools->setItem(row, 2, todo);
    }
    if (connected && unavailable > 0) {
        m_toolsHint->setText(
            (unavailable == 1 ? tr("1 tool cannot work with the permissions Aries granted.")
                              : tr("%1 tools cannot work with the permissions Aries granted.").arg(unavailable))
            + QLatin1Char(' ') + tr("Choose Reconnect and, on Aries' page, leave the missing permissions ticked."));
        m_toolsHint->show();
    } else {
        m_toolsHint->clear();
        m_toolsHint->hide();
    }
}

void StatusWindow::refreshSafety()
{
    const Trading::TradingLimits &limits = m_sources.policy.limits();
    m_trading->setText(limits.tradingEnabled
            ? tr("Trading on: the assistant may place, change and cancel orders, each only after you approve it here")
            : tr("Read-only: the assistant can read your account but every order tool refuses"));
    QStringList caps;
    if (limits.maxNotionalPerOrder) {
        caps << tr("largest order $%1").arg(limits.maxNotionalPerOrder->toString(2));
    }
    if (limits.maxNotionalPerDay) {
        caps << tr("at most $%1 per day").arg(limits.maxNotionalPerDay->toString(2));
    }
    if (limits.maxQuantity) {
        caps << tr("at most %1 shares per order").arg(limits.maxQuantity->toString());
    }
    m_caps->setText(caps.isEmpty() ? tr("None") : caps.join(QStringLiteral(" · ")));
    m_allowlist->setText(limits.symbolAllowlist.isEmpty()
            ? tr("Any symbol")
            : tr("Only %1").arg(limits.symbolAllowlist.join(QStringLiteral(", "))));
    m_paused->setText(m_sources.policy.isPaused()
            ? tr("Paused: order tools refuse at once (untick Pause trading in the tray menu)")
            : tr("Not paused"));
}

void StatusWindow::refreshMcp()
{
    const QString socket = m_sources.socketPath ? m_sources.socketPath() : QString();
    m_socket->setText(socket.isEmpty() ? tr("Not listening") : QDir::toNativeSeparators(socket));
    const QUrl url = m_sources.httpUrl ? m_sources.httpUrl() : QUrl();
    m_http->setText(
        url.isEmpty() ? tr("Off (Settings, Advanced: port for other assistants)") : tr("%1 · on").arg(url.toString()));
}

void StatusWindow::refreshClients()
{
    m_clients->clear();
    const QList<Mcp::ConnectedClient> clients = m_sources.mcp.connectedClients();
    if (clients.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No assistant is connected now"), m_clients);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const Mcp::ConnectedClient &client : clients) {
        QString text = clientText(client.name);
        if (!client.version.isEmpty()) {
            text += QLatin1Char(' ') + client.version;
        }
        text += tr(" · %1 · since %2").arg(transportText(client.transport), timeText(client.since));
        auto *item = new QListWidgetItem(text, m_clients);
        item->setData(Qt::UserRole, client.transport);
    }
}

void StatusWindow::fetchEmail()
{
    const Auth::TokenManager &tokens = m_sources.tokens;
    if (!tokens.isConnected()) {
        m_emailFor.clear();
        return;
    }
    // Read once per sign-in (Client ID, address and the moment it started), not on every refresh.
    const QString key = tokens.config().clientId + QLatin1Char('|') + tokens.config().apiBaseUrl.toString()
        + QLatin1Char('|') + tokens.connectedSince().toString(Qt::ISODateWithMs);
    if (key == m_emailFor || m_emailPending) {
        return;
    }
    Aries::AriesClient *client = m_sources.aries.client();
    if (!client) {
        return;
    }
    if (!tokens.grantedScopes().contains(QStringLiteral("user:information"))) {
        m_emailFor = key;
        m_email->setText(tr("Not shared: Aries did not grant %1").arg(scopeText(QStringLiteral("user:information"))));
        return;
    }
    m_emailPending = true;
    m_email->setText(tr("Reading…"));
    client->user(this, [this, key](Expected<Aries::AriesUser, Aries::AriesError> user) {
        m_emailPending = false;
        if (!m_sources.tokens.isConnected()) {
            return;
        }
        m_emailFor = key;
        if (user) {
            m_email->setText(user->email.isEmpty() ? tr("Not stated by Aries") : user->email);
        } else if (user.error().kind == Aries::AriesError::Kind::InsufficientScope) {
            m_email->setText(
                tr("Not shared: Aries did not grant %1").arg(scopeText(QStringLiteral("user:information"))));
        } else {
            m_emailFor.clear(); // try again at the next refresh
            m_email->setText(tr("Could not be read: %1").arg(user.error().message()));
        }
    });
}

void StatusWindow::copyLocalKey()
{
    if (!m_sources.localKey) {
        return;
    }
    m_copyKey->setEnabled(false);
    m_sources.localKey(this, [this](Expected<QByteArray, QString> key) {
        m_copyKey->setEnabled(true);
        if (!key) {
            m_copyKey->setToolTip(tr("The key could not be read: %1").arg(key.error()));
            m_localKey->setText(
                QString(16, QChar(0x2022)) + QLatin1Char(' ') + tr("(not available: %1)").arg(key.error()));
            return;
        }
        QApplication::clipboard()->setText(QString::fromLatin1(*key));
        m_localKey->setText(QString(16, QChar(0x2022)) + QLatin1Char(' ') + tr("(copied)"));
    });
}

void StatusWindow::openLog()
{
    const QString folder = QFileInfo(m_sources.audit.filePath()).absolutePath();
    // The folder, not the file: a .jsonl file often has no program to open it, a folder always has.
    QDir().mkpath(folder);
    m_openUrl(QUrl::fromLocalFile(folder));
}

void StatusWindow::reloadCalls()
{
    m_calls->removeRows(0, m_calls->rowCount());
    const QList<Trading::AuditRecord> records =
        m_sources.audit.recent(kRecentCalls, QLatin1String(Trading::AuditRecord::kToolCallEvent));
    for (const Trading::AuditRecord &record : records) {
        addCall(record);
    }
}

void StatusWindow::onToolCall(const Mcp::ToolCallEvent &event)
{
    addCall(Trading::AuditRecord::toolCall(event.time, event.client, event.transport, event.tool,
        Mcp::ToolCallEvent::outcomeName(event.outcome), event.detail));
}

void StatusWindow::addCall(const Trading::AuditRecord &record)
{
    QList<QStandardItem *> row;
    row.reserve(CallColumnCount);
    auto *time = new QStandardItem(timeText(record.time));
    time->setToolTip(QLocale().toString(record.time.toLocalTime(), QLocale::LongFormat));
    row << time;
    auto *client = new QStandardItem(clientText(record.client));
    if (!record.transport.isEmpty()) {
        client->setToolTip(transportText(record.transport));
    }
    row << client;
    row << new QStandardItem(record.tool);
    auto *outcome = new QStandardItem(outcomeText(record.outcome));
    outcome->setData(record.outcome, Qt::UserRole);
    row << outcome;
    auto *detail = new QStandardItem(record.detail);
    detail->setToolTip(record.detail);
    row << detail;
    for (QStandardItem *item : std::as_const(row)) {
        item->setEditable(false);
    }
    m_calls->insertRow(0, row); // newest first
    if (m_calls->rowCount() > kRecentCalls) {
        m_calls->removeRows(kRecentCalls, m_calls->rowCount() - kRecentCalls);
    }
}

} // namespace Companion::Ui
