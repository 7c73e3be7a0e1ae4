// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Expected.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace Companion::Aries {
class AriesClient;
}

namespace Companion::Trading {

/** One line of the audit log. */
struct AuditRecord
{
    /** The "event" of a record of one finished MCP tool call (any tool, not only orders). */
    static constexpr const char *kToolCallEvent = "tool_call";

    /**
     * What the line records: empty for the steps of an order tool (the log's first kind, written without
     * an "event" key), kToolCallEvent for one finished tool call.
     */
    QString event;
    QDateTime time; ///< UTC
    QString callId; ///< Ties the records of one tool call together
    QString client; ///< MCP client name
    QString tool;
    nlohmann::json arguments = nlohmann::json::object(); ///< As received, secrets removed
    /**
     * requested, invalid, refused, previewed, pending_approval, denied, timed_out, cancelled, sending,
     * placed, rejected, uncertain, error, resolved, not_found, abandoned. "sending" is written before an
     * order goes out, so a crash between sending and the answer leaves it as the last word on that order;
     * "abandoned" closes a call that an earlier run left before anything was sent (e.g. while the
     * approval window was open).
     */
    QString outcome;
    QString accountId;
    QString clientTag; ///< Our tag on the order (Aries' clientId)
    QString orderId; ///< Aries' clOrdId
    QString status; ///< Aries' order status
    std::optional<Decimal> notional; ///< What counts towards the day cap
    QString detail; ///< A reason, Aries' text, an error
    QString transport; ///< Tool calls: "local" or "http"

    bool isToolCall() const { return event == QLatin1String(kToolCallEvent); }
    /**
     * A tool call record: @p outcome is "ok", "error", "denied" or "cancelled". It has no arguments: the
     * status view and the log say which tool ran for whom and how it ended, not with what.
     */
    static AuditRecord toolCall(const QDateTime &time, const QString &client, const QString &transport,
        const QString &tool, const QString &outcome, const QString &detail);

    nlohmann::json toJson() const;
    static std::optional<AuditRecord> fromJson(const nlohmann::json &value);
};

/**
 * The audit log of every order tool call: JSON Lines in the app data directory (audit.jsonl), one
 * record per step, flushed as it is written so that it survives a crash of the app. The file rotates by
 * size (audit.jsonl.1 … .N, oldest dropped).
 *
 * A write failure is returned, not swallowed: the order tools refuse an order they cannot record.
 *
 * After a restart, pendingUncertain() lists the orders whose last record is "sending" or "uncertain"
 * (the app stopped, or the answer was lost, before Aries said what happened); reconcile() looks each up
 * at Aries by its tag and records the final state.
 */
class AuditLog final
{
public:
    static constexpr qint64 kDefaultMaxBytes = 5 * 1024 * 1024;
    static constexpr int kDefaultKeepFiles = 5;

    explicit AuditLog(QString directory, qint64 maxBytes = kDefaultMaxBytes, int keepFiles = kDefaultKeepFiles);

    QString filePath() const;
    /** Appends one record; the error says why it could not be written. */
    Expected<void, QString> append(const AuditRecord &record);
    /** Every readable record of every file, oldest first. */
    QList<AuditRecord> readAll() const;
    /**
     * The newest @p count records (of kind @p event when it is not empty; AuditRecord::kToolCallEvent for
     * the tool calls), oldest first. Reads only the end of the current file (and of the one rotated
     * before it when that is not enough), at most kRecentReadBytes of each, so it stays quick on a
     * full log; older records are in the files themselves.
     */
    QList<AuditRecord> recent(int count, const QString &event = {}) const;
    static constexpr qint64 kRecentReadBytes = 512 * 1024;
    /**
     * Order tool calls (by call id) whose last record is "requested" or "pending_approval": an earlier run
     * stopped (crash, kill, power cut) before they were decided. Nothing of theirs was sent, since an order
     * goes out only after "sending" is recorded.
     */
    QList<AuditRecord> unfinishedCalls() const;
    /**
     * Records "abandoned" for every unfinishedCalls() entry, so the log says how each ended. Call it at
     * start, before any tool call of this run; the number recorded, or why the log cannot be written.
     */
    Expected<int, QString> abandonUnfinishedCalls();
    /** Orders (by client tag) whose last record is "sending" or "uncertain". */
    QList<AuditRecord> pendingUncertain() const;
    /** The notional of orders placed (or possibly placed) on the local day @p day. */
    Decimal placedNotionalOn(QDate day) const;

    /** @p arguments with values of secret-looking keys (token, password, secret, authorization) replaced. */
    static nlohmann::json redacted(const nlohmann::json &arguments);

    /**
     * Looks up every pendingUncertain() order at Aries and records "resolved" (with its status) or
     * "not_found" (it never reached Aries). Orders whose lookup fails stay pending for the next start.
     * @p done gets the number of orders resolved.
     */
    void reconcile(Aries::AriesClient &client, QObject *context, std::function<void(int resolved)> done);

private:
    void rotateIfNeeded(qint64 incoming);
    QString rotatedPath(int index) const;

    QString m_directory;
    qint64 m_maxBytes;
    int m_keepFiles;
    /**
     * The file's size right after our last append, which ended with a newline: while the size is still
     * that, the file needs no reading to know it ends a line. Every tool call is recorded, so the checks
     * below cost each call some ten system calls otherwise.
     */
    qint64 m_sizeAfterLastAppend = -1;
};

} // namespace Companion::Trading
