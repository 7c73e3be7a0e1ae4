// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestHttpClient.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <memory>

namespace Companion::Testing {

/**
 * The real aries-sandbox ($ARIES_SANDBOX_BIN) as a child process, for tests that talk to it over HTTP.
 *
 * start() runs it with the test's arguments plus "--port 0" and waits for the startup lines of
 * docs/sandbox.md; the sandbox's stderr goes straight to the test's stderr. The destructor stops it
 * (SIGTERM, then SIGKILL). The control API under /_sandbox/ is wrapped in small helpers that return
 * false (or a discarded JSON value) when the sandbox did not answer 200.
 */
class SandboxProcess final
{
public:
    SandboxProcess();
    ~SandboxProcess();
    Q_DISABLE_COPY_MOVE(SandboxProcess)

    /** Starts the sandbox and waits (at most @p timeoutMs) until it listens; false with errorString() otherwise. */
    bool start(const QStringList &arguments = {}, int timeoutMs = 15000);
    /** Stops the process: SIGTERM, then SIGKILL when it does not end within a few seconds. */
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    /** Every line printed on stdout before start() returned, trimmed. */
    QStringList startupLines() const { return m_startupLines; }
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    QString demoClientId() const { return m_demoClientId; }
    QString demoRedirectUri() const { return m_demoRedirectUri; }
    QString demoUser() const { return m_demoUser; }
    QString demoPassword() const { return m_demoPassword; }

    /** baseUrl() with @p path (which may carry a "?query", already encoded) appended. */
    QUrl url(const QString &path) const;

    /** A client for the control API; tests may use it for their own requests too. */
    TestHttpClient &http() { return *m_http; }

    // Control API (/_sandbox/)
    bool health();
    bool tick(int steps = 1);
    bool setPrice(const QString &symbol, const QString &price);
    bool advanceClock(qint64 seconds);
    /** POST /_sandbox/faults; @p status 0 and an empty @p method are left out of the rule. */
    bool addFault(const QString &path, const QString &mode, int count = 1, int status = 0, const QString &method = {});
    bool clearFaults();
    bool setConfig(const nlohmann::json &config);
    nlohmann::json stats();
    /** stats()["requests"]["METHOD PATH"], 0 when absent. */
    int requestCount(const QString &methodAndPath);
    /** stats()["grants"][grantType], 0 when absent. */
    int grantCount(const QString &grantType);
    bool resetStats();
    /** GET /_sandbox/orders as a JSON array of orders (accepts a bare array or an object with "orders"). */
    nlohmann::json allOrders();
    /** Revokes every token of @p email, or of every user when empty. */
    bool revokeTokens(const QString &email = {});

private:
    bool parseLine(const QString &line);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_error;
    QStringList m_startupLines;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    QString m_demoClientId;
    QString m_demoRedirectUri;
    QString m_demoUser;
    QString m_demoPassword;
};

} // namespace Companion::Testing
