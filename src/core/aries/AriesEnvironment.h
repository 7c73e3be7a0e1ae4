// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Companion::Aries {

/** Whether calls reach the real brokerage or the local simulator; every tool result says which. */
enum class AriesEnvironment {
    Live, ///< Real money: anything that is not the local simulator
    Sandbox, ///< aries-sandbox on this computer
};

/**
 * The environment behind an API base URL. Only a loopback address counts as the sandbox, because the
 * sandbox listens on 127.0.0.1 only; every other address is treated as live, so that an unfamiliar
 * address can never make real orders look like practice.
 */
AriesEnvironment environmentFor(const QUrl &baseUrl);
/** "live" or "sandbox". */
QString environmentName(AriesEnvironment environment);

} // namespace Companion::Aries
