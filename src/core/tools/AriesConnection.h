// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aries/AriesEnvironment.h"

#include <QString>

namespace Companion::Aries {
class AriesClient;
}

namespace Companion::Tools {

/**
 * What the assistant's tools need from the app: the Aries client while the user is connected, and the
 * account to use when the model names none. The tray app implements it; tests give a small one over a
 * client signed in to the sandbox.
 *
 * The tool list never changes (Claude Desktop ignores list_changed), so tools ask this on every call
 * rather than being added when the user connects.
 */
class AriesConnection
{
public:
    virtual ~AriesConnection() = default;

    /** The client, or nullptr while the user is not connected to Aries (or the keychain is unavailable). */
    virtual Aries::AriesClient *client() = 0;
    /**
     * Why there is no client, in words for the model to pass on: how the user connects (or reconnects, or
     * unlocks the keychain). Only asked when client() is nullptr.
     */
    virtual QString notConnectedReason() const = 0;
    /** The trading account id chosen in settings; empty lets the tools use the only (or first) account. */
    virtual QString defaultAccountId() const = 0;
    /** Live Aries or the sandbox; every tool result says which. */
    virtual Aries::AriesEnvironment environment() const = 0;
};

} // namespace Companion::Tools
