// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Companion;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Connects an MCP client such as Claude Desktop to Aries Companion.\n"
                       "The client starts this program and speaks MCP on its standard input and output;\n"
                       "every message is passed to the Aries Companion tray app on this computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
