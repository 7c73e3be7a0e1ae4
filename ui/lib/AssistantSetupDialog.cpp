// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AssistantSetupDialog.h"

#include "setup/ClientConfig.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTextOption>
#include <QTimer>
#include <QVBoxLayout>

namespace Companion::Ui {

using Setup::ClaudeDesktopConfig;

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent, const char *name)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QPlainTextEdit *codeView(QWidget *parent, const char *name, int lines)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(QLatin1String(name));
    view->setReadOnly(true);
    // Long paths break anywhere rather than hiding behind a horizontal scroll bar.
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics metrics(view->font());
    view->setMinimumHeight(metrics.lineSpacing() * lines + 2 * view->frameWidth() + 8);
    // Wide enough for an entry with a usual install path on one line; longer ones wrap.
    view->setMinimumWidth(metrics.horizontalAdvance(QLatin1Char('x')) * 84);
    return view;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

AssistantSetupDialog::AssistantSetupDialog(Options options, QWidget *parent)
    : QDialog(parent)
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("assistantSetupDialog"));
    const bool sandbox = m_options.environment == QLatin1String("Sandbox");
    setWindowTitle(sandbox ? tr("Set Up Assistants — Sandbox") : tr("Set Up Assistants"));
    if (m_options.claudeConfigPaths.isEmpty()) {
        m_options.claudeConfigPaths = ClaudeDesktopConfig::candidatePaths();
    }

    auto *outer = new QVBoxLayout(this);
    if (sandbox) {
        // The bridge reaches whatever this app is connected to, so an assistant set up now sees the demo account.
        auto *banner = wrappedLabel(tr("Demo mode (Sandbox): assistants you connect here work with the demo account "
                                       "on this computer, not your Aries account, until Aries Companion is switched "
                                       "back to Aries."),
            this, "environmentLabel");
        banner->setStyleSheet(
            QStringLiteral("background: #fff4ce; color: #3d3000; padding: 6px; border: 1px solid #e0c060;"));
        outer->addWidget(banner);
    }
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("assistantTabs"));
    outer->addWidget(m_tabs);

    // Claude Desktop: write the entry for the user.
    m_claudePage = new QWidget(m_tabs);
    m_claudePage->setObjectName(QStringLiteral("claudeDesktopPage"));
    auto *layout = new QVBoxLayout(m_claudePage);
    layout->addWidget(wrappedLabel(tr("Claude Desktop starts Aries Companion's bridge itself when it opens. Aries "
                                      "Companion adds the bridge to Claude Desktop's configuration file and leaves "
                                      "everything else in the file as it is."),
        m_claudePage, "claudeIntroLabel"));
    auto *form = new QFormLayout;
    m_path = new QComboBox(m_claudePage);
    m_path->setObjectName(QStringLiteral("configPathCombo"));
    // A choice only when Claude Desktop has files in several places; otherwise the path is shown in full.
    m_pathLabel = wrappedLabel(QString(), m_claudePage, "configPathLabel");
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathNote = wrappedLabel(QString(), m_claudePage, "configPathNoteLabel");
    auto *pathColumn = new QVBoxLayout;
    pathColumn->addWidget(m_path);
    pathColumn->addWidget(m_pathLabel);
    pathColumn->addWidget(m_pathNote);
    form->addRow(tr("Configuration file:"), pathColumn);
    auto *bridge = wrappedLabel(native(m_options.bridgePath), m_claudePage, "bridgePathLabel");
    bridge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Bridge:"), bridge);
    layout->addLayout(form);

    m_status = wrappedLabel(QString(), m_claudePage, "statusLabel");
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    layout->addWidget(m_status);
    m_change = codeView(m_claudePage, "changeView", 6);
    layout->addWidget(m_change);
    m_changeNote = wrappedLabel(QString(), m_claudePage, "changeNoteLabel");
    layout->addWidget(m_changeNote);
    m_problem = wrappedLabel(QString(), m_claudePage, "problemLabel");
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_problem);

    // Shown whenever writing the file is not possible: the same entry, to paste by hand.
    m_manual = new QWidget(m_claudePage);
    m_manual->setObjectName(QStringLiteral("manualWidget"));
    auto *manualLayout = new QVBoxLayout(m_manual);
    manualLayout->setContentsMargins(0, 0, 0, 0);
    manualLayout->addWidget(wrappedLabel(tr("To add it by hand, open the file in a text editor (in Claude Desktop: "
                                            "Settings › Developer › Edit Config), merge this into it, save, and quit "
                                            "and reopen Claude Desktop:"),
        m_manual, "manualHintLabel"));
    m_manualSnippet = codeView(m_manual, "manualSnippetView", 10);
    manualLayout->addWidget(m_manualSnippet);
    m_copyManual = new QPushButton(tr("Copy"), m_manual);
    m_copyManual->setObjectName(QStringLiteral("copyManualButton"));
    manualLayout->addWidget(m_copyManual, 0, Qt::AlignRight);
    layout->addWidget(m_manual);

    m_result = wrappedLabel(QString(), m_claudePage, "resultLabel");
    m_result->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    layout->addWidget(m_result);
    layout->addStretch();

    auto *actions = new QHBoxLayout;
    actions->addStretch();
    m_remove = new QPushButton(tr("Remove from Claude Desktop"), m_claudePage);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_apply = new QPushButton(m_claudePage);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setDefault(true);
    actions->addWidget(m_remove);
    actions->addWidget(m_apply);
    layout->addLayout(actions);
    m_tabs->addTab(m_claudePage, tr("Claude Desktop"));

    m_snippets = new AssistantSnippetsPage(m_options.bridgePath, m_options.httpUrl, m_options.keyProvider, m_tabs);
    m_tabs->addTab(m_snippets, tr("Claude Code, Cursor, VS Code"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    outer->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QComboBox::currentIndexChanged, this, [this] {
        m_result->hide();
        refresh();
    });
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_addPlan) {
            applyPlan(*m_addPlan, true);
        }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_removePlan) {
            applyPlan(*m_removePlan, false);
        }
    });
    connect(m_copyManual, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_manualSnippet->toPlainText());
        m_copyManual->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copyManual, [button = m_copyManual] { button->setText(tr("Copy")); });
    });

    m_manualSnippet->setPlainText(manualSnippet());
    m_result->hide();
    fillPaths();
}

AssistantSetupDialog::~AssistantSetupDialog() = default;

void AssistantSetupDialog::setHttpUrl(const QUrl &url)
{
    m_options.httpUrl = url;
    m_snippets->setHttpUrl(url);
}

void AssistantSetupDialog::showClaudeDesktopPage()
{
    m_tabs->setCurrentWidget(m_claudePage);
}

void AssistantSetupDialog::showOtherAssistantsPage()
{
    m_tabs->setCurrentWidget(m_snippets);
}

QString AssistantSetupDialog::configPath() const
{
    return m_path->currentData().toString();
}

void AssistantSetupDialog::fillPaths()
{
    // Only the files that exist are offered; with none, the usual place, where the file will be created.
    QStringList existing;
    for (const QString &path : std::as_const(m_options.claudeConfigPaths)) {
        if (QFileInfo::exists(path)) {
            existing << path;
        }
    }
    if (existing.isEmpty()) {
        existing << m_options.claudeConfigPaths.value(0);
    }
    {
        const QSignalBlocker blocker(m_path);
        m_path->clear();
        for (const QString &path : std::as_const(existing)) {
            m_path->addItem(native(path), path);
        }
    }
    m_path->setVisible(existing.size() > 1);
    m_pathLabel->setText(native(existing.constFirst()));
    m_pathLabel->setVisible(existing.size() == 1);
    refresh();
}

QString AssistantSetupDialog::manualSnippet() const
{
    const auto snippet = Setup::ClientConfig::stdioSnippet(QStringLiteral("claude-desktop"), m_options.bridgePath);
    return snippet ? snippet->text : snippet.error();
}

void AssistantSetupDialog::refresh()
{
    m_problem->hide();
    m_manual->hide();
    m_addPlan.reset();
    m_removePlan.reset();
    const QString path = configPath();
    const bool exists = QFileInfo::exists(path);

    QStringList notes;
    if (m_path->count() > 1) {
        notes << tr("Claude Desktop has a configuration file in more than one place on this computer. Choose the one "
                    "your Claude Desktop uses (Settings › Developer › Edit Config opens it).");
    }
    if (!exists) {
        notes << tr("This file does not exist yet; Aries Companion will create it.");
    }
    m_pathNote->setText(notes.join(QLatin1Char(' ')));
    m_pathNote->setVisible(!notes.isEmpty());

    const auto plan = ClaudeDesktopConfig::planAdd(path, m_options.bridgePath);
    if (!plan) {
        m_status->setText(tr("Aries Companion will not change this file."));
        m_change->hide();
        m_changeNote->hide();
        m_apply->hide();
        m_remove->hide();
        showProblem(plan.error());
        return;
    }
    m_addPlan = *plan;
    if (!plan->entryBefore.isEmpty()) {
        if (auto remove = ClaudeDesktopConfig::planRemove(path)) {
            m_removePlan = std::move(*remove);
        }
    }
    const bool setUp = !plan->changes();
    const bool otherEntry = !setUp && !plan->entryBefore.isEmpty();
    if (setUp) {
        m_status->setText(tr("Claude Desktop is set up: it starts the bridge of this installation."));
    } else if (otherEntry) {
        m_status->setText(plan->commandBefore.isEmpty()
                ? tr("Claude Desktop has an entry named \"aries\" that does not start this installation's bridge. "
                     "Update it?")
                : tr("Claude Desktop is set up with a bridge from another installation (%1). Update it to this one?")
                      .arg(plan->commandBefore));
    } else if (exists) {
        m_status->setText(tr("Claude Desktop is not set up for Aries Companion yet."));
    } else {
        m_status->setText(tr("Claude Desktop has no configuration file yet."));
    }

    if (plan->changes()) {
        // Only our entry changes, so the entry before and after says everything about the change.
        QStringList lines {QStringLiteral("  \"mcpServers\": {")};
        if (!plan->entryBefore.isEmpty()) {
            lines << QStringLiteral("-   \"aries\": ") + QString::fromUtf8(plan->entryBefore);
        }
        lines << QStringLiteral("+   \"aries\": ") + QString::fromUtf8(plan->entryAfter);
        lines << QStringLiteral("  }");
        m_change->setPlainText(lines.join(QLatin1Char('\n')));
        QString note = tr("Only this entry changes; everything else in the file stays as it is.");
        if (!plan->before.isEmpty()) {
            note += QLatin1Char(' ')
                + tr("The file as it is now is kept as %1.").arg(native(path + QStringLiteral(".bak")));
        }
        m_changeNote->setText(note);
    }
    m_change->setVisible(plan->changes());
    m_changeNote->setVisible(plan->changes());
    m_apply->setText(otherEntry ? tr("Update") : tr("Add to Claude Desktop"));
    m_apply->setVisible(plan->changes());
    m_remove->setVisible(m_removePlan && m_removePlan->changes());

    const auto problem = ClaudeDesktopConfig::writeProblem(path);
    m_apply->setEnabled(!problem);
    m_remove->setEnabled(!problem);
    if (problem && (plan->changes() || m_removePlan)) {
        showProblem(*problem);
    }
}

void AssistantSetupDialog::applyPlan(ClaudeDesktopConfig::Plan plan, bool adding)
{
    m_result->hide();
    const auto applied = ClaudeDesktopConfig::apply(plan);
    refresh();
    if (!applied) {
        showProblem(applied.error());
        return;
    }
    QString text = adding ? tr("Done. Claude Desktop reads this file only when it starts: quit Claude Desktop "
                               "completely (from its menu or its tray icon; closing the window is not enough) and "
                               "open it again. Aries Companion's tools then appear in it.")
                          : tr("Removed. Quit Claude Desktop completely and open it again, so that it stops "
                               "starting Aries Companion.");
    if (!plan.before.isEmpty()) {
        text +=
            QLatin1Char(' ') + tr("The previous file is kept as %1.").arg(native(plan.path + QStringLiteral(".bak")));
    }
    m_result->setText(text);
    m_result->show();
    Q_EMIT claudeDesktopConfigChanged(plan.path);
}

void AssistantSetupDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
    m_manual->show();
}

} // namespace Companion::Ui
