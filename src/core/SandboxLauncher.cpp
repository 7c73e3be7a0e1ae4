// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxLauncher.h"

#include <QCoreApplication>

namespace Companion {

namespace {
constexpr int kStartTimeoutMs = 15000;
} // namespace

SandboxLauncher::SandboxLauncher(QString program, QStringList arguments, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        if (m_process) {
            m_process->kill();
        }
        Q_EMIT failed(tr("The Aries sandbox did not start within 15 seconds."));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

bool SandboxLauncher::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running && m_ready;
}

void SandboxLauncher::start()
{
    if (m_process) {
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    m_process->setArguments(QStringList {QStringLiteral("--port"), QStringLiteral("0")} + m_arguments);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onOutput);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_startTimeout.stop();
            Q_EMIT failed(
                tr("The Aries sandbox (%1) could not be started: %2").arg(m_program, m_process->errorString()));
        }
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        m_startTimeout.stop();
        m_ready = false;
        Q_EMIT failed(tr("The Aries sandbox stopped (exit code %1).").arg(exitCode));
    });
    m_startTimeout.start(kStartTimeoutMs);
    m_process->start();
}

void SandboxLauncher::onOutput()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype newline = -1;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(newline)).trimmed();
        m_buffer.remove(0, newline + 1);
        const auto value = [&line](const char *prefix) -> std::optional<QString> {
            const QLatin1String p(prefix);
            return line.startsWith(p) ? std::optional<QString>(line.mid(p.size()).trimmed()) : std::nullopt;
        };
        if (const auto url = value("listening on ")) {
            m_endpoint.baseUrl = QUrl(*url);
        } else if (const auto id = value("demo client id:")) {
            m_endpoint.clientId = *id;
        } else if (const auto email = value("demo user:")) {
            m_endpoint.email = *email;
        } else if (const auto password = value("demo password:")) {
            m_endpoint.password = *password;
        }
        // The sandbox prints its demo lines right after "listening on"; the password comes last.
        if (!m_ready && m_endpoint.baseUrl.isValid() && !m_endpoint.clientId.isEmpty()
            && !m_endpoint.password.isEmpty()) {
            m_ready = true;
            m_startTimeout.stop();
            Q_EMIT ready(m_endpoint);
        }
    }
}

} // namespace Companion
