// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// aries-bench: measures what Aries Companion costs (bench/README.md). bench/run.sh sets up the world it
// needs (X with a tray, a private keychain, the Node.js peers) and runs it; on its own it expects that world.
#include "Benchmark.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

int main(int argc, char *argv[])
{
    Bench::Benchmark::Config config;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (arg == "--bin") {
            config.bin = value();
        } else if (arg == "--node-dir") {
            config.nodeDir = value();
        } else if (arg == "--node") {
            config.node = value();
        } else if (arg == "--out") {
            config.out = value();
        } else if (arg == "--work") {
            config.work = value();
        } else if (arg == "--history") {
            config.history = value();
        } else if (arg == "--smoke") {
            config.smoke = true;
        } else {
            std::fprintf(stderr,
                "usage: aries-bench --bin DIR --node-dir DIR --out RESULTS.md --work DIR [--node PATH] [--history "
                "FILE] "
                "[--smoke]\n");
            return 2;
        }
    }
    if (config.bin.empty() || config.nodeDir.empty() || config.out.empty() || config.work.empty()) {
        std::fprintf(stderr, "aries-bench: --bin, --node-dir, --out and --work are needed (bench/run.sh gives them)\n");
        return 2;
    }
    std::error_code ignored;
    std::filesystem::create_directories(config.work, ignored);
    // A client whose server went away gets EPIPE from write(), not a signal that ends the run.
    std::signal(SIGPIPE, SIG_IGN);
    return Bench::Benchmark(config).run();
}
