// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultInjector.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace Companion::Sandbox {

namespace {

std::optional<FaultMode> modeFromName(const std::string &name)
{
    if (name == "error")
        return FaultMode::Error;
    if (name == "hang")
        return FaultMode::Hang;
    if (name == "drop")
        return FaultMode::Drop;
    if (name == "lose")
        return FaultMode::Lose;
    if (name == "truncate")
        return FaultMode::Truncate;
    return std::nullopt;
}

} // namespace

FaultInjector::FaultInjector(quint64 seed, Settings settings)
    : m_settings(settings)
    , m_random(seed ^ 0x5eed'fa17ULL)
    , m_tokens(settings.rateLimit)
{
    m_bucketClock.start();
}

Expected<void, QString> FaultInjector::configure(const nlohmann::json &changes)
{
    if (!changes.is_object()) {
        return Unexpected(QStringLiteral("expected a JSON object"));
    }
    Settings next = m_settings;
    if (changes.contains("latencyMs")) {
        const auto &v = changes["latencyMs"];
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 600000) {
            return Unexpected(QStringLiteral("latencyMs must be an integer from 0 to 600000"));
        }
        next.latencyMs = v.get<int>();
    }
    if (changes.contains("failRate")) {
        const auto &v = changes["failRate"];
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) {
            return Unexpected(QStringLiteral("failRate must be a number from 0 to 1"));
        }
        next.failRate = v.get<double>();
    }
    if (changes.contains("rateLimit")) {
        const auto &v = changes["rateLimit"];
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1000000) {
            return Unexpected(QStringLiteral("rateLimit must be an integer from 0 to 1000000"));
        }
        next.rateLimit = v.get<int>();
        m_tokens = next.rateLimit;
        m_bucketClock.restart();
    }
    m_settings = next;
    return {};
}

Expected<void, QString> FaultInjector::addRule(const nlohmann::json &rule)
{
    if (!rule.is_object() || !rule.contains("path") || !rule["path"].is_string() || !rule.contains("mode")
        || !rule["mode"].is_string()) {
        return Unexpected(QStringLiteral("a fault rule needs \"path\" and \"mode\" strings"));
    }
    Rule r;
    r.path = QString::fromStdString(rule["path"].get<std::string>());
    const auto mode = modeFromName(rule["mode"].get<std::string>());
    if (!mode) {
        return Unexpected(QStringLiteral("mode must be one of error, hang, drop, lose, truncate"));
    }
    r.mode = *mode;
    if (rule.contains("method")) {
        if (!rule["method"].is_string()) {
            return Unexpected(QStringLiteral("method must be a string"));
        }
        r.method = QByteArray::fromStdString(rule["method"].get<std::string>()).toUpper();
    }
    if (rule.contains("count")) {
        if (!rule["count"].is_number_integer() || rule["count"].get<long long>() < 1
            || rule["count"].get<long long>() > 1000000) {
            return Unexpected(QStringLiteral("count must be an integer from 1 to 1000000"));
        }
        r.remaining = rule["count"].get<int>();
    }
    if (rule.contains("rate")) {
        const auto &v = rule["rate"];
        if (!v.is_number() || !(v.get<double>() > 0) || v.get<double>() > 1) {
            return Unexpected(QStringLiteral("rate must be a number above 0 and at most 1"));
        }
        r.rate = v.get<double>();
        if (!rule.contains("count")) {
            r.remaining = -1; // a rate applies to a stream of requests, not to the next few
        }
    }
    if (rule.contains("status")) {
        if (!rule["status"].is_number_integer() || rule["status"].get<int>() < 400 || rule["status"].get<int>() > 599) {
            return Unexpected(QStringLiteral("status must be an HTTP error status (400-599)"));
        }
        r.status = rule["status"].get<int>();
    }
    m_rules.append(r);
    return {};
}

FaultDecision FaultInjector::decide(const QByteArray &method, const QString &path, bool apiRequest)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        Rule &rule = m_rules[i];
        const bool pathMatches =
            rule.path.endsWith(QLatin1Char('*')) ? path.startsWith(rule.path.chopped(1)) : path == rule.path;
        if (!pathMatches || (!rule.method.isEmpty() && rule.method != method)) {
            continue;
        }
        if (rule.rate < 1.0) {
            std::uniform_real_distribution<double> roll(0.0, 1.0);
            if (roll(m_random) >= rule.rate) {
                continue; // spared by this rule; a later rule or the random failure rate may still apply
            }
        }
        const FaultDecision decision {rule.mode, rule.status, 0};
        if (rule.remaining > 0 && --rule.remaining == 0) {
            m_rules.removeAt(i);
        }
        return decision;
    }

    if (!apiRequest) {
        return {};
    }
    if (m_settings.rateLimit > 0) {
        // Token bucket: up to rateLimit requests in a burst, refilled at rateLimit per second.
        const double elapsed = static_cast<double>(m_bucketClock.restart()) / 1000.0;
        m_tokens = std::min<double>(m_settings.rateLimit, m_tokens + elapsed * m_settings.rateLimit);
        if (m_tokens < 1.0) {
            const double wait = (1.0 - m_tokens) / m_settings.rateLimit;
            return {FaultMode::Error, 429, std::max(1, static_cast<int>(std::ceil(wait)))};
        }
        m_tokens -= 1.0;
    }

    if (m_settings.failRate > 0) {
        std::uniform_real_distribution<double> roll(0.0, 1.0);
        if (roll(m_random) < m_settings.failRate) {
            return {FaultMode::Error, 503, 0};
        }
    }
    return {};
}

} // namespace Companion::Sandbox
