// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace Companion::Testing {

namespace {

bool isOk(const TestHttpResponse &response)
{
    if (response.status == 200)
        return true;
    qWarning("sandbox control request failed: %s", response.describe().constData());
    return false;
}

QString valueAfter(const QString &line, QStringView prefix)
{
    return line.mid(prefix.size()).trimmed();
}

} // namespace

SandboxProcess::SandboxProcess()
    : m_http(std::make_unique<TestHttpClient>(10000))
{ }

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(const QStringList &arguments, int timeoutMs)
{
    stop();
    m_error.clear();
    m_startupLines.clear();
    m_baseUrl = QUrl();
    m_port = 0;
    m_demoClientId.clear();
    m_demoRedirectUri.clear();
    m_demoUser.clear();
    m_demoPassword.clear();

    const QString program = qEnvironmentVariable("ARIES_SANDBOX_BIN");
    if (program.isEmpty()) {
        m_error = QStringLiteral("ARIES_SANDBOX_BIN is not set");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setProgram(program);
    m_process->setArguments(arguments + QStringList {QStringLiteral("--port"), QStringLiteral("0")});
    m_process->start(QIODevice::ReadOnly);
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        return false;
    }

    // The listening line comes first, the four demo lines right after it.
    const QDeadlineTimer deadline(timeoutMs);
    QDeadlineTimer restDeadline = QDeadlineTimer::Forever;
    int parsed = 0;
    while (parsed < 5) {
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            m_startupLines.append(line);
            if (parseLine(line))
                ++parsed;
            if (m_port != 0 && restDeadline.isForever())
                restDeadline.setRemainingTime(3000);
        }
        if (parsed >= 5)
            break;
        if (m_port != 0 && restDeadline.hasExpired())
            break; // listening but some demo lines are missing; tests that need them will fail on their own
        if (deadline.hasExpired() || m_process->state() == QProcess::NotRunning) {
            m_error = m_process->state() == QProcess::NotRunning
                ? QStringLiteral("the sandbox exited (code %1) before it was ready").arg(m_process->exitCode())
                : QStringLiteral("the sandbox printed no \"listening on\" line within %1 ms").arg(timeoutMs);
            m_error += QStringLiteral("; stdout so far: ") + m_startupLines.join(QLatin1Char('|'));
            stop();
            return false;
        }
        m_process->waitForReadyRead(100);
    }
    if (m_port == 0) {
        m_error = QStringLiteral("no port in the startup lines: ") + m_startupLines.join(QLatin1Char('|'));
        stop();
        return false;
    }
    return true;
}

bool SandboxProcess::parseLine(const QString &line)
{
    static const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))$"));
    if (const auto match = listening.match(line); match.hasMatch()) {
        m_baseUrl = QUrl(match.captured(1));
        m_port = quint16(match.captured(2).toUInt());
        return true;
    }
    static constexpr QStringView clientPrefix = u"demo client id:";
    static constexpr QStringView redirectPrefix = u"demo redirect uri:";
    static constexpr QStringView userPrefix = u"demo user:";
    static constexpr QStringView passwordPrefix = u"demo password:";
    if (line.startsWith(clientPrefix)) {
        m_demoClientId = valueAfter(line, clientPrefix);
        return true;
    }
    if (line.startsWith(redirectPrefix)) {
        m_demoRedirectUri = valueAfter(line, redirectPrefix);
        return true;
    }
    if (line.startsWith(userPrefix)) {
        m_demoUser = valueAfter(line, userPrefix);
        return true;
    }
    if (line.startsWith(passwordPrefix)) {
        m_demoPassword = valueAfter(line, passwordPrefix);
        return true;
    }
    return false;
}

void SandboxProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    m_process.reset();
}

bool SandboxProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl SandboxProcess::url(const QString &path) const
{
    return QUrl::fromEncoded(m_baseUrl.toEncoded() + path.toUtf8(), QUrl::StrictMode);
}

bool SandboxProcess::health()
{
    const auto response = m_http->get(url(QStringLiteral("/_sandbox/health")));
    return response.status == 200 && response.json().value("ok", false);
}

bool SandboxProcess::tick(int steps)
{
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/market/tick")), nlohmann::json {{"steps", steps}}));
}

bool SandboxProcess::setPrice(const QString &symbol, const QString &price)
{
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/market/price")),
        nlohmann::json {{"symbol", symbol.toStdString()}, {"price", price.toStdString()}}));
}

bool SandboxProcess::advanceClock(qint64 seconds)
{
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/clock")), nlohmann::json {{"advanceSeconds", seconds}}));
}

bool SandboxProcess::addFault(const QString &path, const QString &mode, int count, int status, const QString &method)
{
    nlohmann::json rule {{"path", path.toStdString()}, {"mode", mode.toStdString()}, {"count", count}};
    if (status != 0)
        rule["status"] = status;
    if (!method.isEmpty())
        rule["method"] = method.toStdString();
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/faults")), rule));
}

bool SandboxProcess::clearFaults()
{
    return isOk(m_http->del(url(QStringLiteral("/_sandbox/faults"))));
}

bool SandboxProcess::setConfig(const nlohmann::json &config)
{
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/config")), config));
}

nlohmann::json SandboxProcess::stats()
{
    const auto response = m_http->get(url(QStringLiteral("/_sandbox/stats")));
    if (!isOk(response))
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return response.json();
}

int SandboxProcess::requestCount(const QString &methodAndPath)
{
    const auto all = stats();
    if (!all.is_object() || !all.contains("requests") || !all["requests"].is_object())
        return 0;
    const auto &requests = all["requests"];
    const auto it = requests.find(methodAndPath.toStdString());
    return it != requests.end() && it->is_number_integer() ? it->get<int>() : 0;
}

int SandboxProcess::grantCount(const QString &grantType)
{
    const auto all = stats();
    if (!all.is_object() || !all.contains("grants") || !all["grants"].is_object())
        return 0;
    const auto &grants = all["grants"];
    const auto it = grants.find(grantType.toStdString());
    return it != grants.end() && it->is_number_integer() ? it->get<int>() : 0;
}

bool SandboxProcess::resetStats()
{
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/stats/reset")), QByteArrayLiteral("{}")));
}

nlohmann::json SandboxProcess::allOrders()
{
    const auto response = m_http->get(url(QStringLiteral("/_sandbox/orders")));
    if (!isOk(response))
        return nlohmann::json(nlohmann::json::value_t::discarded);
    auto body = response.json();
    if (body.is_object() && body.contains("orders"))
        return body["orders"];
    return body;
}

bool SandboxProcess::revokeTokens(const QString &email)
{
    nlohmann::json body = nlohmann::json::object();
    if (!email.isEmpty())
        body["email"] = email.toStdString();
    return isOk(m_http->postJson(url(QStringLiteral("/_sandbox/tokens/revoke")), body));
}

} // namespace Companion::Testing
