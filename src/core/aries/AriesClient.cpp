// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesClient.h"

#include "Logging.h"
#include "aries/AriesOneShotRequest.h"
#include "aries/AriesParser.h"
#include "auth/AccessTokenSource.h"

#include <QMetaObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace Companion::Aries {

namespace {

using nlohmann::json;
using Kind = AriesError::Kind;

constexpr int kLookupPageSize = 500;
constexpr int kLookupMaxPages = 20;

/** Runs @p callback with @p result on @p context's thread, or not at all when @p context is gone. */
template <typename T>
void deliver(const QPointer<QObject> &context, const AriesClient::Callback<T> &callback, Expected<T, AriesError> result)
{
    QObject *target = context.data();
    if (!target || !callback) {
        return;
    }
    QMetaObject::invokeMethod(target, [callback, result = std::move(result)]() { callback(result); });
}

QByteArray toJsonBody(const json &object)
{
    // Replace rather than throw on invalid UTF-8: the build has no exception handling to catch it.
    return QByteArray::fromStdString(object.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

/** Seconds of a Retry-After header (delta-seconds or an HTTP date); nullopt when absent or unreadable. */
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        return std::chrono::seconds(std::max<qint64>(seconds, 0));
    }
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (when.isValid()) {
        return std::chrono::seconds(std::max<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0));
    }
    return std::nullopt;
}

AriesError fromAuthError(const Auth::AuthError &error)
{
    // A token that cannot be had for a passing reason (Aries unreachable while refreshing) is a network
    // problem; anything else means the user has to connect again.
    if (error.code == Auth::AuthError::Code::Timeout) {
        return AriesError::make(Kind::Timeout, error.userMessage());
    }
    if (error.isTransient()) {
        return AriesError::make(Kind::Network, error.userMessage());
    }
    return AriesError::make(Kind::Unauthorized, error.userMessage());
}

json orderBody(const AriesOrderRequest &request)
{
    json body {{"tradingAccountId", utf8(request.accountId)}, {"symbol", utf8(request.symbol)},
        {"side", utf8(request.side)}, {"type", utf8(request.type)}, {"qty", utf8(request.quantity.toString())},
        {"timeInForce", utf8(request.timeInForce)}};
    if (request.limitPrice) {
        body["price"] = utf8(request.limitPrice->toString(2));
    }
    if (request.stopPrice) {
        body["stopPrice"] = utf8(request.stopPrice->toString(2));
    }
    if (!request.clientTag.isEmpty()) {
        body["clientId"] = utf8(request.clientTag);
    }
    return body;
}

} // namespace

/** One logical request, across its retries. */
struct AriesClient::Call
{
    QByteArray method;
    QUrl url;
    QByteArray body;
    RawCallback done;
    int attempt = 0; ///< Sends so far, the 401 retry not counted
    bool refreshedAfter401 = false;
    QString token;
};

/** What one attempt brought back. */
struct AriesClient::Answer
{
    enum class Transport {
        Complete, ///< An HTTP answer arrived (any status)
        NotSent, ///< Nothing reached Aries
        Timeout, ///< Before anything was sent, or a read that took too long
        SentNoAnswer, ///< A POST went out; no answer (timed out or connection closed)
        Cut, ///< The answer was cut short
        Network, ///< A read failed on the network
    };
    Transport transport = Transport::Complete;
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QString detail;
    bool timedOut = false; ///< SentNoAnswer because of the timeout (rather than a closed connection)
};

AriesClient::AriesClient(Auth::AccessTokenSource &tokens, AriesClientConfig config, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_config(std::move(config))
    , m_environment(environmentFor(m_config.baseUrl))
    , m_reads(m_config.maxConnections)
{ }

AriesClient::~AriesClient() = default;

QString AriesClient::newClientTag()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    QString tag = QStringLiteral("ac-");
    for (const quint32 word : words) {
        tag += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
    }
    return tag;
}

QUrl AriesClient::endpoint(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path, QUrl::StrictMode);
    QUrlQuery urlQuery;
    for (const auto &[key, value] : query) {
        // Fully encoded so that '+', '&' or '=' in a value can never be misread.
        urlQuery.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    if (!urlQuery.isEmpty()) {
        url.setQuery(urlQuery);
    }
    return url;
}

void AriesClient::get(const QUrl &url, RawCallback done)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->url = url;
    call->done = std::move(done);
    execute(call);
}

void AriesClient::post(const QUrl &url, const QByteArray &body, RawCallback done)
{
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->url = url;
    call->body = body;
    call->done = std::move(done);
    execute(call);
}

void AriesClient::execute(const std::shared_ptr<Call> &call)
{
    m_tokens.withAccessToken(this, [this, call](Expected<QString, Auth::AuthError> token) {
        if (!token) {
            call->done(Unexpected(fromAuthError(token.error())), false);
            return;
        }
        call->token = *token;
        send(call);
    });
}

void AriesClient::send(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    const QByteArray authorization = "Bearer " + call->token.toUtf8();

    if (call->method == "POST") {
        auto *request = new AriesOneShotRequest(this);
        connect(request, &AriesOneShotRequest::finished, this, [this, call, request]() {
            request->deleteLater();
            Answer answer;
            using Failure = AriesOneShotRequest::Failure;
            answer.detail = request->errorString();
            switch (request->failure()) {
            case Failure::None:
                answer.status = request->status();
                answer.body = request->body();
                answer.retryAfter = request->header("Retry-After");
                break;
            case Failure::NotSent: answer.transport = Answer::Transport::NotSent; break;
            case Failure::TimedOutBeforeSending: answer.transport = Answer::Transport::Timeout; break;
            case Failure::TimedOutAfterSending:
                answer.transport = Answer::Transport::SentNoAnswer;
                answer.timedOut = true;
                break;
            case Failure::LostAfterSending: answer.transport = Answer::Transport::SentNoAnswer; break;
            case Failure::TruncatedAnswer: answer.transport = Answer::Transport::Cut; break;
            }
            handleAnswer(call, answer);
        });
        request->start("POST", call->url,
            {{"Authorization", authorization}, {"Content-Type", "application/json"}, {"Accept", "application/json"}},
            call->body, m_config.timeout);
        return;
    }

    m_reads.get(call->url, {{"Authorization", authorization}, {"Accept", "application/json"}}, m_config.timeout,
        [this, call](const AriesConnectionPool::Answer &read) {
            Answer answer;
            answer.detail = read.errorString;
            using Failure = AriesConnectionPool::Answer::Failure;
            switch (read.failure) {
            case Failure::None:
                answer.status = read.status;
                answer.body = read.body;
                answer.retryAfter = read.retryAfter;
                break;
            case Failure::NotSent: answer.transport = Answer::Transport::NotSent; break;
            case Failure::Timeout: answer.transport = Answer::Transport::Timeout; break;
            // A read that reached Aries without an answer is safe to send again, like one that never left.
            case Failure::Lost: answer.transport = Answer::Transport::Network; break;
            case Failure::Truncated: answer.transport = Answer::Transport::Cut; break;
            }
            handleAnswer(call, answer);
        });
}

void AriesClient::retryLater(const std::shared_ptr<Call> &call, std::chrono::milliseconds delay)
{
    qCInfo(lcAries, "Retrying %s %s in %lld ms (attempt %d)", call->method.constData(), qPrintable(call->url.path()),
        qlonglong(delay.count()), call->attempt + 1);
    QTimer::singleShot(delay, this, [this, call]() { execute(call); });
}

void AriesClient::handleAnswer(const std::shared_ptr<Call> &call, const Answer &answer)
{
    const bool isRead = call->method == "GET";
    const bool attemptsLeft = isRead && call->attempt < m_config.maxReadAttempts;
    const auto backoff = m_config.retryBaseDelay * (1 << std::min(call->attempt - 1, 10));
    using Transport = Answer::Transport;

    switch (answer.transport) {
    case Transport::Complete: break;
    case Transport::NotSent:
    case Transport::Network:
        if (attemptsLeft) {
            retryLater(call, backoff);
            return;
        }
        call->done(Unexpected(AriesError::make(Kind::Network, answer.detail)), false);
        return;
    case Transport::Timeout: call->done(Unexpected(AriesError::make(Kind::Timeout)), false); return;
    case Transport::SentNoAnswer:
        call->done(Unexpected(answer.timedOut ? AriesError::make(Kind::Timeout)
                                              : AriesError::make(Kind::Network,
                                                  QStringLiteral("the connection closed before Aries answered"))),
            true);
        return;
    case Transport::Cut:
        if (attemptsLeft) {
            retryLater(call, backoff);
            return;
        }
        call->done(
            Unexpected(AriesError::make(Kind::BadResponse, QStringLiteral("the answer was cut short"))), !isRead);
        return;
    }

    const int status = answer.status;
    if (status >= 200 && status < 300) {
        call->done(answer.body, false);
        return;
    }
    const AriesParser::ErrorBody body = AriesParser::errorBody(answer.body);
    qCInfo(lcAries, "%s %s answered HTTP %d %s", call->method.constData(), qPrintable(call->url.path()), status,
        qPrintable(body.code));

    if (status == 401) {
        // Aries refuses a bad token before looking at the request, so even a POST is safe to send again
        // once with a fresh token.
        if (call->refreshedAfter401) {
            call->done(Unexpected(AriesError::make(Kind::Unauthorized, body.message, status)), false);
            return;
        }
        call->refreshedAfter401 = true;
        --call->attempt;
        m_tokens.reportUnauthorized(call->token, this, [this, call](Expected<QString, Auth::AuthError> token) {
            if (!token) {
                call->done(Unexpected(fromAuthError(token.error())), false);
                return;
            }
            call->token = *token;
            send(call);
        });
        return;
    }
    if (status == 403) {
        AriesError error = AriesError::make(Kind::InsufficientScope, body.message, status);
        if (!body.requiredScopes.isEmpty()) {
            error.scope = body.requiredScopes.first();
        } else if (body.code != QLatin1String("insufficient_scope")) {
            error.kind = Kind::InvalidRequest;
        }
        call->done(Unexpected(error), false);
        return;
    }
    if (status == 429) {
        const auto retryAfter = parseRetryAfter(answer.retryAfter);
        if (attemptsLeft && (!retryAfter || *retryAfter <= m_config.maxRetryAfter)) {
            retryLater(call, retryAfter ? std::chrono::milliseconds(*retryAfter) : backoff);
            return;
        }
        AriesError error = AriesError::make(Kind::RateLimited, body.message, status);
        error.retryAfter = retryAfter;
        call->done(Unexpected(error), false);
        return;
    }
    if (status >= 500) {
        if (attemptsLeft) {
            retryLater(call, backoff);
            return;
        }
        call->done(Unexpected(AriesError::make(Kind::ServerError, body.message, status)), false);
        return;
    }
    if (status == 404) {
        call->done(Unexpected(AriesError::make(Kind::NotFound, body.message, status)), false);
        return;
    }
    if (status >= 400) {
        call->done(Unexpected(AriesError::make(Kind::InvalidRequest, body.message, status)), false);
        return;
    }
    call->done(Unexpected(AriesError::make(Kind::BadResponse, QStringLiteral("HTTP %1").arg(status), status)), false);
}

template <typename T>
void AriesClient::getParsed(
    const QUrl &url, QObject *context, Callback<T> callback, Expected<T, AriesError> (*parse)(QByteArrayView))
{
    const QPointer<QObject> target(context ? context : this);
    get(url, [target, callback = std::move(callback), parse](Expected<QByteArray, AriesError> result, bool) {
        if (!result) {
            deliver<T>(target, callback, Unexpected(result.error()));
            return;
        }
        deliver<T>(target, callback, parse(*result));
    });
}

template <typename T>
void AriesClient::postParsed(const QUrl &url, const QByteArray &body, QObject *context, Callback<T> callback,
    Expected<T, AriesError> (*parse)(QByteArrayView))
{
    const QPointer<QObject> target(context ? context : this);
    post(url, body, [target, callback = std::move(callback), parse](Expected<QByteArray, AriesError> result, bool) {
        if (!result) {
            deliver<T>(target, callback, Unexpected(result.error()));
            return;
        }
        deliver<T>(target, callback, parse(*result));
    });
}

static QString pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void AriesClient::user(QObject *context, Callback<AriesUser> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/users/me")), context, std::move(callback), &AriesParser::user);
}

void AriesClient::accounts(QObject *context, Callback<QList<AriesAccount>> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/users/me/accounts")), context, std::move(callback), &AriesParser::accounts);
}

void AriesClient::balances(const QString &accountId, QObject *context, Callback<AriesBalances> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/accounts/%1/balances").arg(pathSegment(accountId))), context,
        std::move(callback), &AriesParser::balances);
}

void AriesClient::positions(const QString &accountId, QObject *context, Callback<QList<AriesPosition>> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/accounts/%1/positions").arg(pathSegment(accountId))), context,
        std::move(callback), &AriesParser::positions);
}

void AriesClient::previewOrder(const AriesOrderRequest &request, QObject *context, Callback<AriesOrderPreview> callback)
{
    postParsed(endpoint(QStringLiteral("/v1/orders/preview")), toJsonBody(orderBody(request)), context,
        std::move(callback), &AriesParser::orderPreview);
}

void AriesClient::replaceOrder(const AriesReplaceRequest &request, QObject *context, Callback<AriesReplaceAck> callback)
{
    json body {{"origClOrdId", utf8(request.origClOrdId)}, {"tradingAccountId", utf8(request.accountId)},
        {"symbol", utf8(request.symbol)}};
    if (request.quantity) {
        body["qty"] = utf8(request.quantity->toString());
    }
    if (request.limitPrice) {
        body["price"] = utf8(request.limitPrice->toString(2));
    }
    if (request.stopPrice) {
        body["stopPrice"] = utf8(request.stopPrice->toString(2));
    }
    if (!request.type.isEmpty()) {
        body["type"] = utf8(request.type);
    }
    if (!request.timeInForce.isEmpty()) {
        body["timeInForce"] = utf8(request.timeInForce);
    }
    postParsed(endpoint(QStringLiteral("/v1/orders/replace")), toJsonBody(body), context, std::move(callback),
        &AriesParser::replaceAck);
}

void AriesClient::cancelOrder(const AriesCancelRequest &request, QObject *context, Callback<AriesCancelAck> callback)
{
    json body {{"origClOrdId", utf8(request.origClOrdId)}, {"tradingAccountId", utf8(request.accountId)},
        {"symbol", utf8(request.symbol)}};
    if (!request.side.isEmpty()) {
        body["side"] = utf8(request.side);
    }
    postParsed(endpoint(QStringLiteral("/v1/orders/cancel")), toJsonBody(body), context, std::move(callback),
        &AriesParser::cancelAck);
}

void AriesClient::placeOrder(AriesOrderRequest request, QObject *context, Callback<AriesOrderAck> callback)
{
    if (request.clientTag.isEmpty()) {
        request.clientTag = newClientTag();
    }
    const QPointer<QObject> target(context ? context : this);
    if (request.clientTag.size() > 50) {
        deliver<AriesOrderAck>(target, callback,
            Unexpected(
                AriesError::make(Kind::InvalidRequest, QStringLiteral("the order tag is longer than 50 characters"))));
        return;
    }
    qCInfo(lcAries, "Placing order %s", qPrintable(request.clientTag));
    post(endpoint(QStringLiteral("/v1/orders")), toJsonBody(orderBody(request)),
        [this, request, target, callback = std::move(callback)](
            Expected<QByteArray, AriesError> result, bool sentWithoutAnswer) {
            if (result) {
                auto ack = AriesParser::orderAck(*result);
                if (ack) {
                    ack->clientTag = request.clientTag;
                    deliver<AriesOrderAck>(target, callback, std::move(ack));
                    return;
                }
                if (ack.error().kind != Kind::BadResponse) {
                    deliver<AriesOrderAck>(target, callback, std::move(ack));
                    return;
                }
                // Aries accepted the request but its answer is unreadable: what happened is in the orders list.
                lookUpPlacedOrder(request, 1, target, callback, ack.error());
                return;
            }
            if (sentWithoutAnswer) {
                lookUpPlacedOrder(request, 1, target, callback, result.error());
                return;
            }
            deliver<AriesOrderAck>(target, callback, Unexpected(result.error()));
        });
}

void AriesClient::lookUpPlacedOrder(const AriesOrderRequest &request, int attempt, const QPointer<QObject> &context,
    Callback<AriesOrderAck> callback, const AriesError &cause)
{
    qCInfo(lcAries, "Answer to order %s lost (%s); looking it up (attempt %d)", qPrintable(request.clientTag),
        qPrintable(cause.kindName()), attempt);
    resolveUncertainOrder(request.accountId, request.clientTag, this,
        [this, request, attempt, context, callback, cause](Expected<std::optional<AriesOrder>, AriesError> found) {
            if (found && found->has_value()) {
                const AriesOrder &order = **found;
                if (order.status == QLatin1String("REJECTED")) {
                    deliver<AriesOrderAck>(context, callback,
                        Unexpected(AriesError::make(
                            Kind::Rejected, order.text.isEmpty() ? order.rejectReason : order.text, 200)));
                    return;
                }
                AriesOrderAck ack;
                ack.clOrdId = order.clOrdId;
                ack.status = order.status;
                ack.symbol = order.symbol;
                ack.side = order.side;
                ack.quantity = order.quantity;
                ack.filledQuantity = order.filledQuantity;
                ack.leavesQuantity = order.leavesQuantity;
                ack.averagePrice = order.averagePrice.value_or(Decimal());
                ack.text = order.text;
                ack.clientTag = request.clientTag;
                ack.transactTime = order.updatedAt;
                ack.foundByLookup = true;
                deliver<AriesOrderAck>(context, callback, std::move(ack));
                return;
            }
            if (attempt < m_config.lookupAttempts) {
                // A request that timed out may still be on its way through Aries; look again shortly.
                QTimer::singleShot(m_config.lookupDelay, this, [this, request, attempt, context, callback, cause]() {
                    lookUpPlacedOrder(request, attempt + 1, context, callback, cause);
                });
                return;
            }
            AriesError error = AriesError::make(Kind::UncertainOutcome, cause.message());
            if (!found) {
                error.detail += QStringLiteral(" Looking the order up failed too: ") + found.error().message();
            }
            error.clientTag = request.clientTag;
            deliver<AriesOrderAck>(context, callback, Unexpected(error));
        });
}

void AriesClient::resolveUncertainOrder(
    const QString &accountId, const QString &clientTag, QObject *context, Callback<std::optional<AriesOrder>> callback)
{
    findOrderPage(accountId, clientTag, 0, 0, QPointer<QObject>(context ? context : this), std::move(callback));
}

void AriesClient::findOrderPage(const QString &accountId, const QString &clientTag, std::int64_t cursor, int pages,
    const QPointer<QObject> &context, Callback<std::optional<AriesOrder>> callback)
{
    todaysOrders(accountId, cursor, kLookupPageSize, this,
        [this, accountId, clientTag, pages, context, callback](Expected<AriesOrderPage, AriesError> page) {
            using Result = Expected<std::optional<AriesOrder>, AriesError>;
            if (!page) {
                deliver<std::optional<AriesOrder>>(context, callback, Result(Unexpected(page.error())));
                return;
            }
            for (const AriesOrder &order : std::as_const(page->orders)) {
                if (order.clientTag == clientTag) {
                    deliver<std::optional<AriesOrder>>(context, callback, Result(order));
                    return;
                }
            }
            if (page->nextCursor == 0 || pages + 1 >= kLookupMaxPages) {
                deliver<std::optional<AriesOrder>>(context, callback, Result(std::nullopt));
                return;
            }
            findOrderPage(accountId, clientTag, page->nextCursor, pages + 1, context, callback);
        });
}

void AriesClient::todaysOrders(
    const QString &accountId, std::int64_t cursor, int limit, QObject *context, Callback<AriesOrderPage> callback)
{
    QList<std::pair<QString, QString>> query {{QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 500))}};
    if (cursor != 0) {
        query.append({QStringLiteral("cursor"), QString::number(cursor)});
    }
    getParsed(endpoint(QStringLiteral("/v2/accounts/%1/orders").arg(pathSegment(accountId)), query), context,
        std::move(callback), &AriesParser::orderPage);
}

void AriesClient::orderHistory(const QString &accountId, const QDateTime &from, const QDateTime &to,
    std::int64_t cursor, int limit, QObject *context, Callback<AriesOrderPage> callback)
{
    QList<std::pair<QString, QString>> query {
        {QStringLiteral("from"), from.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 500))},
    };
    if (to.isValid()) {
        query.append({QStringLiteral("to"), to.toUTC().toString(Qt::ISODate)});
    }
    if (cursor != 0) {
        query.append({QStringLiteral("cursor"), QString::number(cursor)});
    }
    getParsed(endpoint(QStringLiteral("/v2/accounts/%1/orders/history").arg(pathSegment(accountId)), query), context,
        std::move(callback), &AriesParser::orderPage);
}

void AriesClient::searchSymbols(
    const QString &query, int limit, QObject *context, Callback<QList<AriesSymbolMatch>> callback)
{
    getParsed(
        endpoint(QStringLiteral("/v1/marketdata/search"),
            {{QStringLiteral("query"), query}, {QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 100))}}),
        context, std::move(callback), &AriesParser::symbolMatches);
}

void AriesClient::lastTrade(const QString &ticker, QObject *context, Callback<AriesLastTrade> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/stocks/last-trade"), {{QStringLiteral("ticker"), ticker}}), context,
        std::move(callback), &AriesParser::lastTrade);
}

void AriesClient::lastQuote(const QString &ticker, QObject *context, Callback<AriesLastQuote> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/stocks/last-quote"), {{QStringLiteral("ticker"), ticker}}), context,
        std::move(callback), &AriesParser::lastQuote);
}

void AriesClient::previousBar(const QString &ticker, QObject *context, Callback<AriesPreviousBar> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/stocks/prev"), {{QStringLiteral("ticker"), ticker}}), context,
        std::move(callback), &AriesParser::previousBar);
}

void AriesClient::chartHistory(const QString &symbol, const QString &resolution, const QDateTime &from,
    const QDateTime &to, QObject *context, Callback<AriesChartHistory> callback)
{
    getParsed(endpoint(QStringLiteral("/v1/chart/history"),
                  {{QStringLiteral("symbol"), symbol}, {QStringLiteral("resolution"), resolution},
                      {QStringLiteral("from"), QString::number(from.toSecsSinceEpoch())},
                      {QStringLiteral("to"), QString::number(to.toSecsSinceEpoch())}}),
        context, std::move(callback), &AriesParser::chartHistory);
}

} // namespace Companion::Aries
