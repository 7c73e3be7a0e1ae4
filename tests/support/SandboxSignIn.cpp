// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxSignIn.h"

#include "SandboxProcess.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Companion::Testing {

namespace {

QString htmlUnescape(QString text)
{
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&#x27;"), QLatin1String("'"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

/** The attributes of every <input> tag, lower-cased names. */
QList<QHash<QString, QString>> inputTags(const QByteArray &html)
{
    static const QRegularExpression tag(QStringLiteral("<input\\b([^>]*)>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attribute(
        QStringLiteral("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?"));
    QList<QHash<QString, QString>> result;
    const QString text = QString::fromUtf8(html);
    auto tags = tag.globalMatch(text);
    while (tags.hasNext()) {
        const QString inside = tags.next().captured(1);
        QHash<QString, QString> attributes;
        auto attrs = attribute.globalMatch(inside);
        while (attrs.hasNext()) {
            const auto m = attrs.next();
            QString value = m.captured(2);
            if (value.isEmpty())
                value = m.captured(3);
            if (value.isEmpty())
                value = m.captured(4);
            attributes.insert(m.captured(1).toLower(), htmlUnescape(value));
        }
        result.append(attributes);
    }
    return result;
}

void appendParam(QByteArray &query, QStringView key, const QString &value)
{
    if (value.isEmpty())
        return;
    if (!query.isEmpty())
        query += '&';
    query += QUrl::toPercentEncoding(key.toString()) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

const QStringList &allSandboxScopes()
{
    static const QStringList scopes {
        QStringLiteral("user:information"),
        QStringLiteral("account:information"),
        QStringLiteral("order:execution"),
        QStringLiteral("order:information"),
        QStringLiteral("position:information"),
        QStringLiteral("market:information"),
        QStringLiteral("calendar:information"),
        QStringLiteral("options:information"),
        QStringLiteral("analytics:information"),
        QStringLiteral("market:supplemental"),
        QStringLiteral("user:management"),
    };
    return scopes;
}

PkcePair PkcePair::generate()
{
    PkcePair pair;
    pair.verifier = SandboxSignIn::randomToken(64);
    pair.challenge = challengeFor(pair.verifier);
    return pair;
}

QString PkcePair::challengeFor(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

SandboxSignIn::SandboxSignIn(SandboxProcess &sandbox)
    : m_sandbox(sandbox)
    , m_http(10000)
{ }

QString SandboxSignIn::randomToken(int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

AuthorizeRequest SandboxSignIn::demoRequest(const QStringList &scopes) const
{
    const PkcePair pkce = PkcePair::generate();
    AuthorizeRequest request;
    request.clientId = m_sandbox.demoClientId();
    request.redirectUri = m_sandbox.demoRedirectUri();
    request.scope = scopes.join(QLatin1Char(' '));
    request.state = randomToken(24);
    request.codeChallenge = pkce.challenge;
    request.codeVerifier = pkce.verifier;
    return request;
}

QUrl SandboxSignIn::authorizeUrl(const AuthorizeRequest &request) const
{
    QByteArray query;
    appendParam(query, u"response_type", request.responseType);
    appendParam(query, u"client_id", request.clientId);
    appendParam(query, u"redirect_uri", request.redirectUri);
    appendParam(query, u"scope", request.scope);
    appendParam(query, u"state", request.state);
    appendParam(query, u"code_challenge", request.codeChallenge);
    appendParam(query, u"code_challenge_method", request.codeChallengeMethod);
    return m_sandbox.url(QStringLiteral("/oauth2/authorize?") + QString::fromLatin1(query));
}

TestHttpResponse SandboxSignIn::openAuthorize(const AuthorizeRequest &request)
{
    return m_http.get(authorizeUrl(request));
}

TestHttpResponse SandboxSignIn::postLogin(const QString &rid, const QString &email, const QString &password)
{
    return m_http.postForm(m_sandbox.url(QStringLiteral("/oauth2/authorize/login")),
        {{QStringLiteral("rid"), rid}, {QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
}

TestHttpResponse SandboxSignIn::postConsent(const QString &rid, const QString &decision, const QStringList &scopes)
{
    FormFields fields {{QStringLiteral("rid"), rid}};
    for (const QString &scope : scopes)
        fields.append({QStringLiteral("scope"), scope});
    fields.append({QStringLiteral("decision"), decision});
    return m_http.postForm(m_sandbox.url(QStringLiteral("/oauth2/authorize/consent")), fields);
}

SignInResult SandboxSignIn::finish(SignInResult result) const
{
    result.location = result.response.location;
    if (result.response.status == 302 && !result.location.isEmpty()) {
        const QUrlQuery query(result.location);
        result.code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        result.state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        result.error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
        result.errorDescription = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
    }
    return result;
}

SignInResult SandboxSignIn::run(const AuthorizeRequest &request, const QString &email, const QString &password,
    const QString &decision, const QStringList &consentScopes)
{
    SignInResult result;
    result.response = openAuthorize(request);
    if (result.response.status != 200)
        return finish(result);
    result.rid = hiddenInput(result.response.body, QStringLiteral("rid"));
    if (result.rid.isEmpty())
        return finish(result);

    result.response = postLogin(result.rid, email, password);
    if (result.response.status != 200)
        return finish(result);
    // The consent page has a consent form; the sign-in page again (wrong password) has not.
    if (!result.response.body.contains("/oauth2/authorize/consent"))
        return finish(result);
    const QString consentRid = hiddenInput(result.response.body, QStringLiteral("rid"));
    const QStringList offered = checkboxValues(result.response.body, QStringLiteral("scope"));
    result.response = postConsent(
        consentRid.isEmpty() ? result.rid : consentRid, decision, consentScopes.isEmpty() ? offered : consentScopes);
    return finish(result);
}

SignInResult SandboxSignIn::run(
    const AuthorizeRequest &request, const QString &decision, const QStringList &consentScopes)
{
    return run(request, m_sandbox.demoUser(), m_sandbox.demoPassword(), decision, consentScopes);
}

TestHttpResponse SandboxSignIn::exchangeCode(
    const QString &code, const QString &verifier, const QString &clientId, const QString &redirectUri)
{
    const nlohmann::json body {{"grant_type", "authorization_code"}, {"code", code.toStdString()},
        {"client_id", clientId.toStdString()}, {"redirect_uri", redirectUri.toStdString()},
        {"code_verifier", verifier.toStdString()}};
    return m_http.postJson(m_sandbox.url(QStringLiteral("/v1/oauth2/token")), body);
}

TestHttpResponse SandboxSignIn::exchangeCode(const SignInResult &result, const AuthorizeRequest &request)
{
    return exchangeCode(result.code, request.codeVerifier, request.clientId, request.redirectUri);
}

TestHttpResponse SandboxSignIn::refresh(const QString &refreshToken, const QString &clientId)
{
    const nlohmann::json body {{"grant_type", "refresh_token"}, {"client_id", clientId.toStdString()},
        {"refresh_token", refreshToken.toStdString()}};
    return m_http.postJson(m_sandbox.url(QStringLiteral("/v1/oauth2/token")), body);
}

SandboxTokens SandboxSignIn::tokensFrom(const TestHttpResponse &response)
{
    SandboxTokens tokens;
    if (response.status != 200)
        return tokens;
    tokens.raw = response.json();
    if (!tokens.raw.is_object())
        return tokens;
    const auto text = [&](const char *key) {
        const auto it = tokens.raw.find(key);
        return it != tokens.raw.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    tokens.accessToken = text("access_token");
    tokens.refreshToken = text("refresh_token");
    tokens.scope = text("scope");
    return tokens;
}

SandboxTokens SandboxSignIn::signIn(SandboxProcess &sandbox, const QStringList &scopes)
{
    return signIn(sandbox, sandbox.demoUser(), sandbox.demoPassword(), scopes);
}

SandboxTokens SandboxSignIn::signIn(SandboxProcess &sandbox, const QString &email, const QString &password,
    const QStringList &scopes, const QStringList &consentScopes)
{
    SandboxSignIn flow(sandbox);
    const AuthorizeRequest request = flow.demoRequest(scopes);
    const SignInResult result = flow.run(request, email, password, QStringLiteral("allow"), consentScopes);
    if (result.code.isEmpty()) {
        qWarning("sign-in did not end with a code: %s", result.response.describe().constData());
        return {};
    }
    const auto response = flow.exchangeCode(result, request);
    if (response.status != 200)
        qWarning("token exchange failed: %s", response.describe().constData());
    return tokensFrom(response);
}

QString SandboxSignIn::hiddenInput(const QByteArray &html, const QString &name)
{
    const auto tags = inputTags(html);
    for (const auto &attributes : tags) {
        if (attributes.value(QStringLiteral("name")) == name)
            return attributes.value(QStringLiteral("value"));
    }
    return {};
}

QStringList SandboxSignIn::checkboxValues(const QByteArray &html, const QString &name)
{
    QStringList values;
    const auto tags = inputTags(html);
    for (const auto &attributes : tags) {
        if (attributes.value(QStringLiteral("type")).compare(u"checkbox", Qt::CaseInsensitive) == 0
            && attributes.value(QStringLiteral("name")) == name)
            values.append(attributes.value(QStringLiteral("value")));
    }
    return values;
}

} // namespace Companion::Testing
