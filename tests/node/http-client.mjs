// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Talks to the MCP engine over Streamable HTTP as Claude Code, Cursor or VS Code do: the official v1
// TypeScript SDK client (StreamableHTTPClientTransport) with the local key as a bearer token. It checks
// what only a real client can show: answers that arrive as SSE streams (progress, log messages and a
// sampling request to the client during a tool call), the client's answer to that request posted back,
// the session header, DELETE at the end, and that a wrong key is refused.
//   MCP_TEST_KEY=<key> node http-client.mjs http://127.0.0.1:PORT/mcp
// The server is tests/conformance's fixture server, which has tools that report progress, log and sample.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { check, finish } from './check.mjs';

const url = new URL(process.argv[2]);
const key = process.env.MCP_TEST_KEY;

function transportWith(bearer) {
    return new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${bearer}` } } });
}

const transport = transportWith(key);
const client = new Client({ name: 'aries-companion-http-tests', version: '1.0.0' }, { capabilities: { sampling: {} } });
const logs = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => logs.push(notification.params));
const samplingRequests = [];
client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    samplingRequests.push(request.params);
    return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled answer' } };
});

try {
    await client.connect(transport, { timeout: 30000 });
    check('initialize over HTTP', client.getServerVersion()?.name === 'aries-companion',
        JSON.stringify(client.getServerVersion()));
    check('session id issued', typeof transport.sessionId === 'string' && transport.sessionId.length >= 32,
        String(transport.sessionId));

    const progress = [];
    const withProgress = await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined,
        { onprogress: (p) => progress.push(p.progress), timeout: 30000 });
    check('progress arrives during the call (SSE)', JSON.stringify(progress) === '[0,50,100]', JSON.stringify(progress));
    check('the streamed call still ends with its result', withProgress.isError !== true && withProgress.content?.length > 0,
        JSON.stringify(withProgress));

    await client.setLoggingLevel('info');
    const logged = await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
    check('log messages arrive during the call (SSE)', logs.length >= 3, JSON.stringify(logs));
    check('logging call result', logged.isError !== true, JSON.stringify(logged));

    const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Say hi' } }, undefined,
        { timeout: 30000 });
    check('the server asked the client to sample', samplingRequests.length === 1, JSON.stringify(samplingRequests));
    check('the client answer reached the tool', JSON.stringify(sampled).includes('sampled answer'),
        JSON.stringify(sampled));

    const plain = await client.callTool({ name: 'test_simple_text', arguments: {} });
    check('a quick call is answered', plain.content?.[0]?.type === 'text', JSON.stringify(plain));

    await transport.terminateSession();
    check('DELETE ends the session', transport.sessionId === undefined, String(transport.sessionId));
} catch (error) {
    check('session', false, String(error?.stack ?? error));
} finally {
    await client.close().catch(() => {});
}

const intruder = new Client({ name: 'intruder', version: '1.0.0' });
let refused = false;
try {
    await intruder.connect(transportWith('not-the-key'), { timeout: 10000 });
} catch (error) {
    // The SDK reports the HTTP status as the error's code.
    refused = error?.code === 401;
    if (!refused) console.log(`  (wrong key answered: ${error?.message} code=${error?.code})`);
}
check('a wrong key is refused with 401', refused);
await intruder.close().catch(() => {});
finish();
