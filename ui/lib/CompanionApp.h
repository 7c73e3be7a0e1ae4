// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApprovalQueue.h"
#include "SandboxLauncher.h"
#include "auth/AuthError.h"
#include "auth/ConsentProcessPresenter.h"
#include "auth/OAuthClient.h"
#include "auth/SignInFlow.h"
#include "auth/TokenManager.h"
#include "auth/TokenRevoker.h"
#include "mcp/LocalKey.h"
#include "mcp/McpHttpTransport.h"
#include "mcp/McpLocalServer.h"
#include "mcp/McpServer.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/CompanionSettings.h"
#include "tools/AriesSession.h"
#include "tools/OrderTools.h"
#include "trading/AuditLog.h"
#include "trading/TradingPolicy.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QMessageBox;

namespace Companion::Ui {

class AssistantSetupDialog;
class SettingsDialog;
class StatusWindow;
class TrayController;

/** What the command line asked for (aries-companion --help). */
struct LaunchOptions
{
    QString clientId;
    QUrl authorizeUrl;
    QUrl apiBaseUrl;
    bool connect = false;
    bool sandbox = false;
    /** Extra arguments for the demo's sandbox, e.g. --auto-consent for an unattended demo. */
    QStringList sandboxArguments;
    /** Port of the loopback HTTP endpoint for this run (0 = off); unset = the saved setting. */
    std::optional<quint16> mcpPort;
};

/**
 * The tray app: builds every part once, wires them together and turns every failure the user can act
 * on into a message that says what to do next. Nothing here blocks the event loop: dialogs are opened
 * with open()/show(), never exec().
 */
class CompanionApp final : public QObject
{
    Q_OBJECT

public:
    explicit CompanionApp(LaunchOptions options, QObject *parent = nullptr);
    ~CompanionApp() override;
    Q_DISABLE_COPY_MOVE(CompanionApp)

    void start();

    // For tests and the status view.
    Auth::TokenManager &tokens() { return m_tokens; }
    TrayController &tray() { return *m_tray; }
    /** The open status window, or null. */
    StatusWindow *statusWindow() const;
    /** The open Claude Desktop and assistants window, or null. */
    AssistantSetupDialog *assistantSetup() const;
    CompanionSettings &settings() { return m_settings; }
    Mcp::McpServer &mcp() { return m_mcp; }
    Mcp::McpLocalServer &mcpSocket() { return m_mcpSocket; }
    ApprovalQueue &approvals() { return m_approvals; }
    Trading::AuditLog &auditLog() { return m_audit; }
    Trading::TradingPolicy &tradingPolicy() { return m_policy; }
    /** The HTTP endpoint, or null while the local key is being read or when it is off. */
    Mcp::McpHttpTransport *mcpHttp() { return m_mcpHttp.get(); }
    /** "Sandbox" when the configured Aries is on this computer, else "Aries". */
    QString environment() const;

public Q_SLOTS:
    void connectToAries();
    void openSettings();
    void confirmRevoke();
    /** Another launch of the app asked this running copy to show itself. */
    void bringToFront();
    /** The token and permission status window. */
    void openStatus();
    /** The window that adds this app to Claude Desktop's configuration (and shows other clients' snippets). */
    void openClaudeSetup();
    /** Settings, at the Trading page (the status window's "Change…"). */
    void openTradingSettings();

Q_SIGNALS:
    /** A message box was shown (tests find it here). */
    void messageShown(QMessageBox *box);

private:
    void applyConfig();
    void updateStatus();
    void showNotice(const Auth::AuthError &error);
    void showMessage(
        const QString &title, const QString &text, const QString &retryText = {}, std::function<void()> retry = {});
    void revoke();
    QString siblingProgram(const QString &name) const;
    void startHttpEndpoint();
    QUrl httpEndpointUrl() const;
    void registerAriesTools();
    void applyTradingSettings();
    Trading::TradingLimits tradingLimits() const;
    void reconcileOrders();

    LaunchOptions m_options;
    CompanionSettings m_settings;
    QNetworkAccessManager m_network;
    Secrets::KeychainSecretStore m_secrets;
    Auth::OAuthClient m_oauth;
    Auth::TokenManager m_tokens;
    Auth::ConsentProcessPresenter m_presenter;
    Auth::SignInFlow m_signIn;
    Auth::TokenRevoker m_revoker;
    // Declared before the socket, which holds sessions the server created, so it outlives them.
    Mcp::McpServer m_mcp;
    Mcp::McpLocalServer m_mcpSocket;
    Mcp::LocalKey m_localKey;
    // The assistant's Aries tools. The server keeps their handlers, so they are declared after it and go first.
    Tools::AriesSession m_aries;
    Trading::AuditLog m_audit;
    Trading::TradingPolicy m_policy;
    ApprovalQueue m_approvals;
    Tools::OrderTools m_orderTools;
    /** The audit log problem the user was last told about (told once per cause). */
    QString m_auditProblemAnnounced;
    bool m_reconciled = false; ///< Uncertain orders of earlier runs were looked up once connected
    // Streamable HTTP for other clients; null until the local key is read, and stays null without a keychain.
    std::unique_ptr<Mcp::McpHttpTransport> m_mcpHttp;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<SandboxLauncher> m_sandbox;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<StatusWindow> m_statusWindow;
    QPointer<AssistantSetupDialog> m_assistantDialog;
    QPointer<QMessageBox> m_message;
    QTimer m_statusTimer;
    bool m_connectWhenReady = false;
    int m_pendingApprovals = 0;
};

} // namespace Companion::Ui
