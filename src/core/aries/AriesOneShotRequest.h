// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aries/HttpAnswerParser.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <utility>

class QAbstractSocket;

namespace Companion::Aries {

/**
 * One HTTP/1.1 request over its own connection, sent exactly once: for every POST to Aries (orders,
 * preview, replace, cancel).
 *
 * Why not QNetworkAccessManager: when a connection closes before the answer arrives, Qt's HTTP channel
 * (QHttpNetworkConnectionChannel::handleUnexpectedEOF(), with a fixed reconnectAttempts of 3) quietly sends
 * the same request again on a new connection, whatever its method. Nothing a caller can set reaches that
 * counter: no QNetworkRequest attribute, and a "Connection: close" header does not help either. With
 * Qt 6.4 and the sandbox's "lose" fault (request processed, connection closed without an answer) one
 * QNetworkAccessManager POST reached the server twice and came back as an ordinary 200. For an order that
 * is a second order, so every POST goes through this class, which never reconnects and tells apart "not
 * sent" (connection or TLS failed: nothing happened) from "sent, answer lost" (the order may exist: look
 * it up, never resend).
 *
 * TLS is verified as QSslSocket does by default (system CA store, host name); certificate errors end
 * the request and are never ignored. Plain http is refused except to a loopback address, so that only
 * the local sandbox can be reached without TLS.
 */
class AriesOneShotRequest final : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        None, ///< A complete HTTP answer arrived (any status)
        NotSent, ///< Refused before anything was written (bad URL, connection or TLS failure)
        TimedOutBeforeSending,
        TimedOutAfterSending, ///< The request went out; no complete answer in time
        LostAfterSending, ///< The connection closed after the request went out, with no answer
        TruncatedAnswer, ///< Part of an answer arrived, then the connection closed
    };

    using Header = std::pair<QByteArray, QByteArray>;

    explicit AriesOneShotRequest(QObject *parent = nullptr);
    ~AriesOneShotRequest() override;
    Q_DISABLE_COPY_MOVE(AriesOneShotRequest)

    /** Starts the request; finished() follows exactly once, always asynchronously. */
    void start(const QByteArray &method, const QUrl &url, const QList<Header> &headers, const QByteArray &body,
        std::chrono::milliseconds timeout);

    Failure failure() const { return m_failure; }
    /** True once any byte of the request was handed to the socket: from then on it may have been processed. */
    bool requestSent() const { return m_sent; }
    /** The answer's status and body, once finished with Failure::None. */
    int status() const { return m_failure == Failure::None ? m_answer.status() : 0; }
    QByteArray body() const { return m_failure == Failure::None ? m_answer.body() : QByteArray(); }
    /** The first header called @p name (case-insensitive); empty when absent. */
    QByteArray header(QByteArrayView name) const;
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void finished();

private:
    void sendRequest();
    void onReadyRead();
    void onClosed();
    void onTimeout();
    void finish(Failure failure, const QString &errorString = {});

    QPointer<QAbstractSocket> m_socket;
    QTimer m_timer;
    QByteArray m_request;
    HttpAnswerParser m_answer;
    QString m_errorString;
    Failure m_failure = Failure::None;
    bool m_sent = false;
    bool m_done = false;
};

} // namespace Companion::Aries
