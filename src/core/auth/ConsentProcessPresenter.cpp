// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ConsentProcessPresenter.h"

#include "Logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Companion::Auth {

namespace {

// How long a cancelled consent window gets to close itself (and QtWebEngine to shut down) before it is killed.
constexpr int kTerminateGraceMs = 3000;
// An answer is one short line; anything longer is not aries-consent talking.
constexpr qsizetype kMaxLineBytes = 64 * 1024;

// Stops a consent process we no longer listen to. SIGTERM first: aries-consent then closes its window as
// if the user had, and Chromium's helper processes go with it; SIGKILL only when that hangs. The process
// object outlives us if need be (no parent) and deletes itself once the process has ended.
void stopProcess(QProcess *process)
{
    process->setParent(nullptr);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    QTimer::singleShot(kTerminateGraceMs, process, [process] { process->kill(); });
    process->terminate();
}

} // namespace

ConsentProcessPresenter::ConsentProcessPresenter(QString program, QString environment, QObject *parent)
    : AuthorizationPresenter(parent)
    , m_program(std::move(program))
    , m_environment(std::move(environment))
{ }

ConsentProcessPresenter::~ConsentProcessPresenter()
{
    cancel();
}

void ConsentProcessPresenter::present(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    // One window at a time; the one being replaced reports nothing more.
    cancel();
    m_buffer.clear();
    m_reported = false;

    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(m_program);
    // Its stderr is diagnostics (Chromium's and ours) and goes where ours goes; stdout is the answer.
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(process, &QProcess::readyReadStandardOutput, this, &ConsentProcessPresenter::onReadyRead);
    connect(process, &QProcess::finished, this, &ConsentProcessPresenter::onFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        // Crashes come through finished(); only a start failure ends without it.
        if (error != QProcess::FailedToStart || process != m_process) {
            return;
        }
        const QString detail =
            tr("The sign-in window (%1) could not be started: %2").arg(m_program, process->errorString());
        qCWarning(lcAuth) << "consent window could not be started:" << process->errorString();
        m_process = nullptr;
        process->deleteLater();
        m_reported = true;
        Q_EMIT failed(AuthError {AuthError::Code::ConsentFailed, detail});
    });

    qCInfo(lcAuth) << "opening the consent window";
    process->start(QIODevice::ReadWrite);
    if (process != m_process || process->state() == QProcess::NotRunning) {
        return; // failed to start, already reported
    }
    // The URL goes on stdin, never in argv, so other users cannot read it in the process list. stdin stays
    // open: aries-consent reads exactly one line and never waits for the end of the stream.
    const QJsonObject request {
        {QStringLiteral("authorizationUrl"), authorizationUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("redirectUri"), redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("environment"), m_environment},
    };
    process->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

void ConsentProcessPresenter::cancel()
{
    if (!m_process) {
        return;
    }
    QProcess *process = m_process;
    m_process = nullptr;
    m_reported = true;
    m_buffer.clear();
    disconnect(process, nullptr, this, nullptr);
    stopProcess(process);
}

bool ConsentProcessPresenter::isPresenting() const
{
    return m_process && !m_reported;
}

void ConsentProcessPresenter::onReadyRead()
{
    const QPointer<QProcess> process = m_process;
    if (!process) {
        return;
    }
    m_buffer += process->readAllStandardOutput();
    // A signal emitted from handleLine() may lead the receiver to cancel() or present() again; stop as
    // soon as the process we were reading is no longer ours.
    qsizetype newline = -1;
    while (process == m_process && !m_reported && (newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (!line.isEmpty()) {
            handleLine(line);
        }
    }
    if (process == m_process && !m_reported && m_buffer.size() > kMaxLineBytes) {
        handleLine(QByteArray()); // reported as an unreadable answer
    }
}

void ConsentProcessPresenter::onFinished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *process = m_process;
    if (!process) {
        return;
    }
    // The answer may still sit in the pipe, or lack its newline.
    onReadyRead();
    if (process != m_process) {
        return;
    }
    if (!m_reported && !m_buffer.trimmed().isEmpty()) {
        handleLine(m_buffer.trimmed());
        if (process != m_process) {
            return;
        }
    }
    m_process = nullptr;
    m_buffer.clear();
    process->deleteLater();
    if (m_reported) {
        return;
    }
    m_reported = true;
    const QString detail = status == QProcess::CrashExit
        ? tr("The sign-in window (%1) crashed.").arg(m_program)
        : tr("The sign-in window (%1) ended without an answer (exit code %2).").arg(m_program).arg(exitCode);
    qCWarning(lcAuth) << "consent window ended without an answer; crashed:" << (status == QProcess::CrashExit)
                      << "exit code:" << exitCode;
    Q_EMIT failed(AuthError {AuthError::Code::ConsentFailed, detail});
}

void ConsentProcessPresenter::handleLine(const QByteArray &line)
{
    if (m_reported) {
        return;
    }
    m_reported = true;

    const QJsonObject answer = QJsonDocument::fromJson(line).object();
    const QString redirect = answer.value(QStringLiteral("redirect")).toString();
    const QString error = answer.value(QStringLiteral("error")).toString();
    const QString detail = answer.value(QStringLiteral("detail")).toString();

    if (!redirect.isEmpty()) {
        const QUrl url(redirect, QUrl::StrictMode);
        if (url.isValid()) {
            // The URL carries the code: log that it came, never what it is.
            qCInfo(lcAuth) << "consent window returned the redirect";
            Q_EMIT redirectCaptured(url);
            return;
        }
    } else if (error == QLatin1String("cancelled")) {
        qCInfo(lcAuth) << "consent window closed by the user";
        Q_EMIT failed(AuthError {AuthError::Code::Cancelled, {}});
        return;
    } else if (error == QLatin1String("redirect_uri_mismatch") || error == QLatin1String("invalid_client")) {
        qCInfo(lcAuth) << "the authorization page showed" << error;
        // The page's own text stays out of our message: the user saw it, and ours says what to do.
        Q_EMIT failed(AuthError::fromOAuthError(error));
        return;
    } else if (error == QLatin1String("load_failed")) {
        qCInfo(lcAuth) << "the authorization page could not be loaded:" << detail;
        Q_EMIT failed(AuthError {AuthError::Code::Network, detail});
        return;
    }
    qCWarning(lcAuth) << "consent window gave an answer this version does not understand";
    Q_EMIT failed(AuthError {AuthError::Code::ConsentFailed,
        tr("The sign-in window (%1) gave an answer this version does not understand.").arg(m_program)});
}

} // namespace Companion::Auth
