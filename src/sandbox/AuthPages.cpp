// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthPages.h"

#include "OAuthServer.h"

using namespace Qt::StringLiterals;

namespace Companion::Sandbox::AuthPages {

namespace {

// Inline because the pages load nothing: the sandbox runs offline and the consent window must not reach
// out to the network. Follows the system's dark mode so the embedded window does not flash white.
constexpr auto kStyle =
    u"\n"
    u":root{color-scheme:light dark;--fg:#1b1f24;--muted:#5a6270;--bg:#f3f4f6;--card:#fff;"
    u"--line:#d5d9e0;--accent:#1d5fd1;--accent-fg:#fff;--warn-bg:#fff4d6;--warn-fg:#5c4300;"
    u"--err-bg:#fde8e8;--err-fg:#8a1c1c}\n"
    u"@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#a2a9b4;--bg:#15181c;"
    u"--card:#1f2328;--line:#3a4049;--accent:#5b9bff;--accent-fg:#0b1320;--warn-bg:#3d3312;"
    u"--warn-fg:#f3dc9b;--err-bg:#4a1f1f;--err-fg:#ffc9c9}}\n"
    u"*{box-sizing:border-box}\n"
    u"body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
    u"color:var(--fg);background:var(--bg)}\n"
    u".sandbox{margin:0;padding:.5rem 1rem;background:var(--warn-bg);color:var(--warn-fg);"
    u"font-size:.85rem;text-align:center}\n"
    u"main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:var(--card);"
    u"border:1px solid var(--line);border-radius:10px}\n"
    u"h1{font-size:1.3rem;margin:0 0 .75rem}\n"
    u"h2{font-size:.95rem;margin:0 0 .4rem}\n"
    u"p{margin:0 0 1rem}\n"
    u"code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}\n"
    u"label{display:block;font-weight:600;margin:0 0 .25rem}\n"
    u"input[type=text],input[type=password]{display:block;width:100%;padding:.5rem .6rem;"
    u"margin:0 0 1rem;font:inherit;color:inherit;background:transparent;border:1px solid var(--line);"
    u"border-radius:6px}\n"
    u"button{font:inherit;padding:.55rem 1.2rem;border-radius:6px;border:1px solid var(--line);"
    u"background:transparent;color:inherit;cursor:pointer}\n"
    u"button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg);"
    u"font-weight:600}\n"
    u".actions{display:flex;gap:.75rem;margin-top:1.25rem}\n"
    u".error{padding:.6rem .8rem;border-radius:6px;background:var(--err-bg);color:var(--err-fg)}\n"
    u".muted{color:var(--muted);font-size:.9rem}\n"
    u".demo{margin-top:1.5rem;padding:.8rem;border:1px dashed var(--line);border-radius:6px}\n"
    u".demo dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:0}\n"
    u".demo dt{color:var(--muted)}.demo dd{margin:0}\n"
    u"fieldset{border:0;margin:0;padding:0}\n"
    u"legend{font-weight:600;margin-bottom:.5rem}\n"
    u".scope{display:flex;gap:.6rem;align-items:flex-start;font-weight:normal;padding:.5rem 0;"
    u"border-top:1px solid var(--line);margin:0}\n"
    u".scope input{margin-top:.25rem}\n"
    u".scope code{display:block;color:var(--muted)}\n";

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// The frame every page shares: the "Aries Sandbox" banner comes first so nobody mistakes the page for
// the real Aries sign-in. No referrer: the app it returns to has no business with the sign-in addresses
// (the authorize query holds its state and code_challenge).
QByteArray page(const QString &title, const QString &content)
{
    const QString html = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         u"<meta name=\"referrer\" content=\"no-referrer\">\n<title>"_s
        % esc(title) % u" \u2013 Aries Sandbox</title>\n<style>"_s % QStringView(kStyle)
        % u"</style>\n</head>\n<body>\n"
          u"<p class=\"sandbox\" role=\"note\"><strong>Aries Sandbox</strong> \u2013 a local simulator of Aries "
          u"running on this computer. This is not the real Aries; no real account or money is involved.</p>\n"
          u"<main>\n"_s
        % content % u"</main>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

// An id attribute from a scope name: "order:execution" -> "scope-order-execution".
QString scopeId(const QString &scope)
{
    QString id = u"scope-"_s % scope;
    for (QChar &c : id) {
        if (!c.isLetterOrNumber() && c != u'-')
            c = u'-';
    }
    return id;
}

} // namespace

QByteArray signIn(const QString &rid, const QString &clientId, const QString &errorMessage, const QString &demoEmail,
    const QString &demoPassword, bool autoSubmit)
{
    QString content = u"<h1>Sign in to Aries Sandbox</h1>\n"
                      u"<p>The app <code>"_s
        % esc(clientId) % u"</code> asks to connect to your sandbox account.</p>\n"_s;
    if (!errorMessage.isEmpty())
        content += u"<p class=\"error\" role=\"alert\">"_s % esc(errorMessage) % u"</p>\n"_s;
    content += u"<form method=\"post\" action=\"/oauth2/authorize/login\">\n"
               u"<input type=\"hidden\" name=\"rid\" value=\""_s
        % esc(rid)
        % u"\">\n"
          // type=text rather than email: the sandbox, not the browser, decides what is wrong with an address.
          u"<label for=\"email\">Email</label>\n"
          u"<input type=\"text\" id=\"email\" name=\"email\" inputmode=\"email\" autocomplete=\"username\" "
          u"autocapitalize=\"none\" spellcheck=\"false\" autofocus>\n"
          u"<label for=\"password\">Password</label>\n"
          u"<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">\n"
          u"<div class=\"actions\"><button type=\"submit\" id=\"sign-in\" class=\"primary\">Sign in</button></div>\n"
          u"</form>\n"_s;
    if (!demoEmail.isEmpty()) {
        content += u"<section class=\"demo\">\n<h2>Demo account</h2>\n<dl>\n<dt>Email</dt><dd><code>"_s % esc(demoEmail)
            % u"</code></dd>\n<dt>Password</dt><dd><code>"_s % esc(demoPassword)
            % u"</code></dd>\n</dl>\n</section>\n"_s;
        // --auto-consent. The credentials are read back from the demo box, so nothing needs escaping for
        // JavaScript; click() submits the form as the Sign in button would. Not after a failed attempt,
        // or a wrong demo password would submit forever.
        if (autoSubmit && errorMessage.isEmpty()) {
            content += u"<script>\naddEventListener('load', function () {\n"
                       u"  var demo = document.querySelectorAll('.demo code');\n"
                       u"  document.getElementById('email').value = demo[0].textContent;\n"
                       u"  document.getElementById('password').value = demo[1].textContent;\n"
                       u"  document.getElementById('sign-in').click();\n"
                       u"});\n</script>\n"_s;
        }
    }
    return page(u"Sign in"_s, content);
}

QByteArray consent(
    const QString &rid, const QString &clientId, const QString &email, const QStringList &scopes, bool autoSubmit)
{
    QString content = u"<h1>Allow access?</h1>\n<p>The app <code>"_s % esc(clientId)
        % u"</code> asks for access to the sandbox account <strong>"_s % esc(email)
        % u"</strong>. Untick anything you do not want to allow.</p>\n"
          u"<form method=\"post\" action=\"/oauth2/authorize/consent\">\n"
          u"<input type=\"hidden\" name=\"rid\" value=\""_s
        % esc(rid) % u"\">\n<fieldset>\n<legend>The app will be able to:</legend>\n"_s;
    for (const QString &scope : scopes) {
        const QString id = scopeId(scope);
        content += u"<label class=\"scope\" for=\""_s % esc(id) % u"\"><input type=\"checkbox\" id=\""_s % esc(id)
            % u"\" name=\"scope\" value=\""_s % esc(scope) % u"\" checked><span>"_s % esc(scopeDescription(scope))
            % u" <code>"_s % esc(scope) % u"</code></span></label>\n"_s;
    }
    // Allow comes first: pressing Enter in a form submits its first button.
    content += u"</fieldset>\n"
               u"<p class=\"muted\">With every box unticked, Allow allows everything listed.</p>\n"
               u"<div class=\"actions\">"
               u"<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\" class=\"primary\">"
               u"Allow</button>"
               u"<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>"
               u"</div>\n</form>\n"_s;
    if (autoSubmit) {
        // --auto-consent. click() on the button (not form.submit()) so the post carries decision=allow.
        content += u"<script>\naddEventListener('load', function () {\n"
                   u"  document.getElementById('allow').click();\n"
                   u"});\n</script>\n"_s;
    }
    return page(u"Allow access"_s, content);
}

QByteArray error(const QString &errorCode, const QString &explanation)
{
    const QString content = u"<h1>Sign-in cannot continue</h1>\n<p class=\"error\" role=\"alert\">"_s % esc(explanation)
        % u"</p>\n<p class=\"muted\">Error code: <code>"_s % esc(errorCode) % u"</code></p>\n"_s;
    return page(u"Error"_s, content);
}

} // namespace Companion::Sandbox::AuthPages
