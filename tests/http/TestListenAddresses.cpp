// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <memory>

#include <unistd.h>

/**
 * The real aries-companion, started with its HTTP endpoint on, never listens on anything but loopback: every
 * listening TCP socket of the process (and of the programs it starts) is 127.0.0.1 or ::1, read from the kernel's
 * own tables rather than from what the app says it does.
 */
class TestListenAddresses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void app_listensOnLoopbackOnly();

private:
    struct Listener
    {
        QString address;
        quint16 port = 0;
        bool loopback = false;
    };

    /** The process and its descendants (the sandbox, helpers). */
    static QList<qint64> processTree(qint64 root);
    static QSet<QByteArray> socketInodes(const QList<qint64> &pids);
    static QList<Listener> listeners(const QSet<QByteArray> &inodes);

    std::unique_ptr<QProcess> m_app;
    QByteArray m_stderr;
};

void TestListenAddresses::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/proc/net/tcp")))
        QSKIP("Needs Linux /proc/net/tcp");
    // run-isolated.sh gave this test its own home, runtime folder and keyring.
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
}

void TestListenAddresses::cleanup()
{
    if (m_app && m_app->state() != QProcess::NotRunning) {
        m_app->terminate();
        if (!m_app->waitForFinished(10'000)) {
            m_app->kill();
            m_app->waitForFinished(5'000);
        }
    }
    if (QTest::currentTestFailed())
        qWarning("aries-companion stderr:\n%s", m_stderr.constData());
    m_app.reset();
}

QList<qint64> TestListenAddresses::processTree(qint64 root)
{
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1)
            children.insert(rest[1].toLongLong(), pid);
    }
    QList<qint64> tree {root};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.values(tree[i]);
    return tree;
}

QSet<QByteArray> TestListenAddresses::socketInodes(const QList<qint64> &pids)
{
    QSet<QByteArray> inodes;
    for (const qint64 pid : pids) {
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        const QStringList entries = fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System);
        for (const QString &fd : entries) {
            // The link reads "socket:[12345]"; 12345 is the inode column of /proc/net/tcp.
            char target[128] = {};
            const ssize_t size = ::readlink(QFile::encodeName(fds.filePath(fd)).constData(), target, sizeof target - 1);
            const QByteArray link(target, size > 0 ? size : 0);
            if (link.startsWith("socket:[") && link.endsWith(']'))
                inodes.insert(link.sliced(8, link.size() - 9));
        }
    }
    return inodes;
}

QList<TestListenAddresses::Listener> TestListenAddresses::listeners(const QSet<QByteArray> &inodes)
{
    QList<Listener> found;
    for (const bool six : {false, true}) {
        QFile table(six ? QStringLiteral("/proc/net/tcp6") : QStringLiteral("/proc/net/tcp"));
        if (!table.open(QIODevice::ReadOnly))
            continue;
        table.readLine(); // column titles
        while (!table.atEnd()) {
            const QList<QByteArray> columns = table.readLine().simplified().split(' ');
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (columns.size() < 10 || columns[3] != "0A" || !inodes.contains(columns[9]))
                continue;
            const QList<QByteArray> local = columns[1].split(':');
            Listener listener;
            listener.port = quint16(local[1].toUInt(nullptr, 16));
            // The kernel prints each 32-bit word of the address in host byte order (little endian here).
            const QByteArray hex = local[0];
            QByteArray bytes; // network order
            for (qsizetype word = 0; word < hex.size(); word += 8) {
                QByteArray w = QByteArray::fromHex(hex.mid(word, 8));
                std::reverse(w.begin(), w.end());
                bytes += w;
            }
            if (six) {
                Q_IPV6ADDR address;
                memcpy(address.c, bytes.constData(), 16);
                const QHostAddress host(address);
                listener.address = host.toString();
                listener.loopback = host == QHostAddress(QHostAddress::LocalHostIPv6);
            } else {
                const quint32 ipv4 = (quint32(uchar(bytes[0])) << 24) | (quint32(uchar(bytes[1])) << 16)
                    | (quint32(uchar(bytes[2])) << 8) | quint32(uchar(bytes[3]));
                const QHostAddress host {ipv4};
                listener.address = host.toString();
                listener.loopback = host == QHostAddress(QHostAddress::LocalHost);
            }
            found.append(listener);
        }
    }
    return found;
}

void TestListenAddresses::app_listensOnLoopbackOnly()
{
    // A port free right now for the HTTP endpoint, so that it is certainly on in this run.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    m_app = std::make_unique<QProcess>();
    connect(
        m_app.get(), &QProcess::readyReadStandardError, this, [this] { m_stderr += m_app->readAllStandardError(); });
    // Demo mode: the app also starts the bundled sandbox, whose sockets are checked too.
    m_app->start(QStringLiteral(ARIES_COMPANION_BIN),
        {QStringLiteral("--mcp-port"), QString::number(port), QStringLiteral("--sandbox")});
    QVERIFY2(m_app->waitForStarted(), qPrintable(m_app->errorString()));
    const qint64 pid = m_app->processId();

    QList<Listener> found;
    const bool endpointUp = QTest::qWaitFor(
        [&] {
            found = listeners(socketInodes(processTree(pid)));
            return std::any_of(found.begin(), found.end(), [port](const Listener &l) { return l.port == port; });
        },
        30'000);
    QVERIFY2(endpointUp, "the HTTP endpoint did not come up; see the app's output");
    // Let whatever else starts with the app (the sandbox) come up as well, then look again.
    (void)QTest::qWaitFor([&] { return processTree(pid).size() > 1; }, 5'000);
    QTest::qWait(500);
    found = listeners(socketInodes(processTree(pid)));

    QStringList all;
    int loopback = 0;
    for (const Listener &listener : std::as_const(found)) {
        all.append(QStringLiteral("%1:%2").arg(listener.address).arg(listener.port));
        loopback += listener.loopback ? 1 : 0;
    }
    qInfo("RELIABILITY: aries-companion (--sandbox, --mcp-port %u) and %lld child processes: %lld listening TCP "
          "sockets, %d on loopback: %s",
        port, qlonglong(processTree(pid).size() - 1), qlonglong(found.size()), loopback, qPrintable(all.join(u' ')));
    for (const Listener &listener : std::as_const(found))
        QVERIFY2(listener.loopback,
            qPrintable(QStringLiteral("listening on %1:%2").arg(listener.address).arg(listener.port)));
}

QTEST_GUILESS_MAIN(TestListenAddresses)
#include "TestListenAddresses.moc"
