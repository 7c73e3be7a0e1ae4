// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LineFramer.h"

#include <QByteArray>

#include <optional>

namespace Companion::McpBridge::OfflineReplies {

/**
 * The JSON-RPC error line (without '\n') that answers @p frame from the MCP client while Aries Companion cannot
 * be reached, or nothing when no answer is due (notifications, responses, blank lines).
 *
 * Requests get -32000 with their own id, re-serialised from the parsed value so a string stays a string and a
 * 64-bit integer keeps every digit; text that is not JSON gets -32700, JSON that is not an object -32600,
 * an over-long line -32600 "Message too large" (both with id null, as the id cannot be known).
 */
std::optional<QByteArray> replyFor(const Ipc::LineFramer::Frame &frame);

/** The -32600 "Message too large" line, also used while connected. */
QByteArray messageTooLarge();

/** The id of a request line (as JSON text), or nothing for notifications, responses and anything unreadable. */
std::optional<QByteArray> requestId(const QByteArray &line);
/** The id of a response line (as JSON text: "result" or "error" without "method"), or nothing. */
std::optional<QByteArray> responseId(const QByteArray &line);
/**
 * The -32000 line that answers request @p id (JSON text) when Aries Companion stopped before answering it: the
 * client learns what happened instead of waiting, and that an order may have gone out.
 */
QByteArray appStopped(QByteArrayView id);

} // namespace Companion::McpBridge::OfflineReplies
