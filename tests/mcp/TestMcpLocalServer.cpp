// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/McpConnection.h"
#include "mcp/McpLocalServer.h"
#include "mcp/McpServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#endif

using namespace Companion;

namespace {

constexpr int kWaitMs = 10'000;

const QByteArray kInitialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":)"
                               R"("2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}})";
const QByteArray kInitialized = R"({"jsonrpc":"2.0","method":"notifications/initialized"})";

QByteArray ping(const QByteArray &id)
{
    return R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":"ping"})";
}

/** A bridge stand-in: a socket that collects the app's replies line by line. */
class Client final
{
public:
    explicit Client(const QString &serverName)
    {
        QObject::connect(&m_socket, &QLocalSocket::readyRead, [this] { m_received.append(m_socket.readAll()); });
        m_socket.connectToServer(serverName);
    }

    bool isConnected() const { return m_socket.state() == QLocalSocket::ConnectedState; }
    QLocalSocket &socket() { return m_socket; }

    void write(const QByteArray &bytes)
    {
        if (m_socket.state() != QLocalSocket::ConnectedState) {
            m_socket.waitForConnected(kWaitMs); // a local connect completes without the server's event loop
        }
        m_socket.write(bytes);
        m_socket.flush();
    }

    /** Waits for @p count complete lines and returns them parsed. */
    QList<QJsonObject> waitForReplies(qsizetype count)
    {
        // A shortfall shows in the count the caller compares.
        (void)QTest::qWaitFor([this, count] { return m_received.count('\n') >= count; }, kWaitMs);
        QList<QJsonObject> replies;
        for (const QByteArray &line : m_received.split('\n')) {
            if (!line.isEmpty()) {
                replies.append(QJsonDocument::fromJson(line).object());
            }
        }
        return replies;
    }

    void clear() { m_received.clear(); }
    const QByteArray &received() const { return m_received; }

private:
    QLocalSocket m_socket;
    QByteArray m_received;
};

#ifdef Q_OS_UNIX
constexpr uid_t kNobody = 65534;

/**
 * Connects to the socket @p path from a child process running as @p uid (and the same gid, no supplementary
 * groups), or unchanged when @p uid is the current one. Returns 0 when connected, else the errno of the failure.
 * A fork rather than a helper program: the child only makes system calls, and no other binary has to be
 * readable by that user.
 */
int connectAs(uid_t uid, const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    if (size_t(name.size()) >= sizeof(address.sun_path))
        return ENAMETOOLONG;
    memcpy(address.sun_path, name.constData(), size_t(name.size()));
    const pid_t child = ::fork();
    if (child == 0) {
        if (uid != ::geteuid()
            && (::setgroups(0, nullptr) != 0 || ::setresgid(uid, uid, uid) != 0 || ::setresuid(uid, uid, uid) != 0))
            ::_exit(255);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0)
            ::_exit(254);
        ::_exit(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 ? 0 : (errno & 0x7f));
    }
    if (child < 0)
        return -1;
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
#endif

} // namespace

class TestMcpLocalServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void handshake_oneWrite_repliesLineByLine();
    void handshake_splitUtf8Writes_repliesLineByLine();
    void twoClients_interleaved_independentSessions();
    void listen_newFolder_ownerOnlyFolderAndSocket();
    void listen_staleFile_replaced();
    void listen_deadSocket_replaced();
    void listen_liveInstance_failsAndFirstKeepsServing();
    void clientDisconnects_sessionClosedAndCounted();
    void overlongLine_answeredAndConnectionKeepsWorking();
    void otherUser_cannotConnect();

private:
    QString m_folder;
    QString m_serverName;
    std::unique_ptr<Mcp::McpServer> m_engine;
    std::unique_ptr<Mcp::McpLocalServer> m_server;
};

void TestMcpLocalServer::init()
{
    static int counter = 0;
    QString dir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (dir.isEmpty()) {
        dir = QDir::tempPath();
    }
    // A folder that does not exist yet, so listen() has to create it.
    m_folder =
        QStringLiteral("%1/aries-companion-test-%2-%3").arg(dir).arg(QCoreApplication::applicationPid()).arg(++counter);
    m_serverName = m_folder + QStringLiteral("/mcp.sock");
    m_engine = std::make_unique<Mcp::McpServer>();
    m_server = std::make_unique<Mcp::McpLocalServer>(*m_engine, m_serverName);
}

void TestMcpLocalServer::cleanup()
{
    m_server.reset();
    m_engine.reset();
    QDir(m_folder).removeRecursively();
}

void TestMcpLocalServer::handshake_oneWrite_repliesLineByLine()
{
    const auto listening = m_server->listen();
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));
    Client client(m_serverName);

    client.write(kInitialize + '\n' + kInitialized + '\n' + ping("2") + '\n');

    const auto replies = client.waitForReplies(2);
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies[0].value(QLatin1String("id")).toInt(), 1);
    QVERIFY(replies[0].value(QLatin1String("result")).toObject().contains(QLatin1String("protocolVersion")));
    QCOMPARE(replies[1].value(QLatin1String("id")).toInt(), 2);
    QCOMPARE(replies[1].value(QLatin1String("result")).toObject(), QJsonObject());
    QVERIFY(client.received().endsWith('\n'));
}

void TestMcpLocalServer::handshake_splitUtf8Writes_repliesLineByLine()
{
    QVERIFY(m_server->listen());
    Client client(m_serverName);
    QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, kWaitMs));
    // The ping's id is echoed back byte for byte, which shows the UTF-8 survived being cut inside characters.
    const QString id = QStringLiteral("Grüße 🚀 日本語");
    const QByteArray all = kInitialize + '\n' + kInitialized + '\n'
        + ping(QJsonDocument(QJsonObject {{QStringLiteral("v"), id}}).toJson(QJsonDocument::Compact).mid(5).chopped(1))
        + '\n';

    for (qsizetype pos = 0; pos < all.size(); pos += 5) {
        client.write(all.mid(pos, 5));
        QTest::qWait(1); // separate writes reach the app separately
    }

    const auto replies = client.waitForReplies(2);
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies[0].value(QLatin1String("id")).toInt(), 1);
    QCOMPARE(replies[1].value(QLatin1String("id")).toString(), id);
}

void TestMcpLocalServer::twoClients_interleaved_independentSessions()
{
    QVERIFY(m_server->listen());
    QSignalSpy counted(m_server.get(), &Mcp::McpLocalServer::connectionCountChanged);
    Client first(m_serverName);
    Client second(m_serverName);
    QVERIFY(QTest::qWaitFor([&] { return m_server->connectionCount() == 2; }, kWaitMs));
    QCOMPARE(m_engine->sessionCount(), 2);

    first.write(kInitialize + '\n');
    second.write(kInitialize + '\n');
    QCOMPARE(first.waitForReplies(1).size(), 1);
    QCOMPARE(second.waitForReplies(1).size(), 1);
    first.write(kInitialized + '\n' + ping("\"first\"") + '\n');
    second.write(kInitialized + '\n' + ping("\"second\"") + '\n');

    const auto firstReplies = first.waitForReplies(2);
    const auto secondReplies = second.waitForReplies(2);
    QCOMPARE(firstReplies.size(), 2);
    QCOMPARE(secondReplies.size(), 2);
    QCOMPARE(firstReplies[1].value(QLatin1String("id")).toString(), QStringLiteral("first"));
    QCOMPARE(secondReplies[1].value(QLatin1String("id")).toString(), QStringLiteral("second"));
    QCOMPARE(counted.size(), 2);
}

void TestMcpLocalServer::listen_newFolder_ownerOnlyFolderAndSocket()
{
    QVERIFY(!QFileInfo::exists(m_folder));
    QVERIFY(m_server->listen());

    constexpr auto ownerAll = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    // QFile reports the owner's bits twice (ReadUser...) for the current user; only group and other matter.
    const auto folderMode = QFile::permissions(m_folder);
    QCOMPARE(folderMode & (ownerAll | groupOrOther), ownerAll);
    QCOMPARE(m_server->fullServerName(), m_serverName);
    QVERIFY(QFileInfo::exists(m_serverName));
    QCOMPARE(QFile::permissions(m_serverName) & groupOrOther, QFileDevice::Permissions());

    // An existing folder that others could enter is narrowed.
    m_server.reset();
    QVERIFY(QFile::setPermissions(m_folder, ownerAll | QFileDevice::ReadOther | QFileDevice::ExeOther));
    m_server = std::make_unique<Mcp::McpLocalServer>(*m_engine, m_serverName);
    QVERIFY(m_server->listen());
    QCOMPARE(QFile::permissions(m_folder) & (ownerAll | groupOrOther), ownerAll);
}

void TestMcpLocalServer::listen_staleFile_replaced()
{
    QVERIFY(QDir().mkpath(m_folder));
    QFile stale(m_serverName);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();

    const auto listening = m_server->listen();
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));
    Client client(m_serverName);
    client.write(ping("3") + '\n');
    QCOMPARE(client.waitForReplies(1).size(), 1);
}

void TestMcpLocalServer::listen_deadSocket_replaced()
{
#ifdef Q_OS_UNIX
    // What a crashed instance leaves behind: a bound socket file that nobody listens on any more.
    QVERIFY(QDir().mkpath(m_folder));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_serverName);
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(m_serverName));

    const auto listening = m_server->listen();
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));
    Client client(m_serverName);
    client.write(ping("4") + '\n');
    QCOMPARE(client.waitForReplies(1).size(), 1);
#else
    QSKIP("Socket files exist on Unix only");
#endif
}

void TestMcpLocalServer::listen_liveInstance_failsAndFirstKeepsServing()
{
    QVERIFY(m_server->listen());
    Mcp::McpServer otherEngine;
    Mcp::McpLocalServer other(otherEngine, m_serverName);

    const auto listening = other.listen();

    QVERIFY(!listening);
    QVERIFY2(listening.error().contains(QLatin1String("already running")), qPrintable(listening.error()));
    QVERIFY(!other.isListening());
    QVERIFY(QFileInfo::exists(m_serverName));
    Client client(m_serverName);
    client.write(ping("5") + '\n');
    const auto replies = client.waitForReplies(1);
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies[0].value(QLatin1String("id")).toInt(), 5);
}

void TestMcpLocalServer::clientDisconnects_sessionClosedAndCounted()
{
    QVERIFY(m_server->listen());
    auto client = std::make_unique<Client>(m_serverName);
    client->write(kInitialize + '\n');
    QCOMPARE(client->waitForReplies(1).size(), 1);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_engine->sessionCount(), 1);
    QSignalSpy counted(m_server.get(), &Mcp::McpLocalServer::connectionCountChanged);

    client->socket().disconnectFromServer();

    QVERIFY(QTest::qWaitFor([&] { return m_engine->sessionCount() == 0; }, kWaitMs));
    QCOMPARE(m_server->connectionCount(), 0);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toInt(), 0);
}

void TestMcpLocalServer::overlongLine_answeredAndConnectionKeepsWorking()
{
    QVERIFY(m_server->listen());
    Client client(m_serverName);
    QByteArray huge = R"({"jsonrpc":"2.0","id":9,"method":"ping","params":{"pad":")";
    huge.append(QByteArray(Mcp::McpConnection::kMaxMessageBytes, 'x'));
    huge.append("\"}}\n");

    client.write(huge + ping("10") + '\n');

    const auto replies = client.waitForReplies(2);
    QCOMPARE(replies.size(), 2);
    QVERIFY(replies[0].value(QLatin1String("id")).isNull());
    QCOMPARE(replies[0].value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(), -32600);
    QCOMPARE(replies[1].value(QLatin1String("id")).toInt(), 10);
}

void TestMcpLocalServer::otherUser_cannotConnect()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        QSKIP("Acting as another user (nobody) needs root");
    QVERIFY(m_server->listen());
    int accepted = 0;
    connect(
        m_server.get(), &Mcp::McpLocalServer::connectionCountChanged, this, [&accepted, last = 0](int count) mutable {
            accepted += count > last ? 1 : 0;
            last = count;
        });
    // The control: the same child, as this user, does connect, so a refusal below is the permissions' doing.
    QCOMPARE(connectAs(::geteuid(), m_serverName), 0);
    QTRY_COMPARE(accepted, 1);

    // Root bypasses permission checks, so the socket's own mode is checked here, as what another user meets.
    constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(m_folder) & groupOrOther, QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(m_serverName) & groupOrOther, QFileDevice::Permissions());

    // 1. As it is: the 0700 folder (and the runtime folder above it) keep nobody out.
    const int asIs = connectAs(kNobody, m_serverName);
    QCOMPARE(asIs, EACCES);

    // 2. Even with every folder on the way opened for passing through, the owner-only socket refuses nobody.
    QList<QPair<QString, QFileDevice::Permissions>> opened;
    for (QString folder = m_folder; folder != QLatin1String("/"); folder = QFileInfo(folder).absolutePath()) {
        const auto before = QFile::permissions(folder);
        if (!(before & QFileDevice::ExeOther)) {
            opened.append({folder, before});
            QVERIFY(QFile::setPermissions(folder, before | QFileDevice::ExeOther));
        }
    }
    const int throughOpenFolders = connectAs(kNobody, m_serverName);
    for (const auto &[folder, before] : std::as_const(opened))
        QFile::setPermissions(folder, before);
    QCOMPARE(throughOpenFolders, EACCES);

    QCoreApplication::processEvents();
    QCOMPARE(accepted, 1);
    qInfo("RELIABILITY: local socket: 2 connection attempts as user nobody (folder closed, then every folder on the "
          "way opened): both refused with EACCES; the same attempt as the owner connected");
#else
    QSKIP("Unix users and permissions");
#endif
}

QTEST_GUILESS_MAIN(TestMcpLocalServer)
#include "TestMcpLocalServer.moc"
