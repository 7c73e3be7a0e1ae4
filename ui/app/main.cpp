// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "CompanionApp.h"
#include "SingleInstance.h"
#include "platform/Autostart.h"
#include "settings/CompanionSettings.h"
#include "setup/ClientConfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <variant>

using namespace Companion;

namespace {

/** What the command line asked for. */
struct Launch
{
    Ui::LaunchOptions options;
    /** --background: if a copy is already running, leave its windows alone (starts at login, by aries-mcp). */
    bool background = false;
    /** The options given other than --background, which a copy already running does not take over. */
    QStringList appOptions;
};

/**
 * Reads the command line: the options to start with, or an exit code when the run ends here
 * (a printed client configuration, or a value that cannot be used, which is explained on stderr).
 */
std::variant<Launch, int> parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Aries Companion lets an AI assistant such as Claude Desktop work with your Aries brokerage\n"
                       "account, with every order approved by you in a window of this app.\n"
                       "Values given here are used for this run only; Settings keeps the stored ones."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption clientId(QStringLiteral("client-id"),
        QStringLiteral("The Client ID of your OAuth client in Aries Client Center."), QStringLiteral("ID"));
    const QCommandLineOption authorizeUrl(QStringLiteral("authorize-url"),
        QStringLiteral("Aries' sign-in page (default "
                       "https://app.aries.com/oauth2/authorize)."),
        QStringLiteral("URL"));
    const QCommandLineOption apiBase(QStringLiteral("api-base"),
        QStringLiteral("Aries' API address (default https://api.aries.com)."), QStringLiteral("URL"));
    const QCommandLineOption connect(
        QStringLiteral("connect"), QStringLiteral("Start connecting to Aries at launch unless already connected."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        QStringLiteral("Demo mode: start the bundled Aries sandbox on this computer "
                       "and use its demo account."));
    const QCommandLineOption printConfig(QStringLiteral("print-client-config"),
        QStringLiteral("Print what to add to an MCP client's configuration to reach this app, then exit. "
                       "CLIENT is one of: %1.")
            .arg(Setup::ClientConfig::clients().join(QStringLiteral(", "))),
        QStringLiteral("CLIENT"));
    const QCommandLineOption mcpPort(QStringLiteral("mcp-port"),
        QStringLiteral("Port of the MCP endpoint for other assistants on 127.0.0.1 for this run (default: the "
                       "setting, normally %1); 0 turns it off.")
            .arg(CompanionSettings::kDefaultMcpPort),
        QStringLiteral("N"));
    const QCommandLineOption background(Platform::Autostart::backgroundOption().mid(2),
        QStringLiteral("If Aries Companion is already running, leave its windows as they are (used when it is "
                       "started at login or by aries-mcp)."));
    parser.addOptions({clientId, authorizeUrl, apiBase, connect, sandbox, printConfig, mcpPort, background});
    parser.process(app);

    if (parser.isSet(printConfig)) {
        // The bridge is installed next to this program; the snippet carries its absolute path.
#ifdef Q_OS_WIN
        const QString bridge = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("aries-mcp.exe"));
#else
        const QString bridge = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("aries-mcp"));
#endif
        const auto text = Setup::ClientConfig::snippet(parser.value(printConfig), bridge);
        if (!text) {
            std::fprintf(stderr, "aries-companion: --print-client-config: %s\n", qPrintable(text.error()));
            return 2;
        }
        std::printf("%s\n", text->toUtf8().constData());
        return 0;
    }

    Launch launch;
    launch.background = parser.isSet(background);
    for (const QString &name : parser.optionNames()) {
        if (!background.names().contains(name)) {
            launch.appOptions << QStringLiteral("--") + name;
        }
    }
    Ui::LaunchOptions &options = launch.options;
    options.connect = parser.isSet(connect);
    options.sandbox = parser.isSet(sandbox);
    const auto fail = [](const QString &what, const QString &problem) -> std::variant<Launch, int> {
        std::fprintf(stderr, "aries-companion: %s: %s\n", qPrintable(what), qPrintable(problem));
        return 2;
    };
    if (parser.isSet(clientId)) {
        options.clientId = parser.value(clientId).trimmed();
        if (const auto problem = CompanionSettings::clientIdProblem(options.clientId)) {
            return fail(QStringLiteral("--client-id"), *problem);
        }
    }
    for (const auto &[option, target] :
        {std::pair {&authorizeUrl, &options.authorizeUrl}, std::pair {&apiBase, &options.apiBaseUrl}}) {
        if (parser.isSet(*option)) {
            *target = QUrl(parser.value(*option).trimmed());
            if (const auto problem = CompanionSettings::urlProblem(*target)) {
                return fail(QStringLiteral("--") + option->names().constFirst(), *problem);
            }
        }
    }
    if (parser.isSet(mcpPort)) {
        bool ok = false;
        const uint port = parser.value(mcpPort).toUInt(&ok);
        if (!ok || port > 65535) {
            return fail(
                QStringLiteral("--mcp-port"), QStringLiteral("give a port number from 0 to 65535 (0 turns it off)"));
        }
        options.mcpPort = quint16(port);
    }
    if (options.sandbox && (parser.isSet(clientId) || parser.isSet(authorizeUrl) || parser.isSet(apiBase))) {
        return fail(QStringLiteral("--sandbox"),
            QStringLiteral("demo mode uses the sandbox's own client and addresses; leave out --client-id, "
                           "--authorize-url and --api-base"));
    }
    return launch;
}

/**
 * Installs the translations for the system language: the app's own catalog (embedded under :/i18n) and Qt's
 * for its standard dialogs and buttons. A language without a catalog stays English; nothing else changes.
 */
void installTranslations(QTranslator &own, QTranslator &qt)
{
    const QLocale locale;
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&qt);
    }
    // Installed last, so it is asked first.
    if (own.load(locale, QStringLiteral("aries-companion"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&own);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    std::variant<Launch, int> parsed;
    {
        // Parse before the GUI exists, so --help, --version and --print-client-config work without a
        // display (over SSH, in CI).
        QCoreApplication probe(argc, argv);
        AppInfo::applyTo(probe);
        parsed = parse(probe);
    }
    if (const int *exitCode = std::get_if<int>(&parsed)) {
        return *exitCode;
    }
    const Launch &launch = std::get<Launch>(parsed);

    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    // Before any window exists, so every text is created in the user's language.
    QTranslator ownTranslations;
    QTranslator qtTranslations;
    installTranslations(ownTranslations, qtTranslations);

    // One copy per user. A second launch (a person starting it again, two bridges at once, a start at login)
    // hands over to the running copy and ends here, before it could touch the keychain or the MCP socket.
    Ipc::SingleInstance instance;
    switch (instance.claim(
        launch.background ? Ipc::SingleInstance::Message::Ping : Ipc::SingleInstance::Message::Activate)) {
    case Ipc::SingleInstance::Outcome::Primary: break;
    case Ipc::SingleInstance::Outcome::HandedOver:
        if (!launch.appOptions.isEmpty()) {
            // Values given for one run would silently change a copy the user did not restart; say so instead.
            std::fprintf(stderr,
                "aries-companion: Aries Companion is already running; the options given here (%s) only apply "
                "when it starts. To use them, quit it from the tray menu and start it again.\n",
                qPrintable(launch.appOptions.join(QStringLiteral(", "))));
        }
        return 0;
    case Ipc::SingleInstance::Outcome::NotAnswering:
        std::fprintf(stderr, "aries-companion: %s\n", qPrintable(instance.errorString()));
        return 1;
    case Ipc::SingleInstance::Outcome::Unavailable:
        // Better a running app than none; the MCP socket's own check still keeps a second copy off it.
        std::fprintf(stderr, "aries-companion: warning: %s Starting without the check for a copy already running.\n",
            qPrintable(instance.errorString()));
        break;
    }

    app.setQuitOnLastWindowClosed(false); // a tray app lives on when its windows close
    Ui::CompanionApp companion(launch.options);
    QObject::connect(&instance, &Ipc::SingleInstance::activationRequested, &companion, &Ui::CompanionApp::bringToFront);
    companion.start();
    return app.exec();
}
