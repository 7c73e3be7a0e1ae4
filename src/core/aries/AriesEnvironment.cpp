// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesEnvironment.h"

#include <QHostAddress>

namespace Companion::Aries {

AriesEnvironment environmentFor(const QUrl &baseUrl)
{
    const QString host = baseUrl.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return AriesEnvironment::Sandbox;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback() ? AriesEnvironment::Sandbox : AriesEnvironment::Live;
}

QString environmentName(AriesEnvironment environment)
{
    return environment == AriesEnvironment::Sandbox ? QStringLiteral("sandbox") : QStringLiteral("live");
}

} // namespace Companion::Aries
