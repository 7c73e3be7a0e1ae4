// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Decimal.h"

#include <cmath>
#include <limits>

#if !defined(__SIZEOF_INT128__) && defined(_MSC_VER)
#include <intrin.h>
#endif

namespace Companion {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// |a| * |b| / divisor rounded half up, as an unsigned magnitude; nullopt when it does not fit.
// 128-bit intermediate: prices times quantities overflow 64 bits long before the result does.
std::optional<std::uint64_t> mulDivRounded(std::uint64_t a, std::uint64_t b, std::uint64_t divisor)
{
#if defined(__SIZEOF_INT128__)
    __extension__ using u128 = unsigned __int128; // __extension__: a GCC/Clang type, -Wpedantic would refuse it
    const u128 product = static_cast<u128>(a) * b;
    u128 quotient = product / divisor;
    const u128 remainder = product % divisor;
    if (remainder * 2 >= divisor) {
        ++quotient;
    }
    if (quotient > static_cast<u128>(kMax)) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(quotient);
#else
    std::uint64_t high = 0;
    const std::uint64_t low = _umul128(a, b, &high);
    if (high >= divisor) {
        return std::nullopt; // quotient would not fit 64 bits
    }
    std::uint64_t remainder = 0;
    std::uint64_t quotient = _udiv128(high, low, divisor, &remainder);
    if (remainder >= divisor - remainder) {
        ++quotient;
    }
    if (quotient > static_cast<std::uint64_t>(kMax)) {
        return std::nullopt;
    }
    return quotient;
#endif
}

std::uint64_t magnitude(std::int64_t v)
{
    return v < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

std::int64_t pow10(int n)
{
    std::int64_t r = 1;
    while (n-- > 0) {
        r *= 10;
    }
    return r;
}

} // namespace

std::optional<Decimal> Decimal::parse(QStringView text)
{
    if (text.isEmpty() || text.size() > 40) {
        return std::nullopt;
    }
    qsizetype i = 0;
    bool negative = false;
    if (text[0] == u'-' || text[0] == u'+') {
        negative = text[0] == u'-';
        ++i;
    }
    std::uint64_t whole = 0;
    int wholeDigits = 0;
    for (; i < text.size() && text[i] >= u'0' && text[i] <= u'9'; ++i) {
        whole = whole * 10 + static_cast<std::uint64_t>(text[i].unicode() - u'0');
        if (whole > static_cast<std::uint64_t>(kMax / kUnitsPerOne)) {
            return std::nullopt;
        }
        ++wholeDigits;
    }
    std::int64_t fraction = 0;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        for (; i < text.size() && text[i] >= u'0' && text[i] <= u'9'; ++i) {
            if (++fractionDigits > kMaxDecimals) {
                return std::nullopt;
            }
            fraction = fraction * 10 + (text[i].unicode() - u'0');
        }
    }
    if (i != text.size() || wholeDigits + fractionDigits == 0) {
        return std::nullopt;
    }
    const std::int64_t units =
        static_cast<std::int64_t>(whole) * kUnitsPerOne + fraction * pow10(kMaxDecimals - fractionDigits);
    return fromUnits(negative ? -units : units);
}

Decimal Decimal::fromInt(std::int64_t value)
{
    return fromUnits(value * kUnitsPerOne);
}

std::optional<Decimal> Decimal::fromDouble(double value, int decimals)
{
    if (!std::isfinite(value) || decimals < 0 || decimals > kMaxDecimals) {
        return std::nullopt;
    }
    const double scaled = std::round(value * static_cast<double>(pow10(decimals)));
    if (std::fabs(scaled) * static_cast<double>(pow10(kMaxDecimals - decimals)) >= 9.2e18) {
        return std::nullopt;
    }
    return fromUnits(static_cast<std::int64_t>(scaled) * pow10(kMaxDecimals - decimals));
}

QString Decimal::toString(int minDecimals) const
{
    const std::uint64_t mag = magnitude(m_units);
    QString result = QString::number(mag / kUnitsPerOne);
    const int needed = std::max(decimals(), std::clamp(minDecimals, 0, kMaxDecimals));
    if (needed > 0) {
        const QString fraction = QStringLiteral("%1").arg(mag % kUnitsPerOne, kMaxDecimals, 10, QLatin1Char('0'));
        result += QLatin1Char('.') + fraction.left(needed);
    }
    return m_units < 0 ? QLatin1Char('-') + result : result;
}

int Decimal::decimals() const
{
    std::int64_t fraction = static_cast<std::int64_t>(magnitude(m_units) % kUnitsPerOne);
    if (fraction == 0) {
        return 0;
    }
    int digits = kMaxDecimals;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    return digits;
}

double Decimal::toDouble() const
{
    return static_cast<double>(m_units) / static_cast<double>(kUnitsPerOne);
}

std::optional<Decimal> Decimal::plus(Decimal other) const
{
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    if ((other.m_units > 0 && m_units > kMax - other.m_units)
        || (other.m_units < 0 && m_units < kMin - other.m_units)) {
        return std::nullopt;
    }
    return fromUnits(m_units + other.m_units);
}

std::optional<Decimal> Decimal::minus(Decimal other) const
{
    if (other.m_units == std::numeric_limits<std::int64_t>::min()) {
        return std::nullopt;
    }
    return plus(other.negated());
}

std::optional<Decimal> Decimal::times(Decimal other) const
{
    const auto mag = mulDivRounded(magnitude(m_units), magnitude(other.m_units), kUnitsPerOne);
    if (!mag) {
        return std::nullopt;
    }
    const bool negative = (m_units < 0) != (other.m_units < 0);
    const auto units = static_cast<std::int64_t>(*mag);
    return fromUnits(negative ? -units : units);
}

std::optional<Decimal> Decimal::dividedBy(Decimal other) const
{
    if (other.m_units == 0) {
        return std::nullopt;
    }
    const auto mag = mulDivRounded(magnitude(m_units), kUnitsPerOne, magnitude(other.m_units));
    if (!mag) {
        return std::nullopt;
    }
    const bool negative = (m_units < 0) != (other.m_units < 0);
    const auto units = static_cast<std::int64_t>(*mag);
    return fromUnits(negative ? -units : units);
}

Decimal Decimal::rounded(int decimals) const
{
    const std::int64_t step = pow10(kMaxDecimals - std::clamp(decimals, 0, kMaxDecimals));
    const std::uint64_t mag = magnitude(m_units);
    std::uint64_t q = mag / static_cast<std::uint64_t>(step);
    if ((mag % static_cast<std::uint64_t>(step)) * 2 >= static_cast<std::uint64_t>(step)) {
        ++q;
    }
    const auto units = static_cast<std::int64_t>(q) * step;
    return fromUnits(m_units < 0 ? -units : units);
}

} // namespace Companion
