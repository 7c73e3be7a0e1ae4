// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcFs.h"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace Bench {

namespace {

long statusField(pid_t pid, const char *field)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::size_t length = std::strlen(field);
    while (std::getline(status, line)) {
        if (line.compare(0, length, field) == 0 && line.size() > length && line[length] == ':') {
            return std::strtol(line.c_str() + length + 1, nullptr, 10);
        }
    }
    return 0;
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces): index 0 is the state. */
std::vector<std::string> statFields(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    std::vector<std::string> fields;
    if (close == std::string::npos) {
        return fields;
    }
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    while (rest >> field) {
        fields.push_back(field);
    }
    return fields;
}

} // namespace

long ProcFs::rssKiB(pid_t pid)
{
    return statusField(pid, "VmRSS");
}

long ProcFs::peakRssKiB(pid_t pid)
{
    return statusField(pid, "VmHWM");
}

double ProcFs::cpuSeconds(pid_t pid)
{
    const auto fields = statFields(pid);
    if (fields.size() < 13) {
        return 0;
    }
    // utime and stime are fields 14 and 15 of stat(5), 11 and 12 after the name.
    return double(std::strtoull(fields[11].c_str(), nullptr, 10) + std::strtoull(fields[12].c_str(), nullptr, 10))
        / double(sysconf(_SC_CLK_TCK));
}

std::vector<pid_t> ProcFs::descendants(pid_t pid)
{
    std::multimap<pid_t, pid_t> children;
    if (DIR *proc = opendir("/proc")) {
        while (const dirent *entry = readdir(proc)) {
            const pid_t child = pid_t(std::strtol(entry->d_name, nullptr, 10));
            if (child <= 0) {
                continue;
            }
            const auto fields = statFields(child);
            if (fields.size() > 1) {
                children.emplace(pid_t(std::strtol(fields[1].c_str(), nullptr, 10)), child);
            }
        }
        closedir(proc);
    }
    std::vector<pid_t> found;
    std::vector<pid_t> todo {pid};
    while (!todo.empty()) {
        const pid_t parent = todo.back();
        todo.pop_back();
        const auto [begin, end] = children.equal_range(parent);
        for (auto it = begin; it != end; ++it) {
            found.push_back(it->second);
            todo.push_back(it->second);
        }
    }
    return found;
}

bool ProcFs::nameIs(pid_t pid, const char *name)
{
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string text;
    std::getline(comm, text);
    return text == name;
}

} // namespace Bench
