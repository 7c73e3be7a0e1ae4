// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/SchemaValidator.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion::Mcp;
using nlohmann::json;

namespace {

/** The schema most rows use: a small order-like argument object. */
const char *const kSchema = R"({
  "type": "object",
  "required": ["symbol", "quantity"],
  "additionalProperties": false,
  "properties": {
    "symbol": {"type": "string", "minLength": 1, "maxLength": 10, "pattern": "^[A-Z]+$"},
    "quantity": {"type": "number", "exclusiveMinimum": 0},
    "limit": {"type": "integer", "minimum": 1, "maximum": 500},
    "side": {"type": "string", "enum": ["BUY", "SELL"]},
    "version": {"const": 2},
    "symbols": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]+$"}, "minItems": 1, "maxItems": 3,
                "uniqueItems": true},
    "note": {"type": ["string", "null"], "maxLength": 3},
    "leg": {"type": "object", "required": ["ratio"], "additionalProperties": false,
            "properties": {"ratio": {"type": "integer"}}}
  }
})";

} // namespace

class TestSchemaValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void combinators_data();
    void combinators();
};

void TestSchemaValidator::validate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("expected");

    const auto row = [](const char *name, const char *value, QStringList expected) {
        QTest::newRow(name) << QByteArray(value) << expected;
    };
    row("valid", R"({"symbol":"AAPL","quantity":1})", {});
    row("valid-all", R"({"symbol":"A","quantity":0.5,"limit":500,"side":"SELL","version":2,"symbols":["A","B"],
        "note":null,"leg":{"ratio":1}})",
        {});
    row("integer-as-float", R"({"symbol":"A","quantity":1,"limit":3.0})", {});
    row("missing", R"({"quantity":1})", {QStringLiteral("missing required argument 'symbol'")});
    row("unknown", R"({"symbol":"A","quantity":1,"qty":1})",
        {QStringLiteral("unknown argument 'qty'; expected one of: leg, limit, note, quantity, side, symbol, symbols, "
                        "version")});
    row("type-string", R"({"symbol":5,"quantity":1})", {QStringLiteral("symbol must be a string, not 5")});
    row("type-integer", R"({"symbol":"A","quantity":1,"limit":2.5})",
        {QStringLiteral("limit must be a whole number, not 2.5")});
    row("type-number", R"({"symbol":"A","quantity":"1"})", {QStringLiteral("quantity must be a number, not \"1\"")});
    row("type-union", R"({"symbol":"A","quantity":1,"note":7})",
        {QStringLiteral("note must be a string or null, not 7")});
    row("exclusive-minimum", R"({"symbol":"A","quantity":0})",
        {QStringLiteral("quantity must be greater than 0 (got 0)")});
    row("minimum", R"({"symbol":"A","quantity":1,"limit":0})", {QStringLiteral("limit must be at least 1 (got 0)")});
    row("maximum", R"({"symbol":"A","quantity":1,"limit":501})",
        {QStringLiteral("limit must be at most 500 (got 501)")});
    row("enum", R"({"symbol":"A","quantity":1,"side":"HOLD"})",
        {QStringLiteral("side must be one of: BUY, SELL (got \"HOLD\")")});
    row("const", R"({"symbol":"A","quantity":1,"version":3})", {QStringLiteral("version must be 2")});
    row("pattern", R"({"symbol":"aapl","quantity":1})",
        {QStringLiteral("symbol has the wrong form: \"aapl\" does not match the pattern ^[A-Z]+$")});
    row("min-length", R"({"symbol":"","quantity":1})",
        {QStringLiteral("symbol must not be empty"),
            QStringLiteral("symbol has the wrong form: \"\" does not match the pattern ^[A-Z]+$")});
    row("max-length", R"({"symbol":"ABCDEFGHIJK","quantity":1})",
        {QStringLiteral("symbol must be at most 10 characters long (got 11)")});
    // Code points, not UTF-16 units: three emoji are three characters.
    row("max-length-code-points",
        "{\"symbol\":\"A\",\"quantity\":1,\"note\":\"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\"}", {});
    row("min-items", R"({"symbol":"A","quantity":1,"symbols":[]})",
        {QStringLiteral("symbols must have at least 1 item")});
    row("max-items", R"({"symbol":"A","quantity":1,"symbols":["A","B","C","D"]})",
        {QStringLiteral("symbols must have at most 3 items (got 4)")});
    row("unique-items", R"({"symbol":"A","quantity":1,"symbols":["A","A"]})",
        {QStringLiteral("symbols must not contain duplicates (\"A\" appears more than once)")});
    row("items", R"({"symbol":"A","quantity":1,"symbols":["A","b"]})",
        {QStringLiteral("symbols[1] has the wrong form: \"b\" does not match the pattern ^[A-Z]+$")});
    row("nested", R"({"symbol":"A","quantity":1,"leg":{"ratio":"x","side":1}})",
        {QStringLiteral("leg.ratio must be a whole number, not \"x\""),
            QStringLiteral("unknown property 'side' in leg; expected one of: ratio")});
    row("nested-required", R"({"symbol":"A","quantity":1,"leg":{}})",
        {QStringLiteral("leg is missing required property 'ratio'")});
    row("several", R"({"quantity":-1,"limit":"x"})",
        {QStringLiteral("missing required argument 'symbol'"),
            QStringLiteral("limit must be a whole number, not \"x\""),
            QStringLiteral("quantity must be greater than 0 (got -1)")});
    row("not-object", R"([1])", {QStringLiteral("the arguments must be an object, not [1]")});
}

void TestSchemaValidator::validate()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, expected);
    const QStringList problems = SchemaValidator::validate(json::parse(kSchema), json::parse(value.toStdString()));
    QCOMPARE(problems, expected);
}

void TestSchemaValidator::combinators_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("expected");
    const QByteArray oneOf = R"J({"type":"object","oneOf":[
        {"required":["symbol"],"description":"symbol (one ticker)"
},
        {"required":["symbols"],"description":"symbols (a list)"}]
})J";
    QTest::newRow("oneOf-first") << oneOf << QByteArray(R"({"symbol":"A"})") << QStringList();
    QTest::newRow("oneOf-none")
        << oneOf << QByteArray("{}")
        << QStringList({QStringLiteral(
               "the arguments must match one of these forms: symbol (one ticker); or symbols (a list)")});
    QTest::newRow("oneOf-both") << oneOf << QByteArray(R"({"symbol":"A","symbols":[]})")
                                << QStringList({QStringLiteral(
                                       "the arguments matches more than one of the allowed forms; give only one")});
    const QByteArray anyOf = R"({"anyOf":[{"type":"integer"},{"type":"string","pattern":"^[0-9]+$"}]})";
    QTest::newRow("anyOf-int") << anyOf << QByteArray("5") << QStringList();
    QTest::newRow("anyOf-string") << anyOf << QByteArray(R"("12")") << QStringList();
    QTest::newRow("anyOf-none") << anyOf << QByteArray("true")
                                << QStringList({QStringLiteral("the arguments must be a whole number, not true")});
    QTest::newRow("false-schema") << QByteArray(R"({"properties":{"x":false}})") << QByteArray(R"({"x":1})")
                                  << QStringList({QStringLiteral("x is not allowed")});
    QTest::newRow("no-arguments") << QByteArray(R"({"type":"object","additionalProperties":false})")
                                  << QByteArray(R"({"x":1})")
                                  << QStringList(
                                         {QStringLiteral("unknown argument 'x'; this tool takes no arguments")});
}

void TestSchemaValidator::combinators()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, value);
    QFETCH(QStringList, expected);
    QCOMPARE(SchemaValidator::validate(json::parse(schema.toStdString()), json::parse(value.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "TestSchemaValidator.moc"
