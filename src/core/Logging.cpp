// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

Q_LOGGING_CATEGORY(lcAuth, "companion.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "companion.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAries, "companion.aries", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMcp, "companion.mcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTools, "companion.tools", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApproval, "companion.approval", QtInfoMsg)
