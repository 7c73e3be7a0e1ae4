// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace Bench {

/** Order statistics of a set of timings, in microseconds. */
struct Stats
{
    std::size_t count = 0;
    double p50 = 0;
    double p99 = 0;
    double mean = 0;
    double min = 0;
    double max = 0;

    /** Nearest-rank percentiles of @p micros (which it sorts). */
    static Stats of(std::vector<double> micros);
    /** "123 µs" below 10 ms, "12.3 ms" above: the unit a reader compares at a glance. */
    static std::string format(double micros);
};

} // namespace Bench
