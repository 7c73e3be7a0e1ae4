// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/AuthError.h"

#include <QSet>
#include <QTest>

using namespace Companion::Auth;
using Code = AuthError::Code;

Q_DECLARE_METATYPE(Companion::Auth::AuthError::Code)

namespace {

const QList<Code> kAllCodes {Code::RedirectUriMismatch, Code::InvalidClient, Code::InvalidGrant, Code::AccessDenied,
    Code::InvalidScope, Code::InvalidRequest, Code::UnsupportedGrantType, Code::ServerError, Code::Network,
    Code::Timeout, Code::StateMismatch, Code::Cancelled, Code::ConsentFailed, Code::SecretsUnavailable,
    Code::NotSignedIn};

AuthError errorOf(Code code, const QString &detail = {})
{
    return AuthError {code, detail};
}

} // namespace

class TestAuthError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromOAuthError_knownCode_mapsAndKeepsDescription_data();
    void fromOAuthError_knownCode_mapsAndKeepsDescription();
    void fromOAuthError_unknownCode_isServerErrorWithDetail_data();
    void fromOAuthError_unknownCode_isServerErrorWithDetail();
    void oauthErrorCode_eachCode_roundTripsOrIsEmpty();
    void isTransient_eachCode_onlyNetworkTimeoutServer();
    void userMessage_eachCode_isSentencesWithoutPlaceholders();
    void userMessage_eachCode_saysWhatToDo_data();
    void userMessage_eachCode_saysWhatToDo();
    void userMessage_redirectUriMismatch_hasExactUriWithoutTrailingSlash();
    void userMessage_detail_isMentionedWhereItHelps_data();
    void userMessage_detail_isMentionedWhereItHelps();
};

void TestAuthError::fromOAuthError_knownCode_mapsAndKeepsDescription_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<Code>("code");
    QTest::newRow("redirect_uri_mismatch") << QStringLiteral("redirect_uri_mismatch") << Code::RedirectUriMismatch;
    QTest::newRow("invalid_client") << QStringLiteral("invalid_client") << Code::InvalidClient;
    QTest::newRow("invalid_grant") << QStringLiteral("invalid_grant") << Code::InvalidGrant;
    QTest::newRow("access_denied") << QStringLiteral("access_denied") << Code::AccessDenied;
    QTest::newRow("invalid_scope") << QStringLiteral("invalid_scope") << Code::InvalidScope;
    QTest::newRow("invalid_request") << QStringLiteral("invalid_request") << Code::InvalidRequest;
    QTest::newRow("unsupported_grant_type") << QStringLiteral("unsupported_grant_type") << Code::UnsupportedGrantType;
    QTest::newRow("server_error") << QStringLiteral("server_error") << Code::ServerError;
    QTest::newRow("temporarily_unavailable") << QStringLiteral("temporarily_unavailable") << Code::ServerError;
}

void TestAuthError::fromOAuthError_knownCode_mapsAndKeepsDescription()
{
    QFETCH(QString, error);
    QFETCH(Code, code);
    const AuthError withDescription = AuthError::fromOAuthError(error, QStringLiteral("The code has expired"));
    QCOMPARE(withDescription.code, code);
    QCOMPARE(withDescription.detail, QStringLiteral("The code has expired"));
    const AuthError bare = AuthError::fromOAuthError(error);
    QCOMPARE(bare.code, code);
    QVERIFY(bare.detail.isEmpty());
}

void TestAuthError::fromOAuthError_unknownCode_isServerErrorWithDetail_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");
    QTest::newRow("unknown code") << QStringLiteral("slow_down") << QStringLiteral("Too many requests");
    QTest::newRow("unknown code, no description") << QStringLiteral("interaction_required") << QString();
    QTest::newRow("wrong case") << QStringLiteral("INVALID_GRANT") << QStringLiteral("x");
    QTest::newRow("empty code") << QString() << QStringLiteral("Something broke");
}

void TestAuthError::fromOAuthError_unknownCode_isServerErrorWithDetail()
{
    QFETCH(QString, error);
    QFETCH(QString, description);
    const AuthError result = AuthError::fromOAuthError(error, description);
    QCOMPARE(result.code, Code::ServerError);
    QVERIFY(!result.detail.isEmpty());
    QVERIFY(result.detail.contains(error));
    QVERIFY(result.detail.contains(description));
}

void TestAuthError::oauthErrorCode_eachCode_roundTripsOrIsEmpty()
{
    const QList<Code> withOAuthCode {Code::RedirectUriMismatch, Code::InvalidClient, Code::InvalidGrant,
        Code::AccessDenied, Code::InvalidScope, Code::InvalidRequest, Code::UnsupportedGrantType, Code::ServerError};
    for (Code code : kAllCodes) {
        const QString name = errorOf(code).oauthErrorCode();
        if (withOAuthCode.contains(code)) {
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(code))));
            QCOMPARE(AuthError::fromOAuthError(name).code, code);
        } else {
            QVERIFY2(name.isEmpty(), qPrintable(name));
        }
    }
    QCOMPARE(errorOf(Code::InvalidGrant).oauthErrorCode(), QStringLiteral("invalid_grant"));
    QCOMPARE(errorOf(Code::AccessDenied).oauthErrorCode(), QStringLiteral("access_denied"));
}

void TestAuthError::isTransient_eachCode_onlyNetworkTimeoutServer()
{
    for (Code code : kAllCodes) {
        const bool expected = code == Code::Network || code == Code::Timeout || code == Code::ServerError;
        QCOMPARE(errorOf(code).isTransient(), expected);
    }
}

void TestAuthError::userMessage_eachCode_isSentencesWithoutPlaceholders()
{
    QSet<QString> seen;
    for (Code code : kAllCodes) {
        for (const QString &detail : {QString(), QStringLiteral("Connection refused")}) {
            const QString message = errorOf(code, detail).userMessage();
            QVERIFY2(message.size() > 30, qPrintable(message));
            QVERIFY2(message.endsWith(u'.'), qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("%1")), qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("  ")), qPrintable(message));
            if (detail.isEmpty()) {
                seen.insert(message);
            }
        }
    }
    // Every code says something of its own.
    QCOMPARE(seen.size(), kAllCodes.size());
}

void TestAuthError::userMessage_eachCode_saysWhatToDo_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<QStringList>("required");
    QTest::newRow("RedirectUriMismatch") << Code::RedirectUriMismatch
                                         << QStringList {QStringLiteral("https://mcp.aries.com/auth/callback"),
                                                QStringLiteral("Client Center"), QStringLiteral("exactly"),
                                                QStringLiteral("slash")};
    QTest::newRow("InvalidClient") << Code::InvalidClient
                                   << QStringList {QStringLiteral("Client ID"), QStringLiteral("Settings"),
                                          QStringLiteral("active"), QStringLiteral("Client Center")};
    QTest::newRow("InvalidGrant") << Code::InvalidGrant
                                  << QStringList {QStringLiteral("expired"), QStringLiteral("already used"),
                                         QStringLiteral("again"), QStringLiteral("without delay")};
    QTest::newRow("AccessDenied") << Code::AccessDenied
                                  << QStringList {QStringLiteral("Deny"), QStringLiteral("Allow"),
                                         QStringLiteral("again"), QStringLiteral("assistant")};
    QTest::newRow("InvalidScope") << Code::InvalidScope << QStringList {QStringLiteral("permissions")};
    QTest::newRow("InvalidRequest") << Code::InvalidRequest << QStringList {QStringLiteral("again")};
    QTest::newRow("UnsupportedGrantType") << Code::UnsupportedGrantType << QStringList {QStringLiteral("Update")};
    QTest::newRow("ServerError") << Code::ServerError << QStringList {QStringLiteral("Try again")};
    QTest::newRow("Network") << Code::Network
                             << QStringList {QStringLiteral("cannot be reached"), QStringLiteral("internet connection"),
                                    QStringLiteral("API address"), QStringLiteral("Settings › Advanced")};
    QTest::newRow("Timeout") << Code::Timeout << QStringList {QStringLiteral("in time"), QStringLiteral("try again")};
    QTest::newRow("StateMismatch") << Code::StateMismatch
                                   << QStringList {QStringLiteral("did not come from the sign-in this app started"),
                                          QStringLiteral("nothing was stored"), QStringLiteral("again")};
    QTest::newRow("Cancelled") << Code::Cancelled
                               << QStringList {QStringLiteral("closed before you allowed access"),
                                      QStringLiteral("Connect to Aries")};
    QTest::newRow("ConsentFailed") << Code::ConsentFailed
                                   << QStringList {QStringLiteral("sign-in window"), QStringLiteral("try again")};
    QTest::newRow("SecretsUnavailable") << Code::SecretsUnavailable
                                        << QStringList {QStringLiteral("keychain"),
                                               QStringLiteral("locked or not available"), QStringLiteral("Unlock"),
                                               QStringLiteral("Retry")};
    QTest::newRow("NotSignedIn") << Code::NotSignedIn
                                 << QStringList {QStringLiteral("not connected"), QStringLiteral("Connect to Aries"),
                                        QStringLiteral("tray menu")};
}

void TestAuthError::userMessage_eachCode_saysWhatToDo()
{
    QFETCH(Code, code);
    QFETCH(QStringList, required);
    const QString message = errorOf(code).userMessage();
    for (const QString &part : std::as_const(required)) {
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, message)));
    }
}

void TestAuthError::userMessage_redirectUriMismatch_hasExactUriWithoutTrailingSlash()
{
    const QString message = errorOf(Code::RedirectUriMismatch, QStringLiteral("ignored")).userMessage();
    QVERIFY(message.contains(QStringLiteral("https://mcp.aries.com/auth/callback ")));
    QVERIFY(!message.contains(QStringLiteral("https://mcp.aries.com/auth/callback/")));
}

void TestAuthError::userMessage_detail_isMentionedWhereItHelps_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("detail");
    QTest::newRow("Network") << Code::Network << QStringLiteral("Connection refused");
    QTest::newRow("SecretsUnavailable") << Code::SecretsUnavailable
                                        << QStringLiteral("The name org.freedesktop.secrets was not provided");
    QTest::newRow("ConsentFailed") << Code::ConsentFailed << QStringLiteral("aries-consent crashed");
    QTest::newRow("ServerError") << Code::ServerError << QStringLiteral("HTTP 503");
    QTest::newRow("InvalidClient") << Code::InvalidClient << QStringLiteral("Unknown or inactive client_id");
    QTest::newRow("InvalidRequest") << Code::InvalidRequest << QStringLiteral("code_challenge is required");
    QTest::newRow("InvalidScope") << Code::InvalidScope << QStringLiteral("Unknown scope foo:bar");
}

void TestAuthError::userMessage_detail_isMentionedWhereItHelps()
{
    QFETCH(Code, code);
    QFETCH(QString, detail);
    const QString message = errorOf(code, detail).userMessage();
    QVERIFY2(message.contains(detail), qPrintable(message));
    QVERIFY2(!errorOf(code).userMessage().contains(detail), "the detail must come from the detail field");
}

QTEST_GUILESS_MAIN(TestAuthError)
#include "TestAuthError.moc"
