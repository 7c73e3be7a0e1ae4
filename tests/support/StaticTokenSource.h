// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AccessTokenSource.h"

#include <QString>

namespace Companion::Testing {

/**
 * Hands out one fixed access token (from a sandbox sign-in), through the event loop as TokenManager
 * does; a 401 is reported as a sign-in that has to be redone.
 */
class StaticTokenSource final : public Auth::AccessTokenSource
{
public:
    explicit StaticTokenSource(QString token = {});

    void setToken(const QString &token) { m_token = token; }
    void withAccessToken(QObject *context, TokenCallback callback) override;
    void reportUnauthorized(const QString &rejectedToken, QObject *context, TokenCallback callback) override;

private:
    QString m_token;
};

} // namespace Companion::Testing
