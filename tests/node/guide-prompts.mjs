// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The three requests of Aries' guide, as Claude Desktop would make them for "What's in my Aries
// portfolio?", "What's the current price of AAPL?" and "Place a limit buy order for 10 shares of MSFT at
// $400.": the official v1 SDK client starts the stdio bridge and calls get_portfolio, get_quote and
// place_order. place_order waits for the person at the app's approval window; the progress notifications
// keep the call alive meanwhile. Each result is printed as one line "RESULT <tool> <json>" for the test
// that runs this script (and presses the window's buttons) to check.
//   node guide-prompts.mjs /path/to/aries-mcp
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const bridge = process.argv[2];
const transport = new StdioClientTransport({ command: bridge, args: [], env: { ...process.env }, stderr: 'inherit' });
const client = new Client({ name: 'claude-desktop-guide', version: '1.0.0' });

function report(tool, result) {
    console.log(`RESULT ${tool} ${JSON.stringify(result)}`);
}

try {
    await client.connect(transport, { timeout: 30000 });
    const { tools } = await client.listTools();
    console.log(`TOOLS ${JSON.stringify(tools.map((tool) => tool.name))}`);
    report('get_portfolio', await client.callTool({ name: 'get_portfolio', arguments: {} }));
    report('get_quote', await client.callTool({ name: 'get_quote', arguments: { symbol: 'AAPL' } }));
    let progress = 0;
    const order = await client.callTool(
        { name: 'place_order', arguments: { side: 'buy', quantity: 10, symbol: 'MSFT', type: 'limit', limit_price: 400 } },
        undefined, { timeout: 30000, resetTimeoutOnProgress: true, maxTotalTimeout: 180000, onprogress: () => progress++ });
    console.log(`PROGRESS place_order ${progress}`);
    report('place_order', order);
    await client.close();
    process.exit(0);
} catch (error) {
    console.log(`ERROR ${String(error?.stack ?? error)}`);
    await client.close().catch(() => {});
    process.exit(1);
}
