// Drives Berth with the official TypeScript MCP SDK v1: connect, list tools, call echo, close.
// Usage: [BERTH_ACCESS_TOKEN=<token>] node ts-sdk-v1-client.mjs <mcp-url> <streamable|sse>
// With a token (from the environment, never the command line), every request carries it as a bearer token
// (requestInit headers) and the client also calls scoped_echo, which needs the scope demo.write.
// Prints one JSON line with what the client saw; exits non-zero on any failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [url, kind = 'streamable'] = process.argv.slice(2);
const token = process.env.BERTH_ACCESS_TOKEN;
const options = token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {};
const transport = kind === 'sse'
  ? new SSEClientTransport(new URL(url), options)
  : new StreamableHTTPClientTransport(new URL(url), options);
const client = new Client({ name: 'berth-interop', version: '1.0.0' });

try {
  await client.connect(transport);
  const tools = await client.listTools();
  const echo = await client.callTool({ name: 'echo', arguments: { message: 'from the TypeScript SDK' } });
  const scoped = token
    ? await client.callTool({ name: 'scoped_echo', arguments: { message: 'with a token' } })
    : null;
  const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).then(
    () => ({ rejected: false }),
    (e) => ({ rejected: true, code: e.code }));
  console.log(JSON.stringify({
    protocolVersion: transport.protocolVersion ?? null,
    sessionId: transport.sessionId ?? null,
    server: client.getServerVersion(),
    tools: tools.tools.map((t) => t.name),
    echo: echo.content[0]?.text ?? null,
    echoIsError: echo.isError ?? false,
    scopedEcho: scoped?.content[0]?.text ?? null,
    unknownTool: unknown,
  }));
  await transport.terminateSession?.();
  await client.close();
} catch (e) {
  console.error(`interop failure: ${e?.stack ?? e}`);
  process.exit(1);
}
