// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <optional>

namespace Companion {

/**
 * An exact decimal number with up to six fractional digits, for money and quantities.
 *
 * Aries sends prices, quantities and balances as decimal strings ("175.50"). Going through double
 * would turn "0.1" into 0.1000000000000000055…, which is wrong for an order, so these values live
 * here as a count of millionths in a 64-bit integer: ±9.2 trillion with six decimals, far above any
 * account. Every operation that could overflow is checked and says so by returning std::nullopt.
 *
 * Written here rather than taken from a library: Debian 12 ships no decimal library for C++
 * (mpdecimal's development package is not in the archive), and the need is small: parse, format,
 * add, multiply, divide and compare at one fixed scale.
 */
class Decimal final
{
public:
    static constexpr int kMaxDecimals = 6;
    static constexpr std::int64_t kUnitsPerOne = 1'000'000;

    constexpr Decimal() = default;

    /**
     * Parses a plain decimal string: optional sign, digits, optional '.' and at most six fractional
     * digits ("10", "-0.5", "400.00", ".25"). Exponents, NaN, infinity, spaces, thousands separators
     * and values beyond the range are refused.
     */
    static std::optional<Decimal> parse(QStringView text);
    /** Whole number. */
    static Decimal fromInt(std::int64_t value);
    /** Raw millionths. */
    static constexpr Decimal fromUnits(std::int64_t units)
    {
        Decimal d;
        d.m_units = units;
        return d;
    }
    /** Nearest value to @p value with @p decimals fractional digits (for market data, which Aries sends as numbers). */
    static std::optional<Decimal> fromDouble(double value, int decimals = kMaxDecimals);

    /** Millionths. */
    constexpr std::int64_t units() const { return m_units; }
    /** Shortest exact form, with at least @p minDecimals fractional digits ("400" → "400.00" with 2). */
    QString toString(int minDecimals = 0) const;
    /** Number of fractional digits needed to write the value exactly. */
    int decimals() const;
    /** For display and statistics only; never for an amount that is sent anywhere. */
    double toDouble() const;

    bool isZero() const { return m_units == 0; }
    bool isNegative() const { return m_units < 0; }
    bool isPositive() const { return m_units > 0; }
    bool isInteger() const { return m_units % kUnitsPerOne == 0; }

    std::optional<Decimal> plus(Decimal other) const;
    std::optional<Decimal> minus(Decimal other) const;
    /** Product rounded half away from zero to six decimals. */
    std::optional<Decimal> times(Decimal other) const;
    /** Quotient rounded half away from zero to six decimals; nullopt for division by zero. */
    std::optional<Decimal> dividedBy(Decimal other) const;
    /** Rounded half away from zero to @p decimals fractional digits (0…6). */
    Decimal rounded(int decimals) const;
    Decimal negated() const { return fromUnits(-m_units); }
    Decimal abs() const { return m_units < 0 ? negated() : *this; }

    friend constexpr bool operator==(Decimal a, Decimal b) = default;
    friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) { return a.m_units <=> b.m_units; }

private:
    std::int64_t m_units = 0;
};

} // namespace Companion
