// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace Companion::Sandbox {

/** Everything aries-sandbox can be told on its command line (docs/sandbox.md). */
struct SandboxOptions
{
    struct User
    {
        QString email;
        QString password;
    };
    struct Client
    {
        QString id;
        QString redirectUri;
        bool active = true;
    };

    quint16 port = 0;
    quint64 seed = 1;
    QList<User> users;
    QList<Client> clients;
    qint64 accessTtlSeconds = 3600;
    qint64 refreshTtlSeconds = 2592000;
    int positions = 8;
    int tickMs = 1000;
    int latencyMs = 0;
    double failRate = 0;
    int rateLimit = 0;
    QString stateFile;
    /** Sign-in and permission pages submit themselves with the demo account and Allow (tests, unattended demos). */
    bool autoConsent = false;
    bool revocation = false;
    /** Keep codes, verifiers and tokens in plain text for GET /_sandbox/secrets (leak tests only). */
    bool recordSecrets = false;

    /** Declares the options on @p parser (with --help and --version). */
    static void addTo(QCommandLineParser &parser);
    /** Reads them back from a parser that has processed the arguments; an error text names the bad flag. */
    static Expected<SandboxOptions, QString> from(const QCommandLineParser &parser);
};

} // namespace Companion::Sandbox
