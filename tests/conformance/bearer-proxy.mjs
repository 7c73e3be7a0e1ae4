// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Loopback proxy for the conformance suite, which cannot send an Authorization header:
// adds "Authorization: Bearer <MCP_CONFORMANCE_KEY>" and forwards everything else unchanged,
// streaming both bodies (SSE included). The server's bearer check stays on.
//   node bearer-proxy.mjs <target-url>   -> prints "PROXY_URL http://127.0.0.1:<port><path>"
import http from 'node:http';

const target = new URL(process.argv[2]);
const key = process.env.MCP_CONFORMANCE_KEY;
if (!key) {
    console.error('bearer-proxy: set MCP_CONFORMANCE_KEY');
    process.exit(2);
}

const server = http.createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${key}` };
    const upstream = http.request(
        { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
            res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
            res.flushHeaders();
            answer.pipe(res);
        });
    upstream.on('error', (err) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`bearer-proxy: ${err.message}\n`);
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => {
    console.log(`PROXY_URL http://127.0.0.1:${server.address().port}${target.pathname}`);
});
