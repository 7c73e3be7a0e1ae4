// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompanionApp.h"

#include "AppInfo.h"
#include "AssistantSetupDialog.h"
#include "Logging.h"
#include "OrderApprovalWindow.h"
#include "SettingsDialog.h"
#include "StatusWindow.h"
#include "TrayController.h"
#include "mcp/McpConnection.h"
#include "tools/AccountTools.h"
#include "tools/AriesPrompts.h"
#include "tools/AriesResources.h"
#include "tools/MarketTools.h"
#include "tools/OrderQueryTools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace Companion::Ui {

namespace {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QString minutesText(qint64 seconds)
{
    if (seconds >= 3600) {
        return QCoreApplication::translate("CompanionApp", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60);
    }
    return QCoreApplication::translate("CompanionApp", "%1 min").arg(std::max<qint64>(0, seconds / 60));
}

} // namespace

CompanionApp::CompanionApp(LaunchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_secrets(QString::fromLatin1(AppInfo::kAppId))
    , m_oauth(m_network)
    , m_tokens(m_oauth, m_secrets)
    , m_presenter(siblingProgram(QStringLiteral("aries-consent")), QStringLiteral("Aries"))
    , m_signIn(m_oauth, m_tokens, m_presenter)
    , m_revoker(m_network, m_secrets)
    , m_mcpSocket(m_mcp)
    , m_localKey(m_secrets)
    , m_aries(m_tokens, [this] { return m_settings.defaultAccountId(); })
    , m_audit(QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                  .filePath(QStringLiteral("audit")))
    , m_orderTools(m_aries, m_policy, m_approvals, m_audit)
    , m_tray(std::make_unique<TrayController>())
{
    if (!m_options.clientId.isEmpty()) {
        m_settings.overrideClientId(m_options.clientId);
    }
    if (m_options.authorizeUrl.isValid() && !m_options.authorizeUrl.isEmpty()) {
        m_settings.overrideAuthorizeUrl(m_options.authorizeUrl);
    }
    if (m_options.apiBaseUrl.isValid() && !m_options.apiBaseUrl.isEmpty()) {
        m_settings.overrideApiBaseUrl(m_options.apiBaseUrl);
    }
    if (m_options.mcpPort) {
        m_settings.overrideMcpPort(*m_options.mcpPort);
    }

    connect(m_tray.get(), &TrayController::connectRequested, this, &CompanionApp::connectToAries);
    connect(m_tray.get(), &TrayController::settingsRequested, this, &CompanionApp::openSettings);
    connect(m_tray.get(), &TrayController::revokeRequested, this, &CompanionApp::confirmRevoke);
    connect(m_tray.get(), &TrayController::quitRequested, qApp, &QCoreApplication::quit);
    connect(m_tray.get(), &TrayController::statusRequested, this, &CompanionApp::openStatus);
    connect(m_tray.get(), &TrayController::setupClaudeRequested, this, &CompanionApp::openClaudeSetup);
    connect(m_tray.get(), &TrayController::pauseTradingToggled, this, [this](bool paused) {
        m_policy.setPaused(paused);
        qCInfo(lcMcp) << (paused ? "trading paused by the user" : "trading resumed by the user");
        updateStatus();
    });
    connect(&m_approvals, &ApprovalQueue::pendingChanged, this, [this](int count) {
        if (count > m_pendingApprovals) {
            // The window is already raised; on a busy desktop the notification is what makes it noticed.
            m_tray->announce(tr("Order waiting for your approval"),
                tr("Your assistant asks to send an order. Review it in the Aries Companion window."));
            if (QWidget *window = m_approvals.window()) {
                window->raise();
                window->activateWindow();
            }
        }
        m_pendingApprovals = count;
        updateStatus();
    });
    connect(&m_orderTools, &Tools::OrderTools::auditLogUnwritable, this, [this](const QString &reason) {
        // Once per cause: an assistant retrying the order should not raise a notification each time.
        if (reason == m_auditProblemAnnounced)
            return;
        m_auditProblemAnnounced = reason;
        m_tray->announce(tr("Orders refused: the audit log cannot be written"),
            tr("Aries Companion records every order before sending it, and it cannot write that record now, so it "
               "refuses orders. Reading your portfolio and prices still works. Free some disk space or make the "
               "log folder writable, then ask again. (%1)")
                .arg(reason));
    });
    connect(&m_tokens, &Auth::TokenManager::stateChanged, this, &CompanionApp::reconcileOrders);
    // Every tool call is recorded (client, tool, outcome; never its arguments), so the status window and the
    // audit log answer "what did the assistant do?".
    connect(&m_mcp, &Mcp::McpServer::toolCallFinished, this, [this](const Mcp::ToolCallEvent &event) {
        if (const auto written = m_audit.append(Trading::AuditRecord::toolCall(event.time, event.client,
                event.transport, event.tool, Mcp::ToolCallEvent::outcomeName(event.outcome), event.detail));
            !written) {
            qCWarning(lcMcp) << "could not record a tool call in the audit log:" << written.error();
        }
    });
    registerAriesTools();
    applyTradingSettings();
    connect(&m_tokens, &Auth::TokenManager::stateChanged, this, &CompanionApp::updateStatus);
    connect(&m_tokens, &Auth::TokenManager::tokensChanged, this, &CompanionApp::updateStatus);
    connect(&m_tokens, &Auth::TokenManager::noticeRaised, this, &CompanionApp::showNotice);
    // --connect: once the keychain has said whether a sign-in is stored, connect only if none is.
    connect(&m_tokens, &Auth::TokenManager::restoreFinished, this, [this] {
        if (m_connectWhenReady && m_tokens.state() == Auth::AuthState::SignedOut) {
            m_connectWhenReady = false;
            connectToAries();
        } else if (m_tokens.state() != Auth::AuthState::SignedOut) {
            m_connectWhenReady = false;
        }
    });
    // A failed sign-in reaches the user through TokenManager::noticeRaised (signInFailed raises it), so
    // SignInFlow::failed is not shown a second time.
    connect(&m_signIn, &Auth::SignInFlow::succeeded, this, [this] {
        if (m_message) {
            m_message->close(); // an earlier failure's message is no longer true
        }
    });
    // The countdown in the status line.
    m_statusTimer.setInterval(30'000);
    connect(&m_statusTimer, &QTimer::timeout, this, &CompanionApp::updateStatus);
}

CompanionApp::~CompanionApp()
{
    delete m_message;
    delete m_settingsDialog;
    delete m_statusWindow;
    delete m_assistantDialog;
}

QString CompanionApp::siblingProgram(const QString &name) const
{
    // The helpers are installed next to the app (and built next to it in the build tree).
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

void CompanionApp::startHttpEndpoint()
{
    const quint16 port = m_settings.mcpPort();
    if (m_mcpHttp && m_mcpHttp->port() == port) {
        return;
    }
    // Clients of the old port lose their sessions; they reconnect to the new one from their own settings.
    m_mcpHttp.reset();
    if (m_assistantDialog) {
        m_assistantDialog->setHttpUrl({});
    }
    if (port == 0) {
        qCInfo(lcMcp) << "HTTP endpoint off (port 0)";
        return;
    }
    // The key comes from the keychain asynchronously (it may prompt); without it the endpoint stays off, since a
    // key kept anywhere else would be readable by any process of the user.
    m_localKey.getOrCreate(this, [this, port](Expected<QByteArray, QString> key) {
        if (!key) {
            qCWarning(lcMcp) << "HTTP endpoint off: no local key:" << key.error();
            return;
        }
        if (m_mcpHttp || m_settings.mcpPort() != port) {
            return; // settings changed while the keychain answered; the newer start wins
        }
        Mcp::McpHttpTransport::Options options;
        options.port = port;
        auto transport = std::make_unique<Mcp::McpHttpTransport>(m_mcp, *key, options);
        if (const auto listening = transport->listen(); !listening) {
            qCWarning(lcMcp) << "HTTP endpoint off:" << listening.error();
            showMessage(tr("Other assistants cannot connect"),
                tr("Port %1 on this computer is not available (%2). Claude Desktop is not affected. To connect "
                   "Claude Code, Cursor or VS Code, choose another port in Settings, Advanced.")
                    .arg(port)
                    .arg(listening.error()));
            return;
        }
        qCInfo(lcMcp) << "HTTP endpoint on" << QStringLiteral("http://127.0.0.1:%1/mcp").arg(transport->port());
        m_mcpHttp = std::move(transport);
        if (m_assistantDialog) {
            m_assistantDialog->setHttpUrl(httpEndpointUrl());
        }
    });
}

QString CompanionApp::environment() const
{
    return isLoopback(m_settings.apiBaseUrl()) ? QStringLiteral("Sandbox") : QStringLiteral("Aries");
}

void CompanionApp::start()
{
    m_tray->show();
    m_statusTimer.start();
    // The engine's limit follows the socket's, so a message the socket lets through is not refused again.
    m_mcp.setMaxMessageBytes(Mcp::McpConnection::kMaxMessageBytes);
    // Calls an earlier run left undecided (it was killed with the approval window open) are closed in the
    // log before this run takes any: nothing of theirs was sent, and the log should say how each ended.
    if (const auto abandoned = m_audit.abandonUnfinishedCalls(); !abandoned) {
        qCWarning(lcMcp) << "could not close unfinished calls in the audit log:" << abandoned.error();
    } else if (*abandoned > 0) {
        qCInfo(lcMcp) << "recorded" << *abandoned << "order request(s) an earlier run left undecided as abandoned";
    }
    if (const auto listening = m_mcpSocket.listen(); !listening) {
        // The tray keeps working (sign-in, settings); only assistants cannot reach this copy.
        qCWarning(lcMcp) << "not accepting assistants:" << listening.error();
        showMessage(tr("Assistants cannot connect"), listening.error());
    }
    startHttpEndpoint();
    m_connectWhenReady = m_options.connect;
    if (m_options.sandbox) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
        m_sandbox = std::make_unique<SandboxLauncher>(siblingProgram(QStringLiteral("aries-sandbox")),
            QStringList {QStringLiteral("--state"), QDir(dataDir).filePath(QStringLiteral("sandbox-state.json"))}
                + m_options.sandboxArguments);
        connect(m_sandbox.get(), &SandboxLauncher::ready, this, [this](const SandboxLauncher::Endpoint &endpoint) {
            m_settings.overrideClientId(endpoint.clientId);
            m_settings.overrideApiBaseUrl(endpoint.baseUrl);
            QUrl authorize = endpoint.baseUrl;
            authorize.setPath(QStringLiteral("/oauth2/authorize"));
            m_settings.overrideAuthorizeUrl(authorize);
            applyConfig();
        });
        connect(m_sandbox.get(), &SandboxLauncher::failed, this, [this](const QString &reason) {
            showMessage(tr("Demo unavailable"),
                reason + QLatin1Char('\n')
                    + tr("Check that aries-sandbox was installed next to "
                         "aries-companion, then start the demo again."));
        });
        m_sandbox->start();
        updateStatus();
        return;
    }
    applyConfig();
}

void CompanionApp::registerAriesTools()
{
    // All at start, whatever the sign-in state: Claude Desktop reads the list once and ignores changes, so a
    // tool that appeared after connecting would never be seen. Signed out, each tool says how to connect.
    Tools::AccountTools::registerTools(m_mcp, m_aries);
    Tools::MarketTools::registerTools(m_mcp, m_aries);
    Tools::OrderQueryTools::registerTools(m_mcp, m_aries);
    m_orderTools.registerTools(m_mcp);
    Tools::AriesPrompts::registerPrompts(m_mcp);
    Tools::AriesResources::registerResources(m_mcp);
}

Trading::TradingLimits CompanionApp::tradingLimits() const
{
    Trading::TradingLimits limits = m_settings.tradingLimits();
    // Demo mode is the whole experience with practice money: orders are allowed (each still waits for the
    // approval window, within the caps), whatever the saved setting for the real account says.
    if (m_options.sandbox) {
        limits.tradingEnabled = true;
    }
    return limits;
}

void CompanionApp::applyTradingSettings()
{
    m_policy.setLimits(tradingLimits());
    // The day's cap counts what earlier runs sent today too.
    const QDate today = QDate::currentDate();
    m_policy.seedDay(today, m_audit.placedNotionalOn(today));
}

void CompanionApp::reconcileOrders()
{
    Aries::AriesClient *client = m_aries.client();
    if (m_reconciled || !client) {
        return;
    }
    m_reconciled = true;
    // An order the last run sent without learning its outcome (crash, lost answer) is looked up now, so the
    // audit log ends with what really happened to it.
    m_audit.reconcile(*client, this, [](int resolved) {
        if (resolved > 0) {
            qCInfo(lcMcp) << "recorded the outcome of" << resolved << "order(s) left uncertain by an earlier run";
        }
    });
}

void CompanionApp::applyConfig()
{
    m_aries.setApiBaseUrl(m_settings.apiBaseUrl());
    m_tokens.setConfig(m_settings.oauthConfig());
    m_presenter.setEnvironment(environment());
    m_tokens.restore();
    updateStatus();
}

void CompanionApp::connectToAries()
{
    if (m_options.sandbox && !(m_sandbox && m_sandbox->isRunning())) {
        m_connectWhenReady = true;
        return;
    }
    if (const auto problem = CompanionSettings::clientIdProblem(m_settings.clientId().trimmed())) {
        showMessage(tr("Client ID needed"), *problem, tr("Open Settings"), [this] { openSettings(); });
        return;
    }
    if (m_signIn.isRunning()) {
        return;
    }
    m_tokens.setConfig(m_settings.oauthConfig());
    m_presenter.setEnvironment(environment());
    m_signIn.start();
}

void CompanionApp::openSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, m_tray->window());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::saved, this, [this](bool connectNow) {
            applyConfig();
            m_policy.setLimits(tradingLimits());
            startHttpEndpoint();
            if (connectNow) {
                connectToAries();
            }
        });
    }
    m_settingsDialog->load();
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void CompanionApp::openTradingSettings()
{
    openSettings();
    m_settingsDialog->showPage(SettingsDialog::Page::Trading);
}

void CompanionApp::bringToFront()
{
    // Without a tray the small window is the app; with one, the status window is what answers "is it running
    // and connected?".
    if (QWidget *window = m_tray->window()) {
        window->show();
        window->raise();
        window->activateWindow();
        return;
    }
    openStatus();
}

StatusWindow *CompanionApp::statusWindow() const
{
    return m_statusWindow;
}

AssistantSetupDialog *CompanionApp::assistantSetup() const
{
    return m_assistantDialog;
}

QUrl CompanionApp::httpEndpointUrl() const
{
    return m_mcpHttp ? QUrl(QStringLiteral("http://127.0.0.1:%1/mcp").arg(m_mcpHttp->port())) : QUrl();
}

void CompanionApp::openStatus()
{
    if (!m_statusWindow) {
        m_statusWindow = new StatusWindow({m_tokens, m_settings, m_policy, m_mcp, m_audit, m_aries,
            [this] { return m_mcpSocket.fullServerName(); }, [this] { return httpEndpointUrl(); },
            [this](QObject *context, StatusWindow::LocalKeyCallback callback) {
                m_localKey.getOrCreate(context, std::move(callback));
            }});
        // A top-level window of its own (not a child of the tray's window), so it has its own taskbar entry.
        m_statusWindow->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_statusWindow, &StatusWindow::reconnectRequested, this, &CompanionApp::connectToAries);
        connect(m_statusWindow, &StatusWindow::revokeRequested, this, &CompanionApp::confirmRevoke);
        connect(m_statusWindow, &StatusWindow::setupClaudeDesktopRequested, this, &CompanionApp::openClaudeSetup);
        connect(m_statusWindow, &StatusWindow::tradingSettingsRequested, this, &CompanionApp::openTradingSettings);
    }
    m_statusWindow->show();
    m_statusWindow->raise();
    m_statusWindow->activateWindow();
}

void CompanionApp::openClaudeSetup()
{
    if (!m_assistantDialog) {
        AssistantSetupDialog::Options options;
#ifdef Q_OS_WIN
        options.bridgePath = siblingProgram(QStringLiteral("aries-mcp.exe"));
#else
        options.bridgePath = siblingProgram(QStringLiteral("aries-mcp"));
#endif
        options.httpUrl = httpEndpointUrl();
        options.keyProvider = [this](AssistantSnippetsPage::KeyCallback done) {
            m_localKey.getOrCreate(this, std::move(done));
        };
        options.environment = environment();
        m_assistantDialog = new AssistantSetupDialog(std::move(options), m_tray->window());
        m_assistantDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_assistantDialog->refresh(); // the file may have changed since the window was opened
    }
    m_assistantDialog->show();
    m_assistantDialog->raise();
    m_assistantDialog->activateWindow();
}

void CompanionApp::confirmRevoke()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Revoke access"),
        tr("Disconnect Aries Companion from Aries?\n\nThe sign-in tokens are deleted from "
           "this computer's keychain and assistants lose access to your Aries account "
           "until you connect again."),
        QMessageBox::NoButton, m_tray->window());
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    QPushButton *revoke = box->addButton(tr("Revoke access"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, revoke](QAbstractButton *button) {
        if (button == revoke) {
            this->revoke();
        }
    });
    box->open();
    Q_EMIT messageShown(box);
}

void CompanionApp::revoke()
{
    m_signIn.cancel();
    const auto signOutLocally = [this] {
        m_tokens.signOut(this, [this](Expected<void, Secrets::SecretError> result) {
            if (!result) {
                showMessage(tr("Keychain not available"),
                    tr("The tokens could not be deleted from the keychain: %1\nUnlock the keychain and "
                       "choose Revoke access again.")
                        .arg(result.error().message));
            }
        });
    };
    m_revoker.revokeStored(m_tokens.config(), this, signOutLocally, [this](Auth::TokenRevoker::Result result) {
        if (m_tokens.state() != Auth::AuthState::SignedOut) {
            return; // the local deletion failed and said so
        }
        QString atAries;
        switch (result.outcome) {
        case Auth::TokenRevoker::Outcome::Revoked:
            atAries = tr("Aries confirmed that the sign-in is withdrawn.");
            break;
        case Auth::TokenRevoker::Outcome::NotOffered:
            atAries = tr("To also withdraw the app's access at Aries, delete its OAuth client in Aries Client Center.");
            break;
        case Auth::TokenRevoker::Outcome::Failed:
            atAries = tr("Aries could not be told (%1). To be sure the app's access is withdrawn there, delete its "
                         "OAuth client in Aries Client Center.")
                          .arg(result.detail);
            break;
        }
        showMessage(tr("Access revoked"),
            tr("Aries Companion is disconnected and its tokens are deleted from this computer.")
                + QStringLiteral("\n\n") + atAries);
    });
}

void CompanionApp::showNotice(const Auth::AuthError &error)
{
    using Code = Auth::AuthError::Code;
    switch (error.code) {
    case Code::SecretsUnavailable:
        showMessage(
            tr("Keychain not available"), error.userMessage(), tr("Retry"), [this] { m_tokens.retrySecrets(); });
        return;
    case Code::InvalidClient:
    case Code::RedirectUriMismatch:
        showMessage(tr("Aries did not accept the connection"), error.userMessage(), tr("Open Settings"),
            [this] { openSettings(); });
        return;
    default:
        showMessage(tr("Not connected to Aries"), error.userMessage(), tr("Try again"), [this] { connectToAries(); });
        return;
    }
}

void CompanionApp::showMessage(
    const QString &title, const QString &text, const QString &retryText, std::function<void()> retry)
{
    delete m_message; // one message at a time: the newest is the one that is true now
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_tray->window());
    box->setObjectName(QStringLiteral("companionMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (retry) {
        QPushButton *again = box->addButton(retryText, QMessageBox::AcceptRole);
        again->setObjectName(QStringLiteral("retryButton"));
        connect(again, &QPushButton::clicked, this, std::move(retry));
    }
    box->addButton(QMessageBox::Close);
    m_message = box;
    box->open();
    Q_EMIT messageShown(box);
}

void CompanionApp::updateStatus()
{
    using State = Auth::AuthState;
    QString line;
    switch (m_tokens.state()) {
    case State::SignedOut:
        line = m_options.sandbox && !(m_sandbox && m_sandbox->isRunning()) ? tr("Starting the demo…")
                                                                           : tr("Not connected");
        break;
    case State::SigningIn: line = tr("Connecting…"); break;
    case State::Refreshing: line = tr("Connected · renewing access"); break;
    case State::SecretsUnavailable: line = tr("Keychain locked or unavailable"); break;
    case State::Error: line = tr("Needs attention"); break;
    case State::Connected: {
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_tokens.accessExpiresAt());
        line = left > 0 ? tr("Connected · token valid %1").arg(minutesText(left)) : tr("Connected");
        break;
    }
    }
    const State auth = m_tokens.state();
    TrayController::State icon = TrayController::State::SignedOut;
    if (m_approvals.pendingCount() > 0 || auth == State::SecretsUnavailable || auth == State::Error) {
        icon = TrayController::State::Attention; // the user is needed; nothing else matters as much
    } else if (auth == State::SigningIn || auth == State::Refreshing) {
        icon = TrayController::State::Working;
    } else if (auth == State::Connected) {
        icon = m_policy.isPaused() ? TrayController::State::Paused : TrayController::State::Connected;
    }
    if (m_approvals.pendingCount() > 0) {
        // One and many as separate sentences, so English reads naturally without a plural catalogue.
        const int count = m_approvals.pendingCount();
        line = count == 1 ? tr("An order is waiting for your approval")
                          : tr("%n orders waiting for your approval", nullptr, count);
    }
    const bool connected = auth == State::Connected || auth == State::Refreshing;
    m_tray->setStatus(icon, line, environment(), connected, auth == State::SigningIn,
        auth != State::SignedOut && auth != State::SigningIn);
}

} // namespace Companion::Ui
