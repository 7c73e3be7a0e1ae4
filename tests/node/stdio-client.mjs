// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Talks to Aries Companion exactly as Claude Desktop does: the official MCP TypeScript SDK client
// starts the stdio bridge (aries-mcp) as a child process and speaks MCP on its stdin/stdout.
//   node stdio-client.mjs /path/to/aries-mcp
// Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { check, finish } from './check.mjs';

const bridge = process.argv[2];

const transport = new StdioClientTransport({ command: bridge, args: [], env: { ...process.env }, stderr: 'inherit' });
const client = new Client({ name: 'aries-companion-tests', version: '1.0.0' });
try {
    await client.connect(transport, { timeout: 30000 });
    const server = client.getServerVersion();
    check('initialize: server is aries-companion', server?.name === 'aries-companion', JSON.stringify(server));
    check('initialize: tools capability', !!client.getServerCapabilities()?.tools,
        JSON.stringify(client.getServerCapabilities()));
    const pong = await client.ping();
    check('ping answers {}', pong && Object.keys(pong).length === 0, JSON.stringify(pong));
    const tools = await client.listTools();
    check('tools/list answers a list', Array.isArray(tools.tools), JSON.stringify(tools));
    let unknownRejected = false;
    try {
        const result = await client.callTool({ name: 'no_such_tool', arguments: {} });
        unknownRejected = result.isError === true; // some servers answer an unknown tool as a tool error
    } catch (error) {
        unknownRejected = error?.code === -32602;
    }
    check('tools/call of an unknown tool is refused', unknownRejected);
} catch (error) {
    check('session', false, String(error?.stack ?? error));
} finally {
    await client.close().catch(() => {});
}
finish();
