// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Decimal.h"

#include <QTest>

using Companion::Decimal;

class TestDecimal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_valid_data();
    void parse_valid();
    void parse_invalid_data();
    void parse_invalid();
    void toString_minDecimals();
    void times_roundsHalfAwayFromZero();
    void times_overflow_isRefused();
    void plus_overflow_isRefused();
    void dividedBy_byZero_isRefused();
    void dividedBy_rounds();
    void rounded_toCents();
    void fromDouble_nearest();
    void compare_ordersByValue();
};

void TestDecimal::parse_valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("integer") << "10" << qint64(10'000'000) << "10";
    QTest::newRow("cents") << "400.00" << qint64(400'000'000) << "400";
    QTest::newRow("fraction") << "175.5" << qint64(175'500'000) << "175.5";
    QTest::newRow("negative") << "-0.25" << qint64(-250'000) << "-0.25";
    QTest::newRow("plus sign") << "+3" << qint64(3'000'000) << "3";
    QTest::newRow("leading dot") << ".5" << qint64(500'000) << "0.5";
    QTest::newRow("trailing dot") << "7." << qint64(7'000'000) << "7";
    QTest::newRow("six decimals") << "0.000001" << qint64(1) << "0.000001";
    QTest::newRow("zero") << "0" << qint64(0) << "0";
    QTest::newRow("large") << "9000000000000" << qint64(9'000'000'000'000'000'000) << "9000000000000";
}

void TestDecimal::parse_valid()
{
    QFETCH(QString, text);
    QFETCH(qint64, units);
    QFETCH(QString, canonical);
    const auto d = Decimal::parse(text);
    QVERIFY(d.has_value());
    QCOMPARE(d->units(), units);
    QCOMPARE(d->toString(), canonical);
}

void TestDecimal::parse_invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("sign only") << "-";
    QTest::newRow("dot only") << ".";
    QTest::newRow("seven decimals") << "0.0000001";
    QTest::newRow("exponent") << "1e5";
    QTest::newRow("nan") << "NaN";
    QTest::newRow("infinity") << "inf";
    QTest::newRow("space") << " 1";
    QTest::newRow("thousands separator") << "1,000";
    QTest::newRow("two dots") << "1.2.3";
    QTest::newRow("too large") << "9300000000000";
    QTest::newRow("arabic digits") << QString::fromUtf8("\u0661\u0662");
    QTest::newRow("fullwidth digit") << QString::fromUtf8("\uff11");
}

void TestDecimal::parse_invalid()
{
    QFETCH(QString, text);
    QVERIFY(!Decimal::parse(text).has_value());
}

void TestDecimal::toString_minDecimals()
{
    QCOMPARE(Decimal::fromInt(400).toString(2), QStringLiteral("400.00"));
    QCOMPARE(Decimal::parse(u"1.5")->toString(2), QStringLiteral("1.50"));
    QCOMPARE(Decimal::parse(u"1.2345")->toString(2), QStringLiteral("1.2345"));
    QCOMPARE(Decimal::parse(u"-0.5")->toString(2), QStringLiteral("-0.50"));
}

void TestDecimal::times_roundsHalfAwayFromZero()
{
    // 10 × 400.00 = 4000 exactly; 0.000003 × 0.5 = 0.0000015 → 0.000002; negative mirrors.
    QCOMPARE(Decimal::fromInt(10).times(*Decimal::parse(u"400.00"))->toString(), QStringLiteral("4000"));
    QCOMPARE(Decimal::parse(u"0.000003")->times(*Decimal::parse(u"0.5"))->toString(), QStringLiteral("0.000002"));
    QCOMPARE(Decimal::parse(u"-0.000003")->times(*Decimal::parse(u"0.5"))->toString(), QStringLiteral("-0.000002"));
    // Beyond 64 bits in the intermediate product, still exact in the result.
    QCOMPARE(
        Decimal::parse(u"3000000")->times(*Decimal::parse(u"1234.5678"))->toString(), QStringLiteral("3703703400"));
}

void TestDecimal::times_overflow_isRefused()
{
    QVERIFY(!Decimal::parse(u"9000000000000")->times(Decimal::fromInt(2)).has_value());
}

void TestDecimal::plus_overflow_isRefused()
{
    const auto big = *Decimal::parse(u"9000000000000");
    QVERIFY(!big.plus(big).has_value());
    QVERIFY(!big.negated().minus(big).has_value());
    QCOMPARE(big.minus(big)->units(), 0);
}

void TestDecimal::dividedBy_byZero_isRefused()
{
    QVERIFY(!Decimal::fromInt(1).dividedBy(Decimal()).has_value());
}

void TestDecimal::dividedBy_rounds()
{
    QCOMPARE(Decimal::fromInt(2).dividedBy(Decimal::fromInt(3))->toString(), QStringLiteral("0.666667"));
    QCOMPARE(Decimal::fromInt(-1).dividedBy(Decimal::fromInt(8))->toString(), QStringLiteral("-0.125"));
}

void TestDecimal::rounded_toCents()
{
    QCOMPARE(Decimal::parse(u"2.345")->rounded(2).toString(), QStringLiteral("2.35"));
    QCOMPARE(Decimal::parse(u"-2.345")->rounded(2).toString(), QStringLiteral("-2.35"));
    QCOMPARE(Decimal::parse(u"2.344999")->rounded(2).toString(), QStringLiteral("2.34"));
}

void TestDecimal::fromDouble_nearest()
{
    QCOMPARE(Decimal::fromDouble(270.9607, 4)->toString(), QStringLiteral("270.9607"));
    QCOMPARE(Decimal::fromDouble(0.1 + 0.2, 2)->toString(), QStringLiteral("0.3"));
    QVERIFY(!Decimal::fromDouble(std::numeric_limits<double>::quiet_NaN()).has_value());
    QVERIFY(!Decimal::fromDouble(1e30).has_value());
}

void TestDecimal::compare_ordersByValue()
{
    QVERIFY(*Decimal::parse(u"1.10") == *Decimal::parse(u"1.1"));
    QVERIFY(*Decimal::parse(u"-1") < Decimal());
    QVERIFY(*Decimal::parse(u"400.01") > Decimal::fromInt(400));
}

QTEST_GUILESS_MAIN(TestDecimal)
#include "TestDecimal.moc"
