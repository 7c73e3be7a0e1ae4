// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AssistantSnippetsPage.h"
#include "setup/ClaudeDesktopConfig.h"

#include <QDialog>
#include <QStringList>
#include <QUrl>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QWidget;

namespace Companion::Ui {

/**
 * Set up assistants…: adds Aries Companion to Claude Desktop's claude_desktop_config.json (showing
 * the change first, keeping a backup, never rewriting a file it cannot read), takes it out again, and
 * on a second page gives the text to paste into Claude Code, Cursor and VS Code.
 *
 * Everything it needs comes in through Options, so the app wires it in a few lines and tests point it
 * at a folder of their own.
 */
class AssistantSetupDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Options
    {
        /** Absolute path of the installed aries-mcp. */
        QString bridgePath;
        /** Where Claude Desktop's file may be, most likely first; empty = ClaudeDesktopConfig::candidatePaths(). */
        QStringList claudeConfigPaths;
        /** The loopback HTTP endpoint (http://127.0.0.1:PORT/mcp), or empty when it is off. */
        QUrl httpUrl;
        /** Reads the local key when the user copies an HTTP snippet. */
        AssistantSnippetsPage::KeyProvider keyProvider;
        /** "Aries" or "Sandbox" (demo mode); the window says so when it is the sandbox. */
        QString environment = QStringLiteral("Aries");
    };

    explicit AssistantSetupDialog(Options options, QWidget *parent = nullptr);
    ~AssistantSetupDialog() override;
    Q_DISABLE_COPY_MOVE(AssistantSetupDialog)

    /** The HTTP endpoint moved or was switched off or on while the window is open. */
    void setHttpUrl(const QUrl &url);
    /** Reads Claude Desktop's file again (it may have been edited meanwhile) and shows what it holds now. */
    void refresh();
    void showClaudeDesktopPage();
    void showOtherAssistantsPage();

Q_SIGNALS:
    /** Claude Desktop's file at @p path was written (our entry added, updated or removed). */
    void claudeDesktopConfigChanged(const QString &path);

private:
    QString configPath() const;
    void fillPaths();
    // By value: refresh() replaces the plans the buttons hold while this runs.
    void applyPlan(Setup::ClaudeDesktopConfig::Plan plan, bool adding);
    void showProblem(const QString &problem);
    QString manualSnippet() const;

    Options m_options;
    std::optional<Setup::ClaudeDesktopConfig::Plan> m_addPlan;
    std::optional<Setup::ClaudeDesktopConfig::Plan> m_removePlan;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_claudePage = nullptr;
    AssistantSnippetsPage *m_snippets = nullptr;
    QComboBox *m_path = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_pathNote = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_change = nullptr;
    QLabel *m_changeNote = nullptr;
    QLabel *m_problem = nullptr;
    QWidget *m_manual = nullptr;
    QPlainTextEdit *m_manualSnippet = nullptr;
    QPushButton *m_copyManual = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace Companion::Ui
