// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "StaticTokenSource.h"

#include "aries/AriesClient.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "tools/AriesConnection.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <memory>

namespace Companion::Testing {

/**
 * What the tool tests share: the real sandbox, a client signed in to it, an AriesConnection that can be
 * switched to "signed out", and an McpServer session driven with JSON-RPC text exactly as a client
 * would, so schema validation and the result's shape are what a client sees.
 */
class ToolTestHarness final : public Tools::AriesConnection
{
public:
    ToolTestHarness();
    ~ToolTestHarness() override;
    Q_DISABLE_COPY_MOVE(ToolTestHarness)

    /** Starts the sandbox with @p arguments, signs in and opens an initialized session; false with errorString(). */
    bool start(const QStringList &arguments);
    QString errorString() const { return m_error; }

    Mcp::McpServer &server() { return *m_server; }
    SandboxProcess &sandbox() { return *m_sandbox; }

    /** GET on the sandbox's API with the signed-in token: the sandbox's own answer to compare with. */
    nlohmann::json rawGet(const QString &path);
    /** POST on the sandbox's API with the signed-in token (e.g. to place an order the tools then find). */
    nlohmann::json rawPost(const QString &path, const nlohmann::json &body);
    /** The trading id of the demo user's margin account (the one with the portfolio). */
    QString marginAccount() const { return m_marginAccount; }
    QString cashAccount() const { return m_cashAccount; }

    /**
     * tools/call through the session; the JSON-RPC response (with "result" or "error"), or an object
     * {"timeout": true} when none came within @p timeoutMs.
     */
    nlohmann::json call(
        const QString &tool, const nlohmann::json &arguments = nlohmann::json::object(), int timeoutMs = 60000);
    /** Any request through the session, answered like call(). */
    nlohmann::json request(const QString &method, const nlohmann::json &params, int timeoutMs = 60000);
    /** Sends a tools/call without waiting; returns its id. */
    int send(const QString &tool, const nlohmann::json &arguments = nlohmann::json::object());
    /** Sends notifications/cancelled for @p id. */
    void cancel(int id);
    /** Hands @p message to the session as the client's next line, whatever it is (forged responses, junk). */
    void receive(const QByteArray &message);
    /** Every message the session sent since the last clear. */
    QList<nlohmann::json> &sent() { return m_sent; }
    /** tools/list, every page. */
    QList<nlohmann::json> listTools();

    void setSignedIn(bool signedIn) { m_signedIn = signedIn; }
    void setDefaultAccount(const QString &account) { m_defaultAccount = account; }

    // AriesConnection
    Aries::AriesClient *client() override;
    QString notConnectedReason() const override;
    QString defaultAccountId() const override { return m_defaultAccount; }
    Aries::AriesEnvironment environment() const override;

    static constexpr const char *kNotConnected = "Open Aries Companion and choose Connect to Aries.";

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_tokens;
    StaticTokenSource m_source;
    QNetworkAccessManager m_network;
    std::unique_ptr<Aries::AriesClient> m_client;
    std::unique_ptr<Mcp::McpServer> m_server;
    std::unique_ptr<Mcp::McpSession> m_session;
    QList<nlohmann::json> m_sent;
    QString m_error;
    QString m_marginAccount;
    QString m_cashAccount;
    QString m_defaultAccount;
    bool m_signedIn = true;
    int m_nextId = 100;
};

} // namespace Companion::Testing
