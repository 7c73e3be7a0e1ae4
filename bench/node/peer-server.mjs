// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The benchmark's peer: the smallest useful MCP server on the official TypeScript SDK, over stdio, with one
// tool, get_quote, that makes the same three Aries requests as Aries Companion's get_quote (last trade, last
// quote, previous day's bar, all at once) to the same sandbox with the same access token, and answers with
// what they returned. It is how a brokerage MCP server is typically written, minus everything that makes it
// safe; the benchmark compares what each costs per call.
//   node peer-server.mjs API_BASE_URL      (the access token is read from file descriptor 3, never argv/env)
import { readFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const base = process.argv[2];
const token = readFileSync(3, "utf8").trim();
if (!base || !token) {
    process.stderr.write("usage: peer-server.mjs API_BASE_URL, with the access token on file descriptor 3\n");
    process.exit(2);
}

async function get(path, symbol) {
    const response = await fetch(`${base}${path}?ticker=${encodeURIComponent(symbol)}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`Aries answered ${response.status} for ${path}`);
    return response.json();
}

const server = new Server({ name: "peer-quotes", version: "1.0.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
        {
            name: "get_quote",
            description: "Latest trade, bid/ask and previous close of a stock.",
            inputSchema: { type: "object", properties: { symbol: { type: "string" } }, required: ["symbol"] },
        },
    ],
}));
server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const symbol = String(request.params.arguments?.symbol ?? "").toUpperCase();
    try {
        const [trade, quote, previous] = await Promise.all([
            get("/v1/stocks/last-trade", symbol),
            get("/v1/stocks/last-quote", symbol),
            get("/v1/stocks/prev", symbol),
        ]);
        const result = {
            symbol,
            last: trade.results?.price ?? null,
            bid: quote.results?.bidPrice ?? null,
            ask: quote.results?.askPrice ?? null,
            previousClose: previous.results?.[0]?.c ?? null,
        };
        return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
    } catch (error) {
        return { content: [{ type: "text", text: String(error.message ?? error) }], isError: true };
    }
});

await server.connect(new StdioServerTransport());
