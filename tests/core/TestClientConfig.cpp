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

QTEST_GUILESS_MAIN(TestClientConfig)
#include "TestClientConfig.moc"
