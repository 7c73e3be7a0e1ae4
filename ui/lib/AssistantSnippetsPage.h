// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Companion::Ui {

/**
 * What to paste into Claude Code, Cursor or VS Code to reach Aries Companion: through the stdio bridge
 * (no secret involved) or over the loopback HTTP endpoint with the local key. The key is never shown:
 * the snippet on screen holds a placeholder, and only the text the Copy button puts on the clipboard
 * holds the real key, read from the keychain at that moment.
 */
class AssistantSnippetsPage final : public QWidget
{
    Q_OBJECT

public:
    using KeyCallback = std::function<void(Expected<QByteArray, QString>)>;
    /** Reads the local key asynchronously and calls back once (with the key, or why not). */
    using KeyProvider = std::function<void(KeyCallback)>;

    /** What the page shows on screen where the key goes. */
    static QString keyPlaceholder();

    AssistantSnippetsPage(QString bridgePath, QUrl httpUrl, KeyProvider keyProvider, QWidget *parent = nullptr);
    ~AssistantSnippetsPage() override;
    Q_DISABLE_COPY_MOVE(AssistantSnippetsPage)

    /** The HTTP endpoint's address, or an empty URL when it is off (the port can change while open). */
    void setHttpUrl(const QUrl &url);

private:
    QString client() const;
    bool http() const;
    void updateSnippet();
    void copy();
    void copied(const QString &text);
    void showProblem(const QString &problem);

    QString m_bridgePath;
    QUrl m_httpUrl;
    KeyProvider m_keyProvider;
    QComboBox *m_client = nullptr;
    QRadioButton *m_bridge = nullptr;
    QRadioButton *m_http = nullptr;
    QLabel *m_instructions = nullptr;
    QPlainTextEdit *m_snippet = nullptr;
    QLabel *m_keyNote = nullptr;
    QLabel *m_httpOff = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_copy = nullptr;
    bool m_readingKey = false;
};

} // namespace Companion::Ui
