// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Child.h"
#include "Stats.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace Bench {

class McpClient;
class StdioMcpClient;

/**
 * The whole benchmark run: starts the sandbox and the real tray app (signed in through the real consent
 * window), measures each thing the README's benchmark section lists, and writes RESULTS.md. Every figure
 * comes from this run on this machine; the targets are judged on them and the verdicts written beside them.
 */
class Benchmark final
{
public:
    struct Config
    {
        std::string bin; ///< Folder of aries-companion, aries-mcp, aries-consent, aries-sandbox
        std::string nodeDir; ///< bench/node, with its node_modules
        std::string node = "node";
        std::string out; ///< RESULTS.md to write
        std::string work; ///< A private folder for logs
        std::string history; ///< Appended to the report: what was fixed, before and after (bench/history.md)
        bool smoke = false; ///< A few iterations of everything: proves the harness works, measures nothing
    };

    explicit Benchmark(Config config);
    ~Benchmark();

    /** 0 when every part ran and every answer was right; otherwise says on stderr what went wrong. */
    int run();

private:
    struct PathResult
    {
        std::string name;
        std::string how;
        Stats stats;
        int errors = 0;
        long serverRssKiB = 0;
    };
    struct ThroughputRow
    {
        std::string transport;
        int clients = 0;
        int served = 0; ///< Clients that got a session (the rest were turned away)
        double callsPerSecond = 0;
        int errors = 0;
        double appCpu = 0;
        double sandboxCpu = 0;
        double bridgeCpu = 0;
        double driverCpu = 0;
        std::string limit;
    };
    struct ScaleRow
    {
        int positions = 0;
        int latencyMs = 0;
        Stats stats;
        long requests = 0;
        int priced = 0;
        bool complete = false;
        std::string error;
    };

    bool fail(const std::string &what);
    void note(const std::string &what);

    // The pieces under test
    bool startSandbox();
    bool startApp(Child &app, bool connect, int index, double *listeningMs, double *httpMs);
    bool signIn();
    bool readSecrets();
    std::optional<std::string> keychainLookup(const std::string &user);
    nlohmann::json sandboxControl(const std::string &method, const std::string &path, const nlohmann::json &body);
    long sandboxRequestCount();
    Child::Options bridgeOptions(int index);
    Child::Options peerOptions();
    Child::Options mcpRemoteOptions();

    // The measurements
    void measureMachine();
    void measureFloor();
    bool measureStartups();
    bool measureLatency();
    PathResult timeStdioPath(const std::string &name, const std::string &how, StdioMcpClient &client);
    bool measureDirectRest(PathResult &result);
    bool measureThroughput();
    ThroughputRow throughputRun(const std::string &transport, int clients);
    bool measureScale();
    bool measureFootprintAfterCalls();
    void measureBinaries();
    static bool quoteOk(const std::optional<nlohmann::json> &answer);

    void writeReport();

    Config m_config;
    int m_iterations;
    int m_warmup;
    std::string m_sandboxUrl;
    int m_sandboxPort = 0;
    int m_mcpPort = 0;
    std::string m_socketPath;
    std::string m_localKey;
    std::string m_accessToken;
    Child m_sandbox;
    std::unique_ptr<Child> m_app;
    int m_appStarts = 0;
    std::vector<std::string> m_failures;

    // Figures
    std::vector<std::pair<std::string, std::string>> m_machine;
    Stats m_floorTcp;
    Stats m_floorPipe;
    std::vector<PathResult> m_paths;
    std::vector<ThroughputRow> m_throughput;
    std::vector<ScaleRow> m_scale;
    double m_firstStartMs = 0;
    Stats m_appStart;
    Stats m_appStartHttp;
    Stats m_bridgeStart;
    long m_rssFirstIdle = 0;
    long m_rssIdle = 0;
    long m_rssAfterSignIn = 0;
    long m_rssAfterCalls1 = 0;
    long m_rssAfterCalls2 = 0;
    int m_footprintCalls = 0;
    long m_consentPeakSelf = 0;
    long m_consentPeakTree = 0;
    double m_signInSeconds = 0;
    bool m_consentSeen = false;
    long m_bridgeRss = 0;
    std::vector<std::pair<std::string, std::pair<long long, long long>>> m_binaries;
};

} // namespace Bench
