// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxServer.h"

#include <QRegularExpression>

using nlohmann::json;

namespace Companion::Sandbox {

namespace {

const QString kApiPrefixV1 = QStringLiteral("/v1/");
const QString kApiPrefixV2 = QStringLiteral("/v2/");
const QString kControlPrefix = QStringLiteral("/_sandbox/");
const QString kPagesPrefix = QStringLiteral("/oauth2/");

bool isApiPath(const QString &path)
{
    return path.startsWith(kApiPrefixV1) || path.startsWith(kApiPrefixV2);
}

/** An HTML form body, still encoded: OAuthServer decodes it as forms are ('+' is a space). */
QUrlQuery formBody(const QByteArray &body)
{
    return QUrlQuery(QString::fromUtf8(body));
}

json parseObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        return json::object();
    }
    const json value = json::parse(body.toStdString(), nullptr, false);
    return value.is_object() ? value : json();
}

int generatedSymbolsNeeded(int positions)
{
    // The demo portfolio takes the real tickers first; scale tests need more symbols than exist.
    return std::max(0, positions - SymbolUniverse().realTickerCount());
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_universe(generatedSymbolsNeeded(m_options.positions))
    , m_market(m_universe, m_options.seed, [this] { return m_clock.now(); })
    , m_oauth(
          OAuthServer::Settings {m_options.accessTtlSeconds, m_options.refreshTtlSeconds,
              QString::fromLatin1(kDemoEmail), QString::fromLatin1(kDemoPassword), m_options.autoConsent,
              m_options.revocation, m_options.recordSecrets},
          [this](const QString &email, const QString &password) { return m_broker.checkCredentials(email, password); },
          [this] { return m_clock.now(); })
    , m_broker(m_universe, m_market, m_clock, m_options.seed)
    , m_marketData(m_universe, m_market)
    , m_faults(m_options.seed, {m_options.latencyMs, m_options.failRate, m_options.rateLimit})
    , m_http([this](const Http::HttpRequest &request, const Responder &responder) { handle(request, responder); })
{
    connect(&m_ticker, &QTimer::timeout, this, [this] { m_market.tick(1); });
    if (!m_options.stateFile.isEmpty()) {
        m_stateFile = std::make_unique<StateFile>(m_options.stateFile, [this] { return snapshot(); });
        connect(&m_broker, &Broker::changed, m_stateFile.get(), &StateFile::markDirty);
        connect(&m_market, &MarketSimulator::pricesChanged, m_stateFile.get(), &StateFile::markDirty);
    }
}

SandboxServer::~SandboxServer()
{
    if (m_stateFile) {
        m_stateFile->flush();
    }
}

json SandboxServer::snapshot() const
{
    return json {{"version", 1}, {"clockOffsetSeconds", m_clock.offsetSeconds()}, {"market", m_market.toJson()},
        {"oauth", m_oauth.toJson()}, {"broker", m_broker.toJson()}};
}

Expected<quint16, QString> SandboxServer::start()
{
    if (m_stateFile) {
        const auto state = m_stateFile->load();
        if (!state) {
            return Unexpected(state.error());
        }
        if (!state->empty()) {
            m_clock.setOffsetSeconds(state->value("clockOffsetSeconds", qint64(0)));
            m_market.restore(state->value("market", json::object()));
            m_oauth.restore(state->value("oauth", json::object()));
            m_broker.restore(state->value("broker", json::object()));
        }
    }
    m_oauth.addClient(QString::fromLatin1(kDemoClientId), QString::fromLatin1(kDemoRedirectUri));
    for (const auto &client : std::as_const(m_options.clients)) {
        m_oauth.addClient(client.id, client.redirectUri, client.active);
    }
    m_broker.addUser(QString::fromLatin1(kDemoEmail), QString::fromLatin1(kDemoPassword), true, m_options.positions);
    for (const auto &user : std::as_const(m_options.users)) {
        m_broker.addUser(user.email, user.password, false, 0);
    }

    // Loopback only: the sandbox has no authentication on its control API and must never be reachable
    // from another machine.
    const auto port = m_http.listen(QHostAddress::LocalHost, m_options.port);
    if (!port) {
        return Unexpected(QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(m_options.port).arg(port.error()));
    }
    m_issuer = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    if (m_options.tickMs > 0) {
        m_ticker.start(m_options.tickMs);
    }
    if (m_stateFile) {
        m_stateFile->markDirty();
    }
    return *port;
}

// ---------------------------------------------------------------------------------------------------------

void SandboxServer::handle(const Http::HttpRequest &request, const Responder &responder)
{
    if (request.path.startsWith(kControlPrefix)) {
        sendJson(responder, control(request), FaultMode::None);
        return;
    }
    m_requestCounts[QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path] += 1;
    if (m_stateFile) {
        m_stateFile->markDirty();
    }

    if (request.path == QLatin1String("/.well-known/oauth-authorization-server")) {
        // Aries documents no metadata; the sandbox serves it only when it offers revocation.
        sendJson(responder,
            m_oauth.revocationEnabled() && request.method == "GET"
                ? ApiReply {200, m_oauth.metadata(m_issuer)}
                : ApiReply::error(404, "not_found", QStringLiteral("No such endpoint")),
            FaultMode::None);
        return;
    }
    const bool api = isApiPath(request.path);
    const FaultDecision decision = m_faults.decide(request.method, request.path, api);
    const auto proceed = [this, request, responder, decision, api] {
        if (decision.mode == FaultMode::Error || decision.mode == FaultMode::Hang || decision.mode == FaultMode::Drop) {
            sendFault(responder, decision);
        } else if (api) {
            handleApi(request, responder, decision.mode);
        } else {
            handlePages(request, responder, decision.mode);
        }
    };
    const int latency = api ? m_faults.settings().latencyMs : 0;
    if (latency > 0) {
        QTimer::singleShot(latency, this, proceed);
    } else {
        proceed();
    }
}

void SandboxServer::sendFault(const Responder &responder, const FaultDecision &decision)
{
    switch (decision.mode) {
    case FaultMode::Hang:
        // Keep the responder so the connection stays open; forget the ones whose clients gave up.
        m_hanging.removeIf([](const Responder &r) { return !r->isOpen(); });
        m_hanging.append(responder);
        return;
    case FaultMode::Drop: responder->drop(); return;
    case FaultMode::Error:
        if (decision.status == 429) {
            sendJson(responder, ApiReply::error(429, "rate_limited", QStringLiteral("Too many requests; retry later")),
                FaultMode::None, {{QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds)}});
        } else {
            sendJson(responder,
                ApiReply::error(decision.status, decision.status >= 500 ? "service_unavailable" : "error",
                    QStringLiteral("The service is temporarily unavailable")),
                FaultMode::None);
        }
        return;
    default: return;
    }
}

void SandboxServer::sendJson(
    const Responder &responder, const ApiReply &reply, FaultMode after, const Http::HeaderList &headers)
{
    const QByteArray body = QByteArray::fromStdString(reply.body.dump());
    if (after == FaultMode::Lose) {
        responder->drop();
    } else if (after == FaultMode::Truncate) {
        Http::HeaderList all {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        responder->sendTruncated(reply.status, body, body.size() / 2, all + headers);
    } else {
        responder->sendJson(reply.status, body, headers);
    }
}

void SandboxServer::handlePages(const Http::HttpRequest &request, const Responder &responder, FaultMode after)
{
    PageResult page;
    if (request.method == "GET" && request.path == QLatin1String("/oauth2/authorize")) {
        page = m_oauth.authorize(request.query);
    } else if (request.method == "POST" && request.path == QLatin1String("/oauth2/authorize/login")) {
        page = m_oauth.login(formBody(request.body));
    } else if (request.method == "POST" && request.path == QLatin1String("/oauth2/authorize/consent")) {
        page = m_oauth.consent(formBody(request.body));
    } else {
        sendJson(responder, ApiReply::error(404, "not_found", QStringLiteral("No such page")), after);
        return;
    }
    if (after == FaultMode::Lose) {
        responder->drop();
        return;
    }
    const Http::HeaderList common {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")}};
    if (!page.redirect.isEmpty()) {
        responder->send(302, {}, common + Http::HeaderList {{QByteArrayLiteral("Location"), page.redirect.toUtf8()}});
    } else {
        responder->send(page.status, page.html,
            common
                + Http::HeaderList {
                    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")}});
    }
}

void SandboxServer::handleApi(const Http::HttpRequest &request, const Responder &responder, FaultMode after)
{
    const ApiReply reply = routeApi(request);
    Http::HeaderList headers;
    if (reply.status == 401) {
        headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer error=\"invalid_token\"")});
    }
    if (request.path == QLatin1String("/v1/oauth2/token")) {
        headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    }
    sendJson(responder, reply, after, headers);
}

ApiReply SandboxServer::routeApi(const Http::HttpRequest &request)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;

    if (path == QLatin1String("/v1/oauth2/token")) {
        if (method != "POST") {
            return ApiReply::error(405, "method_not_allowed", QStringLiteral("Use POST"));
        }
        const TokenResult result = m_oauth.token(request.body);
        return {result.status, result.body};
    }

    if (path == QLatin1String("/v1/oauth2/revoke") && m_oauth.revocationEnabled()) {
        if (method != "POST") {
            return ApiReply::error(405, "method_not_allowed", QStringLiteral("Use POST"));
        }
        const TokenResult result = m_oauth.revoke(formBody(request.body));
        return {result.status, result.body};
    }

    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        QStringList scopes;
    };
    static const QString user = QStringLiteral("user:information");
    static const QString account = QStringLiteral("account:information");
    static const QString position = QStringLiteral("position:information");
    static const QString execution = QStringLiteral("order:execution");
    static const QString orders = QStringLiteral("order:information");
    static const QString market = QStringLiteral("market:information");
    static const QString supplemental = QStringLiteral("market:supplemental");
    static const QList<Route> routes {
        {"GET", QRegularExpression(QStringLiteral("^/v1/users/me$")), {user}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/users/me/accounts$")), {user, account}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/accounts/([^/]+)/balances$")), {account}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/accounts/([^/]+)/positions$")), {account, position}},
        {"POST", QRegularExpression(QStringLiteral("^/v1/orders$")), {execution}},
        {"POST", QRegularExpression(QStringLiteral("^/v1/orders/preview$")), {execution}},
        {"POST", QRegularExpression(QStringLiteral("^/v1/orders/replace$")), {execution}},
        {"POST", QRegularExpression(QStringLiteral("^/v1/orders/cancel$")), {execution}},
        {"GET", QRegularExpression(QStringLiteral("^/v2/accounts/([^/]+)/orders$")), {orders}},
        {"GET", QRegularExpression(QStringLiteral("^/v2/accounts/([^/]+)/orders/history$")), {orders}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/marketdata/search$")), {market}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/chart/history$")), {market}},
        {"GET", QRegularExpression(QStringLiteral("^/v1/stocks/(last-trade|last-quote|prev)$")),
            {supplemental, market}},
    };

    const Route *route = nullptr;
    QRegularExpressionMatch match;
    bool pathKnown = false;
    for (const Route &candidate : routes) {
        const auto m = candidate.pattern.match(path);
        if (m.hasMatch()) {
            pathKnown = true;
            if (candidate.method == method) {
                route = &candidate;
                match = m;
                break;
            }
        }
    }
    if (!route) {
        return pathKnown
            ? ApiReply::error(405, "method_not_allowed", QStringLiteral("Method not allowed"))
            : ApiReply::error(404, "not_found", QStringLiteral("No such endpoint: %1").arg(path.left(100)));
    }

    const auto grant = m_oauth.authenticate(request.header("Authorization"));
    if (!grant) {
        return ApiReply::error(401, "unauthorized", QStringLiteral("Invalid or expired token"));
    }
    if (!grant->hasAnyScope(route->scopes)) {
        // The message names the preferred scope; requiredScopes lists every scope that would do.
        ApiReply reply = ApiReply::error(
            403, "insufficient_scope", QStringLiteral("This request needs the scope %1").arg(route->scopes.first()));
        reply.body["requiredScopes"] = json::array();
        for (const QString &scope : route->scopes) {
            reply.body["requiredScopes"].push_back(scope.toStdString());
        }
        return reply;
    }

    const QString accountId =
        route->pattern.captureCount() > 0 && path.contains(QLatin1String("/accounts/")) ? match.captured(1) : QString();
    if (!accountId.isEmpty() && !m_broker.ownsAccount(grant->userId, accountId)) {
        return ApiReply::error(404, "not_found", QStringLiteral("Account %1 not found").arg(accountId.left(60)));
    }

    if (path == QLatin1String("/v1/users/me")) {
        return m_broker.me(grant->userId);
    }
    if (path == QLatin1String("/v1/users/me/accounts")) {
        return m_broker.accounts(grant->userId);
    }
    if (path.endsWith(QLatin1String("/balances"))) {
        return m_broker.balances(accountId);
    }
    if (path.endsWith(QLatin1String("/positions"))) {
        return m_broker.positions(accountId);
    }
    if (path == QLatin1String("/v1/orders")) {
        return m_broker.placeOrder(grant->userId, grant->clientId, request.body);
    }
    if (path == QLatin1String("/v1/orders/preview")) {
        return m_broker.previewOrder(grant->userId, request.body);
    }
    if (path == QLatin1String("/v1/orders/replace")) {
        return m_broker.replaceOrder(grant->userId, request.body);
    }
    if (path == QLatin1String("/v1/orders/cancel")) {
        return m_broker.cancelOrder(grant->userId, request.body);
    }
    if (path.endsWith(QLatin1String("/orders/history"))) {
        return m_broker.ordersHistory(accountId, request.query);
    }
    if (path.endsWith(QLatin1String("/orders"))) {
        return m_broker.ordersToday(accountId, request.query);
    }
    if (path == QLatin1String("/v1/marketdata/search")) {
        return m_marketData.search(request.query);
    }
    if (path == QLatin1String("/v1/chart/history")) {
        return m_marketData.chartHistory(request.query);
    }
    if (path == QLatin1String("/v1/stocks/last-trade")) {
        return m_marketData.lastTrade(request.query);
    }
    if (path == QLatin1String("/v1/stocks/last-quote")) {
        return m_marketData.lastQuote(request.query);
    }
    return m_marketData.previousClose(request.query);
}

// ---------------------------------------------------------------------------------------------------------
// Control API

ApiReply SandboxServer::control(const Http::HttpRequest &request)
{
    const QString endpoint = request.path.mid(kControlPrefix.size());
    const QByteArray &method = request.method;
    const json body = parseObject(request.body);
    if (method == "POST" && body.is_null()) {
        return ApiReply::error(400, "bad_request", QStringLiteral("The body must be a JSON object"));
    }
    const auto done = [this] {
        if (m_stateFile) {
            m_stateFile->markDirty();
        }
        return ApiReply {200, json {{"ok", true}}};
    };

    if (method == "GET" && endpoint == QLatin1String("health")) {
        return {200, json {{"ok", true}}};
    }
    if (method == "GET" && endpoint == QLatin1String("stats")) {
        json requests = json::object();
        for (auto it = m_requestCounts.cbegin(); it != m_requestCounts.cend(); ++it) {
            requests[it.key().toStdString()] = it.value();
        }
        json grants = json::object();
        for (auto it = m_oauth.grantCounts().cbegin(); it != m_oauth.grantCounts().cend(); ++it) {
            grants[it.key().toStdString()] = it.value();
        }
        return {200, json {{"requests", requests}, {"grants", grants}}};
    }
    if (method == "POST" && endpoint == QLatin1String("stats/reset")) {
        m_requestCounts.clear();
        m_oauth.resetCounts();
        return {200, json {{"ok", true}}};
    }
    if (endpoint == QLatin1String("faults")) {
        if (method == "DELETE") {
            m_faults.clearRules();
            return {200, json {{"ok", true}}};
        }
        if (method == "POST") {
            const auto added = m_faults.addRule(body);
            return added ? ApiReply {200, json {{"ok", true}}} : ApiReply::error(400, "bad_request", added.error());
        }
    }
    if (method == "POST" && endpoint == QLatin1String("config")) {
        const auto configured = m_faults.configure(body);
        return configured ? ApiReply {200, json {{"ok", true}}}
                          : ApiReply::error(400, "bad_request", configured.error());
    }
    if (method == "POST" && endpoint == QLatin1String("market/tick")) {
        const json steps = body.value("steps", json(1));
        // A tick moves every symbol; 10,000 ticks over the largest universe still answer within seconds.
        if (!steps.is_number_integer() || steps.get<int>() < 1 || steps.get<int>() > 10000) {
            return ApiReply::error(400, "bad_request", QStringLiteral("steps must be an integer from 1 to 10000"));
        }
        m_market.tick(steps.get<int>());
        return {200, json {{"ok", true}, {"tickCount", m_market.tickCount()}}};
    }
    if (method == "POST" && endpoint == QLatin1String("market/price")) {
        const QString symbol = QString::fromStdString(body.value("symbol", std::string()));
        const auto price = body.contains("price") && body["price"].is_string()
            ? Decimal::parse(QString::fromStdString(body["price"].get<std::string>()))
            : std::nullopt;
        const SymbolInfo *info = m_universe.find(symbol);
        if (!info || !price || !price->isPositive()) {
            return ApiReply::error(
                400, "bad_request", QStringLiteral("needs a known \"symbol\" and a positive decimal string \"price\""));
        }
        m_market.setPrice(symbol, *price);
        return done();
    }
    if (method == "POST" && endpoint == QLatin1String("symbols/name")) {
        const QString symbol = QString::fromStdString(body.value("symbol", std::string()));
        const json name = body.value("name", json());
        if (!name.is_string() || name.get<std::string>().empty() || name.get<std::string>().size() > 10000
            || !m_universe.rename(symbol, QString::fromStdString(name.get<std::string>()))) {
            return ApiReply::error(
                400, "bad_request", QStringLiteral("needs a known \"symbol\" and a \"name\" of 1 to 10000 bytes"));
        }
        return done();
    }
    if (method == "POST" && endpoint == QLatin1String("portfolio")) {
        // The benchmark's portfolios of 10 to 5,000 positions, without a sandbox and a sign-in for each size.
        const json count = body.value("positions", json());
        if (!count.is_number_integer() || count.get<qint64>() < 0 || count.get<qint64>() > 17576) {
            return ApiReply::error(400, "bad_request", QStringLiteral("positions must be an integer from 0 to 17576"));
        }
        m_broker.reseedPositions(QString::fromLatin1(kDemoEmail), static_cast<int>(count.get<qint64>()));
        return done();
    }
    if (method == "POST" && endpoint == QLatin1String("clock")) {
        const json seconds = body.value("advanceSeconds", json());
        if (!seconds.is_number_integer() || seconds.get<qint64>() < 0) {
            return ApiReply::error(400, "bad_request", QStringLiteral("advanceSeconds must be a non-negative integer"));
        }
        m_clock.advance(seconds.get<qint64>());
        // Let DAY expiry and fills see the new time at once.
        m_market.tick(1);
        return {200, json {{"ok", true}, {"now", m_clock.now().toString(Qt::ISODate).toStdString()}}};
    }
    if (method == "GET" && endpoint == QLatin1String("secrets") && m_options.recordSecrets) {
        json secrets = json::array();
        for (const QByteArray &secret : m_oauth.recordedSecrets())
            secrets.push_back(secret.toStdString());
        return {200, json {{"secrets", secrets}}};
    }
    if (method == "GET" && endpoint == QLatin1String("orders")) {
        return {200, m_broker.allOrders()};
    }
    if (method == "POST" && endpoint == QLatin1String("tokens/revoke")) {
        if (body.contains("email")) {
            const auto userId = m_broker.userIdByEmail(QString::fromStdString(body.value("email", std::string())));
            if (!userId) {
                return ApiReply::error(404, "not_found", QStringLiteral("No such user"));
            }
            m_oauth.revokeTokens(*userId);
        } else {
            m_oauth.revokeTokens();
        }
        return done();
    }
    return ApiReply::error(404, "not_found", QStringLiteral("No such control endpoint"));
}

} // namespace Companion::Sandbox
