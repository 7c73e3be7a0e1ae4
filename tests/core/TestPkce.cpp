// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Companion::Auth;

namespace {

// RFC 7636 §4.1: the unreserved characters; base64url output uses a subset of them (no '.' or '~').
const QRegularExpression kBase64UrlOnly(QStringLiteral("^[A-Za-z0-9_-]+$"));

} // namespace

class TestPkce final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void challengeFor_rfc7636AppendixB_matches();
    void challengeFor_knownVerifiers_matchSha256_data();
    void challengeFor_knownVerifiers_matchSha256();
    void generateVerifier_always_is43Base64UrlCharacters();
    void generateVerifier_manyDraws_areAllDifferent();
    void generateVerifier_challenge_is43Base64UrlCharacters();
    void generateState_always_is32Base64UrlCharacters();
    void generateState_manyDraws_areAllDifferent();
};

void TestPkce::challengeFor_rfc7636AppendixB_matches()
{
    QCOMPARE(Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
        QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::challengeFor_knownVerifiers_matchSha256_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<QString>("challenge");
    // Computed independently: printf %s VERIFIER | openssl dgst -sha256 -binary | basenc --base64url | tr -d =
    QTest::newRow("43 characters, all 'a'")
        << QString(43, u'a') << QStringLiteral("ZtNPunH49FD35FWYhT5Tv8I7vRKQJ8uxMaL0_9eHjNA");
    QTest::newRow("128 characters, unreserved set")
        << QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._~").repeated(2).left(128)
        << QStringLiteral("HmVdCqcYGjGket4_08PyiBpJ8YrjknalGNHPu4lkqw8");
}

void TestPkce::challengeFor_knownVerifiers_matchSha256()
{
    QFETCH(QString, verifier);
    QFETCH(QString, challenge);
    QCOMPARE(Pkce::challengeFor(verifier), challenge);
}

void TestPkce::generateVerifier_always_is43Base64UrlCharacters()
{
    for (int i = 0; i < 100; ++i) {
        const QString verifier = Pkce::generateVerifier();
        QCOMPARE(verifier.size(), 43);
        QVERIFY2(kBase64UrlOnly.match(verifier).hasMatch(), qPrintable(verifier));
    }
}

void TestPkce::generateVerifier_manyDraws_areAllDifferent()
{
    QSet<QString> seen;
    constexpr int kDraws = 10000;
    for (int i = 0; i < kDraws; ++i) {
        seen.insert(Pkce::generateVerifier());
    }
    QCOMPARE(seen.size(), kDraws);
}

void TestPkce::generateVerifier_challenge_is43Base64UrlCharacters()
{
    const QString challenge = Pkce::challengeFor(Pkce::generateVerifier());
    // SHA-256 is 32 bytes: 43 base64url characters without padding.
    QCOMPARE(challenge.size(), 43);
    QVERIFY(kBase64UrlOnly.match(challenge).hasMatch());
}

void TestPkce::generateState_always_is32Base64UrlCharacters()
{
    for (int i = 0; i < 100; ++i) {
        const QString state = Pkce::generateState();
        QCOMPARE(state.size(), 32);
        QVERIFY2(kBase64UrlOnly.match(state).hasMatch(), qPrintable(state));
    }
}

void TestPkce::generateState_manyDraws_areAllDifferent()
{
    QSet<QString> seen;
    constexpr int kDraws = 10000;
    for (int i = 0; i < kDraws; ++i) {
        const QString state = Pkce::generateState();
        seen.insert(state);
    }
    QCOMPARE(seen.size(), kDraws);
}

QTEST_GUILESS_MAIN(TestPkce)
#include "TestPkce.moc"
