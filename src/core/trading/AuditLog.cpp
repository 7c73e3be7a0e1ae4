// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/AuditLog.h"

#include "aries/AriesClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace Companion::Trading {

using nlohmann::json;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

QString qstr(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool isSecretKey(const std::string &key)
{
    const QString lower = QString::fromStdString(key).toLower();
    for (const char *word : {"token", "password", "secret", "authorization", "cookie", "apikey", "api_key"}) {
        if (lower.contains(QLatin1String(word))) {
            return true;
        }
    }
    return false;
}

} // namespace

AuditRecord AuditRecord::toolCall(const QDateTime &time, const QString &client, const QString &transport,
    const QString &tool, const QString &outcome, const QString &detail)
{
    AuditRecord record;
    record.event = QLatin1String(kToolCallEvent);
    record.time = time.toUTC();
    record.client = client;
    record.transport = transport;
    record.tool = tool;
    record.outcome = outcome;
    record.detail = detail;
    return record;
}

json AuditRecord::toJson() const
{
    if (isToolCall()) {
        // No callId and no arguments: a tool call record says what ran, for whom, and how it ended.
        json out {{"event", str(event)}, {"time", str(time.toUTC().toString(Qt::ISODateWithMs))},
            {"client", str(client)}, {"tool", str(tool)}, {"outcome", str(outcome)}};
        if (!transport.isEmpty()) {
            out["transport"] = str(transport);
        }
        if (!detail.isEmpty()) {
            out["detail"] = str(detail);
        }
        return out;
    }
    json out {{"time", str(time.toUTC().toString(Qt::ISODateWithMs))}, {"callId", str(callId)}, {"client", str(client)},
        {"tool", str(tool)}, {"arguments", arguments}, {"outcome", str(outcome)}};
    const auto put = [&out](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            out[key] = str(value);
        }
    };
    put("accountId", accountId);
    put("clientTag", clientTag);
    put("orderId", orderId);
    put("status", status);
    put("detail", detail);
    if (notional) {
        out["notional"] = str(notional->toString(2));
    }
    return out;
}

std::optional<AuditRecord> AuditRecord::fromJson(const json &value)
{
    if (!value.is_object() || !value.contains("outcome")) {
        return std::nullopt;
    }
    AuditRecord record;
    record.event = qstr(value, "event");
    record.time = QDateTime::fromString(qstr(value, "time"), Qt::ISODateWithMs);
    record.callId = qstr(value, "callId");
    record.client = qstr(value, "client");
    record.tool = qstr(value, "tool");
    record.arguments = value.value("arguments", json::object());
    record.outcome = qstr(value, "outcome");
    record.accountId = qstr(value, "accountId");
    record.clientTag = qstr(value, "clientTag");
    record.orderId = qstr(value, "orderId");
    record.status = qstr(value, "status");
    record.detail = qstr(value, "detail");
    record.transport = qstr(value, "transport");
    if (const QString notional = qstr(value, "notional"); !notional.isEmpty()) {
        record.notional = Decimal::parse(notional);
    }
    return record;
}

AuditLog::AuditLog(QString directory, qint64 maxBytes, int keepFiles)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
    , m_keepFiles(keepFiles < 1 ? 1 : keepFiles)
{ }

QString AuditLog::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("audit.jsonl"));
}

QString AuditLog::rotatedPath(int index) const
{
    return filePath() + QLatin1Char('.') + QString::number(index);
}

void AuditLog::rotateIfNeeded(qint64 incoming)
{
    const QFileInfo current(filePath());
    if (!current.exists() || current.size() + incoming <= m_maxBytes) {
        return;
    }
    QFile::remove(rotatedPath(m_keepFiles));
    for (int index = m_keepFiles - 1; index >= 1; --index) {
        if (QFile::exists(rotatedPath(index))) {
            QFile::rename(rotatedPath(index), rotatedPath(index + 1));
        }
    }
    QFile::rename(filePath(), rotatedPath(1));
}

Expected<void, QString> AuditLog::append(const AuditRecord &record)
{
    QByteArray line = QByteArray::fromStdString(record.toJson().dump(-1, ' ', false, json::error_handler_t::replace));
    line.append('\n');
    rotateIfNeeded(line.size());
    QFile file(filePath());
    // The folder is made when it is missing (first record, or deleted since), not checked before every record.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (!QDir().mkpath(m_directory)) {
            return Unexpected(QStringLiteral("The audit log folder %1 cannot be created.").arg(m_directory));
        }
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            return Unexpected(
                QStringLiteral("The audit log %1 cannot be written: %2").arg(filePath(), file.errorString()));
        }
    }
    // A crash can leave the last line without its newline; the next record starts on a line of its own.
    const qint64 size = file.size();
    if (size > 0 && size != m_sizeAfterLastAppend) {
        QFile reader(filePath());
        if (reader.open(QIODevice::ReadOnly) && reader.seek(size - 1) && reader.read(1) != "\n") {
            line.prepend('\n');
        }
    }
    if (file.write(line) != line.size() || !file.flush()) {
        m_sizeAfterLastAppend = -1;
        return Unexpected(QStringLiteral("The audit log %1 cannot be written: %2").arg(filePath(), file.errorString()));
    }
    m_sizeAfterLastAppend = size + line.size();
    return {};
}

QList<AuditRecord> AuditLog::readAll() const
{
    QStringList paths;
    for (int index = m_keepFiles; index >= 1; --index) {
        paths << rotatedPath(index);
    }
    paths << filePath();
    QList<AuditRecord> records;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty()) {
                continue;
            }
            // A crash can cut the last line short; it is skipped, the rest stays readable.
            const json value = json::parse(line.constBegin(), line.constEnd(), nullptr, false);
            if (auto record = AuditRecord::fromJson(value)) {
                records.append(std::move(*record));
            }
        }
    }
    return records;
}

QList<AuditRecord> AuditLog::recent(int count, const QString &event) const
{
    QList<AuditRecord> newestFirst;
    if (count <= 0) {
        return newestFirst;
    }
    for (const QString &path : {filePath(), rotatedPath(1)}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const qint64 start = std::max<qint64>(0, file.size() - kRecentReadBytes);
        if (!file.seek(start)) {
            continue;
        }
        QList<QByteArray> lines = file.readAll().split('\n');
        if (start > 0 && !lines.isEmpty()) {
            lines.removeFirst(); // began in the middle of a line
        }
        for (auto line = lines.crbegin(); line != lines.crend() && newestFirst.size() < count; ++line) {
            const QByteArray trimmed = line->trimmed();
            if (trimmed.isEmpty()) {
                continue;
            }
            const json value = json::parse(trimmed.constBegin(), trimmed.constEnd(), nullptr, false);
            auto record = AuditRecord::fromJson(value);
            if (record && (event.isEmpty() || record->event == event)) {
                newestFirst.append(std::move(*record));
            }
        }
        if (newestFirst.size() >= count) {
            break;
        }
    }
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

QList<AuditRecord> AuditLog::pendingUncertain() const
{
    QHash<QString, AuditRecord> last;
    QStringList order;
    for (const AuditRecord &record : readAll()) {
        if (record.clientTag.isEmpty()) { // also every tool-call record, which carries no order tag
            continue;
        }
        if (!last.contains(record.clientTag)) {
            order << record.clientTag;
        }
        last.insert(record.clientTag, record);
    }
    QList<AuditRecord> pending;
    for (const QString &tag : order) {
        const AuditRecord &record = last[tag];
        if (record.outcome == QLatin1String("sending") || record.outcome == QLatin1String("uncertain")) {
            pending.append(record);
        }
    }
    return pending;
}

QList<AuditRecord> AuditLog::unfinishedCalls() const
{
    QHash<QString, AuditRecord> last;
    QStringList order;
    for (const AuditRecord &record : readAll()) {
        if (record.isToolCall() || record.callId.isEmpty()) {
            continue;
        }
        if (!last.contains(record.callId)) {
            order << record.callId;
        }
        last.insert(record.callId, record);
    }
    QList<AuditRecord> unfinished;
    for (const QString &callId : std::as_const(order)) {
        const AuditRecord &record = last[callId];
        if (record.outcome == QLatin1String("requested") || record.outcome == QLatin1String("pending_approval")) {
            unfinished.append(record);
        }
    }
    return unfinished;
}

Expected<int, QString> AuditLog::abandonUnfinishedCalls()
{
    int recorded = 0;
    for (const AuditRecord &original : unfinishedCalls()) {
        AuditRecord record = original;
        record.time = QDateTime::currentDateTimeUtc();
        record.outcome = QStringLiteral("abandoned");
        record.orderId.clear();
        record.status.clear();
        record.detail = original.outcome == QLatin1String("pending_approval")
            ? QStringLiteral("Aries Companion stopped while the order waited for approval; nothing was sent.")
            : QStringLiteral("Aries Companion stopped before the request was checked; nothing was sent.");
        if (const auto written = append(record); !written) {
            return Unexpected(written.error());
        }
        ++recorded;
    }
    return recorded;
}

Decimal AuditLog::placedNotionalOn(QDate day) const
{
    // Counted once per tag, at the "sending" record: an order that went out (or may have) counts,
    // whatever its later status, because the cap limits what was sent.
    Decimal total;
    QStringList seen;
    for (const AuditRecord &record : readAll()) {
        if (record.outcome != QLatin1String("sending") || !record.notional || record.clientTag.isEmpty()
            || seen.contains(record.clientTag) || record.time.toLocalTime().date() != day) {
            continue;
        }
        seen << record.clientTag;
        total = total.plus(*record.notional).value_or(total);
    }
    return total;
}

json AuditLog::redacted(const json &arguments)
{
    if (arguments.is_object()) {
        json out = json::object();
        for (const auto &[key, value] : arguments.items()) {
            out[key] = isSecretKey(key) ? json("[redacted]") : redacted(value);
        }
        return out;
    }
    if (arguments.is_array()) {
        json out = json::array();
        for (const auto &value : arguments) {
            out.push_back(redacted(value));
        }
        return out;
    }
    // Strings are cut so a runaway argument cannot fill the log.
    if (arguments.is_string() && arguments.get<std::string>().size() > 200) {
        return json(arguments.get<std::string>().substr(0, 200) + "…");
    }
    return arguments;
}

void AuditLog::reconcile(Aries::AriesClient &client, QObject *context, std::function<void(int resolved)> done)
{
    const QList<AuditRecord> pending = pendingUncertain();
    if (pending.isEmpty()) {
        done(0);
        return;
    }
    struct State
    {
        int remaining = 0;
        int resolved = 0;
        std::function<void(int)> done;
    };
    auto state = std::make_shared<State>();
    state->remaining = int(pending.size());
    state->done = std::move(done);
    for (const AuditRecord &original : pending) {
        client.resolveUncertainOrder(original.accountId, original.clientTag, context,
            [this, state, original](Expected<std::optional<Aries::AriesOrder>, Aries::AriesError> result) {
                if (result) {
                    AuditRecord record;
                    record.time = QDateTime::currentDateTimeUtc();
                    record.callId = original.callId;
                    record.client = original.client;
                    record.tool = original.tool;
                    record.accountId = original.accountId;
                    record.clientTag = original.clientTag;
                    if (*result) {
                        record.outcome = QStringLiteral("resolved");
                        record.orderId = (*result)->clOrdId;
                        record.status = (*result)->status;
                        record.detail = QStringLiteral("Found at Aries after the outcome was uncertain.");
                    } else {
                        record.outcome = QStringLiteral("not_found");
                        record.detail = QStringLiteral("Aries does not list the order: it was never placed.");
                    }
                    if (append(record)) {
                        ++state->resolved;
                    }
                }
                if (--state->remaining == 0) {
                    state->done(state->resolved);
                }
            });
    }
}

} // namespace Companion::Trading
