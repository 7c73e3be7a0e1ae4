// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ContentBlock.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace Companion::Mcp {

struct PromptArgument
{
    QString name;
    QString description;
    bool required = false;
};

/** What prompts/list shows for one prompt. */
struct PromptDefinition
{
    QString name;
    QString title;
    QString description;
    QList<PromptArgument> arguments;
};

/** One message of a rendered prompt: text, an image or an embedded resource. */
struct PromptMessage
{
    /** "user" or "assistant". */
    QString role = QStringLiteral("user");
    ContentBlock content = ContentBlock::text(QString());
};

/**
 * Renders a prompt as the text of one user message. Required arguments are checked by the server
 * before this runs.
 */
using PromptRenderer = std::function<QString(const QMap<QString, QString> &arguments)>;

/** Renders a prompt as any number of messages, for prompts that carry images or resources. */
using PromptMessagesRenderer = std::function<QList<PromptMessage>(const QMap<QString, QString> &arguments)>;

} // namespace Companion::Mcp
