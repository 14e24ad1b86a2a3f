// Drives Berth with the official TypeScript MCP SDK v2 (@modelcontextprotocol/client), which speaks 2026-07-28:
// connect (pinned to 2026-07-28, or 'auto', which probes server/discover first), list tools, call greet and echo,
// answer an elicitation the server asks for through MRTR (input_required), run slow_compute as an ordinary call, and
// check that an unknown tool is a protocol error.
// Usage: node ts-sdk-v2-client.mjs <mcp-url> <pin|auto>
// Prints one JSON line with what the client saw (and the requests it put on the wire); exits non-zero on any failure.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const TASKS = 'io.modelcontextprotocol/tasks';
const [url, mode = 'pin'] = process.argv.slice(2);
const negotiation = mode === 'auto' ? 'auto' : { pin: '2026-07-28' };

// Every HTTP exchange, as the server got it: the JSON-RPC method, the routing headers, the status.
const wire = [];
const recordingFetch = async (input, init = {}) => {
  const headers = new Headers(init.headers);
  let method = null;
  if (typeof init.body === 'string') {
    try {
      method = JSON.parse(init.body).method ?? null;
    } catch {
      method = '(not JSON)';
    }
  }
  const response = await fetch(input, init);
  wire.push({
    http: init.method ?? 'GET',
    method,
    mcpMethod: headers.get('mcp-method'),
    mcpName: headers.get('mcp-name'),
    protocolVersion: headers.get('mcp-protocol-version'),
    sessionId: headers.get('mcp-session-id'),
    status: response.status,
  });
  return response;
};

function newClient(capabilities) {
  const client = new Client({ name: 'berth-interop-v2', version: '1.0.0' },
    { capabilities, versionNegotiation: { mode: negotiation } });
  const asked = [];
  client.setRequestHandler('elicitation/create', async (request) => {
    asked.push(request.params.message);
    return { action: 'accept', content: { name: 'Alice' } };
  });
  return { client, asked, transport: new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch }) };
}

const text = (result) => result.content?.find((c) => c.type === 'text')?.text ?? null;
const failure = (e) => ({ rejected: true, code: e?.code ?? null, message: String(e?.message ?? e) });

try {
  const { client, asked, transport } = newClient({ elicitation: { form: {} } });
  await client.connect(transport);
  const tools = await client.listTools();
  const greet = await client.callTool({ name: 'greet', arguments: { name: 'Berth' } });
  const echo = await client.callTool({ name: 'echo', arguments: { message: 'from the TypeScript SDK v2' } });
  // The server answers input_required; the client asks its elicitation handler and retries with the answer.
  const elicited = await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} });
  // Without the tasks extension declared, a tool that may run as a task runs as an ordinary call.
  const slow = await client.callTool({ name: 'slow_compute', arguments: { seconds: 0.5, label: 'v2' } });
  const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).then(
    () => ({ rejected: false }), failure);
  const summary = {
    mode,
    era: client.getProtocolEra() ?? null,
    protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
    server: client.getServerVersion() ?? null,
    supportedVersions: client.getDiscoverResult()?.supportedVersions ?? null,
    tools: tools.tools.map((t) => t.name),
    greet: text(greet),
    echo: text(echo),
    elicitation: { asked, result: text(elicited), isError: elicited.isError ?? false },
    slowCompute: { result: text(slow), isError: slow.isError ?? false },
    unknownTool: unknown,
  };
  await client.close();

  // The tasks extension: 2.4.0 has no runtime for it (its typed surface excludes tasks/get|update|cancel, and a
  // resultType it does not know is an UnsupportedResultType error). Declared anyway, to record what happens.
  const withTasks = newClient({ elicitation: { form: {} }, extensions: { [TASKS]: {} } });
  await withTasks.client.connect(withTasks.transport);
  summary.tasks = await withTasks.client.callTool({ name: 'slow_compute', arguments: { seconds: 0.2 } }).then(
    (r) => ({ rejected: false, result: text(r) }), failure);
  await withTasks.client.close();

  summary.wire = wire;
  console.log(JSON.stringify(summary));
} catch (e) {
  console.error(`interop failure: ${e?.stack ?? e}`);
  console.error(`wire so far: ${JSON.stringify(wire)}`);
  process.exit(1);
}
