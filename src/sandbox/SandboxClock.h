// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace Companion::Sandbox {

/**
 * The sandbox's idea of now: the real UTC time plus an offset that the control API can move forward,
 * so tests can expire codes, tokens and DAY orders without waiting for them.
 */
class SandboxClock final
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }
    void advance(qint64 seconds) { m_offsetSeconds += seconds; }
    qint64 offsetSeconds() const { return m_offsetSeconds; }
    void setOffsetSeconds(qint64 seconds) { m_offsetSeconds = seconds; }

private:
    qint64 m_offsetSeconds = 0;
};

} // namespace Companion::Sandbox
