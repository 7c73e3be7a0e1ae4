// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QCheckBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QPushButton;
class QWidget;

namespace Companion {
class CompanionSettings;
}

namespace Companion::Platform {
class Autostart;
}

namespace Companion::Ui {

/**
 * Settings…: the Client ID (the only thing Aries' guide asks the user to paste), the redirect URI to
 * register in Client Center with a Copy button, what the app will ask Aries for, whether it starts at
 * login, and under Advanced the Aries addresses; on a second page the trading limits. Nothing secret is
 * shown or stored here.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    /** The dialog's pages, for windows that send the user to one of them ("Change…"). */
    enum class Page {
        /** Client ID, redirect URI, permissions, start at login, Aries addresses. */
        Account,
        /** Whether the assistant may trade, and its limits. */
        Trading,
    };

    explicit SettingsDialog(CompanionSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    /**
     * Fills the fields from the settings (with any command-line overrides in effect) and the start-at-login
     * switch from the system's own entry.
     */
    void load();

    /** Turns to @p page and shows the dialog in front (non-modal); the fields keep what they hold. */
    void showPage(Page page);
    Page currentPage() const;

Q_SIGNALS:
    /** The settings were saved; @p connect is true when the user chose "Save and connect". */
    void saved(bool connect);

private:
    void validate();
    /** Why the trading fields cannot be saved, in words; nullopt when they can. */
    std::optional<QString> tradingProblem() const;
    void save(bool connect);

    CompanionSettings &m_settings;
    QLineEdit *m_clientId = nullptr;
    QLabel *m_clientIdProblem = nullptr;
    QLineEdit *m_redirectUri = nullptr;
    QPushButton *m_copyRedirect = nullptr;
    QWidget *m_advanced = nullptr;
    QPushButton *m_advancedToggle = nullptr;
    QLineEdit *m_authorizeUrl = nullptr;
    QLabel *m_authorizeProblem = nullptr;
    QLineEdit *m_apiBaseUrl = nullptr;
    QSpinBox *m_mcpPort = nullptr;
    QLabel *m_apiBaseProblem = nullptr;
    QLabel *m_overrideNote = nullptr;
    QLabel *m_sandboxBanner = nullptr;
    // Trading: the safety settings of the order tools.
    QCheckBox *m_tradingEnabled = nullptr;
    QLineEdit *m_maxPerOrder = nullptr;
    QLineEdit *m_maxPerDay = nullptr;
    QLineEdit *m_maxQuantity = nullptr;
    QLineEdit *m_allowlist = nullptr;
    QSpinBox *m_approvalTimeout = nullptr;
    QLineEdit *m_defaultAccount = nullptr;
    QLabel *m_tradingProblem = nullptr;
    // Start at login: the system's own entry is the state, so the box always shows what will happen.
    std::unique_ptr<Platform::Autostart> m_autostartEntry;
    QCheckBox *m_autostart = nullptr;
    QLabel *m_autostartProblem = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_accountPage = nullptr;
    QWidget *m_tradingPage = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_saveAndConnect = nullptr;
};

} // namespace Companion::Ui
