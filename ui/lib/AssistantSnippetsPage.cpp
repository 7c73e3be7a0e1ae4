// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AssistantSnippetsPage.h"

#include "settings/CompanionSettings.h"
#include "setup/ClientConfig.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTextOption>
#include <QTimer>
#include <QVBoxLayout>

namespace Companion::Ui {

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent, const char *name)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    return label;
}

} // namespace

QString AssistantSnippetsPage::keyPlaceholder()
{
    return QStringLiteral("<local key>");
}

AssistantSnippetsPage::AssistantSnippetsPage(QString bridgePath, QUrl httpUrl, KeyProvider keyProvider, QWidget *parent)
    : QWidget(parent)
    , m_bridgePath(std::move(bridgePath))
    , m_httpUrl(std::move(httpUrl))
    , m_keyProvider(std::move(keyProvider))
{
    setObjectName(QStringLiteral("assistantSnippetsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(wrappedLabel(tr("Other assistants start Aries Companion's bridge like Claude Desktop does, or "
                                      "connect to it over HTTP on this computer. Choose the assistant, copy the text "
                                      "and paste it where it says."),
        this, "snippetsIntroLabel"));

    auto *form = new QFormLayout;
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("clientCombo"));
    for (const QString &id : Setup::ClientConfig::httpClients()) {
        m_client->addItem(Setup::ClientConfig::displayName(id), id);
    }
    form->addRow(tr("Assistant:"), m_client);
    m_bridge = new QRadioButton(tr("Through the bridge (recommended: no key to keep)"), this);
    m_bridge->setObjectName(QStringLiteral("bridgeRadio"));
    m_http = new QRadioButton(tr("Over HTTP with the local key"), this);
    m_http->setObjectName(QStringLiteral("httpRadio"));
    m_bridge->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_bridge);
    group->addButton(m_http);
    auto *connection = new QVBoxLayout;
    connection->addWidget(m_bridge);
    connection->addWidget(m_http);
    form->addRow(tr("Connection:"), connection);
    layout->addLayout(form);

    m_instructions = wrappedLabel(QString(), this, "instructionsLabel");
    layout->addWidget(m_instructions);
    m_snippet = new QPlainTextEdit(this);
    m_snippet->setObjectName(QStringLiteral("snippetView"));
    m_snippet->setReadOnly(true);
    // Long paths break anywhere rather than hiding behind a horizontal scroll bar.
    m_snippet->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_snippet->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_snippet->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_snippet->setMinimumHeight(m_snippet->fontMetrics().lineSpacing() * 12);
    m_snippet->setMinimumWidth(m_snippet->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 84);
    layout->addWidget(m_snippet, 1);
    m_keyNote = wrappedLabel(tr("%1 stands for your key, which is not shown here: Copy puts the real key into what it "
                                "copies. Anyone who has the key can use your Aries account through this app, so paste "
                                "it only into your own assistant's settings.")
                                 .arg(keyPlaceholder()),
        this, "keyNoteLabel");
    m_keyNote->setTextFormat(Qt::PlainText);
    layout->addWidget(m_keyNote);
    m_httpOff = wrappedLabel(tr("The HTTP endpoint for other assistants is off. To turn it on, open Settings, choose "
                                "Show advanced settings, set \"Port for other assistants\" (for example %1) and "
                                "Save. Or use the bridge, which needs no port.")
                                 .arg(CompanionSettings::kDefaultMcpPort),
        this, "httpOffLabel");
    layout->addWidget(m_httpOff);
    m_problem = wrappedLabel(QString(), this, "snippetProblemLabel");
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_problem);

    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySnippetButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);

    connect(m_client, &QComboBox::currentIndexChanged, this, &AssistantSnippetsPage::updateSnippet);
    connect(m_http, &QRadioButton::toggled, this, &AssistantSnippetsPage::updateSnippet);
    connect(m_copy, &QPushButton::clicked, this, &AssistantSnippetsPage::copy);
    updateSnippet();
}

AssistantSnippetsPage::~AssistantSnippetsPage() = default;

void AssistantSnippetsPage::setHttpUrl(const QUrl &url)
{
    m_httpUrl = url;
    updateSnippet();
}

QString AssistantSnippetsPage::client() const
{
    return m_client->currentData().toString();
}

bool AssistantSnippetsPage::http() const
{
    return m_http->isChecked();
}

void AssistantSnippetsPage::updateSnippet()
{
    m_problem->hide();
    const bool httpOff = http() && m_httpUrl.isEmpty();
    m_httpOff->setVisible(httpOff);
    m_keyNote->setVisible(http() && !httpOff);
    const auto snippet = httpOff ? Expected<Setup::ClientConfig::Snippet, QString>(Setup::ClientConfig::Snippet {})
        : http()                 ? Setup::ClientConfig::httpSnippet(client(), m_httpUrl, keyPlaceholder())
                                 : Setup::ClientConfig::stdioSnippet(client(), m_bridgePath);
    if (!snippet) {
        showProblem(snippet.error());
    }
    const Setup::ClientConfig::Snippet shown = snippet.value_or(Setup::ClientConfig::Snippet {});
    m_instructions->setText(shown.instructions);
    m_instructions->setVisible(!shown.instructions.isEmpty());
    m_snippet->setPlainText(shown.text);
    m_snippet->setVisible(!httpOff);
    m_copy->setEnabled(!shown.text.isEmpty() && !m_readingKey);
}

void AssistantSnippetsPage::copy()
{
    m_problem->hide();
    if (!http()) {
        const auto snippet = Setup::ClientConfig::stdioSnippet(client(), m_bridgePath);
        if (!snippet) {
            showProblem(snippet.error());
            return;
        }
        copied(snippet->text);
        return;
    }
    if (!m_keyProvider) {
        showProblem(tr("The local key is not available in this window."));
        return;
    }
    // The keychain may take a while (or ask the user to unlock it); the window stays usable meanwhile.
    m_readingKey = true;
    m_copy->setEnabled(false);
    m_copy->setText(tr("Reading the key…"));
    const QString forClient = client();
    const QUrl url = m_httpUrl;
    m_keyProvider([self = QPointer<AssistantSnippetsPage>(this), forClient, url](Expected<QByteArray, QString> key) {
        if (!self) {
            return;
        }
        self->m_readingKey = false;
        self->m_copy->setText(tr("Copy"));
        self->updateSnippet();
        if (!key) {
            self->showProblem(tr("The local key could not be read from the keychain: %1").arg(key.error()));
            return;
        }
        const auto snippet = Setup::ClientConfig::httpSnippet(forClient, url, QString::fromLatin1(*key));
        if (!snippet) {
            self->showProblem(snippet.error());
            return;
        }
        self->copied(snippet->text);
    });
}

void AssistantSnippetsPage::copied(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(2000, m_copy, [this] {
        if (!m_readingKey) {
            m_copy->setText(tr("Copy"));
        }
    });
}

void AssistantSnippetsPage::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
}

} // namespace Companion::Ui
