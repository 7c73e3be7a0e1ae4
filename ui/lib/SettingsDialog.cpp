// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "auth/OAuthConfig.h"
#include "auth/Scopes.h"
#include "platform/Autostart.h"
#include "settings/CompanionSettings.h"
#include "trading/TradingPolicy.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Companion::Ui {

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->hide();
    return label;
}

void showProblem(QLabel *label, const std::optional<QString> &problem)
{
    label->setText(problem.value_or(QString()));
    label->setVisible(problem.has_value());
}

} // namespace

SettingsDialog::SettingsDialog(CompanionSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_autostartEntry(std::make_unique<Platform::Autostart>())
{
    setWindowTitle(tr("Aries Companion Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    // Two pages: the dialog would not fit a laptop screen with the trading limits under the sign-in fields.
    auto *outer = new QVBoxLayout(this);
    // Demo mode (or any Aries on this computer): said before anything else, so no one mistakes it for the
    // real account.
    m_sandboxBanner = new QLabel(tr("SANDBOX · a simulated Aries on this computer, not real money"), this);
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBanner"));
    m_sandboxBanner->setAlignment(Qt::AlignCenter);
    m_sandboxBanner->setStyleSheet(
        QStringLiteral("background: #fff3c4; color: #5d4300; font-weight: bold; padding: 6px;"));
    m_sandboxBanner->hide();
    outer->addWidget(m_sandboxBanner);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    outer->addWidget(tabs);
    auto *accountPage = new QWidget(tabs);
    accountPage->setObjectName(QStringLiteral("accountPage"));
    m_accountPage = accountPage;
    tabs->addTab(accountPage, tr("Aries account"));
    auto *layout = new QVBoxLayout(accountPage);

    auto *intro = new QLabel(tr("Create an OAuth client in Aries Client Center (API tab, \"Generate Key\"), "
                                "then paste its Client ID here. You do not need the client secret."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setPlaceholderText(tr("Paste your Client ID"));
    m_clientIdProblem = problemLabel(this);
    m_clientIdProblem->setObjectName(QStringLiteral("clientIdProblemLabel"));
    auto *clientColumn = new QVBoxLayout;
    clientColumn->addWidget(m_clientId);
    clientColumn->addWidget(m_clientIdProblem);
    form->addRow(tr("Client ID:"), clientColumn);

    m_redirectUri = new QLineEdit(Auth::OAuthConfig::defaultRedirectUri().toString(), this);
    m_redirectUri->setObjectName(QStringLiteral("redirectUriEdit"));
    m_redirectUri->setReadOnly(true);
    // Wide enough to show the whole URI: a cut-off address is easy to copy wrongly by hand.
    m_redirectUri->setMinimumWidth(m_redirectUri->fontMetrics().horizontalAdvance(m_redirectUri->text()) + 24);
    m_copyRedirect = new QPushButton(tr("Copy"), this);
    m_copyRedirect->setObjectName(QStringLiteral("copyRedirectButton"));
    auto *redirectRow = new QHBoxLayout;
    redirectRow->addWidget(m_redirectUri);
    redirectRow->addWidget(m_copyRedirect);
    auto *redirectHint = new QLabel(tr("In Client Center, add exactly this redirect URI to your OAuth client "
                                       "(no slash at the end)."),
        this);
    redirectHint->setWordWrap(true);
    auto *redirectColumn = new QVBoxLayout;
    redirectColumn->addLayout(redirectRow);
    redirectColumn->addWidget(redirectHint);
    form->addRow(tr("Redirect URI:"), redirectColumn);
    layout->addLayout(form);

    QStringList lines;
    for (const QString &scope : Auth::OAuthConfig::defaultScopes()) {
        lines << QStringLiteral("<li><b>%1</b>: %2</li>")
                     .arg(scope.toHtmlEscaped(), Auth::Scopes::describe(scope).toHtmlEscaped());
    }
    auto *scopes = new QLabel(tr("When you connect, the app asks Aries for these permissions:") + QStringLiteral("<ul>")
            + lines.join(QString()) + QStringLiteral("</ul>"),
        this);
    scopes->setObjectName(QStringLiteral("scopesLabel"));
    scopes->setWordWrap(true);
    scopes->setTextFormat(Qt::RichText);
    // A tab page does not pass height-for-width on to the dialog, so without a floor the wrapped list is cut
    // off when the advanced settings open; its height at the narrowest width it is given is that floor.
    constexpr int kScopesWidth = 440;
    scopes->setMinimumWidth(kScopesWidth);
    scopes->setMinimumHeight(scopes->heightForWidth(kScopesWidth));
    layout->addWidget(scopes);

    m_autostart = new QCheckBox(tr("Start Aries Companion when I log in"), this);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setToolTip(tr("Then Claude Desktop finds it running without starting it first. Off by default."));
    m_autostartProblem = problemLabel(this);
    m_autostartProblem->setObjectName(QStringLiteral("autostartProblemLabel"));
    layout->addWidget(m_autostart);
    layout->addWidget(m_autostartProblem);

    auto *trading = new QWidget(tabs);
    trading->setObjectName(QStringLiteral("tradingPage"));
    m_tradingPage = trading;
    auto *tradingForm = new QFormLayout(trading);
    m_tradingEnabled = new QCheckBox(tr("Let the assistant place, change and cancel orders"), trading);
    m_tradingEnabled->setObjectName(QStringLiteral("tradingEnabledCheck"));
    auto *tradingHint =
        new QLabel(tr("Off: the assistant can read your accounts, portfolio and prices, but every order "
                      "tool refuses. On: each order still waits for you to approve it in this app."),
            trading);
    tradingHint->setWordWrap(true);
    tradingForm->addRow(m_tradingEnabled);
    tradingForm->addRow(tradingHint);
    const auto limitEdit = [trading](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(trading);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_maxPerOrder = limitEdit("maxPerOrderEdit", tr("No limit"));
    tradingForm->addRow(tr("Largest order ($):"), m_maxPerOrder);
    m_maxPerDay = limitEdit("maxPerDayEdit", tr("No limit"));
    tradingForm->addRow(tr("Most per day ($):"), m_maxPerDay);
    m_maxQuantity = limitEdit("maxQuantityEdit", tr("No limit"));
    tradingForm->addRow(tr("Most shares per order:"), m_maxQuantity);
    m_allowlist = limitEdit("allowlistEdit", tr("Any symbol (or e.g. AAPL, MSFT)"));
    tradingForm->addRow(tr("Only these symbols:"), m_allowlist);
    m_approvalTimeout = new QSpinBox(trading);
    m_approvalTimeout->setObjectName(QStringLiteral("approvalTimeoutSpin"));
    m_approvalTimeout->setRange(10, 3600);
    m_approvalTimeout->setSuffix(tr(" s"));
    m_approvalTimeout->setToolTip(tr("An order you do not answer within this time is denied."));
    tradingForm->addRow(tr("Time to approve:"), m_approvalTimeout);
    m_defaultAccount = limitEdit("defaultAccountEdit", tr("First open account"));
    tradingForm->addRow(tr("Default account:"), m_defaultAccount);
    m_tradingProblem = problemLabel(trading);
    m_tradingProblem->setObjectName(QStringLiteral("tradingProblemLabel"));
    tradingForm->addRow(m_tradingProblem);
    tabs->addTab(trading, tr("Trading"));

    m_advancedToggle = new QPushButton(tr("Show advanced settings"), this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedButton"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setFlat(true);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    m_advanced = new QWidget(this);
    m_advanced->setObjectName(QStringLiteral("advancedWidget"));
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    m_authorizeUrl = new QLineEdit(m_advanced);
    m_authorizeUrl->setObjectName(QStringLiteral("authorizeUrlEdit"));
    m_authorizeProblem = problemLabel(m_advanced);
    auto *authorizeColumn = new QVBoxLayout;
    authorizeColumn->addWidget(m_authorizeUrl);
    authorizeColumn->addWidget(m_authorizeProblem);
    advancedForm->addRow(tr("Sign-in page:"), authorizeColumn);
    m_apiBaseUrl = new QLineEdit(m_advanced);
    m_apiBaseUrl->setObjectName(QStringLiteral("apiBaseUrlEdit"));
    m_apiBaseProblem = problemLabel(m_advanced);
    auto *apiColumn = new QVBoxLayout;
    apiColumn->addWidget(m_apiBaseUrl);
    apiColumn->addWidget(m_apiBaseProblem);
    advancedForm->addRow(tr("API address:"), apiColumn);
    auto *defaults = new QPushButton(tr("Use Aries' addresses"), m_advanced);
    defaults->setObjectName(QStringLiteral("defaultsButton"));
    advancedForm->addRow(QString(), defaults);
    m_mcpPort = new QSpinBox(m_advanced);
    m_mcpPort->setObjectName(QStringLiteral("mcpPortSpin"));
    m_mcpPort->setRange(0, 65535);
    m_mcpPort->setSpecialValueText(tr("Off"));
    m_mcpPort->setToolTip(tr("Other assistants (Claude Code, Cursor, VS Code) connect to http://127.0.0.1:PORT/mcp "
                             "with the local key. Claude Desktop does not need it. 0 turns it off."));
    advancedForm->addRow(tr("Port for other assistants:"), m_mcpPort);
    m_advanced->hide();
    layout->addWidget(m_advanced);

    m_overrideNote = new QLabel(tr("Some values come from the command line for this run only. Saving stores what "
                                   "you see here for the next start."),
        this);
    m_overrideNote->setWordWrap(true);
    m_overrideNote->hide();
    outer->addWidget(m_overrideNote);

    auto *buttons = new QDialogButtonBox(this);
    m_saveAndConnect = buttons->addButton(tr("Save and Connect"), QDialogButtonBox::AcceptRole);
    m_saveAndConnect->setObjectName(QStringLiteral("saveAndConnectButton"));
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    outer->addWidget(buttons);

    connect(m_clientId, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_authorizeUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_apiBaseUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    for (QLineEdit *edit : {m_maxPerOrder, m_maxPerDay, m_maxQuantity, m_allowlist}) {
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    }
    connect(m_copyRedirect, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_redirectUri->text());
        m_copyRedirect->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copyRedirect, [button = m_copyRedirect] { button->setText(tr("Copy")); });
    });
    connect(m_advancedToggle, &QPushButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedToggle->setText(on ? tr("Hide advanced settings") : tr("Show advanced settings"));
        adjustSize();
    });
    connect(defaults, &QPushButton::clicked, this, [this] {
        m_authorizeUrl->setText(Auth::OAuthConfig::defaultAuthorizeUrl().toString());
        m_apiBaseUrl->setText(Auth::OAuthConfig::defaultApiBaseUrl().toString());
    });
    connect(m_save, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_saveAndConnect, &QPushButton::clicked, this, [this] { save(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    {
        // Validate once, with every field filled, not after each of them.
        const QSignalBlocker blockClient(m_clientId);
        const QSignalBlocker blockAuthorize(m_authorizeUrl);
        const QSignalBlocker blockApi(m_apiBaseUrl);
        m_clientId->setText(m_settings.clientId());
        m_authorizeUrl->setText(m_settings.authorizeUrl().toString());
        m_apiBaseUrl->setText(m_settings.apiBaseUrl().toString());
        m_mcpPort->setValue(m_settings.mcpPort());
        const Trading::TradingLimits limits = m_settings.tradingLimits();
        m_tradingEnabled->setChecked(limits.tradingEnabled);
        const auto text = [](const std::optional<Decimal> &value) { return value ? value->toString() : QString(); };
        m_maxPerOrder->setText(text(limits.maxNotionalPerOrder));
        m_maxPerDay->setText(text(limits.maxNotionalPerDay));
        m_maxQuantity->setText(text(limits.maxQuantity));
        m_allowlist->setText(limits.symbolAllowlist.join(QStringLiteral(", ")));
        m_approvalTimeout->setValue(int(limits.approvalTimeout.count()));
        m_defaultAccount->setText(m_settings.defaultAccountId());
    }
    m_autostart->setChecked(m_autostartEntry->isEnabled());
    showProblem(m_autostartProblem, std::nullopt);
    m_overrideNote->setVisible(m_settings.hasOverrides());
    const QString apiHost = m_settings.apiBaseUrl().host();
    m_sandboxBanner->setVisible(apiHost == QLatin1String("localhost") || QHostAddress(apiHost).isLoopback());
    validate();
}

void SettingsDialog::showPage(Page page)
{
    m_tabs->setCurrentWidget(page == Page::Trading ? m_tradingPage : m_accountPage);
    show();
    raise();
    activateWindow();
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return m_tabs->currentWidget() == m_tradingPage ? Page::Trading : Page::Account;
}

void SettingsDialog::validate()
{
    const auto clientProblem = CompanionSettings::clientIdProblem(m_clientId->text().trimmed());
    const auto authorizeProblem = CompanionSettings::urlProblem(QUrl(m_authorizeUrl->text().trimmed()));
    const auto apiProblem = CompanionSettings::urlProblem(QUrl(m_apiBaseUrl->text().trimmed()));
    showProblem(m_clientIdProblem, clientProblem);
    showProblem(m_authorizeProblem, authorizeProblem);
    showProblem(m_apiBaseProblem, apiProblem);
    const auto limitsProblem = tradingProblem();
    showProblem(m_tradingProblem, limitsProblem);
    // Likewise a trading problem on the other page: Save is off, so show why.
    if (limitsProblem && m_tabs->currentWidget() != m_tradingPage) {
        m_tabs->setCurrentWidget(m_tradingPage);
    }
    // An address problem hides inside the collapsed section unless we open it.
    if ((authorizeProblem || apiProblem) && !m_advancedToggle->isChecked()) {
        m_advancedToggle->setChecked(true);
    }
    const bool ok = !clientProblem && !authorizeProblem && !apiProblem && !limitsProblem;
    m_save->setEnabled(ok);
    m_saveAndConnect->setEnabled(ok);
}

std::optional<QString> SettingsDialog::tradingProblem() const
{
    const std::pair<const QLineEdit *, QString> amounts[] {{m_maxPerOrder, tr("Largest order")},
        {m_maxPerDay, tr("Most per day")}, {m_maxQuantity, tr("Most shares per order")}};
    for (const auto &[edit, name] : amounts) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            continue;
        }
        const auto value = Decimal::parse(text);
        if (!value || *value <= Decimal::fromInt(0)) {
            return tr("%1: enter a number above 0 (for example 5000), or leave it empty for no limit.").arg(name);
        }
    }
    if (const QString quantity = m_maxQuantity->text().trimmed(); !quantity.isEmpty()) {
        bool whole = false;
        quantity.toLongLong(&whole);
        if (!whole) {
            return tr("Most shares per order: enter a whole number of shares.");
        }
    }
    static const QRegularExpression kSymbol(QStringLiteral("^[A-Za-z][A-Za-z0-9.]{0,20}$"));
    for (const QString &symbol : m_allowlist->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!symbol.trimmed().isEmpty() && !kSymbol.match(symbol.trimmed()).hasMatch()) {
            return tr("Only these symbols: \"%1\" is not a ticker symbol; separate symbols with commas.")
                .arg(symbol.trimmed());
        }
    }
    return std::nullopt;
}

void SettingsDialog::save(bool connect)
{
    validate();
    if (!m_save->isEnabled()) {
        return;
    }
    m_settings.save(
        m_clientId->text().trimmed(), QUrl(m_authorizeUrl->text().trimmed()), QUrl(m_apiBaseUrl->text().trimmed()));
    m_settings.saveMcpPort(quint16(m_mcpPort->value()));
    Trading::TradingLimits limits = m_settings.tradingLimits();
    limits.tradingEnabled = m_tradingEnabled->isChecked();
    const auto limit = [](const QLineEdit *edit) {
        const QString text = edit->text().trimmed();
        return text.isEmpty() ? std::nullopt : Decimal::parse(text);
    };
    limits.maxNotionalPerOrder = limit(m_maxPerOrder);
    limits.maxNotionalPerDay = limit(m_maxPerDay);
    limits.maxQuantity = limit(m_maxQuantity);
    limits.symbolAllowlist.clear();
    for (const QString &symbol : m_allowlist->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!symbol.trimmed().isEmpty()) {
            limits.symbolAllowlist.append(symbol.trimmed().toUpper());
        }
    }
    limits.approvalTimeout = std::chrono::seconds(m_approvalTimeout->value());
    m_settings.saveTradingLimits(limits);
    m_settings.saveDefaultAccountId(m_defaultAccount->text());
    // What was just saved is what the user wants now, whatever the command line said.
    m_settings.clearOverrides();

    // Written again while on, so the entry follows the app when it was moved or updated to another path.
    std::optional<QString> autostartProblem;
    const bool startAtLogin = m_autostart->isChecked();
    if (startAtLogin || m_autostartEntry->isEnabled()) {
        if (const auto applied = m_autostartEntry->setEnabled(startAtLogin); !applied) {
            autostartProblem = (startAtLogin ? tr("Aries Companion could not be set to start when you log in: %1")
                                             : tr("Aries Companion could not be kept from starting when you log "
                                                  "in: %1"))
                                   .arg(applied.error());
        }
    }
    Q_EMIT saved(connect);
    if (autostartProblem) {
        // Everything else is saved; the dialog stays open on the problem so the user can change the box or fix
        // the folder and save again.
        showProblem(m_autostartProblem, autostartProblem);
        m_tabs->setCurrentWidget(m_accountPage);
        return;
    }
    accept();
}

} // namespace Companion::Ui
