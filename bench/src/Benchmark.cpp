// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Benchmark.h"

#include "HttpConnection.h"
#include "HttpMcpClient.h"
#include "ProcFs.h"
#include "StdioMcpClient.h"

#include <QByteArray>
#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace Bench {

namespace {

constexpr char kClientId[] = "sandbox-demo-client";

double microsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

std::string fixed(double value, int decimals = 1)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

/** Both units: the targets are in MB (10^6 bytes), tools such as top show MiB. */
std::string mib(long kib)
{
    return fixed(double(kib) / 1024.0) + " MiB (" + fixed(double(kib) * 1024.0 / 1e6) + " MB)";
}

/** A TCP socket bound to a free loopback port, whose address is written to @p address. */
int boundLoopbackSocket(sockaddr_in &address)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return fd;
}

/** A free loopback port (the app is told which one to use, as a user's setting would). */
int freePort()
{
    sockaddr_in address {};
    close(boundLoopbackSocket(address));
    return ntohs(address.sin_port);
}

bool canConnectUnix(const std::string &path)
{
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

bool canConnectTcp(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

std::string commandOutput(const std::string &command)
{
    std::string out;
    if (FILE *pipe = popen(command.c_str(), "r")) {
        char chunk[4096];
        std::size_t n = 0;
        while ((n = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
            out.append(chunk, n);
        }
        pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
        out.pop_back();
    }
    return out;
}

double selfCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/** Round trips of 256 bytes between two processes, over @p readFd / @p writeFd, with an echoing child. */
Stats pingPong(int readFd, int writeFd, int iterations)
{
    std::vector<double> samples;
    char buffer[256];
    std::memset(buffer, 'x', sizeof buffer);
    for (int i = 0; i < iterations; ++i) {
        const auto start = Clock::now();
        if (write(writeFd, buffer, sizeof buffer) != ssize_t(sizeof buffer)) {
            break;
        }
        std::size_t got = 0;
        while (got < sizeof buffer) {
            const ssize_t n = read(readFd, buffer + got, sizeof buffer - got);
            if (n <= 0) {
                return Stats::of(samples);
            }
            got += std::size_t(n);
        }
        samples.push_back(microsSince(start));
    }
    return Stats::of(samples);
}

void echo(int readFd, int writeFd)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(readFd, buffer, sizeof buffer);
        if (n <= 0 || write(writeFd, buffer, std::size_t(n)) != n) {
            _exit(0);
        }
    }
}

} // namespace

Benchmark::Benchmark(Config config)
    : m_config(std::move(config))
    , m_iterations(m_config.smoke ? 30 : 2000)
    , m_warmup(m_config.smoke ? 5 : 300)
{
    const char *runtime = std::getenv("XDG_RUNTIME_DIR");
    m_socketPath = std::string(runtime ? runtime : "/tmp") + "/aries-companion/mcp.sock";
}

Benchmark::~Benchmark()
{
    if (m_app) {
        m_app->stop();
    }
    m_sandbox.stop();
}

bool Benchmark::fail(const std::string &what)
{
    std::fprintf(stderr, "aries-bench: %s\n", what.c_str());
    m_failures.push_back(what);
    return false;
}

void Benchmark::note(const std::string &what)
{
    std::fprintf(stderr, "aries-bench: %s\n", what.c_str());
}

int Benchmark::run()
{
    measureMachine();
    if (!startSandbox()) {
        return 1;
    }
    measureFloor();
    // Order matters: the first start is the only one without tokens; the sign-in is the only one with the
    // consent window; the later starts and every measurement after them run signed in.
    if (!measureStartups() || !measureFootprintAfterCalls() || !measureLatency() || !measureThroughput()
        || !measureScale()) {
        writeReport();
        return 1;
    }
    measureBinaries();
    writeReport();
    return m_failures.empty() ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------------------
// The pieces under test

bool Benchmark::startSandbox()
{
    Child::Options options;
    options.program = m_config.bin + "/aries-sandbox";
    // 5,000 positions make the symbols the scale test needs; the portfolio is cut back to 8 below.
    options.arguments = {"--port", "0", "--tick-ms", "0", "--auto-consent", "--positions", "5000", "--seed", "1"};
    options.pipeStdin = false;
    options.stderrPath = m_config.work + "/sandbox.log";
    if (!m_sandbox.start(options)) {
        return fail("could not start the sandbox: " + m_sandbox.errorString());
    }
    const auto line = m_sandbox.readLine(30s);
    const std::string prefix = "listening on http://127.0.0.1:";
    if (!line || line->rfind(prefix, 0) != 0) {
        return fail("the sandbox did not start (see " + options.stderrPath + ")");
    }
    m_sandboxPort = std::atoi(line->c_str() + prefix.size());
    m_sandboxUrl = "http://127.0.0.1:" + std::to_string(m_sandboxPort);
    if (!sandboxControl("POST", "/_sandbox/portfolio", json {{"positions", 8}}).value("ok", false)) {
        return fail("the sandbox did not take the portfolio size");
    }
    return true;
}

json Benchmark::sandboxControl(const std::string &method, const std::string &path, const json &body)
{
    HttpConnection connection(m_sandboxPort);
    const auto response = connection.request(
        method, path, {{"Content-Type", "application/json"}}, method == "GET" ? std::string() : body.dump());
    if (!response || response->status != 200) {
        return json::object();
    }
    json parsed = json::parse(response->body, nullptr, false);
    return parsed.is_discarded() ? json::object() : parsed;
}

long Benchmark::sandboxRequestCount()
{
    long total = 0;
    const json stats = sandboxControl("GET", "/_sandbox/stats", json());
    const json requests = stats.value("requests", json::object());
    for (const auto &[name, count] : requests.items()) {
        if (count.is_number_integer()) {
            total += count.get<long>();
        }
    }
    return total;
}

bool Benchmark::startApp(Child &app, bool connect, int index, double *listeningMs, double *httpMs)
{
    Child::Options options;
    options.program = m_config.bin + "/aries-companion";
    options.arguments = {"--client-id", kClientId, "--authorize-url", m_sandboxUrl + "/oauth2/authorize", "--api-base",
        m_sandboxUrl, "--mcp-port", std::to_string(m_mcpPort)};
    if (connect) {
        options.arguments.push_back("--connect");
    }
    options.pipeStdin = false;
    options.pipeStdout = false;
    options.stderrPath = m_config.work + "/app-" + std::to_string(index) + ".log";
    const auto start = Clock::now();
    if (!app.start(options)) {
        return fail("could not start aries-companion: " + app.errorString());
    }
    // Polled every 200 µs: finer than the figures reported, coarse enough not to slow the start it times.
    bool local = false;
    bool http = false;
    while (!(local && http) && microsSince(start) < 30e6) {
        if (!app.running()) {
            return fail("aries-companion exited while starting (see " + options.stderrPath + ")");
        }
        if (!local && canConnectUnix(m_socketPath)) {
            local = true;
            *listeningMs = microsSince(start) / 1000;
        }
        if (!http && canConnectTcp(m_mcpPort)) {
            http = true;
            *httpMs = microsSince(start) / 1000;
        }
        usleep(200);
    }
    if (!local || !http) {
        return fail(
            "aries-companion did not open its MCP socket and port within 30 s (see " + options.stderrPath + ")");
    }
    return true;
}

std::optional<std::string> Benchmark::keychainLookup(const std::string &user)
{
    // secret-tool takes the attributes (not secret) on its command line and prints the secret on stdout.
    const std::string value =
        commandOutput("secret-tool lookup server com.aries.companion user '" + user + "' 2>/dev/null");
    if (value.empty()) {
        return std::nullopt;
    }
    // QtKeychain keeps binary secrets base64-encoded in the Secret Service.
    const auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromStdString(value), QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded.toStdString() : value;
}

bool Benchmark::signIn()
{
    auto app = std::make_unique<Child>();
    double listening = 0;
    double http = 0;
    const auto start = Clock::now();
    if (!startApp(*app, true, m_appStarts++, &listening, &http)) {
        return false;
    }
    // The consent window is a child process (and QtWebEngine's processes its children); its peak is read
    // every 10 ms while it lives: its own high-water mark, and the sum of the whole tree's resident sets.
    bool signedIn = false;
    auto lastCheck = Clock::now() - 1s;
    while (microsSince(start) < 120e6) {
        long tree = 0;
        bool consentAlive = false;
        for (const pid_t pid : ProcFs::descendants(app->pid())) {
            if (ProcFs::nameIs(pid, "aries-consent")) {
                consentAlive = true;
                m_consentSeen = true;
                m_consentPeakSelf = std::max(m_consentPeakSelf, ProcFs::peakRssKiB(pid));
                tree += ProcFs::rssKiB(pid);
                for (const pid_t engine : ProcFs::descendants(pid)) {
                    tree += ProcFs::rssKiB(engine);
                }
            }
        }
        m_consentPeakTree = std::max(m_consentPeakTree, tree);
        if (Clock::now() - lastCheck > 250ms) {
            lastCheck = Clock::now();
            signedIn = keychainLookup(std::string("tokens/") + kClientId).has_value();
        }
        if (signedIn && !consentAlive && m_consentSeen) {
            break;
        }
        if (!app->running()) {
            return fail("aries-companion exited during the sign-in");
        }
        usleep(10'000);
    }
    m_signInSeconds = microsSince(start) / 1e6;
    if (!signedIn || !m_consentSeen) {
        return fail("the sign-in through the consent window did not finish within 120 s");
    }
    // Settled: what the app keeps once the consent window has gone.
    std::this_thread::sleep_for(m_config.smoke ? 500ms : 3s);
    m_rssAfterSignIn = ProcFs::rssKiB(app->pid());
    app->stop();
    return readSecrets();
}

bool Benchmark::readSecrets()
{
    const auto key = keychainLookup("mcp/local-key");
    const auto blob = keychainLookup(std::string("tokens/") + kClientId);
    if (!key || !blob) {
        return fail("the app's local key or tokens are not in the keychain");
    }
    m_localKey = *key;
    const json tokens = json::parse(*blob, nullptr, false);
    if (tokens.is_discarded() || !tokens.contains("access_token")) {
        return fail("the keychain's token entry is not what the app writes");
    }
    m_accessToken = tokens["access_token"].get<std::string>();
    return true;
}

Child::Options Benchmark::bridgeOptions(int index)
{
    Child::Options options;
    options.program = m_config.bin + "/aries-mcp";
    options.stderrPath = m_config.work + "/bridge-" + std::to_string(index % 8) + ".log";
    return options;
}

Child::Options Benchmark::peerOptions()
{
    Child::Options options;
    options.program = m_config.node;
    options.arguments = {m_config.nodeDir + "/peer-server.mjs", m_sandboxUrl};
    options.fd3 = m_accessToken;
    options.stderrPath = m_config.work + "/peer.log";
    return options;
}

Child::Options Benchmark::mcpRemoteOptions()
{
    Child::Options options;
    options.program = m_config.node;
    // The local key reaches mcp-remote as a header file that is a pipe, so it is in no argv, env or file.
    options.arguments = {m_config.nodeDir + "/node_modules/mcp-remote/dist/proxy.js",
        "http://127.0.0.1:" + std::to_string(m_mcpPort) + "/mcp", "--allow-http", "--transport", "http-only",
        "--header-file", "/dev/fd/3", "--silent"};
    options.fd3 = "Authorization: Bearer " + m_localKey + "\n";
    options.stderrPath = m_config.work + "/mcp-remote.log";
    return options;
}

bool Benchmark::quoteOk(const std::optional<json> &answer)
{
    if (!answer || !answer->contains("result")) {
        return false;
    }
    const json &result = (*answer)["result"];
    return !result.value("isError", false) && result.contains("content");
}

// ---------------------------------------------------------------------------------------------------------
// The measurements

void Benchmark::measureMachine()
{
    std::string model;
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    std::string memory;
    std::ifstream meminfo("/proc/meminfo");
    for (std::string line; std::getline(meminfo, line);) {
        if (line.rfind("MemTotal:", 0) == 0) {
            memory = fixed(std::strtod(line.c_str() + 9, nullptr) / 1024 / 1024) + " GiB";
            break;
        }
    }
    utsname system {};
    uname(&system);
    const std::string os = commandOutput("sed -n 's/^PRETTY_NAME=\"\\(.*\\)\"/\\1/p' /etc/os-release");
    m_machine = {{"CPU", model}, {"Cores online", std::to_string(sysconf(_SC_NPROCESSORS_ONLN))}, {"Memory", memory},
        {"System", os + ", Linux " + system.release}, {"Qt", qVersion()}, {"Compiler (driver)", __VERSION__},
        {"Node.js", commandOutput(m_config.node + " --version")}, {"Build", "preset `ci` (RelWithDebInfo: -O2 -g)"}};
}

void Benchmark::measureFloor()
{
    const int iterations = m_config.smoke ? 200 : 20000;
    // TCP over loopback: one connection, TCP_NODELAY, as every HTTP path here uses.
    {
        sockaddr_in address {};
        const int server = boundLoopbackSocket(address);
        listen(server, 1);
        const pid_t child = fork();
        if (child == 0) {
            const int peer = accept(server, nullptr, nullptr);
            const int one = 1;
            setsockopt(peer, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            echo(peer, peer);
        }
        close(server);
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        m_floorTcp = pingPong(fd, fd, iterations);
        close(fd);
        waitpid(child, nullptr, 0);
    }
    // Two pipes, as between an MCP host and a stdio server.
    {
        int toChild[2];
        int fromChild[2];
        if (pipe(toChild) != 0 || pipe(fromChild) != 0) {
            return;
        }
        const pid_t child = fork();
        if (child == 0) {
            close(toChild[1]);
            close(fromChild[0]);
            echo(toChild[0], fromChild[1]);
        }
        close(toChild[0]);
        close(fromChild[1]);
        m_floorPipe = pingPong(fromChild[0], toChild[1], iterations);
        close(toChild[1]);
        close(fromChild[0]);
        waitpid(child, nullptr, 0);
    }
}

bool Benchmark::measureStartups()
{
    m_mcpPort = freePort();
    // 1. The very first start: no tokens yet, not connected.
    {
        Child app;
        double http = 0;
        if (!startApp(app, false, m_appStarts++, &m_firstStartMs, &http)) {
            return false;
        }
        std::this_thread::sleep_for(m_config.smoke ? 500ms : 3s);
        m_rssFirstIdle = ProcFs::rssKiB(app.pid());
        app.stop();
    }
    // 2. Connect to Aries through the consent window.
    if (!signIn()) {
        return false;
    }
    // 3. Starts as a user's login brings them: signed in, tokens in the keychain. The last one stays up.
    const int starts = m_config.smoke ? 2 : 15;
    std::vector<double> local;
    std::vector<double> http;
    for (int i = 0; i < starts; ++i) {
        m_app = std::make_unique<Child>();
        double listeningMs = 0;
        double httpMs = 0;
        if (!startApp(*m_app, false, m_appStarts++, &listeningMs, &httpMs)) {
            return false;
        }
        local.push_back(listeningMs * 1000);
        http.push_back(httpMs * 1000);
        if (i + 1 < starts) {
            m_app->stop();
        }
    }
    m_appStart = Stats::of(local);
    m_appStartHttp = Stats::of(http);
    std::this_thread::sleep_for(m_config.smoke ? 500ms : 3s);
    m_rssIdle = ProcFs::rssKiB(m_app->pid());

    // 4. The bridge, as Claude Desktop starts it on every launch: spawn to the answer to initialize.
    std::vector<double> bridge;
    for (int i = 0; i < (m_config.smoke ? 3 : 30); ++i) {
        StdioMcpClient client;
        const auto start = Clock::now();
        if (!client.start(bridgeOptions(i)) || !client.initialize()) {
            return fail("the bridge did not answer initialize: " + client.error());
        }
        bridge.push_back(microsSince(start));
        client.process().closeStdin();
        client.process().waitForExit(5s);
    }
    m_bridgeStart = Stats::of(bridge);
    return true;
}

bool Benchmark::measureFootprintAfterCalls()
{
    HttpMcpClient client(m_mcpPort, m_localKey);
    if (!client.initialize()) {
        return fail("the HTTP endpoint refused the benchmark: " + client.error());
    }
    m_footprintCalls = m_config.smoke ? 200 : 10000;
    const char *symbols[] = {"AAPL", "MSFT", "NVDA", "AMZN", "GOOGL"};
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < m_footprintCalls; ++i) {
            if (!quoteOk(client.callTool("get_quote", json {{"symbol", symbols[i % 5]}}))) {
                return fail("a get_quote call failed during the footprint run: " + client.error());
            }
        }
        std::this_thread::sleep_for(1s);
        (round == 0 ? m_rssAfterCalls1 : m_rssAfterCalls2) = ProcFs::rssKiB(m_app->pid());
    }
    return true;
}

Benchmark::PathResult Benchmark::timeStdioPath(const std::string &name, const std::string &how, StdioMcpClient &client)
{
    PathResult result {name, how, {}, 0, 0};
    if (!client.initialize()) {
        fail(name + ": no answer to initialize: " + client.error());
        result.errors = -1;
        return result;
    }
    std::vector<double> samples;
    for (int i = 0; i < m_warmup + m_iterations; ++i) {
        const auto start = Clock::now();
        const auto answer = client.callTool("get_quote", json {{"symbol", "AAPL"}});
        const double micros = microsSince(start);
        if (!quoteOk(answer)) {
            ++result.errors;
            if (result.errors == 1) {
                fail(name + ": get_quote failed: " + (answer ? answer->dump() : client.error()));
            }
            continue;
        }
        if (i >= m_warmup) {
            samples.push_back(micros);
        }
    }
    result.stats = Stats::of(samples);
    result.serverRssKiB = ProcFs::rssKiB(client.process().pid());
    return result;
}

bool Benchmark::measureDirectRest(PathResult &result)
{
    // get_quote's three requests, sent at once on three keep-alive connections, as the app sends them.
    const char *paths[] = {
        "/v1/stocks/last-trade?ticker=AAPL", "/v1/stocks/last-quote?ticker=AAPL", "/v1/stocks/prev?ticker=AAPL"};
    std::vector<std::unique_ptr<HttpConnection>> connections;
    for (int i = 0; i < 3; ++i) {
        connections.push_back(std::make_unique<HttpConnection>(m_sandboxPort));
    }
    const HttpConnection::Headers headers {
        {"Authorization", "Bearer " + m_accessToken}, {"Accept", "application/json"}};
    std::vector<double> samples;
    for (int i = 0; i < m_warmup + m_iterations; ++i) {
        const auto start = Clock::now();
        bool ok = true;
        for (int c = 0; c < 3; ++c) {
            ok = connections[c]->send("GET", paths[c], headers) && ok;
        }
        for (int c = 0; c < 3; ++c) {
            const auto response = connections[c]->receive();
            ok = ok && response && response->status == 200;
        }
        const double micros = microsSince(start);
        if (!ok) {
            if (++result.errors == 1) {
                fail("direct REST: a request failed");
            }
            continue;
        }
        if (i >= m_warmup) {
            samples.push_back(micros);
        }
    }
    result.stats = Stats::of(samples);
    return result.errors == 0;
}

bool Benchmark::measureLatency()
{
    note("tool-call latency");
    {
        StdioMcpClient bridge;
        if (!bridge.start(bridgeOptions(0))) {
            return fail("could not start the bridge");
        }
        m_paths.push_back(timeStdioPath("(a) stdio bridge", "`aries-mcp` → local socket → app → sandbox", bridge));
        m_bridgeRss = m_paths.back().serverRssKiB;
    }
    {
        PathResult result {"(b) loopback HTTP", "POST /mcp on 127.0.0.1 → app → sandbox", {}, 0, 0};
        HttpMcpClient client(m_mcpPort, m_localKey);
        if (!client.initialize()) {
            return fail("(b): " + client.error());
        }
        std::vector<double> samples;
        for (int i = 0; i < m_warmup + m_iterations; ++i) {
            const auto start = Clock::now();
            const auto answer = client.callTool("get_quote", json {{"symbol", "AAPL"}});
            const double micros = microsSince(start);
            if (!quoteOk(answer)) {
                if (++result.errors == 1) {
                    fail("(b): get_quote failed: " + (answer ? answer->dump() : client.error()));
                }
                continue;
            }
            if (i >= m_warmup) {
                samples.push_back(micros);
            }
        }
        result.stats = Stats::of(samples);
        m_paths.push_back(result);
    }
    {
        PathResult result {"(c) direct REST", "the same 3 GETs, at once, straight to the sandbox", {}, 0, 0};
        measureDirectRest(result);
        m_paths.push_back(result);
    }
    {
        StdioMcpClient peer;
        if (!peer.start(peerOptions())) {
            return fail("could not start the TypeScript SDK peer");
        }
        m_paths.push_back(timeStdioPath(
            "(d) TypeScript SDK peer", "Node.js server on `@modelcontextprotocol/sdk` (stdio) → sandbox", peer));
    }
    {
        StdioMcpClient remote;
        if (!remote.start(mcpRemoteOptions())) {
            return fail("could not start mcp-remote");
        }
        m_paths.push_back(timeStdioPath("(e) mcp-remote", "`mcp-remote` (stdio) → POST /mcp → app → sandbox", remote));
    }
    for (const PathResult &path : m_paths) {
        if (path.errors != 0) {
            return false;
        }
    }
    return true;
}

Benchmark::ThroughputRow Benchmark::throughputRun(const std::string &transport, int clients)
{
    ThroughputRow row;
    row.transport = transport;
    row.clients = clients;
    const bool http = transport == "HTTP";
    std::vector<std::unique_ptr<McpClient>> sessions;
    std::vector<StdioMcpClient *> bridges;
    int refused = 0;
    for (int i = 0; i < clients; ++i) {
        std::unique_ptr<McpClient> session;
        if (http) {
            session = std::make_unique<HttpMcpClient>(m_mcpPort, m_localKey);
        } else {
            auto bridge = std::make_unique<StdioMcpClient>();
            bridge->start(bridgeOptions(i));
            bridges.push_back(bridge.get());
            session = std::move(bridge);
        }
        if (session->initialize()) {
            sessions.push_back(std::move(session));
        } else {
            ++refused;
            if (refused == 1) {
                note(transport + " client " + std::to_string(i + 1) + " of " + std::to_string(clients)
                    + " got no session: " + session->error());
            }
        }
    }
    row.served = int(sessions.size());

    const auto duration = m_config.smoke ? 300ms : 4s;
    std::atomic<bool> stop {false};
    std::atomic<long> calls {0};
    std::atomic<int> errors {0};
    const pid_t appPid = m_app->pid();
    const pid_t sandboxPid = m_sandbox.pid();
    const double appBefore = ProcFs::cpuSeconds(appPid);
    const double sandboxBefore = ProcFs::cpuSeconds(sandboxPid);
    double bridgesBefore = 0;
    for (StdioMcpClient *bridge : bridges) {
        bridgesBefore += ProcFs::cpuSeconds(bridge->process().pid());
    }
    const double selfBefore = selfCpuSeconds();
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (auto &session : sessions) {
        threads.emplace_back([&stop, &calls, &errors, client = session.get()] {
            const char *symbols[] = {"AAPL", "MSFT", "NVDA", "AMZN"};
            for (int i = 0; !stop.load(std::memory_order_relaxed); ++i) {
                if (quoteOk(client->callTool("get_quote", json {{"symbol", symbols[i % 4]}}))) {
                    calls.fetch_add(1, std::memory_order_relaxed);
                } else {
                    errors.fetch_add(1, std::memory_order_relaxed);
                }
            }
        });
    }
    std::this_thread::sleep_for(duration);
    stop = true;
    for (std::thread &thread : threads) {
        thread.join();
    }
    const double seconds = microsSince(start) / 1e6;
    double bridgesAfter = 0;
    for (StdioMcpClient *bridge : bridges) {
        bridgesAfter += ProcFs::cpuSeconds(bridge->process().pid());
    }
    row.callsPerSecond = double(calls.load()) / seconds;
    row.errors = errors.load();
    row.appCpu = 100 * (ProcFs::cpuSeconds(appPid) - appBefore) / seconds;
    row.sandboxCpu = 100 * (ProcFs::cpuSeconds(sandboxPid) - sandboxBefore) / seconds;
    row.bridgeCpu = 100 * (bridgesAfter - bridgesBefore) / seconds;
    row.driverCpu = 100 * (selfCpuSeconds() - selfBefore) / seconds;

    // Which part ran out first. Each of the app and the sandbox serves its clients on one event-loop thread,
    // so either at about 100% of a core is the wall; below that, the machine's two cores are.
    const double total = row.appCpu + row.sandboxCpu + row.bridgeCpu + row.driverCpu;
    if (row.served < clients) {
        row.limit = "connection cap: " + std::to_string(clients - row.served) + " of " + std::to_string(clients)
            + " turned away; ";
    }
    if (clients == 1) {
        row.limit += "one call at a time: each waits for the last";
    } else if (row.appCpu >= 85 && row.appCpu >= row.sandboxCpu) {
        row.limit += "app saturated (its event-loop thread)";
    } else if (row.sandboxCpu >= 85) {
        row.limit += "sandbox saturated";
    } else if (total >= 170) {
        row.limit += "both cores busy";
    } else {
        row.limit += "no process saturated (" + fixed(total, 0)
            + "% of 200% in all): the time goes to handing each call from process to process";
    }
    for (auto &session : sessions) {
        if (!http) {
            static_cast<StdioMcpClient *>(session.get())->process().closeStdin();
        }
    }
    return row;
}

bool Benchmark::measureThroughput()
{
    note("throughput");
    for (const std::string transport : {"HTTP", "bridges"}) {
        for (const int clients : {1, 4, 16, 64}) {
            if (m_config.smoke && clients > 4) {
                continue;
            }
            m_throughput.push_back(throughputRun(transport, clients));
            const ThroughputRow &row = m_throughput.back();
            note(transport + " x" + std::to_string(clients) + ": " + fixed(row.callsPerSecond, 0) + " calls/s, "
                + std::to_string(row.errors) + " errors, " + row.limit);
            if (row.served == 0 || row.callsPerSecond <= 0) {
                return fail("no call got through with " + std::to_string(clients) + " " + transport + " clients");
            }
        }
    }
    return true;
}

bool Benchmark::measureScale()
{
    note("portfolio scale");
    HttpMcpClient client(m_mcpPort, m_localKey);
    if (!client.initialize()) {
        return fail("scale: " + client.error());
    }
    const std::vector<int> sizes = m_config.smoke ? std::vector<int> {10, 100} : std::vector<int> {10, 100, 1000, 5000};
    if (!client.callTool("get_portfolio", json::object())) {
        return fail("scale: the first get_portfolio got no answer: " + client.error());
    }
    for (const int latency : {0, 50}) {
        sandboxControl("POST", "/_sandbox/config", json {{"latencyMs", latency}});
        for (const int positions : sizes) {
            ScaleRow row;
            row.positions = positions;
            row.latencyMs = latency;
            if (!sandboxControl("POST", "/_sandbox/portfolio", json {{"positions", positions}}).value("ok", false)) {
                return fail("the sandbox did not take a portfolio of " + std::to_string(positions));
            }
            // Fewer runs where one takes seconds; the account is resolved by the warm-up call before the loop.
            const int repeats = m_config.smoke ? 1
                : latency == 0                 ? (positions >= 5000 ? 3 : 10)
                                               : (positions >= 5000        ? 1
                                                       : positions >= 1000 ? 2
                                                                           : 3);
            std::vector<double> samples;
            const long before = sandboxRequestCount();
            for (int i = 0; i < repeats; ++i) {
                const auto start = Clock::now();
                const auto answer = client.callTool("get_portfolio", json::object());
                const double micros = microsSince(start);
                const json totals = answer ? answer->value("result", json::object())
                                                 .value("structuredContent", json::object())
                                                 .value("totals", json::object())
                                           : json::object();
                if (totals.value("positionCount", -1) != positions) {
                    row.error = answer ? answer->dump().substr(0, 300) : client.error();
                    break;
                }
                row.priced = totals.value("pricedPositionCount", 0);
                samples.push_back(micros);
            }
            // The stats call itself is one request more.
            row.requests = (sandboxRequestCount() - before - 1) / repeats;
            row.stats = Stats::of(samples);
            row.complete = row.error.empty() && row.priced == positions;
            m_scale.push_back(row);
            note("get_portfolio " + std::to_string(positions) + " positions, " + std::to_string(latency) + " ms: p50 "
                + Stats::format(row.stats.p50) + ", priced " + std::to_string(row.priced)
                + (row.error.empty() ? "" : ", error: " + row.error));
            if (!row.error.empty()) {
                sandboxControl("POST", "/_sandbox/config", json {{"latencyMs", 0}});
                return fail("get_portfolio of " + std::to_string(positions) + " positions failed: " + row.error);
            }
        }
    }
    sandboxControl("POST", "/_sandbox/config", json {{"latencyMs", 0}});
    sandboxControl("POST", "/_sandbox/portfolio", json {{"positions", 8}});
    return true;
}

void Benchmark::measureBinaries()
{
    for (const char *name : {"aries-companion", "aries-mcp", "aries-consent", "aries-sandbox"}) {
        const std::string path = m_config.bin + "/" + name;
        struct stat info
        { };
        if (stat(path.c_str(), &info) != 0) {
            continue;
        }
        const std::string stripped = m_config.work + "/" + name + ".stripped";
        long long strippedSize = 0;
        Child strip;
        Child::Options options;
        options.program = "/usr/bin/strip";
        options.arguments = {"-o", stripped, path};
        options.pipeStdin = false;
        options.pipeStdout = false;
        struct stat strippedInfo
        { };
        if (strip.start(options) && strip.waitForExit(60s) && stat(stripped.c_str(), &strippedInfo) == 0) {
            strippedSize = strippedInfo.st_size;
        }
        m_binaries.push_back({name, {info.st_size, strippedSize}});
    }
}

// ---------------------------------------------------------------------------------------------------------
// The report

void Benchmark::writeReport()
{
    std::ostringstream md;
    const auto ms = [](double micros) { return fixed(micros / 1000, 2) + " ms"; };
    const auto verdict = [](bool met) { return met ? std::string("**met**") : std::string("**missed**"); };

    md << "# Benchmark results\n\n";
    md << "Written by `bench/run.sh`" << (m_config.smoke ? " in **smoke mode** (a few iterations; not figures)" : "")
       << ". Every figure below comes from one run on the machine described here; nothing is copied from "
          "elsewhere. `bench/README.md` says what each part does and how it is measured.\n\n";
    md << "## Machine\n\n| | |\n|---|---|\n";
    for (const auto &[name, value] : m_machine) {
        md << "| " << name << " | " << value << " |\n";
    }
    md << "\nThe app runs as a user's does: the real `aries-companion` under X (Xvfb) with a tray (trayer), its "
          "keychain a gnome-keyring in a private D-Bus session, signed in through the real consent window; "
          "Aries is `aries-sandbox` on loopback with no injected latency unless stated.\n\n";

    const PathResult *bridge = nullptr;
    const PathResult *http = nullptr;
    const PathResult *direct = nullptr;
    const PathResult *peer = nullptr;
    const PathResult *remote = nullptr;
    for (const PathResult &path : m_paths) {
        const char letter = path.name.size() > 1 ? path.name[1] : ' ';
        (letter == 'a'          ? bridge
                : letter == 'b' ? http
                : letter == 'c' ? direct
                : letter == 'd' ? peer
                                : remote) = &path;
    }

    // Targets first: what a maintainer looks for.
    md << "## Targets\n\n| target | measured | verdict |\n|---|---|---|\n";
    if (bridge && http && direct && peer) {
        const double peerOverhead = peer->stats.p50 - direct->stats.p50;
        for (const PathResult *ours : {bridge, http}) {
            const double overhead = ours->stats.p50 - direct->stats.p50;
            md << "| " << ours->name << ": overhead at p50 ≤ 1/3 of the TypeScript SDK peer's | " << ms(overhead)
               << " vs " << ms(peerOverhead) << " (ratio " << fixed(overhead / peerOverhead, 2) << ") | "
               << verdict(overhead <= peerOverhead / 3) << " |\n";
            md << "| " << ours->name << ": overhead at p50 within 0.5 ms of the loopback floor (" << ms(m_floorTcp.p50)
               << ") | " << ms(overhead) << " (" << ms(overhead - m_floorTcp.p50) << " above the floor) | "
               << verdict(overhead - m_floorTcp.p50 <= 500) << " |\n";
            const double p99Overhead = ours->stats.p99 - direct->stats.p99;
            md << "| " << ours->name << ": overhead at p99 ≤ 2 ms | " << ms(p99Overhead) << " (p99 "
               << ms(ours->stats.p99) << " vs " << ms(direct->stats.p99) << " direct) | "
               << verdict(p99Overhead <= 2000) << " |\n";
        }
    }
    md << "| Tray app idle RSS ≤ 40 MB | " << mib(m_rssIdle) << " | "
       << verdict(m_rssIdle > 0 && m_rssIdle * 1024 <= 40'000'000) << " |\n";
    const long growth = m_rssAfterCalls2 - m_rssAfterCalls1;
    md << "| RSS flat after 10,000 calls (second 10,000 grow it by < 1 MiB) | " << mib(m_rssAfterCalls1) << " → "
       << mib(m_rssAfterCalls2) << " (" << (growth >= 0 ? "+" : "") << growth << " KiB) | "
       << verdict(m_rssAfterCalls1 > 0 && growth < 1024) << " |\n";
    md << "| Bridge RSS ≤ 12 MB | " << mib(m_bridgeRss) << " | "
       << verdict(m_bridgeRss > 0 && m_bridgeRss * 1024 <= 12'000'000) << " |\n";
    md << "| Bridge spawn to initialize response ≤ 50 ms (p50) | " << ms(m_bridgeStart.p50) << " (p99 "
       << ms(m_bridgeStart.p99) << ") | " << verdict(m_bridgeStart.count > 0 && m_bridgeStart.p50 <= 50'000) << " |\n";
    md << "| Tray app start to listening ≤ 300 ms (p50) | " << ms(m_appStart.p50) << " (p99 " << ms(m_appStart.p99)
       << ") | " << verdict(m_appStart.count > 0 && m_appStart.p50 <= 300'000) << " |\n";
    const ScaleRow *thousand = nullptr;
    const ScaleRow *smallSlow = nullptr;
    const ScaleRow *largeSlow = nullptr;
    for (const ScaleRow &row : m_scale) {
        if (row.positions == 1000 && row.latencyMs == 0) {
            thousand = &row;
        }
        if (row.latencyMs > 0 && (!smallSlow || row.positions < smallSlow->positions)) {
            smallSlow = &row;
        }
        if (row.latencyMs > 0 && (!largeSlow || row.positions > largeSlow->positions)) {
            largeSlow = &row;
        }
    }
    if (thousand) {
        md << "| `get_portfolio`, 1,000 positions, no latency ≤ 100 ms (p50) | " << ms(thousand->stats.p50) << " | "
           << verdict(thousand->complete && thousand->stats.p50 <= 100'000) << " |\n";
    }
    if (smallSlow && largeSlow && smallSlow != largeSlow) {
        const double sizeRatio = double(largeSlow->positions) / smallSlow->positions;
        const double timeRatio = largeSlow->stats.p50 / smallSlow->stats.p50;
        const double exponent = std::log(timeRatio) / std::log(sizeRatio);
        md << "| `get_portfolio` sub-linear with 50 ms per request (" << smallSlow->positions << " → "
           << largeSlow->positions << " positions) | ×" << fixed(sizeRatio, 0) << " positions → ×"
           << fixed(timeRatio, 1) << " time (exponent " << fixed(exponent, 2) << "); a loop would take "
           << fixed(double(largeSlow->requests) * 0.05, 0) << " s | " << verdict(exponent < 1 && largeSlow->complete)
           << " |\n";
    }

    md << "\n## Commands\n\n"
          "`bench/run.sh` builds, installs the peers (`npm ci --prefix bench/node`) and runs `aries-bench` in "
          "`tests/run-isolated.sh desktop`. The driver starts (ports chosen free at run time; secrets on file "
          "descriptor 3, never in a command line):\n\n```\n"
          "aries-sandbox --port 0 --tick-ms 0 --auto-consent --positions 5000 --seed 1\n"
          "aries-companion --client-id sandbox-demo-client --authorize-url http://127.0.0.1:SANDBOX/oauth2/authorize "
          "--api-base http://127.0.0.1:SANDBOX --mcp-port PORT [--connect]\n"
          "aries-mcp\n"
          "node bench/node/peer-server.mjs http://127.0.0.1:SANDBOX            # token on fd 3\n"
          "node bench/node/node_modules/mcp-remote/dist/proxy.js http://127.0.0.1:PORT/mcp --allow-http "
          "--transport http-only --header-file /dev/fd/3 --silent\n"
          "```\n";
    md << "\n## 1. Tool-call overhead: `get_quote`\n\n";
    md << "One client, one call at a time: " << m_iterations << " timed calls after " << m_warmup
       << " warm-up calls. `get_quote` makes three Aries requests at once (last trade, last quote, previous day); "
          "path (c) makes the same three. Overhead is a path's figure minus (c)'s.\n\n";
    md << "| path | how | p50 | p99 | mean | overhead p50 | overhead p99 |\n|---|---|---|---|---|---|---|\n";
    for (const PathResult &path : m_paths) {
        md << "| " << path.name << " | " << path.how << " | " << ms(path.stats.p50) << " | " << ms(path.stats.p99)
           << " | " << ms(path.stats.mean) << " | ";
        if (direct && &path != direct) {
            md << ms(path.stats.p50 - direct->stats.p50) << " | " << ms(path.stats.p99 - direct->stats.p99) << " |\n";
        } else {
            md << "– | – |\n";
        }
    }
    md << "| floor: TCP loopback | 256 bytes there and back between two processes | " << ms(m_floorTcp.p50) << " | "
       << ms(m_floorTcp.p99) << " | " << ms(m_floorTcp.mean) << " | – | – |\n";
    md << "| floor: pipes | the same through two pipes (a stdio server's hop) | " << ms(m_floorPipe.p50) << " | "
       << ms(m_floorPipe.p99) << " | " << ms(m_floorPipe.mean) << " | – | – |\n";
    if (bridge && http && direct && peer && remote) {
        const double peerOverhead = peer->stats.p50 - direct->stats.p50;
        md << "\nRatios of overhead at p50: bridge / TypeScript peer = "
           << fixed((bridge->stats.p50 - direct->stats.p50) / peerOverhead, 2)
           << "; HTTP / TypeScript peer = " << fixed((http->stats.p50 - direct->stats.p50) / peerOverhead, 2)
           << "; mcp-remote / our bridge = "
           << fixed((remote->stats.p50 - direct->stats.p50) / (bridge->stats.p50 - direct->stats.p50), 1) << ".\n";
    }

    md << "\n## 2. Throughput: `get_quote` calls per second\n\n";
    md << "Each client is a thread of the driver with its own session (HTTP: its own keep-alive connection; "
          "bridges: its own `aries-mcp` process), calling as fast as answers come for "
       << (m_config.smoke ? "0.3" : "4") << " s. CPU is the share of one core each process used meanwhile "
       << "(200% = both cores).\n\n";
    md << "| transport | clients | served | calls/s | errors | app CPU | sandbox CPU | bridges CPU | driver CPU | "
          "what ran out |\n|---|---|---|---|---|---|---|---|---|---|\n";
    for (const ThroughputRow &row : m_throughput) {
        md << "| " << row.transport << " | " << row.clients << " | " << row.served << " | "
           << fixed(row.callsPerSecond, 0) << " | " << row.errors << " | " << fixed(row.appCpu, 0) << "% | "
           << fixed(row.sandboxCpu, 0) << "% | " << (row.transport == "HTTP" ? "–" : fixed(row.bridgeCpu, 0) + "%")
           << " | " << fixed(row.driverCpu, 0) << "% | " << row.limit << " |\n";
    }

    md << "\n## 3. Scale: `get_portfolio`\n\n";
    md << "The demo account reseeded to N positions (`POST /_sandbox/portfolio`); one client over HTTP. Each call "
          "fetches positions and balances, then each symbol's last trade and previous close. Requests per call "
          "counted by the sandbox.\n\n";
    md << "| positions | injected latency | calls timed | p50 | p99 | per position (p50) | Aries requests per call "
          "| priced |\n|---|---|---|---|---|---|---|---|\n";
    for (const ScaleRow &row : m_scale) {
        md << "| " << row.positions << " | " << row.latencyMs << " ms | " << row.stats.count << " | "
           << ms(row.stats.p50) << " | " << ms(row.stats.p99) << " | "
           << fixed(row.stats.p50 / std::max(1, row.positions), 0) << " µs | " << row.requests << " | " << row.priced
           << (row.error.empty() ? "" : " (" + row.error + ")") << " |\n";
    }

    md << "\n## 4. Footprint\n\n| what | resident memory (VmRSS) |\n|---|---|\n";
    md << "| Tray app, first start (not signed in), idle | " << mib(m_rssFirstIdle) << " |\n";
    md << "| Tray app after the sign-in, the consent window gone (" << fixed(m_signInSeconds, 1)
       << " s from launch to tokens saved) | " << mib(m_rssAfterSignIn) << " |\n";
    md << "| Tray app idle after a signed-in start | " << mib(m_rssIdle) << " |\n";
    md << "| Tray app after " << m_footprintCalls << " tool calls | " << mib(m_rssAfterCalls1) << " |\n";
    md << "| Tray app after " << 2 * m_footprintCalls << " tool calls | " << mib(m_rssAfterCalls2) << " |\n";
    md << "| Bridge (`aries-mcp`) after " << m_warmup + m_iterations << " calls | " << mib(m_bridgeRss) << " |\n";
    md << "| Consent window (`aries-consent`) peak, itself (VmHWM) | " << mib(m_consentPeakSelf) << " |\n";
    md << "| Consent window peak with QtWebEngine's processes (sum of VmRSS, sampled every 10 ms) | "
       << mib(m_consentPeakTree) << " |\n";
    for (const PathResult &path : m_paths) {
        if (path.name.find("(d)") == 0 || path.name.find("(e)") == 0) {
            md << "| " << path.name.substr(4) << " process (Node.js) | " << mib(path.serverRssKiB) << " |\n";
        }
    }
    md << "\n| binary | size | stripped |\n|---|---|---|\n";
    for (const auto &[name, sizes] : m_binaries) {
        md << "| `" << name << "` | " << fixed(double(sizes.first) / 1048576, 1) << " MiB | "
           << fixed(double(sizes.second) / 1048576, 2) << " MiB |\n";
    }
    md << "\nBinaries link Qt dynamically; the sizes are the programs themselves.\n";

    md << "\n## 5. Start-up\n\n| what | runs | p50 | p99 | max |\n|---|---|---|---|---|\n";
    md << "| Tray app launch → MCP socket accepting (signed in) | " << m_appStart.count << " | " << ms(m_appStart.p50)
       << " | " << ms(m_appStart.p99) << " | " << ms(m_appStart.max) << " |\n";
    md << "| Tray app launch → HTTP port accepting (local key read from the keychain first) | " << m_appStartHttp.count
       << " | " << ms(m_appStartHttp.p50) << " | " << ms(m_appStartHttp.p99) << " | " << ms(m_appStartHttp.max)
       << " |\n";
    md << "| Tray app first launch (no tokens, empty keychain) → MCP socket accepting | 1 | "
       << fixed(m_firstStartMs, 2) << " ms | – | – |\n";
    md << "| Bridge spawn → answer to `initialize` | " << m_bridgeStart.count << " | " << ms(m_bridgeStart.p50) << " | "
       << ms(m_bridgeStart.p99) << " | " << ms(m_bridgeStart.max) << " |\n";

    // The record of what was profiled and fixed, with the figures before and after, kept by hand beside the
    // driver so that a new run does not lose it.
    if (!m_config.history.empty()) {
        std::ifstream history(m_config.history);
        if (history) {
            md << "\n" << history.rdbuf();
        }
    }

    if (!m_failures.empty()) {
        md << "\n## Failures in this run\n\n";
        for (const std::string &failure : m_failures) {
            md << "- " << failure << "\n";
        }
    }
    std::ofstream out(m_config.out);
    out << md.str();
    note("wrote " + m_config.out);
}

} // namespace Bench
