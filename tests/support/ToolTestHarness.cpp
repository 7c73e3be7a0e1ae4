// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ToolTestHarness.h"

#include <QDeadlineTimer>
#include <QTest>

using nlohmann::json;

namespace Companion::Testing {

ToolTestHarness::ToolTestHarness() = default;

ToolTestHarness::~ToolTestHarness()
{
    m_session.reset();
    m_server.reset();
    m_client.reset();
    m_sandbox.reset();
}

bool ToolTestHarness::start(const QStringList &arguments)
{
    m_sandbox = std::make_unique<SandboxProcess>();
    if (!m_sandbox->start(arguments)) {
        m_error = m_sandbox->errorString();
        return false;
    }
    m_tokens = SandboxSignIn::signIn(*m_sandbox);
    if (!m_tokens.isValid()) {
        m_error = QStringLiteral("sign-in to the sandbox failed");
        return false;
    }
    m_source.setToken(m_tokens.accessToken);
    const json accounts = rawGet(QStringLiteral("/v1/users/me/accounts"));
    for (const json &account : accounts.value("accounts", json::array())) {
        const QString id = jsonText(account, "sterling_account_id");
        if (jsonText(account, "account_class") == QLatin1String("MARGIN") && m_marginAccount.isEmpty()) {
            m_marginAccount = id;
        } else if (jsonText(account, "account_class") == QLatin1String("CASH") && m_cashAccount.isEmpty()) {
            m_cashAccount = id;
        }
    }
    if (m_marginAccount.isEmpty()) {
        m_error = QStringLiteral("the sandbox lists no margin account");
        return false;
    }
    Aries::AriesClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    m_client = std::make_unique<Aries::AriesClient>(m_source, config);
    m_server = std::make_unique<Mcp::McpServer>();
    m_session = m_server->createSession(QStringLiteral("local"));
    QObject::connect(m_session.get(), &Mcp::McpSession::send, m_session.get(),
        [this](const QByteArray &message, const QByteArray &) {
            m_sent.append(json::parse(message.constBegin(), message.constEnd(), nullptr, false));
        });
    m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "tool-test"}, {"version", "1"}}}}}}
                                                     .dump()));
    m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    const bool initialized = !m_sent.isEmpty() && m_sent.constFirst().contains("result");
    m_sent.clear();
    if (!initialized) {
        m_error = QStringLiteral("the MCP session did not initialize");
    }
    return initialized;
}

json ToolTestHarness::rawGet(const QString &path)
{
    return m_sandbox->http().get(m_sandbox->url(path), {bearer(m_tokens.accessToken)}).json();
}

json ToolTestHarness::rawPost(const QString &path, const json &body)
{
    return m_sandbox->http().postJson(m_sandbox->url(path), body, {bearer(m_tokens.accessToken)}).json();
}

int ToolTestHarness::send(const QString &tool, const json &arguments)
{
    const int id = m_nextId++;
    m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
        {"params", {{"name", tool.toStdString()}, {"arguments", arguments}}}}
                                                     .dump()));
    return id;
}

void ToolTestHarness::cancel(int id)
{
    m_session->receive(QByteArray::fromStdString(
        json {{"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", id}}}}.dump()));
}

void ToolTestHarness::receive(const QByteArray &message)
{
    m_session->receive(message);
}

json ToolTestHarness::call(const QString &tool, const json &arguments, int timeoutMs)
{
    return request(
        QStringLiteral("tools/call"), json {{"name", tool.toStdString()}, {"arguments", arguments}}, timeoutMs);
}

json ToolTestHarness::request(const QString &method, const json &params, int timeoutMs)
{
    m_sent.clear();
    const int id = m_nextId++;
    m_session->receive(QByteArray::fromStdString(
        json {{"jsonrpc", "2.0"}, {"id", id}, {"method", method.toStdString()}, {"params", params}}.dump()));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const json &message : std::as_const(m_sent)) {
            if (message.value("id", json()) == json(id)) {
                return message;
            }
        }
        QTest::qWait(5);
    }
    return json {{"timeout", true}};
}

QList<json> ToolTestHarness::listTools()
{
    QList<json> tools;
    json cursor;
    do {
        m_sent.clear();
        json params = json::object();
        if (!cursor.is_null()) {
            params["cursor"] = cursor;
        }
        m_session->receive(QByteArray::fromStdString(
            json {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", "tools/list"}, {"params", params}}.dump()));
        if (m_sent.size() != 1 || !m_sent.constFirst().contains("result")) {
            return tools;
        }
        const json result = m_sent.constFirst()["result"];
        for (const json &tool : result.value("tools", json::array())) {
            tools.append(tool);
        }
        cursor = result.value("nextCursor", json());
    } while (!cursor.is_null());
    return tools;
}

Aries::AriesClient *ToolTestHarness::client()
{
    return m_signedIn ? m_client.get() : nullptr;
}

QString ToolTestHarness::notConnectedReason() const
{
    return QString::fromLatin1(kNotConnected);
}

Aries::AriesEnvironment ToolTestHarness::environment() const
{
    return m_client ? m_client->environment() : Aries::AriesEnvironment::Sandbox;
}

} // namespace Companion::Testing
