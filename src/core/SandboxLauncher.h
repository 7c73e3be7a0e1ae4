// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace Companion {

/**
 * Demo mode: runs the bundled aries-sandbox on a free loopback port and reports where it listens and
 * which demo client and user it offers. The sandbox stops with the app.
 */
class SandboxLauncher final : public QObject
{
    Q_OBJECT

public:
    struct Endpoint
    {
        QUrl baseUrl;
        QString clientId;
        QString email;
        QString password;
    };

    /** @p program is the path of aries-sandbox; @p arguments are added after "--port 0". */
    SandboxLauncher(QString program, QStringList arguments, QObject *parent = nullptr);
    ~SandboxLauncher() override;
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

    void start();
    bool isRunning() const;
    const Endpoint &endpoint() const { return m_endpoint; }

Q_SIGNALS:
    void ready(const Companion::SandboxLauncher::Endpoint &endpoint);
    /** The sandbox could not start or stopped; @p reason is for the user. */
    void failed(const QString &reason);

private:
    void onOutput();

    QString m_program;
    QStringList m_arguments;
    QPointer<QProcess> m_process;
    QByteArray m_buffer;
    Endpoint m_endpoint;
    QTimer m_startTimeout;
    bool m_ready = false;
};

} // namespace Companion
