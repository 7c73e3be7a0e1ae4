// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationPresenter.h"

#include <QByteArray>
#include <QPointer>
#include <QProcess>

namespace Companion::Auth {

/**
 * Runs aries-consent to show the sign-in page.
 *
 * Protocol (one JSON object per line, UTF-8):
 *   to its stdin:    {"authorizationUrl": URL, "redirectUri": URL, "environment": "Aries" | "Sandbox"}
 *   from its stdout: {"redirect": URL}                       the caught redirect (code/state or error/state)
 *                    {"error": "cancelled"}                  the window was closed
 *                    {"error": "redirect_uri_mismatch" | "invalid_client", "detail": text}
 *                                                            the page showed this OAuth error
 *                    {"error": "load_failed", "detail": text} the page could not be loaded
 * The URL travels on stdin rather than argv so it never shows in a process list. The PKCE verifier
 * and the tokens never enter that process.
 */
class ConsentProcessPresenter final : public AuthorizationPresenter
{
    Q_OBJECT

public:
    /** @p program is the path of aries-consent; @p environment is shown in its window title. */
    ConsentProcessPresenter(QString program, QString environment, QObject *parent = nullptr);
    ~ConsentProcessPresenter() override;
    Q_DISABLE_COPY_MOVE(ConsentProcessPresenter)

    void setEnvironment(const QString &environment) { m_environment = environment; }
    void present(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void cancel() override;
    bool isPresenting() const override;

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void handleLine(const QByteArray &line);

    QString m_program;
    QString m_environment;
    QPointer<QProcess> m_process;
    QByteArray m_buffer;
    bool m_reported = false;
};

} // namespace Companion::Auth
