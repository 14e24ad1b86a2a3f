-- wrk script: MCP `tools/call` of the `echo` tool over Streamable HTTP, with every response checked, so that a server
-- answering errors cannot look fast. Two modes:
--
--   session    (default) the session era: calls in an existing session (Mcp-Session-Id from initialize)
--   stateless  MCP 2026-07-28: every POST self-contained, no initialize, no session (see below)
--
--   MCP_SESSION_ID=<id> wrk -t2 -c16 -d20s --latency -s tools-call.lua http://127.0.0.1:19080/t/bench/mcp
--   MCP_MODE=stateless MCP_REQUIRE_RESULT_TYPE=1 wrk -t2 -c16 -d20s --latency -s tools-call.lua \
--       http://127.0.0.1:19080/t/bench/mcp
--
-- Environment:
--   MCP_MODE              session (default) or stateless
--   MCP_SESSION_ID        session mode: the session (Mcp-Session-Id) from initialize; or
--   MCP_SESSION_FILE      a file holding it (read when MCP_SESSION_ID is unset)
--   MCP_PROTOCOL_VERSION  the MCP-Protocol-Version header (and, stateless, the _meta protocolVersion); default
--                         2025-11-25 (session, the version initialize negotiated) or 2026-07-28 (stateless)
--   MCP_REQUIRE_RESULT_TYPE  1: a result without "resultType":"complete" is an error (2026-07-28 requires it on every
--                         result; the Java SDK's stateless transport predates it, so it is left unset for the peer)
--   ECHO_MESSAGE          the echo argument (default "hello"; keep it plain ASCII without quotes or backslashes)
--
-- Stateless requests carry the 2026-07-28 headers MCP-Protocol-Version, Mcp-Method: tools/call and Mcp-Name: echo,
-- and params._meta = {"io.modelcontextprotocol/protocolVersion":<version>,
-- "io.modelcontextprotocol/clientCapabilities":{}}; no Mcp-Session-Id.
--
-- A response counts as good only if it is HTTP 200, its JSON-RPC message (the body itself, or the `data:` lines of an
-- SSE body) has a "result", no "error" member, no "isError": true, no "resultType" other than "complete", and the text
-- "Echo: <message>". done() prints one line "mcp-check: responses=N good=N errors=N (...)" that run.sh parses, and a
-- sample of the first bad response. Every request carries its own JSON-RPC id (ids must not be reused within a
-- session; unique in stateless mode too, so that a server's answer can never be mistaken for another's).

local function trim(s)
   return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function env(name, default)
   local v = os.getenv(name)
   if v == nil or trim(v) == "" then return default end
   return trim(v)
end

local function read_session()
   local id = env("MCP_SESSION_ID", nil)
   if id then return id end
   local path = env("MCP_SESSION_FILE", nil)
   if path then
      local f = io.open(path, "r")
      if f then
         local s = f:read("*a")
         f:close()
         if s and trim(s) ~= "" then return trim(s) end
      end
   end
   error("tools-call.lua: set MCP_SESSION_ID or MCP_SESSION_FILE to the Mcp-Session-Id from initialize")
end

local mode = env("MCP_MODE", "session")
if mode ~= "session" and mode ~= "stateless" then
   error("tools-call.lua: MCP_MODE must be session or stateless, not " .. mode)
end
local version = env("MCP_PROTOCOL_VERSION", mode == "stateless" and "2026-07-28" or "2025-11-25")
local require_result_type = env("MCP_REQUIRE_RESULT_TYPE", "0") == "1"
local message = env("ECHO_MESSAGE", "hello")
local expected = "Echo: " .. message

local headers = {
   ["Content-Type"] = "application/json",
   ["Accept"] = "application/json, text/event-stream",
   ["MCP-Protocol-Version"] = version,
}
local params_tail
if mode == "session" then
   headers["Mcp-Session-Id"] = read_session()
   params_tail = '}}'
else
   headers["Mcp-Method"] = "tools/call"
   headers["Mcp-Name"] = "echo"
   params_tail = ',"_meta":{"io.modelcontextprotocol/protocolVersion":"' .. version
      .. '","io.modelcontextprotocol/clientCapabilities":{}}}}'
end
local body_head = '{"jsonrpc":"2.0","id":'
local body_tail = ',"method":"tools/call","params":{"name":"echo","arguments":{"message":"' .. message .. '"}'
   .. params_tail

-- Main state: the threads, to add up their counters in done().
local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread runs its own Lua state).
function init(args)
   next_id = (thread_index or 0) * 1000000000
   responses, good, errors = 0, 0, 0
   non200, no_result, rpc_error, tool_error, wrong_type, wrong_text = 0, 0, 0, 0, 0, 0
   sample = ""
end

function request()
   next_id = next_id + 1
   return wrk.format("POST", nil, headers, body_head .. next_id .. body_tail)
end

-- The JSON-RPC message of a body: JSON as is; SSE: the data: lines of its events joined (one event expected).
local function message_of(body)
   if body == nil then return "" end
   local first = body:match("^%s*(.)")
   if first == "{" or first == "[" then return body end
   local parts = {}
   for line in body:gmatch("[^\r\n]+") do
      local data = line:match("^data:%s?(.*)$")
      if data then parts[#parts + 1] = data end
   end
   return table.concat(parts, "\n")
end

local function bad(kind, status, body)
   errors = errors + 1
   if sample == "" then
      sample = kind .. " status=" .. tostring(status) .. " body=" .. (body or ""):sub(1, 300):gsub("[\r\n]+", " | ")
   end
end

function response(status, hdrs, body)
   responses = responses + 1
   if status ~= 200 then
      non200 = non200 + 1
      return bad("non-200", status, body)
   end
   local msg = message_of(body)
   if msg:find('"error"%s*:') then
      rpc_error = rpc_error + 1
      return bad("json-rpc-error", status, body)
   end
   if not msg:find('"result"%s*:') then
      no_result = no_result + 1
      return bad("no-result", status, body)
   end
   if msg:find('"isError"%s*:%s*true') then
      tool_error = tool_error + 1
      return bad("isError", status, body)
   end
   local result_type = msg:match('"resultType"%s*:%s*"([^"]*)"')
   if (result_type and result_type ~= "complete") or (require_result_type and not result_type) then
      wrong_type = wrong_type + 1
      return bad("resultType", status, body)
   end
   if not msg:find(expected, 1, true) then
      wrong_text = wrong_text + 1
      return bad("wrong-text", status, body)
   end
   good = good + 1
end

function done(summary, latency, requests)
   local t = { responses = 0, good = 0, errors = 0, non200 = 0, no_result = 0, rpc_error = 0, tool_error = 0,
               wrong_type = 0, wrong_text = 0 }
   local first_sample = ""
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do
         t[k] = t[k] + (tonumber(thread:get(k)) or 0)
      end
      local s = thread:get("sample")
      if first_sample == "" and s and s ~= "" then first_sample = s end
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   io.write(string.format(
      "mcp-check: mode=%s responses=%d good=%d errors=%d (non200=%d no_result=%d rpc_error=%d isError=%d resultType=%d wrong_text=%d) socket_errors=%d\n",
      mode, t.responses, t.good, t.errors, t.non200, t.no_result, t.rpc_error, t.tool_error, t.wrong_type, t.wrong_text,
      socket_errors))
   if first_sample ~= "" then
      io.write("mcp-check: first bad response: " .. first_sample .. "\n")
   end
end
