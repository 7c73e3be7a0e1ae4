// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClientConfig.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion::Setup;

/** The snippets users paste into their MCP clients. */
class TestClientConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippet_jsonClients_areValidJsonWithTheBridge_data();
    void snippet_jsonClients_areValidJsonWithTheBridge();
    void snippet_claudeCode_isACommandWithTheQuotedPath();
    void snippet_unknownClient_namesTheKnownOnes();
    void snippet_relativePath_isRefused();
    void snippet_isInstructionsThenPasteableText();
    void http_jsonClients_carryUrlAndBearerHeader_data();
    void http_jsonClients_carryUrlAndBearerHeader();
    void http_claudeCode_isAnHttpCommandWithTheHeader();
    void http_claudeDesktop_isRefused();
    void http_keyThatWouldBreakTheSnippet_isRefused_data();
    void http_keyThatWouldBreakTheSnippet_isRefused();
    void http_badUrl_isRefused();

private:
    static nlohmann::json jsonPart(const QString &text)
    {
        const qsizetype start = text.indexOf(QLatin1Char('{'));
        return nlohmann::json::parse(text.mid(start).toStdString(), nullptr, false);
    }
};

void TestClientConfig::snippet_jsonClients_areValidJsonWithTheBridge_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("serversKey");
    QTest::addColumn<QString>("bridge");
    QTest::newRow("claude-desktop") << "claude-desktop"
                                    << "mcpServers"
                                    << "/usr/bin/aries-mcp";
    QTest::newRow("cursor") << "cursor"
                            << "mcpServers"
                            << "/opt/Aries Companion/bin/aries-mcp";
    QTest::newRow("vscode") << "vscode"
                            << "servers"
                            << "/home/ana/apps/\"quoted\"/aries-mcp";
    QTest::newRow("non-ascii path") << "claude-desktop"
                                    << "mcpServers" << QString::fromUtf8("/home/zoë/bin/aries-mcp");
}

void TestClientConfig::snippet_jsonClients_areValidJsonWithTheBridge()
{
    QFETCH(QString, client);
    QFETCH(QString, serversKey);
    QFETCH(QString, bridge);
    const auto text = ClientConfig::snippet(client, bridge);
    QVERIFY(text.has_value());
    const nlohmann::json config = jsonPart(*text);
    QVERIFY2(config.is_object(), qPrintable(*text));
    const nlohmann::json server =
        config.value(serversKey.toStdString(), nlohmann::json()).value("aries", nlohmann::json());
    QVERIFY2(server.is_object(), qPrintable(*text));
    QCOMPARE(QString::fromStdString(server.value("command", std::string())), bridge);
    QVERIFY(server["args"].is_array() && server["args"].empty());
    if (client == QLatin1String("vscode")) {
        QCOMPARE(QString::fromStdString(server.value("type", std::string())), QStringLiteral("stdio"));
    }
}

void TestClientConfig::snippet_claudeCode_isACommandWithTheQuotedPath()
{
    const auto text =
        ClientConfig::snippet(QStringLiteral("claude-code"), QStringLiteral("/opt/Aries Companion/aries-mcp"));
    QVERIFY(text.has_value());
    QVERIFY2(text->contains(QStringLiteral("claude mcp add --scope user aries -- \"/opt/Aries Companion/aries-mcp\"")),
        qPrintable(*text));
}

void TestClientConfig::snippet_unknownClient_namesTheKnownOnes()
{
    const auto text = ClientConfig::snippet(QStringLiteral("emacs"), QStringLiteral("/usr/bin/aries-mcp"));
    QVERIFY(!text.has_value());
    for (const QString &client : ClientConfig::clients()) {
        QVERIFY2(text.error().contains(client), qPrintable(text.error()));
    }
}

void TestClientConfig::snippet_relativePath_isRefused()
{
    QVERIFY(!ClientConfig::snippet(QStringLiteral("cursor"), QStringLiteral("bin/aries-mcp")).has_value());
}

void TestClientConfig::snippet_isInstructionsThenPasteableText()
{
    for (const QString &client : ClientConfig::clients()) {
        const auto parts = ClientConfig::stdioSnippet(client, QStringLiteral("/usr/bin/aries-mcp"));
        QVERIFY(parts.has_value());
        QVERIFY2(parts->instructions.endsWith(QLatin1Char(':')), qPrintable(parts->instructions));
        // The text alone is what a Copy button copies: a whole JSON document or a whole command.
        if (client != QLatin1String("claude-code")) {
            QVERIFY2(
                nlohmann::json::parse(parts->text.toStdString(), nullptr, false).is_object(), qPrintable(parts->text));
        } else {
            QVERIFY(parts->text.startsWith(QStringLiteral("claude mcp add ")));
        }
        const auto whole = ClientConfig::snippet(client, QStringLiteral("/usr/bin/aries-mcp"));
        QVERIFY(whole.has_value());
        QCOMPARE(*whole, parts->instructions + QLatin1Char('\n') + parts->text);
    }
}

void TestClientConfig::http_jsonClients_carryUrlAndBearerHeader_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("serversKey");
    QTest::addColumn<QString>("type"); // empty: the format has none
    QTest::newRow("cursor") << "cursor"
                            << "mcpServers" << QString();
    QTest::newRow("vscode") << "vscode"
                            << "servers"
                            << "http";
}

void TestClientConfig::http_jsonClients_carryUrlAndBearerHeader()
{
    QFETCH(QString, client);
    QFETCH(QString, serversKey);
    QFETCH(QString, type);
    const QUrl url(QStringLiteral("http://127.0.0.1:7465/mcp"));
    const auto parts = ClientConfig::httpSnippet(client, url, QStringLiteral("k3y_-AbC"));
    QVERIFY2(parts.has_value(), qPrintable(parts ? QString() : parts.error()));
    const nlohmann::json config = nlohmann::json::parse(parts->text.toStdString(), nullptr, false);
    QVERIFY2(config.is_object(), qPrintable(parts->text));
    const nlohmann::json server =
        config.value(serversKey.toStdString(), nlohmann::json()).value("aries", nlohmann::json());
    QVERIFY2(server.is_object(), qPrintable(parts->text));
    QCOMPARE(QString::fromStdString(server.value("url", std::string())), url.toString());
    QVERIFY(server["headers"]["Authorization"] == "Bearer k3y_-AbC");
    QVERIFY(!server.contains("command"));
    QCOMPARE(QString::fromStdString(server.value("type", std::string())), type);
    // The instructions warn that the text holds a secret.
    QVERIFY2(parts->instructions.contains(QStringLiteral("local key")), qPrintable(parts->instructions));
}

void TestClientConfig::http_claudeCode_isAnHttpCommandWithTheHeader()
{
    const auto parts = ClientConfig::httpSnippet(
        QStringLiteral("claude-code"), QUrl(QStringLiteral("http://127.0.0.1:7465/mcp")), QStringLiteral("k3y"));
    QVERIFY(parts.has_value());
    QCOMPARE(parts->text,
        QStringLiteral("claude mcp add --transport http --scope user aries http://127.0.0.1:7465/mcp "
                       "--header \"Authorization: Bearer k3y\""));
}

void TestClientConfig::http_claudeDesktop_isRefused()
{
    const auto parts = ClientConfig::httpSnippet(
        QStringLiteral("claude-desktop"), QUrl(QStringLiteral("http://127.0.0.1:7465/mcp")), QStringLiteral("k3y"));
    QVERIFY(!parts.has_value());
    QVERIFY2(parts.error().contains(QStringLiteral("bridge")), qPrintable(parts.error()));
    QVERIFY(!ClientConfig::httpClients().contains(QStringLiteral("claude-desktop")));
}

void TestClientConfig::http_keyThatWouldBreakTheSnippet_isRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("quote") << "ab\"cd";
    QTest::newRow("dollar") << "ab$(rm)";
    QTest::newRow("backtick") << "ab`x`";
    QTest::newRow("backslash") << "ab\\cd";
    QTest::newRow("newline") << "ab\ncd";
}

void TestClientConfig::http_keyThatWouldBreakTheSnippet_isRefused()
{
    QFETCH(QString, key);
    for (const QString &client : ClientConfig::httpClients()) {
        const auto parts = ClientConfig::httpSnippet(client, QUrl(QStringLiteral("http://127.0.0.1:1/mcp")), key);
        QVERIFY2(!parts.has_value(), qPrintable(client));
        // The refusal never repeats the key.
        QVERIFY(key.isEmpty() || !parts.error().contains(key));
    }
}

void TestClientConfig::http_badUrl_isRefused()
{
    QVERIFY(!ClientConfig::httpSnippet(QStringLiteral("cursor"), QUrl(), QStringLiteral("k")).has_value());
    QVERIFY(!ClientConfig::httpSnippet(QStringLiteral("cursor"), QUrl(QStringLiteral("/mcp")), QStringLiteral("k"))
                 .has_value());
}

QTEST_GUILESS_MAIN(TestClientConfig)
#include "TestClientConfig.moc"
