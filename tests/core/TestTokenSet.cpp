// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/TokenSet.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion::Auth;
using nlohmann::json;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-03-01T12:00:00.250Z"), Qt::ISODate);
/** Marks "expected invalid (not given)" in the tables' second counts. */
constexpr qint64 kNoExpiry = -1;

TokenSet previousSet()
{
    TokenSet previous;
    previous.accessToken = QStringLiteral("old-access");
    previous.refreshToken = QStringLiteral("old-refresh");
    previous.accessExpiresAt = kNow.addSecs(-10);
    previous.refreshExpiresAt = kNow.addSecs(1000);
    previous.obtainedAt = kNow.addSecs(-3610);
    previous.connectedSince = kNow.addDays(-3);
    previous.scopes = {QStringLiteral("user:information"), QStringLiteral("market:information")};
    return previous;
}

TokenSet fullSet()
{
    TokenSet tokens;
    tokens.accessToken = QStringLiteral("access \"quoted\" é");
    tokens.refreshToken = QStringLiteral("refresh-1");
    tokens.accessExpiresAt = kNow.addSecs(3600);
    tokens.refreshExpiresAt = kNow.addSecs(2592000);
    tokens.obtainedAt = kNow;
    tokens.connectedSince = kNow.addDays(-1);
    tokens.scopes = {QStringLiteral("user:information"), QStringLiteral("order:execution")};
    return tokens;
}

QByteArray dumped(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

json validBlobJson()
{
    const QByteArray blob = fullSet().toKeychainBlob();
    return json::parse(blob.constData(), blob.constData() + blob.size(), nullptr, false);
}

void verifySameTokens(const TokenSet &actual, const TokenSet &expected)
{
    QCOMPARE(actual.accessToken, expected.accessToken);
    QCOMPARE(actual.refreshToken, expected.refreshToken);
    QCOMPARE(actual.accessExpiresAt, expected.accessExpiresAt);
    QCOMPARE(actual.refreshExpiresAt.isValid(), expected.refreshExpiresAt.isValid());
    if (expected.refreshExpiresAt.isValid()) {
        QCOMPARE(actual.refreshExpiresAt, expected.refreshExpiresAt);
    }
    QCOMPARE(actual.obtainedAt, expected.obtainedAt);
    QCOMPARE(actual.connectedSince, expected.connectedSince);
    QCOMPARE(actual.scopes, expected.scopes);
}

} // namespace

class TestTokenSet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromTokenResponse_validBody_readsFields_data();
    void fromTokenResponse_validBody_readsFields();
    void fromTokenResponse_malformedBody_isServerError_data();
    void fromTokenResponse_malformedBody_isServerError();
    void fromTokenResponse_nowNotUtc_storesUtc();
    void toKeychainBlob_any_isCompactVersionedJson();
    void keychainBlob_roundTrip_keepsEverything_data();
    void keychainBlob_roundTrip_keepsEverything();
    void fromKeychainBlob_malformed_isNullopt_data();
    void fromKeychainBlob_malformed_isNullopt();
};

void TestTokenSet::fromTokenResponse_validBody_readsFields_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("withPrevious");
    QTest::addColumn<QString>("access");
    QTest::addColumn<QString>("refresh");
    QTest::addColumn<qint64>("accessSeconds");
    QTest::addColumn<qint64>("refreshSeconds"); // kNoExpiry: invalid; otherwise seconds after kNow
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<bool>("connectedKept");

    const QStringList previousScopes = previousSet().scopes;
    QTest::newRow("documented example") << QByteArray(
        R"({"access_token":"a1","token_type":"Bearer","expires_in":3600,"refresh_token":"r1",)"
        R"("refresh_token_expires_in":2592000,"scope":"user:information account:information"})")
                                        << false << QStringLiteral("a1") << QStringLiteral("r1") << qint64(3600)
                                        << qint64(2592000)
                                        << QStringList {QStringLiteral("user:information"),
                                               QStringLiteral("account:information")}
                                        << false;
    QTest::newRow("only access_token: one hour, nothing else")
        << QByteArray(R"({"access_token":"a1"})") << false << QStringLiteral("a1") << QString() << qint64(3600)
        << kNoExpiry << QStringList() << false;
    QTest::newRow("token_type lower case")
        << QByteArray(R"({"access_token":"a1","token_type":"bearer"})") << false << QStringLiteral("a1") << QString()
        << qint64(3600) << kNoExpiry << QStringList() << false;
    QTest::newRow("token_type upper case")
        << QByteArray(R"({"access_token":"a1","token_type":"BEARER"})") << false << QStringLiteral("a1") << QString()
        << qint64(3600) << kNoExpiry << QStringList() << false;
    QTest::newRow("nulls mean not sent") << QByteArray(
        R"({"access_token":"a1","token_type":null,"expires_in":null,"refresh_token":null,)"
        R"("refresh_token_expires_in":null,"scope":null})")
                                         << false << QStringLiteral("a1") << QString() << qint64(3600) << kNoExpiry
                                         << QStringList() << false;
    QTest::newRow("fractional expires_in")
        << QByteArray(R"({"access_token":"a1","expires_in":120.9})") << false << QStringLiteral("a1") << QString()
        << qint64(120) << kNoExpiry << QStringList() << false;
    QTest::newRow("zero expires_in") << QByteArray(R"({"access_token":"a1","expires_in":0})") << false
                                     << QStringLiteral("a1") << QString() << qint64(0) << kNoExpiry << QStringList()
                                     << false;
    QTest::newRow("absurd expires_in is capped at ten years")
        << QByteArray(R"({"access_token":"a1","expires_in":1e300,"refresh_token":"r1",)"
                      R"("refresh_token_expires_in":18446744073709551615})")
        << false << QStringLiteral("a1") << QStringLiteral("r1") << qint64(10) * 366 * 24 * 3600
        << qint64(10) * 366 * 24 * 3600 << QStringList() << false;
    QTest::newRow("extra spaces in scope")
        << QByteArray(R"({"access_token":"a1","scope":"  user:information   order:execution "})") << false
        << QStringLiteral("a1") << QString() << qint64(3600) << kNoExpiry
        << QStringList {QStringLiteral("user:information"), QStringLiteral("order:execution")} << false;
    QTest::newRow("unknown fields ignored")
        << QByteArray(R"({"access_token":"a1","id_token":{"x":1},"extra":[1,2]})") << false << QStringLiteral("a1")
        << QString() << qint64(3600) << kNoExpiry << QStringList() << false;
    QTest::newRow("refresh without refresh_token keeps the old one, its expiry and the scopes")
        << QByteArray(R"({"access_token":"a2","expires_in":600})") << true << QStringLiteral("a2")
        << QStringLiteral("old-refresh") << qint64(600) << qint64(1000) << previousScopes << true;
    QTest::newRow("empty refresh_token and scope count as not sent")
        << QByteArray(R"({"access_token":"a2","refresh_token":"","scope":""})") << true << QStringLiteral("a2")
        << QStringLiteral("old-refresh") << qint64(3600) << qint64(1000) << previousScopes << true;
    QTest::newRow("rotated refresh token with its lifetime")
        << QByteArray(R"({"access_token":"a2","refresh_token":"r2","refresh_token_expires_in":50,"scope":"x:y"})")
        << true << QStringLiteral("a2") << QStringLiteral("r2") << qint64(3600) << qint64(50)
        << QStringList {QStringLiteral("x:y")} << true;
    QTest::newRow("rotated refresh token without lifetime: expiry unknown")
        << QByteArray(R"({"access_token":"a2","refresh_token":"r2"})") << true << QStringLiteral("a2")
        << QStringLiteral("r2") << qint64(3600) << kNoExpiry << previousScopes << true;
}

void TestTokenSet::fromTokenResponse_validBody_readsFields()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, withPrevious);
    QFETCH(QString, access);
    QFETCH(QString, refresh);
    QFETCH(qint64, accessSeconds);
    QFETCH(qint64, refreshSeconds);
    QFETCH(QStringList, scopes);
    QFETCH(bool, connectedKept);

    const TokenSet previous = previousSet();
    const auto result = TokenSet::fromTokenResponse(body, kNow, withPrevious ? &previous : nullptr);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().detail));
    const TokenSet &tokens = *result;
    QCOMPARE(tokens.accessToken, access);
    QCOMPARE(tokens.refreshToken, refresh);
    QCOMPARE(tokens.obtainedAt, kNow);
    QCOMPARE(tokens.accessExpiresAt, kNow.addSecs(accessSeconds));
    QCOMPARE(tokens.accessExpiresAt.timeSpec(), Qt::UTC);
    if (refreshSeconds == kNoExpiry) {
        QVERIFY(!tokens.refreshExpiresAt.isValid());
    } else {
        QCOMPARE(tokens.refreshExpiresAt, kNow.addSecs(refreshSeconds));
    }
    QCOMPARE(tokens.scopes, scopes);
    QCOMPARE(tokens.connectedSince, connectedKept ? previous.connectedSince : kNow);
    QCOMPARE(tokens.hasRefreshToken(), !refresh.isEmpty());
}

void TestTokenSet::fromTokenResponse_malformedBody_isServerError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>");
    QTest::newRow("truncated JSON") << QByteArray(R"({"access_token":"a1","expires_in":36)");
    QTest::newRow("JSON array") << QByteArray(R"([{"access_token":"a1"}])");
    QTest::newRow("JSON string") << QByteArray(R"("a1")");
    QTest::newRow("JSON null") << QByteArray("null");
    QTest::newRow("no access_token") << QByteArray(R"({"token_type":"Bearer","refresh_token":"r1"})");
    QTest::newRow("access_token null") << QByteArray(R"({"access_token":null})");
    QTest::newRow("access_token empty") << QByteArray(R"({"access_token":""})");
    QTest::newRow("access_token number") << QByteArray(R"({"access_token":12345})");
    QTest::newRow("access_token object") << QByteArray(R"({"access_token":{"value":"a1"}})");
    QTest::newRow("token_type MAC") << QByteArray(R"({"access_token":"a1","token_type":"mac"})");
    QTest::newRow("token_type empty") << QByteArray(R"({"access_token":"a1","token_type":""})");
    QTest::newRow("token_type number") << QByteArray(R"({"access_token":"a1","token_type":1})");
    QTest::newRow("expires_in string") << QByteArray(R"({"access_token":"a1","expires_in":"3600"})");
    QTest::newRow("expires_in negative") << QByteArray(R"({"access_token":"a1","expires_in":-5})");
    QTest::newRow("expires_in boolean") << QByteArray(R"({"access_token":"a1","expires_in":true})");
    QTest::newRow("refresh_token number") << QByteArray(R"({"access_token":"a1","refresh_token":7})");
    QTest::newRow("refresh_token_expires_in string")
        << QByteArray(R"({"access_token":"a1","refresh_token":"r1","refresh_token_expires_in":"soon"})");
    QTest::newRow("scope array") << QByteArray(R"({"access_token":"a1","scope":["user:information"]})");
}

void TestTokenSet::fromTokenResponse_malformedBody_isServerError()
{
    QFETCH(QByteArray, body);
    const TokenSet previous = previousSet();
    for (const TokenSet *prev : {static_cast<const TokenSet *>(nullptr), &previous}) {
        const auto result = TokenSet::fromTokenResponse(body, kNow, prev);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, AuthError::Code::ServerError);
        QVERIFY(!result.error().detail.isEmpty());
        // The detail may reach a log or the screen: it must never repeat what the server sent.
        QVERIFY(!result.error().detail.contains(QStringLiteral("a1")));
        QVERIFY(!result.error().detail.contains(QStringLiteral("r1")));
    }
}

void TestTokenSet::fromTokenResponse_nowNotUtc_storesUtc()
{
    const QDateTime localNow = kNow.toLocalTime();
    const auto result = TokenSet::fromTokenResponse(QByteArrayLiteral(R"({"access_token":"a1"})"), localNow);
    QVERIFY(result.has_value());
    QCOMPARE(result->obtainedAt.timeSpec(), Qt::UTC);
    QCOMPARE(result->connectedSince.timeSpec(), Qt::UTC);
    QCOMPARE(result->obtainedAt, kNow);
}

void TestTokenSet::toKeychainBlob_any_isCompactVersionedJson()
{
    const QByteArray blob = fullSet().toKeychainBlob();
    QVERIFY(!blob.contains('\n'));
    QVERIFY(!blob.contains("\": "));
    QVERIFY(!blob.contains(", \""));
    const json root = json::parse(blob.constData(), blob.constData() + blob.size(), nullptr, false);
    QVERIFY(root.is_object());
    QVERIFY(root.contains("v"));
    QVERIFY(root["v"].is_number_integer());
    QCOMPARE(root["v"].get<int>(), 1);
}

void TestTokenSet::keychainBlob_roundTrip_keepsEverything_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("everything set") << 0;
    QTest::newRow("refresh expiry unknown") << 1;
    QTest::newRow("no scopes") << 2;
    QTest::newRow("no refresh token") << 3;
    QTest::newRow("from a token response") << 4;
}

void TestTokenSet::keychainBlob_roundTrip_keepsEverything()
{
    QFETCH(int, variant);
    TokenSet tokens = fullSet();
    switch (variant) {
    case 1: tokens.refreshExpiresAt = {}; break;
    case 2: tokens.scopes.clear(); break;
    case 3:
        tokens.refreshToken.clear();
        tokens.refreshExpiresAt = {};
        break;
    case 4: {
        const auto parsed = TokenSet::fromTokenResponse(
            QByteArrayLiteral(R"({"access_token":"a1","refresh_token":"r1","refresh_token_expires_in":99,)"
                              R"("scope":"user:information"})"),
            QDateTime::currentDateTimeUtc());
        QVERIFY(parsed.has_value());
        tokens = *parsed;
        break;
    }
    default: break;
    }
    const auto restored = TokenSet::fromKeychainBlob(tokens.toKeychainBlob());
    QVERIFY(restored.has_value());
    verifySameTokens(*restored, tokens);
    // Writing it again gives the same bytes: nothing is lost or reordered.
    QCOMPARE(restored->toKeychainBlob(), tokens.toKeychainBlob());
}

void TestTokenSet::fromKeychainBlob_malformed_isNullopt_data()
{
    QTest::addColumn<QByteArray>("blob");
    const json valid = validBlobJson();
    QVERIFY(valid.is_object());
    auto without = [&valid](const char *key) {
        json copy = valid;
        copy.erase(key);
        return dumped(copy);
    };
    auto with = [&valid](const char *key, const json &value) {
        json copy = valid;
        copy[key] = value;
        return dumped(copy);
    };

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("access-token-only");
    QTest::newRow("truncated") << dumped(valid).chopped(2);
    QTest::newRow("trailing garbage") << QByteArray(dumped(valid) + "x");
    QTest::newRow("JSON null") << QByteArray("null");
    QTest::newRow("JSON array") << QByteArray("[]");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("no version") << without("v");
    QTest::newRow("version 2") << with("v", 2);
    QTest::newRow("version 0") << with("v", 0);
    QTest::newRow("version as string") << with("v", "1");
    QTest::newRow("version 1.5") << with("v", 1.5);
    QTest::newRow("no access_token") << without("access_token");
    QTest::newRow("access_token number") << with("access_token", 5);
    QTest::newRow("no refresh_token") << without("refresh_token");
    QTest::newRow("refresh_token null") << with("refresh_token", nullptr);
    QTest::newRow("both tokens empty") << [&valid] {
        json copy = valid;
        copy["access_token"] = "";
        copy["refresh_token"] = "";
        return dumped(copy);
    }();
    QTest::newRow("no access_expires_at") << without("access_expires_at");
    QTest::newRow("access_expires_at string") << with("access_expires_at", "2026-03-01T12:00:00Z");
    QTest::newRow("access_expires_at fraction") << with("access_expires_at", 1.5);
    QTest::newRow("no obtained_at") << without("obtained_at");
    QTest::newRow("obtained_at null") << with("obtained_at", nullptr);
    QTest::newRow("no connected_since") << without("connected_since");
    QTest::newRow("refresh_expires_at string") << with("refresh_expires_at", "later");
    QTest::newRow("no scopes") << without("scopes");
    QTest::newRow("scopes string") << with("scopes", "user:information");
    QTest::newRow("scope not a string") << with("scopes", json::array({"user:information", 3}));
}

void TestTokenSet::fromKeychainBlob_malformed_isNullopt()
{
    QFETCH(QByteArray, blob);
    QVERIFY(!TokenSet::fromKeychainBlob(blob).has_value());
}

QTEST_GUILESS_MAIN(TestTokenSet)
#include "TestTokenSet.moc"
