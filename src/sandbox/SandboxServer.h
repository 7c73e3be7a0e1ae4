// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Broker.h"
#include "Expected.h"
#include "FaultInjector.h"
#include "HttpServer.h"
#include "MarketDataApi.h"
#include "MarketSimulator.h"
#include "OAuthServer.h"
#include "SandboxClock.h"
#include "SandboxOptions.h"
#include "StateFile.h"
#include "SymbolUniverse.h"

#include <QMap>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Companion::Sandbox {

/**
 * aries-sandbox as a whole: the HTTP front that routes every request to the authorization server,
 * the broker or the market-data endpoints, applies injected faults, and serves the control API
 * (docs/sandbox.md).
 */
class SandboxServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr char kDemoClientId[] = "sandbox-demo-client";
    static constexpr char kDemoRedirectUri[] = "https://mcp.aries.com/auth/callback";
    static constexpr char kDemoEmail[] = "demo@aries.example";
    static constexpr char kDemoPassword[] = "sandbox";

    explicit SandboxServer(SandboxOptions options, QObject *parent = nullptr);
    ~SandboxServer() override;
    Q_DISABLE_COPY_MOVE(SandboxServer)

    /** Loads --state, sets up users and clients, and starts listening on 127.0.0.1. Returns the port. */
    Expected<quint16, QString> start();

private:
    using Responder = std::shared_ptr<Http::HttpResponder>;

    void handle(const Http::HttpRequest &request, const Responder &responder);
    void handleApi(const Http::HttpRequest &request, const Responder &responder, FaultMode after);
    ApiReply routeApi(const Http::HttpRequest &request);
    void handlePages(const Http::HttpRequest &request, const Responder &responder, FaultMode after);
    ApiReply control(const Http::HttpRequest &request);
    void sendJson(
        const Responder &responder, const ApiReply &reply, FaultMode after, const Http::HeaderList &headers = {});
    void sendFault(const Responder &responder, const FaultDecision &decision);
    nlohmann::json snapshot() const;

    SandboxOptions m_options;
    SandboxClock m_clock;
    SymbolUniverse m_universe;
    MarketSimulator m_market;
    OAuthServer m_oauth;
    Broker m_broker;
    MarketDataApi m_marketData;
    FaultInjector m_faults;
    Http::HttpServer m_http;
    QTimer m_ticker;
    std::unique_ptr<StateFile> m_stateFile;
    QString m_issuer; ///< http://127.0.0.1:PORT once listening
    QMap<QString, int> m_requestCounts;
    QList<Responder> m_hanging; ///< Requests told to hang: kept open until their client gives up
};

} // namespace Companion::Sandbox
