// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "mcp/McpServer.h"

#include <QByteArray>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace Companion {
class CompanionSettings;
}
namespace Companion::Auth {
class TokenManager;
}
namespace Companion::Tools {
class AriesConnection;
}
namespace Companion::Trading {
class AuditLog;
class TradingPolicy;
struct AuditRecord;
} // namespace Companion::Trading

namespace Companion::Ui {

/**
 * The status window: am I connected, to what, and what can the assistant do? Account and environment
 * (Sandbox is labelled as such), the access token's expiry as a live countdown and its refreshes, each
 * permission Aries granted with the tools it enables (and the tools that cannot work, with how to fix
 * it), the safety settings, and the MCP side: where clients connect, which are connected now, and the
 * recent tool calls.
 *
 * It shows facts, never secrets: no token, and the local key only goes to the clipboard on Copy. It
 * changes nothing itself; its buttons emit signals the app acts on.
 */
class StatusWindow final : public QWidget
{
    Q_OBJECT

public:
    using LocalKeyCallback = std::function<void(Expected<QByteArray, QString>)>;

    /** What the window reads. The references must outlive the window. */
    struct Sources
    {
        Auth::TokenManager &tokens;
        CompanionSettings &settings;
        Trading::TradingPolicy &policy;
        Mcp::McpServer &mcp;
        Trading::AuditLog &audit;
        /** Live or sandbox, the default account, and the client that reads the user's email. */
        Tools::AriesConnection &aries;
        /** The bridge's socket path (McpLocalServer::fullServerName()). */
        std::function<QString()> socketPath;
        /** The HTTP endpoint's URL while it listens; an empty URL while it is off. */
        std::function<QUrl()> httpUrl;
        /** Hands the local key to the callback (LocalKey::getOrCreate); asked only when the user chooses Copy. */
        std::function<void(QObject *context, LocalKeyCallback callback)> localKey;
    };

    /** How many recent tool calls the window lists. */
    static constexpr int kRecentCalls = 200;

    explicit StatusWindow(Sources sources, QWidget *parent = nullptr);
    ~StatusWindow() override;
    Q_DISABLE_COPY_MOVE(StatusWindow)

    /** Reads everything again (the window also does this every second while it is visible). */
    void refresh();
    /** Reads the recent tool calls from the audit log again. */
    void reloadCalls();
    /** How "Open log file" opens the log folder; QDesktopServices::openUrl unless replaced (tests). */
    void setUrlOpener(std::function<bool(const QUrl &url)> opener) { m_openUrl = std::move(opener); }

    /** "abcd••••wxyz": enough to recognise a Client ID, not enough to copy it. */
    static QString maskClientId(const QString &clientId);
    /** "59 min 12 s", "1 h 02 min", "3 days 4 h": the countdown's words. */
    static QString durationText(qint64 seconds);

Q_SIGNALS:
    void reconnectRequested();
    void revokeRequested();
    void setupClaudeDesktopRequested();
    /** "Change…" next to the safety settings: open Settings at the Trading page. */
    void tradingSettingsRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildAccountBox();
    QWidget *buildTokenBox();
    QWidget *buildPermissionsBox();
    QWidget *buildSafetyBox();
    QWidget *buildMcpBox();
    QWidget *buildCallsBox();

    void refreshAccount();
    void refreshToken();
    void refreshPermissions();
    void refreshSafety();
    void refreshMcp();
    void refreshClients();
    void fetchEmail();
    void copyLocalKey();
    void openLog();
    void addCall(const Trading::AuditRecord &record);
    void onToolCall(const Mcp::ToolCallEvent &event);

    Sources m_sources;
    QTimer m_tick;
    std::function<bool(const QUrl &url)> m_openUrl;

    QLabel *m_banner = nullptr;
    QLabel *m_environment = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_account = nullptr;
    QLabel *m_clientId = nullptr;
    QLabel *m_connectedSince = nullptr;

    QLabel *m_expires = nullptr;
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_nextRefresh = nullptr;
    QLabel *m_refreshExpires = nullptr;

    QTableWidget *m_scopes = nullptr;
    QTableWidget *m_tools = nullptr;
    QLabel *m_toolsHint = nullptr;
    QStringList m_shownScopes; ///< The granted scopes the tables were built for, so they are rebuilt only on change
    bool m_shownConnected = false;
    bool m_tablesBuilt = false;

    QLabel *m_trading = nullptr;
    QLabel *m_caps = nullptr;
    QLabel *m_allowlist = nullptr;
    QLabel *m_paused = nullptr;

    QLabel *m_socket = nullptr;
    QLabel *m_http = nullptr;
    QLabel *m_localKey = nullptr;
    QPushButton *m_copyKey = nullptr;
    QListWidget *m_clients = nullptr;

    QLineEdit *m_filter = nullptr;
    QStandardItemModel *m_calls = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    QTableView *m_callsView = nullptr;

    QString m_emailFor; ///< The Client ID and base URL the email was read for; another sign-in reads it again
    bool m_emailPending = false;
};

} // namespace Companion::Ui
