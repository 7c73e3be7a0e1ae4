// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "aries/AriesError.h"
#include "aries/AriesTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

namespace Companion::Aries {

/**
 * Reads Aries' JSON answers into the types of AriesTypes.h. Fields Aries adds later are ignored; a field
 * the tools depend on that is missing or of the wrong type is a BadResponse error naming the field, so a
 * change on Aries' side shows up as a clear message rather than as a wrong number. Pure functions of the
 * bytes, with no network and no Qt event loop, so they can be fuzzed directly.
 */
class AriesParser final
{
public:
    AriesParser() = delete;

    static Expected<AriesUser, AriesError> user(QByteArrayView body);
    static Expected<QList<AriesAccount>, AriesError> accounts(QByteArrayView body);
    static Expected<AriesBalances, AriesError> balances(QByteArrayView body);
    static Expected<QList<AriesPosition>, AriesError> positions(QByteArrayView body);
    /** An order placement answer; success:false becomes a Rejected error carrying Aries' reason. */
    static Expected<AriesOrderAck, AriesError> orderAck(QByteArrayView body);
    static Expected<AriesOrderPreview, AriesError> orderPreview(QByteArrayView body);
    static Expected<AriesReplaceAck, AriesError> replaceAck(QByteArrayView body);
    static Expected<AriesCancelAck, AriesError> cancelAck(QByteArrayView body);
    static Expected<AriesOrderPage, AriesError> orderPage(QByteArrayView body);
    static Expected<QList<AriesSymbolMatch>, AriesError> symbolMatches(QByteArrayView body);
    static Expected<AriesLastTrade, AriesError> lastTrade(QByteArrayView body);
    static Expected<AriesLastQuote, AriesError> lastQuote(QByteArrayView body);
    static Expected<AriesPreviousBar, AriesError> previousBar(QByteArrayView body);
    /** Chart history answers HTTP 200 even for errors; s:"error" becomes InvalidRequest with errmsg. */
    static Expected<AriesChartHistory, AriesError> chartHistory(QByteArrayView body);

    /**
     * The account id the trading endpoints take, from one entry of the accounts list.
     *
     * Aries does not document which of the accounts-list fields this is (aries-api.md §2.1: the docs
     * only say "the account ID from User Accounts", with samples like "ACC123456"). The string
     * "sterling_account_id" is the most likely one and is what the sandbox uses ("SBX-10000001"). This
     * is the only place that decides it, so a correction after checking the live API is one line.
     */
    static QString tradingAccountId(const nlohmann::json &account);

    /** What an error answer says: Aries' {"error","message","requiredScopes"} body, all optional. */
    struct ErrorBody
    {
        QString code; ///< "insufficient_scope", "not_found", …
        QString message;
        QStringList requiredScopes;
    };
    static ErrorBody errorBody(QByteArrayView body);
};

} // namespace Companion::Aries
