// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StaticTokenSource.h"

#include <QTimer>

#include <utility>

namespace Companion::Testing {

StaticTokenSource::StaticTokenSource(QString token)
    : m_token(std::move(token))
{ }

void StaticTokenSource::withAccessToken(QObject *context, TokenCallback callback)
{
    const QString token = m_token;
    QTimer::singleShot(0, context, [callback, token]() { callback(token); });
}

void StaticTokenSource::reportUnauthorized(const QString &, QObject *context, TokenCallback callback)
{
    QTimer::singleShot(0, context, [callback]() {
        callback(Unexpected(Auth::AuthError {Auth::AuthError::Code::InvalidGrant, {}}));
    });
}

} // namespace Companion::Testing
