// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxOptions.h"

#include <QCommandLineParser>

namespace Companion::Sandbox {

namespace {

QCommandLineOption option(
    const QString &name, const QString &description, const QString &valueName = {}, const QString &defaultValue = {})
{
    QCommandLineOption o(name, description, valueName);
    if (!defaultValue.isEmpty()) {
        o.setDefaultValue(defaultValue);
    }
    return o;
}

template <typename T> Expected<T, QString> number(const QCommandLineParser &parser, const QString &name, T min, T max)
{
    bool ok = false;
    const QString text = parser.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || value < static_cast<double>(min) || value > static_cast<double>(max)
        || (std::is_integral_v<T> && value != static_cast<double>(static_cast<qint64>(value)))) {
        return Unexpected(QStringLiteral("--%1 must be a number from %2 to %3, not \"%4\"")
                              .arg(name, QString::number(min), QString::number(max), text));
    }
    return static_cast<T>(value);
}

} // namespace

void SandboxOptions::addTo(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(option(QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1; 0 picks a free one."),
        QStringLiteral("N"), QStringLiteral("0")));
    parser.addOption(
        option(QStringLiteral("seed"), QStringLiteral("Seed of the simulated market and every random choice."),
            QStringLiteral("N"), QStringLiteral("1")));
    parser.addOption(option(QStringLiteral("user"),
        QStringLiteral("Add a user with one margin account and a small portfolio (repeatable)."),
        QStringLiteral("EMAIL:PASSWORD")));
    parser.addOption(option(QStringLiteral("client"),
        QStringLiteral("Register an OAuth client and a redirect URI for it (repeatable)."),
        QStringLiteral("ID=REDIRECT_URI")));
    parser.addOption(option(QStringLiteral("inactive-client"),
        QStringLiteral("Register an OAuth client that exists but is inactive (repeatable)."),
        QStringLiteral("ID=REDIRECT_URI")));
    parser.addOption(option(QStringLiteral("access-ttl"), QStringLiteral("Access token lifetime in seconds."),
        QStringLiteral("S"), QStringLiteral("3600")));
    parser.addOption(option(QStringLiteral("refresh-ttl"), QStringLiteral("Refresh token lifetime in seconds."),
        QStringLiteral("S"), QStringLiteral("2592000")));
    parser.addOption(option(QStringLiteral("positions"),
        QStringLiteral("Positions in the demo user's main account (generated symbols beyond the "
                       "real tickers)."),
        QStringLiteral("N"), QStringLiteral("8")));
    parser.addOption(option(QStringLiteral("tick-ms"),
        QStringLiteral("Market tick interval in milliseconds; 0 moves the market only through "
                       "the control API."),
        QStringLiteral("N"), QStringLiteral("1000")));
    parser.addOption(option(QStringLiteral("latency-ms"), QStringLiteral("Delay before every API request is handled."),
        QStringLiteral("N"), QStringLiteral("0")));
    parser.addOption(option(QStringLiteral("fail-rate"),
        QStringLiteral("Fraction (0-1) of API requests answered 503 without being processed."), QStringLiteral("F"),
        QStringLiteral("0")));
    parser.addOption(option(QStringLiteral("rate-limit"),
        QStringLiteral("API requests per second allowed; more get 429 with Retry-After. "
                       "0 = unlimited."),
        QStringLiteral("N"), QStringLiteral("0")));
    parser.addOption(option(QStringLiteral("state"),
        QStringLiteral("Load state from FILE at start (if it exists) and keep it saved there."),
        QStringLiteral("FILE")));
    parser.addOption(option(QStringLiteral("revocation"),
        QStringLiteral("Offer RFC 7009 token revocation (announced in RFC 8414 metadata); "
                       "Aries documents none, so it is off by default.")));
    parser.addOption(option(QStringLiteral("auto-consent"),
        QStringLiteral("For tests and unattended demos: the sign-in page signs in with the demo "
                       "account and the permission page presses Allow by themselves (in a "
                       "browser that runs JavaScript).")));
    parser.addOption(option(QStringLiteral("record-secrets"),
        QStringLiteral("For leak tests only: keep every authorization code, code verifier and token "
                       "in plain text and list them at GET /_sandbox/secrets.")));
}

Expected<SandboxOptions, QString> SandboxOptions::from(const QCommandLineParser &parser)
{
    SandboxOptions o;
    const auto port = number<int>(parser, QStringLiteral("port"), 0, 65535);
    const auto seed = number<qint64>(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint32>::max());
    const auto accessTtl = number<qint64>(parser, QStringLiteral("access-ttl"), 1, 365LL * 86400);
    const auto refreshTtl = number<qint64>(parser, QStringLiteral("refresh-ttl"), 1, 3650LL * 86400);
    const auto positions = number<int>(parser, QStringLiteral("positions"), 0, 17000);
    const auto tickMs = number<int>(parser, QStringLiteral("tick-ms"), 0, 3'600'000);
    const auto latencyMs = number<int>(parser, QStringLiteral("latency-ms"), 0, 600'000);
    const auto failRate = number<double>(parser, QStringLiteral("fail-rate"), 0.0, 1.0);
    const auto rateLimit = number<int>(parser, QStringLiteral("rate-limit"), 0, 1'000'000);
    if (!port) {
        return Unexpected(port.error());
    }
    if (!seed) {
        return Unexpected(seed.error());
    }
    if (!accessTtl) {
        return Unexpected(accessTtl.error());
    }
    if (!refreshTtl) {
        return Unexpected(refreshTtl.error());
    }
    if (!positions) {
        return Unexpected(positions.error());
    }
    if (!tickMs) {
        return Unexpected(tickMs.error());
    }
    if (!latencyMs) {
        return Unexpected(latencyMs.error());
    }
    if (!failRate) {
        return Unexpected(failRate.error());
    }
    if (!rateLimit) {
        return Unexpected(rateLimit.error());
    }
    o.port = static_cast<quint16>(*port);
    o.seed = static_cast<quint64>(*seed);
    o.accessTtlSeconds = *accessTtl;
    o.refreshTtlSeconds = *refreshTtl;
    o.positions = *positions;
    o.tickMs = *tickMs;
    o.latencyMs = *latencyMs;
    o.failRate = *failRate;
    o.rateLimit = *rateLimit;
    o.stateFile = parser.value(QStringLiteral("state"));
    o.autoConsent = parser.isSet(QStringLiteral("auto-consent"));
    o.revocation = parser.isSet(QStringLiteral("revocation"));
    o.recordSecrets = parser.isSet(QStringLiteral("record-secrets"));

    for (const QString &spec : parser.values(QStringLiteral("user"))) {
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == spec.size() - 1 || !spec.left(colon).contains(QLatin1Char('@'))) {
            return Unexpected(QStringLiteral("--user needs EMAIL:PASSWORD, not \"%1\"").arg(spec));
        }
        o.users.append({spec.left(colon), spec.mid(colon + 1)});
    }
    const auto readClients = [&](const QString &name, bool active) -> std::optional<QString> {
        for (const QString &spec : parser.values(name)) {
            const qsizetype eq = spec.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq == spec.size() - 1) {
                return QStringLiteral("--%1 needs ID=REDIRECT_URI, not \"%2\"").arg(name, spec);
            }
            o.clients.append({spec.left(eq), spec.mid(eq + 1), active});
        }
        return std::nullopt;
    };
    if (auto error = readClients(QStringLiteral("client"), true)) {
        return Unexpected(*error);
    }
    if (auto error = readClients(QStringLiteral("inactive-client"), false)) {
        return Unexpected(*error);
    }
    return o;
}

} // namespace Companion::Sandbox
