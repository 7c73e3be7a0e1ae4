// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Companion::Testing;
using nlohmann::json;

class TestSandboxState final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restart_withStateFile_keepsOrdersPositionsAndTokens();
    void restart_withoutStateFile_forgetsEverything();

private:
    static QString marginAccount(SandboxProcess &sandbox, const QString &token);
    static QMap<QString, QString> quantities(SandboxProcess &sandbox, const QString &token, const QString &account);
};

QString TestSandboxState::marginAccount(SandboxProcess &sandbox, const QString &token)
{
    const auto body = sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me/accounts")), {bearer(token)}).json();
    if (!body.is_object() || !body["accounts"].is_array())
        return {};
    for (const auto &account : body["accounts"]) {
        if (jsonText(account, "account_class") == u"MARGIN")
            return jsonText(account, "sterling_account_id");
    }
    return {};
}

QMap<QString, QString> TestSandboxState::quantities(
    SandboxProcess &sandbox, const QString &token, const QString &account)
{
    QMap<QString, QString> result;
    const auto body = sandbox.http()
                          .get(sandbox.url(QStringLiteral("/v1/accounts/%1/positions").arg(account)), {bearer(token)})
                          .json();
    if (body.is_object() && body["positions"].is_array()) {
        for (const auto &position : body["positions"])
            result.insert(jsonText(position, "symbol"), jsonText(position, "quantity"));
    }
    return result;
}

void TestSandboxState::restart_withStateFile_keepsOrdersPositionsAndTokens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateFile = dir.filePath(QStringLiteral("sandbox-state.json"));
    const QStringList args {QStringLiteral("--state"), stateFile, QStringLiteral("--tick-ms"), QStringLiteral("0")};

    SandboxTokens tokens;
    QString account;
    QString filledId;
    QString restingId;
    QMap<QString, QString> heldBefore;
    {
        SandboxProcess first;
        QVERIFY2(first.start(args), qPrintable(first.errorString()));
        tokens = SandboxSignIn::signIn(first);
        QVERIFY(tokens.isValid());
        account = marginAccount(first, tokens.accessToken);
        QVERIFY(!account.isEmpty());

        const auto place = [&](const json &extra) {
            json body {{"tradingAccountId", account.toStdString()}, {"symbol", "KO"}, {"side", "BUY"}, {"qty", "3"},
                {"timeInForce", "GTC"}};
            body.update(extra);
            return first.http()
                .postJson(first.url(QStringLiteral("/v1/orders")), body, {bearer(tokens.accessToken)})
                .json();
        };
        const json filled = place(json {{"type", "MARKET"}});
        QCOMPARE(jsonText(filled, "status"), QStringLiteral("FILLED"));
        filledId = jsonText(filled, "clOrdId");
        const json resting = place(json {{"type", "LIMIT"}, {"price", "10.00"}});
        QCOMPARE(jsonText(resting, "status"), QStringLiteral("NEW"));
        restingId = jsonText(resting, "clOrdId");
        heldBefore = quantities(first, tokens.accessToken, account);
        QVERIFY(heldBefore.contains(QStringLiteral("KO")));
        first.stop();
    }

    // The file holds the state but no usable token.
    QFile file(stateFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(stateFile));
    const QByteArray saved = file.readAll();
    QVERIFY(!saved.isEmpty());
    QVERIFY(!saved.contains(tokens.accessToken.toUtf8()));
    QVERIFY(!saved.contains(tokens.refreshToken.toUtf8()));

    SandboxProcess second;
    QVERIFY2(second.start(args), qPrintable(second.errorString()));
    const auto me = second.http().get(second.url(QStringLiteral("/v1/users/me")), {bearer(tokens.accessToken)});
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(marginAccount(second, tokens.accessToken), account);
    QCOMPARE(quantities(second, tokens.accessToken, account), heldBefore);

    const json orders = second.allOrders();
    QVERIFY(orders.is_array());
    QStringList ids;
    for (const auto &order : orders) {
        ids.append(jsonText(order, "clOrdId"));
        if (jsonText(order, "clOrdId") == filledId)
            QCOMPARE(jsonText(order, "ordStatus"), QStringLiteral("FILLED"));
        if (jsonText(order, "clOrdId") == restingId)
            QCOMPARE(jsonText(order, "ordStatus"), QStringLiteral("NEW"));
    }
    QVERIFY(ids.contains(filledId));
    QVERIFY(ids.contains(restingId));

    // The resting order is still live: it can be cancelled, and new orders get new ids.
    const json cancel {
        {"origClOrdId", restingId.toStdString()}, {"tradingAccountId", account.toStdString()}, {"symbol", "KO"}};
    const auto cancelled =
        second.http()
            .postJson(second.url(QStringLiteral("/v1/orders/cancel")), cancel, {bearer(tokens.accessToken)})
            .json();
    QCOMPARE(jsonText(cancelled, "status"), QStringLiteral("CANCELED"));
    const json another {{"tradingAccountId", account.toStdString()}, {"symbol", "KO"}, {"side", "BUY"},
        {"type", "MARKET"}, {"qty", "1"}, {"timeInForce", "DAY"}};
    const auto placed =
        second.http().postJson(second.url(QStringLiteral("/v1/orders")), another, {bearer(tokens.accessToken)}).json();
    QCOMPARE(jsonText(placed, "status"), QStringLiteral("FILLED"));
    QVERIFY(!ids.contains(jsonText(placed, "clOrdId")));

    // The refresh token survived too.
    SandboxSignIn flow(second);
    const auto refreshed = flow.refresh(tokens.refreshToken, second.demoClientId());
    QVERIFY2(refreshed.status == 200, refreshed.describe().constData());
}

void TestSandboxState::restart_withoutStateFile_forgetsEverything()
{
    SandboxTokens tokens;
    {
        SandboxProcess first;
        QVERIFY2(first.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(first.errorString()));
        tokens = SandboxSignIn::signIn(first, {QStringLiteral("user:information")});
        QVERIFY(tokens.isValid());
    }
    SandboxProcess second;
    QVERIFY2(second.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(second.errorString()));
    const auto me = second.http().get(second.url(QStringLiteral("/v1/users/me")), {bearer(tokens.accessToken)});
    QCOMPARE(me.status, 401);
}

QTEST_GUILESS_MAIN(TestSandboxState)
#include "TestSandboxState.moc"
