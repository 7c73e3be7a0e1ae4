// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace Companion::Sandbox {

/** An answer of the REST API: HTTP status and JSON body. */
struct ApiReply
{
    int status = 200;
    nlohmann::json body;

    /** The error body the sandbox uses everywhere: {"error": code, "message": text}. */
    static ApiReply error(int status, const char *code, const QString &message)
    {
        return {status, nlohmann::json {{"error", code}, {"message", message.toStdString()}}};
    }
};

} // namespace Companion::Sandbox
