// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <random>

namespace Companion::Sandbox {

/** What to do to one request instead of (or after) handling it normally. */
enum class FaultMode {
    None,
    Error, ///< Answer with an error status; the request is not processed
    Hang, ///< Never answer; not processed
    Drop, ///< Close the connection without an answer; not processed
    Lose, ///< Process the request, then close the connection without an answer
    Truncate, ///< Process the request, then send half of the answer and close
};

struct FaultDecision
{
    FaultMode mode = FaultMode::None;
    int status = 0; ///< For Error
    int retryAfterSeconds = 0; ///< For a 429 from the rate limit
};

/**
 * Decides which API requests fail and how: one-off rules set through the control API ("the next N
 * requests to this path"), a token-bucket rate limit, and a random failure rate. Random rolls come
 * from the sandbox seed so a failing run can be repeated.
 */
class FaultInjector final
{
public:
    struct Settings
    {
        int latencyMs = 0;
        double failRate = 0;
        int rateLimit = 0; ///< Requests per second; 0 = unlimited
    };

    FaultInjector(quint64 seed, Settings settings);

    const Settings &settings() const { return m_settings; }
    /** Applies {"latencyMs","failRate","rateLimit"} (any subset); an error text for a bad value. */
    Expected<void, QString> configure(const nlohmann::json &changes);
    /**
     * Adds a rule from {"path","method"?,"mode","count"?,"status"?,"rate"?}; an error text for a bad rule.
     * Without "rate" the rule faults the next "count" (default 1) matching requests. With "rate" (0 < F ≤ 1)
     * each matching request is faulted with probability F, rolled from the sandbox seed so a run can be
     * repeated; "count" then caps the number of faults, and without it the rule stays until cleared.
     */
    Expected<void, QString> addRule(const nlohmann::json &rule);
    void clearRules() { m_rules.clear(); }

    /**
     * The fate of one request; consumes a matching rule. The rate limit and the random failure rate
     * apply only when @p apiRequest (the sign-in pages never fail at random).
     */
    FaultDecision decide(const QByteArray &method, const QString &path, bool apiRequest);

private:
    struct Rule
    {
        QString path; ///< Exact, or a prefix when it ends with '*'
        QByteArray method;
        FaultMode mode = FaultMode::Error;
        int remaining = 1; ///< Faults left; -1 = until cleared (rate rules without a count)
        int status = 500;
        double rate = 1.0; ///< Probability that a matching request is faulted
    };

    Settings m_settings;
    QList<Rule> m_rules;
    std::mt19937_64 m_random;
    QElapsedTimer m_bucketClock;
    double m_tokens = 0;
};

} // namespace Companion::Sandbox
