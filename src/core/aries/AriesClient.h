// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "aries/AriesConnectionPool.h"
#include "aries/AriesEnvironment.h"
#include "aries/AriesError.h"
#include "aries/AriesTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace Companion::Auth {
class AccessTokenSource;
}

namespace Companion::Aries {

struct AriesClientConfig
{
    QUrl baseUrl; ///< https://api.aries.com, or the sandbox's http://127.0.0.1:PORT
    std::chrono::milliseconds timeout {15000}; ///< Per attempt, for every call (a read's from when it is sent)
    /**
     * Keep-alive connections for reads, at most this many at once; more reads wait for one. Enough for a
     * large portfolio's prices to arrive in parallel behind a slow Aries, as HTTP clients that do not
     * cap connections per server (Node.js, Go) would; a 429 still slows every read down.
     */
    int maxConnections = 16;
    int maxReadAttempts = 3; ///< GETs only: tries in all after 5xx, network errors and 429
    std::chrono::milliseconds retryBaseDelay {500}; ///< Backoff of reads: base, 2×base, …
    std::chrono::seconds maxRetryAfter {30}; ///< A longer Retry-After is reported instead of waited for
    /** After a lost order answer: how often, and how far apart, today's orders are searched for it. */
    int lookupAttempts = 3;
    std::chrono::milliseconds lookupDelay {1000};
};

/**
 * The Aries REST API as the assistant's tools use it: account facts, orders and market data.
 *
 * Every call is asynchronous and ends in exactly one callback, run on @p context's thread and dropped
 * when @p context is gone. The access token comes from an AccessTokenSource; a 401 is answered by one
 * refresh and one retry. Reads (GET) go over AriesConnectionPool's keep-alive connections and are retried
 * with backoff after 5xx, network errors and 429 (honouring Retry-After up to a bound). Writes (POST) go
 * through AriesOneShotRequest and are never sent a second time, except after a 401, which Aries answers
 * without looking at the request.
 *
 * Every order carries our own tag in Aries' clientId field; when the answer to a placement is lost
 * (timeout or connection closed after sending, or an unreadable answer) placeOrder() looks the order
 * up by that tag and reports what Aries has, or UncertainOutcome when it is not there.
 */
class AriesClient final : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(Expected<T, AriesError>)>;

    AriesClient(Auth::AccessTokenSource &tokens, AriesClientConfig config, QObject *parent = nullptr);
    ~AriesClient() override;
    Q_DISABLE_COPY_MOVE(AriesClient)

    const AriesClientConfig &config() const { return m_config; }
    /** Live or sandbox, from the base URL; every tool result says which. */
    AriesEnvironment environment() const { return m_environment; }

    void user(QObject *context, Callback<AriesUser> callback);
    void accounts(QObject *context, Callback<QList<AriesAccount>> callback);
    void balances(const QString &accountId, QObject *context, Callback<AriesBalances> callback);
    void positions(const QString &accountId, QObject *context, Callback<QList<AriesPosition>> callback);

    /**
     * Places an order, sent exactly once. An empty clientTag is filled with newClientTag(); the ack's
     * clientTag says which. A rejection is a Rejected error with Aries' reason.
     */
    void placeOrder(AriesOrderRequest request, QObject *context, Callback<AriesOrderAck> callback);
    void previewOrder(const AriesOrderRequest &request, QObject *context, Callback<AriesOrderPreview> callback);
    void replaceOrder(const AriesReplaceRequest &request, QObject *context, Callback<AriesReplaceAck> callback);
    void cancelOrder(const AriesCancelRequest &request, QObject *context, Callback<AriesCancelAck> callback);
    /**
     * Finds the order tagged @p clientTag among today's orders (every page): the order, or nullopt when
     * Aries does not list it.
     */
    void resolveUncertainOrder(const QString &accountId, const QString &clientTag, QObject *context,
        Callback<std::optional<AriesOrder>> callback);

    /** Open orders and those that ended today (v2); @p cursor 0 for the first page. */
    void todaysOrders(
        const QString &accountId, std::int64_t cursor, int limit, QObject *context, Callback<AriesOrderPage> callback);
    /** Order history between @p from and @p to (at most 90 days), newest first; @p cursor 0 for the first page. */
    void orderHistory(const QString &accountId, const QDateTime &from, const QDateTime &to, std::int64_t cursor,
        int limit, QObject *context, Callback<AriesOrderPage> callback);

    void searchSymbols(const QString &query, int limit, QObject *context, Callback<QList<AriesSymbolMatch>> callback);
    void lastTrade(const QString &ticker, QObject *context, Callback<AriesLastTrade> callback);
    void lastQuote(const QString &ticker, QObject *context, Callback<AriesLastQuote> callback);
    void previousBar(const QString &ticker, QObject *context, Callback<AriesPreviousBar> callback);
    /** Bars of @p resolution ("1", "5", "60", "D", "W", "M", …) between two instants. */
    void chartHistory(const QString &symbol, const QString &resolution, const QDateTime &from, const QDateTime &to,
        QObject *context, Callback<AriesChartHistory> callback);

    /** A fresh tag for an order: "ac-" and 24 random hex digits, well within Aries' 50 characters. */
    static QString newClientTag();

private:
    struct Call;
    struct Answer;
    /** The body of a 2xx answer, or the error; @p sentWithoutAnswer: a POST went out and its outcome is unknown. */
    using RawCallback = std::function<void(Expected<QByteArray, AriesError> result, bool sentWithoutAnswer)>;

    QUrl endpoint(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;
    void get(const QUrl &url, RawCallback done);
    void post(const QUrl &url, const QByteArray &body, RawCallback done);
    void execute(const std::shared_ptr<Call> &call);
    void send(const std::shared_ptr<Call> &call);
    void handleAnswer(const std::shared_ptr<Call> &call, const Answer &answer);
    void retryLater(const std::shared_ptr<Call> &call, std::chrono::milliseconds delay);

    template <typename T>
    void getParsed(
        const QUrl &url, QObject *context, Callback<T> callback, Expected<T, AriesError> (*parse)(QByteArrayView));
    template <typename T>
    void postParsed(const QUrl &url, const QByteArray &body, QObject *context, Callback<T> callback,
        Expected<T, AriesError> (*parse)(QByteArrayView));
    void lookUpPlacedOrder(const AriesOrderRequest &request, int attempt, const QPointer<QObject> &context,
        Callback<AriesOrderAck> callback, const AriesError &cause);
    void findOrderPage(const QString &accountId, const QString &clientTag, std::int64_t cursor, int pages,
        const QPointer<QObject> &context, Callback<std::optional<AriesOrder>> callback);

    Auth::AccessTokenSource &m_tokens;
    AriesClientConfig m_config;
    AriesEnvironment m_environment;
    /** Reads under way end with the client, their callbacks dropped. */
    AriesConnectionPool m_reads;
};

} // namespace Companion::Aries
