// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

/**
 * A loopback HTTP server that does exactly what a test says, request by request, for the edge cases of
 * the protocol a real server (the sandbox) cannot be made to produce on cue: an answer cut short, a
 * keep-alive connection closed just as the next request arrives, silence. It reads each whole request
 * (headers and Content-Length body), counts requests and connections, and then follows the next step of
 * its script, or the fallback once the script is used up.
 */
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    enum class Then {
        Answer, ///< Write the answer and keep the connection open for the next request
        AnswerAndClose, ///< Write the answer, then close
        Close, ///< Close without a word
        Silent, ///< Say nothing, keep the connection open
    };
    struct Step
    {
        QByteArray answer;
        Then then = Then::Answer;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url(const QString &path) const;
    /** A 200 with a small JSON body and a Content-Length: what a keep-alive server sends. */
    static QByteArray okAnswer(const QByteArray &body = R"({"ok":true})");

    QList<Step> script;
    Step fallback {okAnswer(), Then::Answer};
    int requests = 0;
    int connections = 0;
    QByteArray lastRequest;

private:
    QTcpServer m_server;
};
