// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the sign-in reads from outside: the redirect the consent window catches (OAuthClient::codeFromRedirect,
// where SignInFlow gets the code, state and error), the token endpoint's answer (TokenSet::fromTokenResponse)
// and the keychain entry (TokenSet::fromKeychainBlob).
//
// Input: one byte that picks the mode (its low two bits) and options, then the bytes of the mode:
//  0: a redirect URL. A code is returned only from the registered redirect address with the state we sent
//     (never with an empty pending state, never alongside ?error=), and it is the query's code, fully decoded.
//  1: a code and a state text. Put in a redirect the way an authorization server does (percent-encoded), the
//     code comes back byte for byte when the state matches, and StateMismatch when it does not.
//  2: a token response body (option bit 2: with a previous TokenSet, as a refresh). A success has a non-empty
//     access token, an expiry not before now, and survives the keychain round trip unchanged.
//  3: a keychain blob. Whatever is accepted writes back to a blob that reads as the same tokens.
// Every AuthError met also renders its message for the user.
#include "FuzzSupport.h"

#include "auth/AuthError.h"
#include "auth/OAuthClient.h"
#include "auth/OAuthConfig.h"
#include "auth/TokenSet.h"

#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

namespace {

using namespace Companion::Auth;

const QString kState = QStringLiteral("Xq3t9Yb2mK7pL0sV8wR4nJ6cF1hD5gA-");

OAuthConfig config()
{
    OAuthConfig config;
    config.clientId = QStringLiteral("aries-companion-fuzz");
    return config;
}

OAuthClient::PendingAuthorization pending(bool withState)
{
    OAuthClient::PendingAuthorization pending;
    pending.state = withState ? kState : QString();
    pending.verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    return pending;
}

void render(const AuthError &error)
{
    // Both read the detail and the code; a crash here would be a crash in the tray app's sign-in message.
    (void)error.userMessage();
    (void)error.oauthErrorCode();
    (void)error.isTransient();
}

bool sameTokens(const TokenSet &a, const TokenSet &b)
{
    return a.accessToken == b.accessToken && a.refreshToken == b.refreshToken && a.accessExpiresAt == b.accessExpiresAt
        && a.refreshExpiresAt == b.refreshExpiresAt && a.obtainedAt == b.obtainedAt
        && a.connectedSince == b.connectedSince && a.scopes == b.scopes;
}

void checkKeychainRoundTrip(const TokenSet &tokens)
{
    const auto again = TokenSet::fromKeychainBlob(tokens.toKeychainBlob());
    COMPANION_FUZZ_CHECK(again.has_value(), "a TokenSet we hold can be read back from its keychain blob");
    COMPANION_FUZZ_CHECK(sameTokens(*again, tokens), "the keychain blob keeps every field");
}

void redirectUrl(const QByteArray &text, bool withState)
{
    const QUrl redirect(QString::fromUtf8(text));
    const OAuthConfig settings = config();
    const auto code = OAuthClient::codeFromRedirect(redirect, pending(withState), settings);
    if (!code) {
        render(code.error());
        return;
    }
    COMPANION_FUZZ_CHECK(withState, "no code is accepted while no state is pending");
    COMPANION_FUZZ_CHECK(redirect.scheme() == settings.redirectUri.scheme()
            && redirect.host() == settings.redirectUri.host() && redirect.port() == settings.redirectUri.port()
            && redirect.path() == settings.redirectUri.path(),
        "a code is taken only from the registered redirect address");
    const QUrlQuery query(redirect);
    COMPANION_FUZZ_CHECK(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) == kState,
        "a code is taken only with the state we sent");
    COMPANION_FUZZ_CHECK(query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded).isEmpty(),
        "a redirect carrying an error gives no code");
    COMPANION_FUZZ_CHECK(!code->isEmpty() && *code == query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded),
        "the code is the query's code, fully decoded");
}

void codeRoundTrip(const QByteArray &input)
{
    // "<code>\n<state>": what an authorization server would put in the redirect.
    const qsizetype newline = input.indexOf('\n');
    const QString code = QString::fromUtf8(newline < 0 ? input : input.first(newline));
    const QString state = newline < 0 ? kState : QString::fromUtf8(input.sliced(newline + 1));

    const OAuthConfig settings = config();
    QUrl redirect = settings.redirectUri;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    redirect.setQuery(query);

    const auto result = OAuthClient::codeFromRedirect(redirect, pending(true), settings);
    if (state != kState) {
        COMPANION_FUZZ_CHECK(!result && result.error().code == AuthError::Code::StateMismatch,
            "a redirect with another state is a StateMismatch");
        return;
    }
    if (code.isEmpty()) {
        COMPANION_FUZZ_CHECK(!result, "a redirect without a code gives no code");
        return;
    }
    COMPANION_FUZZ_CHECK(result.has_value(), "a well-formed redirect with our state gives its code");
    COMPANION_FUZZ_CHECK(*result == code, "the code comes back exactly as the server sent it");
}

void tokenResponse(const QByteArray &body, bool withPrevious)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1764460800000), Qt::UTC);
    TokenSet previous;
    previous.accessToken = QStringLiteral("old-access");
    previous.refreshToken = QStringLiteral("old-refresh");
    previous.accessExpiresAt = now.addSecs(-60);
    previous.refreshExpiresAt = now.addDays(30);
    previous.obtainedAt = now.addSecs(-3660);
    previous.connectedSince = now.addDays(-3);
    previous.scopes = QStringList {QStringLiteral("account:information"), QStringLiteral("order:execution")};

    const auto tokens = TokenSet::fromTokenResponse(body, now, withPrevious ? &previous : nullptr);
    if (!tokens) {
        render(tokens.error());
        return;
    }
    COMPANION_FUZZ_CHECK(tokens->hasAccessToken(), "a token response is accepted only with an access token");
    COMPANION_FUZZ_CHECK(tokens->accessExpiresAt.isValid() && tokens->accessExpiresAt >= now,
        "the access token expires now or later, never before it arrived");
    COMPANION_FUZZ_CHECK(tokens->obtainedAt == now, "obtainedAt is when the answer arrived");
    if (withPrevious) {
        COMPANION_FUZZ_CHECK(tokens->connectedSince == previous.connectedSince, "a refresh keeps connectedSince");
        COMPANION_FUZZ_CHECK(tokens->hasRefreshToken(), "a refresh never loses the refresh token");
    }
    checkKeychainRoundTrip(*tokens);
}

void keychainBlob(const QByteArray &blob)
{
    const auto tokens = TokenSet::fromKeychainBlob(blob);
    if (tokens) {
        checkKeychainRoundTrip(*tokens);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // AuthError::userMessage() translates through QCoreApplication.
    Companion::Fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const uint8_t options = data[0];
    const QByteArray input = Companion::Fuzz::bytes(data + 1, size - 1);
    switch (options & 3) {
    case 0: redirectUrl(input, !(options & 4)); break;
    case 1: codeRoundTrip(input); break;
    case 2: tokenResponse(input, options & 4); break;
    case 3: keychainBlob(input); break;
    }
    return 0;
}
