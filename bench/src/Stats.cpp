// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace Bench {

Stats Stats::of(std::vector<double> micros)
{
    Stats stats;
    if (micros.empty()) {
        return stats;
    }
    std::sort(micros.begin(), micros.end());
    const auto rank = [&micros](double percentile) {
        const auto index = std::size_t(std::ceil(percentile / 100.0 * double(micros.size())));
        return micros[std::clamp<std::size_t>(index, 1, micros.size()) - 1];
    };
    stats.count = micros.size();
    stats.p50 = rank(50);
    stats.p99 = rank(99);
    stats.mean = std::accumulate(micros.begin(), micros.end(), 0.0) / double(micros.size());
    stats.min = micros.front();
    stats.max = micros.back();
    return stats;
}

std::string Stats::format(double micros)
{
    char text[32];
    if (std::fabs(micros) < 10'000) {
        std::snprintf(text, sizeof text, "%.0f µs", micros);
    } else if (std::fabs(micros) < 10'000'000) {
        std::snprintf(text, sizeof text, "%.1f ms", micros / 1000);
    } else {
        std::snprintf(text, sizeof text, "%.2f s", micros / 1e6);
    }
    return text;
}

} // namespace Bench
