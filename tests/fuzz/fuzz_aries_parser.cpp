// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Aries' answers (AriesParser) and error bodies (AriesParser::errorBody, AriesError's messages), and the
// HTTP/1.1 answers they arrive in (HttpAnswerParser, which reads whatever the server's connection carries).
//
// Input: one byte that picks the endpoint's parser (modulo their number), then the HTTP body. Every body also
// goes through errorBody(), since the client reads any non-2xx answer that way.
//
// Invariants: every amount read is a Decimal that prints and parses back to itself (money never passes
// through double, so it must survive the text that tools show the model); a Rejected or InvalidRequest error
// keeps Aries' reason; every error renders its message and kind name. The whole input read as a connection's
// bytes gives the same answer whether it arrives at once or in two pieces, a complete body is never longer
// than what arrived, and only a complete answer leaves the connection reusable.
#include "FuzzSupport.h"

#include "Decimal.h"
#include "aries/AriesError.h"
#include "aries/AriesParser.h"
#include "aries/HttpAnswerParser.h"

#include <QByteArrayView>

#include <algorithm>
#include <optional>

namespace {

using namespace Companion;
using namespace Companion::Aries;

void checkDecimal(const Decimal &value)
{
    const auto again = Decimal::parse(value.toString());
    COMPANION_FUZZ_CHECK(again.has_value() && *again == value, "an amount prints and parses back to itself");
}

void checkDecimal(const std::optional<Decimal> &value)
{
    if (value) {
        checkDecimal(*value);
    }
}

void checkBar(const AriesBar &bar)
{
    checkDecimal(bar.open);
    checkDecimal(bar.high);
    checkDecimal(bar.low);
    checkDecimal(bar.close);
}

void checkError(const AriesError &error)
{
    COMPANION_FUZZ_CHECK(!error.message().isEmpty(), "every error has a message");
    COMPANION_FUZZ_CHECK(!error.kindName().isEmpty(), "every error has a kind name");
    (void)error.isTransient();
}

template <typename T, typename Check> void run(const Expected<T, AriesError> &result, Check check)
{
    if (result) {
        check(*result);
    } else {
        checkError(result.error());
    }
}

void parse(uint8_t which, QByteArrayView body)
{
    switch (which % 14) {
    case 0: run(AriesParser::user(body), [](const AriesUser &) {}); break;
    case 1: run(AriesParser::accounts(body), [](const QList<AriesAccount> &) {}); break;
    case 2:
        run(AriesParser::balances(body), [](const AriesBalances &b) {
            checkDecimal(b.stockBuyingPower);
            checkDecimal(b.totalEquity);
            checkDecimal(b.settledFunds);
            checkDecimal(b.netBuyingPower);
            checkDecimal(b.dayTradeBuyingPower);
            checkDecimal(b.optionBuyingPower);
            checkDecimal(b.unsettledFunds);
            checkDecimal(b.startOfDayCash);
            checkDecimal(b.realizedPl);
            checkDecimal(b.unrealizedPl);
            checkDecimal(b.maintReq);
            checkDecimal(b.pendingOrdersMarginRequirements);
        });
        break;
    case 3:
        run(AriesParser::positions(body), [](const QList<AriesPosition> &positions) {
            for (const AriesPosition &p : positions) {
                checkDecimal(p.quantity);
                checkDecimal(p.averagePrice);
                checkDecimal(p.unrealizedPl);
                checkDecimal(p.dailyPl);
                checkDecimal(p.todayRealizedPl);
            }
        });
        break;
    case 4: {
        const auto ack = AriesParser::orderAck(body);
        if (!ack && ack.error().kind == AriesError::Kind::Rejected) {
            COMPANION_FUZZ_CHECK(ack.error().message().contains(ack.error().detail), "a rejection keeps its reason");
        }
        run(ack, [](const AriesOrderAck &a) {
            checkDecimal(a.quantity);
            checkDecimal(a.filledQuantity);
            checkDecimal(a.leavesQuantity);
            checkDecimal(a.averagePrice);
        });
        break;
    }
    case 5:
        run(AriesParser::orderPreview(body), [](const AriesOrderPreview &p) {
            checkDecimal(p.estimatedCost);
            checkDecimal(p.estimatedMargin);
            checkDecimal(p.commission);
            checkDecimal(p.fees);
            checkDecimal(p.buyingPowerImpact);
        });
        break;
    case 6:
        run(AriesParser::replaceAck(body), [](const AriesReplaceAck &a) {
            checkDecimal(a.quantity);
            checkDecimal(a.price);
        });
        break;
    case 7: run(AriesParser::cancelAck(body), [](const AriesCancelAck &) {}); break;
    case 8:
        run(AriesParser::orderPage(body), [](const AriesOrderPage &page) {
            for (const AriesOrder &o : page.orders) {
                checkDecimal(o.quantity);
                checkDecimal(o.limitPrice);
                checkDecimal(o.stopPrice);
                checkDecimal(o.filledQuantity);
                checkDecimal(o.leavesQuantity);
                checkDecimal(o.averagePrice);
            }
        });
        break;
    case 9: run(AriesParser::symbolMatches(body), [](const QList<AriesSymbolMatch> &) {}); break;
    case 10: run(AriesParser::lastTrade(body), [](const AriesLastTrade &t) { checkDecimal(t.price); }); break;
    case 11:
        run(AriesParser::lastQuote(body), [](const AriesLastQuote &q) {
            checkDecimal(q.bidPrice);
            checkDecimal(q.askPrice);
        });
        break;
    case 12:
        run(AriesParser::previousBar(body), [](const AriesPreviousBar &p) {
            if (p.bar) {
                checkBar(*p.bar);
            }
            checkDecimal(p.vwap);
        });
        break;
    case 13: {
        const auto history = AriesParser::chartHistory(body);
        run(history, [](const AriesChartHistory &h) {
            COMPANION_FUZZ_CHECK(!h.noData || h.bars.isEmpty(), "no_data comes without bars");
            for (const AriesBar &bar : h.bars) {
                checkBar(bar);
            }
        });
        break;
    }
    }
}

void readAsConnection(QByteArrayView bytes, qsizetype split)
{
    HttpAnswerParser whole(4096);
    HttpAnswerParser pieces(4096);
    const HttpAnswerParser::State atOnce = whole.feed(bytes);
    split = std::min(split, bytes.size());
    HttpAnswerParser::State inTwo = pieces.feed(bytes.first(split));
    if (inTwo == HttpAnswerParser::State::Incomplete) {
        inTwo = pieces.feed(bytes.sliced(split));
    }
    COMPANION_FUZZ_CHECK(atOnce == inTwo, "an answer reads the same at once and in pieces");
    if (atOnce == HttpAnswerParser::State::Complete) {
        COMPANION_FUZZ_CHECK(whole.status() == pieces.status() && whole.body() == pieces.body(),
            "the same status and body at once and in pieces");
        COMPANION_FUZZ_CHECK(whole.body().size() <= bytes.size(), "a body is never longer than what arrived");
    } else {
        COMPANION_FUZZ_CHECK(!whole.reusable(), "only a complete answer leaves the connection reusable");
    }
    const HttpAnswerParser::State closed = whole.finishAtClose();
    COMPANION_FUZZ_CHECK(atOnce != HttpAnswerParser::State::Complete || closed == atOnce,
        "a complete answer stays complete when the connection closes");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Companion::Fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const QByteArrayView body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    parse(data[0], body);
    // Any non-2xx answer is read this way, whatever the endpoint.
    const AriesParser::ErrorBody error = AriesParser::errorBody(body);
    AriesError described = AriesError::make(AriesError::Kind::InsufficientScope, error.message, 403);
    described.scope = error.requiredScopes.isEmpty() ? QString() : error.requiredScopes.constFirst();
    checkError(described);
    readAsConnection(body, qsizetype(data[0]));
    return 0;
}
