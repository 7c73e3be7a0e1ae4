// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <utility>

namespace Companion::Testing {

/** One HTTP header as sent or received: name, value. */
using HttpHeader = std::pair<QByteArray, QByteArray>;
using HttpHeaders = QList<HttpHeader>;
/** Form fields in order; a key may repeat (several checked checkboxes of the same name). */
using FormFields = QList<std::pair<QString, QString>>;

/** What came back for one request. */
struct TestHttpResponse
{
    int status = 0; ///< HTTP status, 0 when no response arrived (network error, timeout)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false; ///< The client gave up waiting and aborted the request
    QByteArray body;
    HttpHeaders headers;
    QUrl location; ///< The Location header, parsed (empty when absent)

    /** Value of the first header called @p name (case-insensitive), empty when absent. */
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /** The body parsed as JSON; a discarded value (is_discarded()) when it is not JSON. */
    nlohmann::json json() const;
    /** The body as UTF-8 text. */
    QString text() const { return QString::fromUtf8(body); }
    /** A one-line summary for failure messages: status, error and the start of the body. */
    QByteArray describe() const;
};

/** The string member @p key of a JSON object, empty when absent or not a string. */
QString jsonText(const nlohmann::json &object, const char *key);

/** "Authorization: Bearer TOKEN". */
HttpHeader bearer(const QString &token);

/**
 * A synchronous HTTP client for tests: each call sends one request over QNetworkAccessManager, never
 * follows redirects, and waits for the answer in a local event loop for at most timeoutMs(), after which
 * the request is aborted and reported with timedOut set.
 */
class TestHttpClient final
{
public:
    explicit TestHttpClient(int timeoutMs = 10000);
    ~TestHttpClient();
    Q_DISABLE_COPY_MOVE(TestHttpClient)

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    TestHttpResponse get(const QUrl &url, const HttpHeaders &headers = {});
    /** POST with Content-Type application/json and @p body sent as is (it need not be valid JSON). */
    TestHttpResponse postJson(const QUrl &url, const QByteArray &body, const HttpHeaders &headers = {});
    TestHttpResponse postJson(const QUrl &url, const nlohmann::json &body, const HttpHeaders &headers = {});
    /** POST application/x-www-form-urlencoded, every key and value percent-encoded. */
    TestHttpResponse postForm(const QUrl &url, const FormFields &fields, const HttpHeaders &headers = {});
    TestHttpResponse del(const QUrl &url, const HttpHeaders &headers = {});

    /**
     * Sends one request over a plain socket ("Connection: close") and reads the answer until the server
     * closes the connection. QNetworkAccessManager silently sends a request a second time when the
     * connection closes before any answer (seen with Qt 6.4), which hides a dropped connection and
     * doubles a lost POST; fault tests use this instead. An answer cut short (fewer body bytes than
     * Content-Length, or no complete header) is reported as RemoteHostClosedError.
     */
    TestHttpResponse sendOnce(QByteArrayView verb, const QUrl &url, const QByteArray &body = {},
        const HttpHeaders &headers = {}, QByteArrayView contentType = "application/json");

    /** Encodes form fields as a browser does for application/x-www-form-urlencoded. */
    static QByteArray encodeForm(const FormFields &fields);

private:
    TestHttpResponse send(QByteArrayView verb, const QUrl &url, const HttpHeaders &headers, const QByteArray &body,
        QByteArrayView contentType);

    QNetworkAccessManager m_manager;
    int m_timeoutMs;
};

} // namespace Companion::Testing
