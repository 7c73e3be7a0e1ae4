// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthServer.h"

#include "AuthPages.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <string_view>
#include <utility>

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace Companion::Sandbox {

namespace {

// Aries documents ~10 minutes for codes; the sign-in request gets the same so a user who reads the
// consent page carefully is not thrown out half way.
constexpr qint64 kPendingSeconds = 600;
constexpr qint64 kCodeSeconds = 600;
constexpr qint64 kPruneIntervalSeconds = 60;
constexpr qsizetype kRequestIdBytes = 16; // 128 bits
constexpr qsizetype kSecretBytes = 32; // 256 bits, for codes and tokens
// The prefixes make a sandbox token recognisable at a glance (in logs, in a keychain), so nobody
// mistakes it for a real Aries credential, and a real Aries server would reject it outright.
constexpr QByteArrayView kAccessPrefix = "sbx_at_";
constexpr QByteArrayView kRefreshPrefix = "sbx_rt_";

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomBase64Url(qsizetype bytes)
{
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), bytes).toBase64(kBase64Url);
}

QByteArray sha256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// The PKCE S256 transform of RFC 7636 §4.2.
QByteArray s256Challenge(const QString &verifier)
{
    return sha256(verifier.toLatin1()).toBase64(kBase64Url);
}

// Comparing a secret-derived value in constant time costs nothing and keeps the sandbox a good example.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// HTML forms (and many OAuth client libraries, for query strings too) send a space as '+' and a real '+'
// as %2B, but QUrlQuery never decodes '+'. So decode from the fully encoded form here, where the two are
// still told apart.
QString decodeFormComponent(QString encoded)
{
    encoded.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(encoded.toLatin1());
}

QString formValue(const QUrlQuery &query, const QString &key)
{
    if (!query.hasQueryItem(key))
        return {};
    return decodeFormComponent(query.queryItemValue(key, QUrl::FullyEncoded));
}

QStringList formValues(const QUrlQuery &query, const QString &key)
{
    QStringList values;
    const QStringList encoded = query.allQueryItemValues(key, QUrl::FullyEncoded);
    for (const QString &value : encoded)
        values.append(decodeFormComponent(value));
    return values;
}

bool repeated(const QUrlQuery &query, const QString &key)
{
    return query.allQueryItemValues(key).size() > 1;
}

bool isBase64UrlChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
}

// An S256 challenge is the unpadded base64url form of 32 bytes: exactly 43 characters. Re-encoding
// the decoded bytes also rejects a last character with stray low bits, which no real encoder produces.
bool isValidChallenge(const QString &challenge)
{
    if (challenge.size() != 43 || !std::all_of(challenge.cbegin(), challenge.cend(), isBase64UrlChar))
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(challenge.toLatin1(), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == 32 && decoded.decoded.toBase64(kBase64Url) == challenge.toLatin1();
}

// RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
bool isValidVerifier(const QString &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(
        verifier.cbegin(), verifier.cend(), [](QChar c) { return isBase64UrlChar(c) || c == u'.' || c == u'~'; });
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). Only a token of that shape is echoed back
// in an error_description, whose character set is the same.
bool isScopeToken(const QString &token)
{
    return !token.isEmpty() && std::all_of(token.cbegin(), token.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u == 0x21 || (u >= 0x23 && u <= 0x5B) || (u >= 0x5D && u <= 0x7E);
    });
}

// Scopes in the order of knownScopes(), without duplicates, so the consent page, the codes and the
// "scope" of a token response always list them the same way.
QStringList normalisedScopes(const QStringList &scopes)
{
    QStringList result;
    for (const QString &known : knownScopes()) {
        if (scopes.contains(known))
            result.append(known);
    }
    return result;
}

bool containsAll(const QStringList &have, const QStringList &wanted)
{
    return std::all_of(wanted.cbegin(), wanted.cend(), [&](const QString &scope) { return have.contains(scope); });
}

// The user id comes first and is a number, so a client id containing '|' cannot make two keys collide.
QString consentKey(qint64 userId, const QString &clientId)
{
    return QString::number(userId) % u'|' % clientId;
}

// Appends parameters to a redirect URI, keeping any query it already has (RFC 6749 §3.1.2). Values are
// percent-encoded beforehand because QUrlQuery would leave '+' as is, which form decoders read as a space.
QString withQuery(const QString &uri, const QList<std::pair<QString, QString>> &items)
{
    QUrl url(uri);
    QUrlQuery query(url);
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

PageResult errorPage(const QString &error, const QString &explanation)
{
    return PageResult {.status = 400, .html = AuthPages::error(error, explanation), .redirect = {}};
}

PageResult expiredRequestPage()
{
    return errorPage(u"invalid_request"_s,
        u"This sign-in request is unknown or has expired (a request lasts 10 minutes). "
        u"Go back to the app and start signing in again."_s);
}

// The string field @p key of a JSON object, or an empty string when it is absent, empty or not a string.
QString stringField(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get_ref<const std::string &>());
}

// ---- state file helpers: every reader returns nothing for a missing or malformed value ----

json scopesToJson(const QStringList &scopes)
{
    json list = json::array();
    for (const QString &scope : scopes)
        list.push_back(scope.toStdString());
    return list;
}

QStringList scopesFromJson(const json &object)
{
    QStringList scopes;
    const auto it = object.find("scopes");
    if (it == object.end() || !it->is_array())
        return scopes;
    for (const json &item : *it) {
        if (item.is_string())
            scopes.append(QString::fromStdString(item.get_ref<const std::string &>()));
    }
    // Drops scopes this version does not know, rather than the whole entry.
    return normalisedScopes(scopes);
}

std::string timeToJson(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

std::optional<QDateTime> timeFromJson(const json &object, const char *key)
{
    const QString text = stringField(object, key);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time;
}

std::optional<qint64> integerFromJson(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

bool boolFromJson(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

// A SHA-256 hash, saved as standard base64. Returns an empty array when absent or not 32 bytes.
QByteArray hashFromJson(const json &object, const char *key)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(stringField(object, key).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return {};
    return decoded.decoded;
}

std::string hashToJson(const QByteArray &hash)
{
    return hash.toBase64().toStdString();
}

// Hash order, so that saving the same state twice writes the same file.
template <typename T> QList<QByteArray> sortedKeys(const QHash<QByteArray, T> &map)
{
    QList<QByteArray> keys = map.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

const QStringList &knownScopes()
{
    static const QStringList scopes = {
        u"user:information"_s,
        u"account:information"_s,
        u"order:execution"_s,
        u"order:information"_s,
        u"position:information"_s,
        u"market:information"_s,
        u"calendar:information"_s,
        u"options:information"_s,
        u"analytics:information"_s,
        u"market:supplemental"_s,
        u"user:management"_s,
    };
    return scopes;
}

QString scopeDescription(const QString &scope)
{
    static const QHash<QString, QString> descriptions = {
        {u"user:information"_s, u"See your name, email address and profile"_s},
        {u"account:information"_s, u"See your balances, positions and account history"_s},
        {u"order:execution"_s, u"Place, change and cancel orders"_s},
        {u"order:information"_s, u"See your orders and their status"_s},
        {u"position:information"_s, u"See your current positions and holdings"_s},
        {u"market:information"_s, u"See live and historical market data"_s},
        {u"calendar:information"_s, u"See earnings, economic and market calendars"_s},
        {u"options:information"_s, u"See options chains, Greeks and expirations"_s},
        {u"analytics:information"_s, u"See ratings, analytics and market insights"_s},
        {u"market:supplemental"_s, u"See news, company profiles, financial statements and filings"_s},
        {u"user:management"_s, u"Change your profile, email address and trading password"_s},
    };
    return descriptions.value(scope, scope);
}

bool TokenGrant::hasAnyScope(const QStringList &wanted) const
{
    // An endpoint that names no scope needs none.
    if (wanted.isEmpty())
        return true;
    return std::any_of(wanted.cbegin(), wanted.cend(), [this](const QString &scope) { return scopes.contains(scope); });
}

OAuthServer::OAuthServer(Settings settings, CredentialCheck checkCredentials, Clock clock)
    : m_settings(std::move(settings))
    , m_checkCredentials(std::move(checkCredentials))
    , m_clock(std::move(clock))
{ }

void OAuthServer::addClient(const QString &clientId, const QString &redirectUri, bool active)
{
    Client &client = m_clients[clientId];
    if (!client.redirectUris.contains(redirectUri))
        client.redirectUris.append(redirectUri);
    client.active = active;
}

PageResult OAuthServer::authorize(const QUrlQuery &query)
{
    prune();
    // Until the client and its redirect URI are known good, nothing may be sent to the redirect URI:
    // that would make the sandbox an open redirector (RFC 6749 §4.1.2.1).
    const QString clientId = formValue(query, u"client_id"_s);
    const auto client = m_clients.constFind(clientId);
    if (clientId.isEmpty() || repeated(query, u"client_id"_s) || client == m_clients.cend() || !client->active) {
        return errorPage(u"invalid_client"_s,
            u"The app that sent you here is not registered with Aries Sandbox, "
            u"or it has been switched off (client_id)."_s);
    }
    const QString redirectUri = formValue(query, u"redirect_uri"_s);
    if (repeated(query, u"redirect_uri"_s) || !client->redirectUris.contains(redirectUri)) {
        return errorPage(u"redirect_uri_mismatch"_s,
            u"The address the app wants to return to (redirect_uri) is not registered for this app. "
            u"It must match a registered address exactly, including any trailing slash."_s);
    }

    const QString state = formValue(query, u"state"_s);
    const auto fail = [&](const QString &error, const QString &description) {
        return redirectWithError(redirectUri, error, description, state);
    };
    // RFC 6749 §3.1: parameters must not be sent more than once.
    for (const QString &key :
        {u"response_type"_s, u"scope"_s, u"state"_s, u"code_challenge"_s, u"code_challenge_method"_s}) {
        if (repeated(query, key))
            return fail(u"invalid_request"_s, u"The parameter "_s % key % u" is repeated"_s);
    }
    if (formValue(query, u"response_type"_s) != u"code")
        return fail(u"unsupported_response_type"_s, u"Only response_type=code is supported"_s);
    const QString challenge = formValue(query, u"code_challenge"_s);
    if (!isValidChallenge(challenge)) {
        return fail(u"invalid_request"_s,
            u"code_challenge is missing or is not a 43-character base64url SHA-256 value (PKCE is required)"_s);
    }
    // RFC 7636 §4.3: a missing method means "plain", which public clients must not use.
    if (formValue(query, u"code_challenge_method"_s) != u"S256")
        return fail(u"invalid_request"_s, u"code_challenge_method must be S256"_s);

    const QStringList requested = formValue(query, u"scope"_s).split(u' ', Qt::SkipEmptyParts);
    if (requested.isEmpty())
        return fail(u"invalid_scope"_s, u"No scope was requested"_s);
    for (const QString &scope : requested) {
        if (!knownScopes().contains(scope)) {
            return fail(u"invalid_scope"_s,
                isScopeToken(scope) ? u"Unknown scope: "_s % scope : u"The scope parameter is malformed"_s);
        }
    }

    const QString rid = QString::fromLatin1(randomBase64Url(kRequestIdBytes));
    m_pending.insert(rid,
        PendingRequest {.clientId = clientId,
            .redirectUri = redirectUri,
            .scopes = normalisedScopes(requested),
            .state = state,
            .codeChallenge = challenge,
            .expires = m_clock().addSecs(kPendingSeconds),
            .userId = 0,
            .email = {},
            .signedIn = false});
    return PageResult {.status = 200,
        .html = AuthPages::signIn(
            rid, clientId, QString(), m_settings.demoEmail, m_settings.demoPassword, m_settings.autoConsent),
        .redirect = {}};
}

PageResult OAuthServer::login(const QUrlQuery &form)
{
    prune();
    const QString rid = formValue(form, u"rid"_s);
    const auto it = m_pending.find(rid);
    if (rid.isEmpty() || it == m_pending.end() || it->expires <= m_clock())
        return expiredRequestPage();

    // Surrounding spaces in an email address are a typing slip, never meant.
    const QString email = formValue(form, u"email"_s).trimmed();
    const QString password = formValue(form, u"password"_s);
    const std::optional<qint64> userId =
        m_checkCredentials && !email.isEmpty() ? m_checkCredentials(email, password) : std::nullopt;
    if (!userId) {
        return PageResult {.status = 200,
            .html = AuthPages::signIn(rid, it->clientId, u"The email or password is incorrect."_s, m_settings.demoEmail,
                m_settings.demoPassword, m_settings.autoConsent),
            .redirect = {}};
    }
    it->userId = *userId;
    it->email = email;
    it->signedIn = true;

    // The permission screen appears only the first time: later sign-ins for the same or fewer scopes go
    // straight back to the app (Aries' own login API reports this as consent_required=false).
    if (containsAll(m_consents.value(consentKey(*userId, it->clientId)), it->scopes)) {
        const PendingRequest request = *it;
        m_pending.erase(it);
        return redirectWithCode(request, request.scopes);
    }
    return PageResult {.status = 200,
        .html = AuthPages::consent(rid, it->clientId, email, it->scopes, m_settings.autoConsent),
        .redirect = {}};
}

PageResult OAuthServer::consent(const QUrlQuery &form)
{
    prune();
    const QString rid = formValue(form, u"rid"_s);
    const auto it = m_pending.find(rid);
    if (rid.isEmpty() || it == m_pending.end() || it->expires <= m_clock())
        return expiredRequestPage();
    if (!it->signedIn)
        return errorPage(u"invalid_request"_s, u"Sign in before answering the permission request."_s);

    const QString decision = formValue(form, u"decision"_s);
    if (decision != u"allow" && decision != u"deny") {
        // A tampered form: keep the request so the user can still answer it properly.
        return errorPage(u"invalid_request"_s, u"The form did not say whether to allow or deny access."_s);
    }
    const PendingRequest request = *it;
    m_pending.erase(it);
    if (decision == u"deny") {
        return redirectWithError(
            request.redirectUri, u"access_denied"_s, u"The user denied the request"_s, request.state);
    }

    QStringList checked;
    const QStringList posted = formValues(form, u"scope"_s);
    for (const QString &scope : posted) {
        if (request.scopes.contains(scope))
            checked.append(scope);
    }
    // With nothing ticked, "Allow" is read as allowing what was asked rather than issuing a useless token.
    const QStringList granted = checked.isEmpty() ? request.scopes : normalisedScopes(checked);

    QStringList &remembered = m_consents[consentKey(request.userId, request.clientId)];
    remembered = normalisedScopes(remembered + granted);
    return redirectWithCode(request, granted);
}

TokenResult OAuthServer::token(const QByteArray &jsonBody)
{
    prune();
    const json body =
        json::parse(std::string_view(jsonBody.constData(), static_cast<size_t>(jsonBody.size())), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return tokenError(400, u"invalid_request"_s, u"The request body must be a JSON object"_s);

    const QString grantType = stringField(body, "grant_type");
    if (grantType.isEmpty())
        return tokenError(400, u"invalid_request"_s, u"grant_type is missing or not a string"_s);
    // Aries' newest documentation also accepts "code" and normalises it.
    if (grantType == u"authorization_code" || grantType == u"code")
        return exchangeCode(body);
    if (grantType == u"refresh_token")
        return refresh(body);
    return tokenError(400, u"unsupported_grant_type"_s, u"grant_type must be authorization_code or refresh_token"_s);
}

TokenResult OAuthServer::exchangeCode(const json &body)
{
    const QString code = stringField(body, "code");
    const QString clientId = stringField(body, "client_id");
    const QString redirectUri = stringField(body, "redirect_uri");
    const QString verifier = stringField(body, "code_verifier");
    for (const auto &[value, name] : {std::pair {&code, "code"}, std::pair {&clientId, "client_id"},
             std::pair {&redirectUri, "redirect_uri"}, std::pair {&verifier, "code_verifier"}}) {
        if (value->isEmpty())
            return tokenError(400, u"invalid_request"_s, QLatin1StringView(name) % u" is missing or not a string"_s);
    }
    recordSecret(verifier.toLatin1());
    if (!isValidVerifier(verifier)) {
        return tokenError(
            400, u"invalid_request"_s, u"code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, -, ., _ and ~"_s);
    }
    const auto client = m_clients.constFind(clientId);
    if (client == m_clients.cend() || !client->active)
        return tokenError(401, u"invalid_client"_s, u"Unknown or inactive client_id"_s);

    const QByteArray codeHash = sha256(code.toUtf8());
    const auto it = m_codes.find(codeHash);
    if (it == m_codes.end())
        return tokenError(400, u"invalid_grant"_s, u"The authorization code is unknown"_s);
    if (it->used) {
        // RFC 6749 §4.1.2: a code seen twice may have been stolen, so whatever it bought is withdrawn.
        for (auto *tokens : {&m_accessTokens, &m_refreshTokens}) {
            for (Token &token : *tokens) {
                if (token.fromCodeHash == codeHash)
                    token.revoked = true;
            }
        }
        return tokenError(400, u"invalid_grant"_s,
            u"The authorization code was already used; the tokens issued from it are revoked"_s);
    }
    if (it->expires <= m_clock())
        return tokenError(400, u"invalid_grant"_s, u"The authorization code has expired"_s);
    if (it->clientId != clientId)
        return tokenError(400, u"invalid_grant"_s, u"The authorization code was issued to another client"_s);
    if (it->redirectUri != redirectUri)
        return tokenError(400, u"invalid_grant"_s, u"redirect_uri differs from the one of the authorization request"_s);
    if (!constantTimeEquals(s256Challenge(verifier), it->codeChallenge.toLatin1()))
        return tokenError(400, u"invalid_grant"_s, u"code_verifier does not match the code_challenge"_s);

    it->used = true;
    const Code issued = *it;
    ++m_grantCounts[u"authorization_code"_s];
    return issueTokens(issued.userId, issued.clientId, issued.scopes, codeHash);
}

TokenResult OAuthServer::refresh(const json &body)
{
    const QString clientId = stringField(body, "client_id");
    const QString refreshToken = stringField(body, "refresh_token");
    if (clientId.isEmpty())
        return tokenError(400, u"invalid_request"_s, u"client_id is missing or not a string"_s);
    if (refreshToken.isEmpty())
        return tokenError(400, u"invalid_request"_s, u"refresh_token is missing or not a string"_s);
    const auto client = m_clients.constFind(clientId);
    if (client == m_clients.cend() || !client->active)
        return tokenError(401, u"invalid_client"_s, u"Unknown or inactive client_id"_s);

    const auto it = m_refreshTokens.find(sha256(refreshToken.toUtf8()));
    if (it == m_refreshTokens.end())
        return tokenError(400, u"invalid_grant"_s, u"The refresh token is unknown"_s);
    if (it->revoked) {
        return tokenError(
            400, u"invalid_grant"_s, u"The refresh token was revoked, or already used (refresh tokens rotate)"_s);
    }
    if (it->expires <= m_clock())
        return tokenError(400, u"invalid_grant"_s, u"The refresh token has expired"_s);
    if (it->clientId != clientId)
        return tokenError(400, u"invalid_grant"_s, u"The refresh token was issued to another client"_s);

    // Rotation: the token just used is spent. Copy it first, issueTokens() inserts into the same hash.
    it->revoked = true;
    const Token used = *it;
    ++m_grantCounts[u"refresh_token"_s];
    return issueTokens(used.userId, used.clientId, used.scopes, used.fromCodeHash);
}

std::optional<TokenGrant> OAuthServer::authenticate(QByteArrayView authorizationHeader) const
{
    // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1).
    constexpr QByteArrayView scheme = "Bearer";
    const QByteArrayView value = authorizationHeader.trimmed();
    if (value.size() <= scheme.size() || value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0
        || value.at(scheme.size()) != ' ') {
        return std::nullopt;
    }
    const QByteArrayView token = value.sliced(scheme.size()).trimmed();
    if (token.isEmpty() || token.contains(' '))
        return std::nullopt;

    const auto it = m_accessTokens.constFind(sha256(token));
    if (it == m_accessTokens.cend() || it->revoked || it->expires <= m_clock())
        return std::nullopt;
    return TokenGrant {.userId = it->userId, .clientId = it->clientId, .scopes = it->scopes};
}

void OAuthServer::revokeTokens(std::optional<qint64> userId)
{
    for (auto *tokens : {&m_accessTokens, &m_refreshTokens}) {
        for (Token &token : *tokens) {
            if (!userId || token.userId == *userId)
                token.revoked = true;
        }
    }
}

PageResult OAuthServer::redirectWithCode(const PendingRequest &request, const QStringList &scopes)
{
    const QByteArray code = randomBase64Url(kSecretBytes);
    recordSecret(code);
    m_codes.insert(sha256(code),
        Code {.clientId = request.clientId,
            .redirectUri = request.redirectUri,
            .scopes = scopes,
            .codeChallenge = request.codeChallenge,
            .userId = request.userId,
            .expires = m_clock().addSecs(kCodeSeconds),
            .used = false});
    QList<std::pair<QString, QString>> items = {{u"code"_s, QString::fromLatin1(code)}};
    if (!request.state.isEmpty())
        items.append({u"state"_s, request.state});
    return PageResult {.status = 302, .html = {}, .redirect = withQuery(request.redirectUri, items)};
}

PageResult OAuthServer::redirectWithError(
    const QString &redirectUri, const QString &error, const QString &description, const QString &state) const
{
    // RFC 6749 §4.1.2.1: state goes back whenever the client sent one.
    QList<std::pair<QString, QString>> items = {{u"error"_s, error}, {u"error_description"_s, description}};
    if (!state.isEmpty())
        items.append({u"state"_s, state});
    return PageResult {.status = 302, .html = {}, .redirect = withQuery(redirectUri, items)};
}

TokenResult OAuthServer::revoke(const QUrlQuery &form)
{
    const QString token = formValue(form, u"token"_s);
    const QString clientId = formValue(form, u"client_id"_s);
    if (token.isEmpty()) {
        return tokenError(400, u"invalid_request"_s, u"token is required"_s);
    }
    const QByteArray hash = sha256(token.toUtf8());
    const Token *found = m_refreshTokens.contains(hash) ? &m_refreshTokens[hash]
        : m_accessTokens.contains(hash)                 ? &m_accessTokens[hash]
                                                        : nullptr;
    if (!found) {
        return TokenResult {200, json::object()};
    }
    if (found->clientId != clientId) {
        return tokenError(400, u"unauthorized_client"_s, u"the token was issued to another client"_s);
    }
    // The whole grant goes: every token issued from the same code, through every refresh since.
    const QByteArray grant = found->fromCodeHash;
    const auto revokeGrant = [&](QHash<QByteArray, Token> &tokens) {
        for (auto it = tokens.begin(); it != tokens.end(); ++it) {
            if (it.key() == hash || (!grant.isEmpty() && it->fromCodeHash == grant)) {
                it->revoked = true;
            }
        }
    };
    revokeGrant(m_accessTokens);
    revokeGrant(m_refreshTokens);
    return TokenResult {200, json::object()};
}

json OAuthServer::metadata(const QString &issuer) const
{
    json body {{"issuer", issuer.toStdString()},
        {"authorization_endpoint", QString(issuer + u"/oauth2/authorize"_s).toStdString()},
        {"token_endpoint", QString(issuer + u"/v1/oauth2/token"_s).toStdString()},
        {"response_types_supported", json::array({"code"})},
        {"grant_types_supported", json::array({"authorization_code", "refresh_token"})},
        {"code_challenge_methods_supported", json::array({"S256"})},
        {"token_endpoint_auth_methods_supported", json::array({"none"})}};
    if (m_settings.revocation) {
        body["revocation_endpoint"] = QString(issuer + u"/v1/oauth2/revoke"_s).toStdString();
    }
    return body;
}

void OAuthServer::recordSecret(const QByteArray &secret)
{
    if (m_settings.recordSecrets && !secret.isEmpty() && !m_recordedSecrets.contains(secret))
        m_recordedSecrets.append(secret);
}

TokenResult OAuthServer::issueTokens(
    qint64 userId, const QString &clientId, const QStringList &scopes, const QByteArray &codeHash)
{
    const QDateTime now = m_clock();
    const QByteArray accessToken = kAccessPrefix.toByteArray() + randomBase64Url(kSecretBytes);
    const QByteArray refreshToken = kRefreshPrefix.toByteArray() + randomBase64Url(kSecretBytes);
    recordSecret(accessToken);
    recordSecret(refreshToken);
    m_accessTokens.insert(sha256(accessToken),
        Token {.userId = userId,
            .clientId = clientId,
            .scopes = scopes,
            .expires = now.addSecs(m_settings.accessTtlSeconds),
            .revoked = false,
            .fromCodeHash = codeHash});
    m_refreshTokens.insert(sha256(refreshToken),
        Token {.userId = userId,
            .clientId = clientId,
            .scopes = scopes,
            .expires = now.addSecs(m_settings.refreshTtlSeconds),
            .revoked = false,
            .fromCodeHash = codeHash});
    return TokenResult {.status = 200,
        .body = json {{"access_token", accessToken.toStdString()}, {"token_type", "Bearer"},
            {"expires_in", m_settings.accessTtlSeconds}, {"refresh_token", refreshToken.toStdString()},
            {"refresh_token_expires_in", m_settings.refreshTtlSeconds}, {"scope", scopes.join(u' ').toStdString()}}};
}

TokenResult OAuthServer::tokenError(int status, const QString &error, const QString &description)
{
    return TokenResult {.status = status,
        .body = json {{"error", error.toStdString()}, {"error_description", description.toStdString()}}};
}

void OAuthServer::prune()
{
    const QDateTime now = m_clock();
    if (m_nextPrune.isValid() && now < m_nextPrune)
        return;
    m_nextPrune = now.addSecs(kPruneIntervalSeconds);

    m_pending.removeIf([&](const auto &item) { return item.value().expires <= now; });
    QSet<QByteArray> liveCodes;
    for (auto *tokens : {&m_accessTokens, &m_refreshTokens}) {
        tokens->removeIf([&](const auto &item) { return item.value().revoked || item.value().expires <= now; });
        for (const Token &token : std::as_const(*tokens)) {
            if (!token.fromCodeHash.isEmpty())
                liveCodes.insert(token.fromCodeHash);
        }
    }
    // A used code is kept while tokens issued from it live, so that replaying it can still revoke them.
    m_codes.removeIf([&](const auto &item) {
        return item.value().expires <= now && !(item.value().used && liveCodes.contains(item.key()));
    });
}

json OAuthServer::toJson() const
{
    const auto tokensToJson = [](const QHash<QByteArray, Token> &tokens) {
        json list = json::array();
        for (const QByteArray &hash : sortedKeys(tokens)) {
            const Token &token = *tokens.constFind(hash);
            // A revoked token can never become valid again; leaving it out keeps the file small.
            if (token.revoked)
                continue;
            json entry = {{"hash", hashToJson(hash)}, {"userId", token.userId},
                {"clientId", token.clientId.toStdString()}, {"scopes", scopesToJson(token.scopes)},
                {"expires", timeToJson(token.expires)}};
            if (!token.fromCodeHash.isEmpty())
                entry["fromCode"] = hashToJson(token.fromCodeHash);
            list.push_back(std::move(entry));
        }
        return list;
    };

    json codes = json::array();
    for (const QByteArray &hash : sortedKeys(m_codes)) {
        const Code &code = *m_codes.constFind(hash);
        codes.push_back({{"hash", hashToJson(hash)}, {"clientId", code.clientId.toStdString()},
            {"redirectUri", code.redirectUri.toStdString()}, {"scopes", scopesToJson(code.scopes)},
            {"codeChallenge", code.codeChallenge.toStdString()}, {"userId", code.userId},
            {"expires", timeToJson(code.expires)}, {"used", code.used}});
    }

    json consents = json::array();
    QStringList keys = m_consents.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const qsizetype bar = key.indexOf(u'|');
        consents.push_back({{"userId", key.first(bar).toLongLong()}, {"clientId", key.sliced(bar + 1).toStdString()},
            {"scopes", scopesToJson(*m_consents.constFind(key))}});
    }

    return json {{"version", 1}, {"accessTokens", tokensToJson(m_accessTokens)},
        {"refreshTokens", tokensToJson(m_refreshTokens)}, {"codes", std::move(codes)},
        {"consents", std::move(consents)}};
}

void OAuthServer::restore(const json &state)
{
    m_codes.clear();
    m_accessTokens.clear();
    m_refreshTokens.clear();
    m_consents.clear();
    m_nextPrune = QDateTime();
    if (!state.is_object())
        return;

    // Each entry stands alone: a damaged one is skipped and the rest still load.
    const auto entries = [&state](const char *key) {
        const auto it = state.find(key);
        return it != state.end() && it->is_array() ? *it : json::array();
    };
    const auto restoreTokens = [&](const char *key, QHash<QByteArray, Token> &tokens) {
        for (const json &entry : entries(key)) {
            if (!entry.is_object())
                continue;
            const QByteArray hash = hashFromJson(entry, "hash");
            const auto userId = integerFromJson(entry, "userId");
            const QString clientId = stringField(entry, "clientId");
            const auto expires = timeFromJson(entry, "expires");
            const QStringList scopes = scopesFromJson(entry);
            if (hash.isEmpty() || !userId || clientId.isEmpty() || !expires || scopes.isEmpty())
                continue;
            tokens.insert(hash,
                Token {.userId = *userId,
                    .clientId = clientId,
                    .scopes = scopes,
                    .expires = *expires,
                    .revoked = boolFromJson(entry, "revoked"),
                    .fromCodeHash = hashFromJson(entry, "fromCode")});
        }
    };
    restoreTokens("accessTokens", m_accessTokens);
    restoreTokens("refreshTokens", m_refreshTokens);

    for (const json &entry : entries("codes")) {
        if (!entry.is_object())
            continue;
        const QByteArray hash = hashFromJson(entry, "hash");
        const auto userId = integerFromJson(entry, "userId");
        const QString clientId = stringField(entry, "clientId");
        const QString redirectUri = stringField(entry, "redirectUri");
        const QString challenge = stringField(entry, "codeChallenge");
        const auto expires = timeFromJson(entry, "expires");
        const QStringList scopes = scopesFromJson(entry);
        if (hash.isEmpty() || !userId || clientId.isEmpty() || redirectUri.isEmpty() || !isValidChallenge(challenge)
            || !expires || scopes.isEmpty()) {
            continue;
        }
        m_codes.insert(hash,
            Code {.clientId = clientId,
                .redirectUri = redirectUri,
                .scopes = scopes,
                .codeChallenge = challenge,
                .userId = *userId,
                .expires = *expires,
                .used = boolFromJson(entry, "used")});
    }

    for (const json &entry : entries("consents")) {
        if (!entry.is_object())
            continue;
        const auto userId = integerFromJson(entry, "userId");
        const QString clientId = stringField(entry, "clientId");
        const QStringList scopes = scopesFromJson(entry);
        if (!userId || clientId.isEmpty() || scopes.isEmpty())
            continue;
        QStringList &remembered = m_consents[consentKey(*userId, clientId)];
        remembered = normalisedScopes(remembered + scopes);
    }
}

} // namespace Companion::Sandbox
