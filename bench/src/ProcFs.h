// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <vector>

namespace Bench {

/** What Linux's /proc says of a process: memory and CPU time, the way `ps` and `top` read them. */
class ProcFs final
{
public:
    ProcFs() = delete;

    /** Resident set size (VmRSS), KiB; 0 when the process is gone. */
    static long rssKiB(pid_t pid);
    /** Peak resident set size (VmHWM), KiB. */
    static long peakRssKiB(pid_t pid);
    /** User plus system CPU time, seconds. */
    static double cpuSeconds(pid_t pid);
    /** Every process whose parent chain leads to @p pid (not @p pid itself). */
    static std::vector<pid_t> descendants(pid_t pid);
    /** The process's executable name (comm). */
    static bool nameIs(pid_t pid, const char *name);
};

} // namespace Bench
