// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Talks to Aries Companion as a 2026-07-28 (stateless) MCP client does: the official v2 TypeScript client
// (@modelcontextprotocol/client) starts the stdio bridge (aries-mcp) as a child process, pinned to the
// 2026-07-28 revision, so it connects with server/discover instead of initialize and stamps every request's
// params._meta with the protocol version.
//   node stdio-client-2026.mjs /path/to/aries-mcp
// Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
import { Client, PROTOCOL_VERSION_META_KEY } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { check, finish } from './check.mjs';

const MODERN = '2026-07-28';
const bridge = process.argv[2];

const transport = new StdioClientTransport({ command: bridge, args: [], env: { ...process.env }, stderr: 'inherit' });
const client = new Client({ name: 'aries-companion-tests', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: MODERN } } });

// The client parses results into typed objects; keep the wire messages too, to check what the bridge sent.
const sent = [];
const received = new Map();
function observeWire() {
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
        sent.push(message);
        return send(message, options);
    };
    const onmessage = transport.onmessage;
    transport.onmessage = (message, extra) => {
        if (message && message.id !== undefined) received.set(message.id, message);
        onmessage?.(message, extra);
    };
}
function lastSent(method) {
    return [...sent].reverse().find((message) => message.method === method);
}

try {
    await client.connect(transport, { timeout: 30000 });
    observeWire();
    check('connect: modern era negotiated', client.getProtocolEra() === 'modern', String(client.getProtocolEra()));
    check(`connect: protocol version is ${MODERN}`, client.getNegotiatedProtocolVersion() === MODERN,
        String(client.getNegotiatedProtocolVersion()));

    const discovered = await client.discover();
    check(`server/discover: supportedVersions includes ${MODERN}`,
        Array.isArray(discovered?.supportedVersions) && discovered.supportedVersions.includes(MODERN),
        JSON.stringify(discovered));
    const discoverWire = received.get(lastSent('server/discover')?.id)?.result;
    console.log(`NOTE server/discover on the wire: ttlMs=${JSON.stringify(discoverWire?.ttlMs)} ` +
        `cacheScope=${JSON.stringify(discoverWire?.cacheScope)} resultType=${JSON.stringify(discoverWire?.resultType)}`);
    const server = client.getServerVersion();
    check('server/discover: serverInfo name is aries-companion', server?.name === 'aries-companion', JSON.stringify(server));
    check('server/discover: tools capability', !!discovered?.capabilities?.tools, JSON.stringify(discovered?.capabilities));

    // tools/list through the client: it validates the 2026-07-28 result shape (ttlMs/cacheScope are required
    // on list results, SEP-2549), so a malformed answer is a failure a real v2 client would hit too.
    let tools;
    try {
        tools = await client.listTools();
    } catch (error) {
        tools = { error: String(error?.message ?? error) };
    }
    check('tools/list answers a list', Array.isArray(tools?.tools), JSON.stringify(tools));
    const request = lastSent('tools/list');
    check(`tools/list request carries _meta protocolVersion ${MODERN}`,
        request?.params?._meta?.[PROTOCOL_VERSION_META_KEY] === MODERN, JSON.stringify(request));
    const response = request ? received.get(request.id) : undefined;
    check('tools/list result has resultType "complete"', response?.result?.resultType === 'complete',
        JSON.stringify(response));
    const { tools: _omitted, ...envelope } = response?.result ?? {};
    check('tools/list result carries ttlMs and cacheScope', Number.isInteger(envelope.ttlMs) &&
        ['public', 'private'].includes(envelope.cacheScope), `result without tools: ${JSON.stringify(envelope)}`);

    let unknownRejected = false;
    let unknownDetail = '';
    try {
        const result = await client.callTool({ name: 'no_such_tool', arguments: {} });
        unknownRejected = result?.isError === true; // some servers answer an unknown tool as a tool error
        unknownDetail = JSON.stringify(result);
    } catch (error) {
        unknownRejected = error?.code === -32602;
        unknownDetail = String(error?.stack ?? error);
    }
    check('tools/call of an unknown tool is refused', unknownRejected, unknownDetail);
} catch (error) {
    check('session', false, String(error?.stack ?? error));
} finally {
    await client.close().catch(() => {});
}
finish();
