#!/usr/bin/env bash
# Echo `tools/call` on Berth side by side with the MCP Java SDK 2.1.0 on embedded Tomcat 11, in two modes:
#   session    the session era (2025-11-25): initialize once, then wrk POSTs tools/call with the Mcp-Session-Id;
#              the peer is the SDK's streamable servlet transport (/mcp)
#   stateless  MCP 2026-07-28 on Berth (every POST self-contained: params._meta, MCP-Protocol-Version, Mcp-Method,
#              Mcp-Name; no initialize, no session); the peer is the SDK's stateless servlet transport
#              (/stateless/mcp), which has no 2026-07-28 and ignores those headers and _meta
# Interleaved rounds, every response checked (benchmarks/wrk/tools-call.lua), server CPU per call from
# /proc/<pid>/stat (utime+stime delta / responses). See docs/benchmarks.md. All traffic goes to 127.0.0.1 only; both
# servers are stopped on exit.
#
#   benchmarks/run.sh
#
# Settings (environment):
#   MODES="session stateless"   the modes to measure, in this order in odd rounds (reversed in even rounds)
#   ROUNDS=3 DURATION=20 WARMUP=15 CONNECTIONS=16 THREADS=2   rounds, seconds per measurement, seconds of warm-up per
#                                                            server, wrk connections and threads
#   BENCH_HTTP_PORT=19080 BENCH_HTTPS_PORT=19443 BENCH_CLUSTER_PORT=15701 BENCH_PEER_PORT=18080
#   BERTH_SRC=<repo root>   the Berth checkout whose `./berth run` is started (default: this repository)
#   BERTH_SRC_COPY=1        build and run Berth from a private copy of BERTH_SRC's work tree (uncommitted changes
#                           included, target/ directories excluded) under the run directory, so that the benchmark
#                           never shares target/ (nor the Liberty server directory) with builds running in the checkout
#                           (deleted at the end, its Liberty messages.log kept, unless BENCH_KEEP_COPY=1)
#   BENCH_PRIVATE_M2=1      (default) every Maven build of the run (`./berth run` does `mvn install`, the fixture build
#                           too) uses a private local repository under the run directory, seeded with a copy of
#                           ~/.m2/repository without io/berth, so that the run never overwrites the io.berth snapshots
#                           other builds on the machine install and resolve (deleted at the end); 0: use ~/.m2
#   BERTH_READY_TIMEOUT=300 seconds to wait for the build and /health/ready
#   BENCH_RESULTS=<file>    also write the markdown results there
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
MODES="${MODES:-session stateless}"
HTTP_PORT="${BENCH_HTTP_PORT:-19080}"
HTTPS_PORT="${BENCH_HTTPS_PORT:-19443}"
CLUSTER_PORT="${BENCH_CLUSTER_PORT:-15701}"
PEER_PORT="${BENCH_PEER_PORT:-18080}"
BERTH_SRC="$(cd "${BERTH_SRC:-$REPO_ROOT}" && pwd)"
READY_TIMEOUT="${BERTH_READY_TIMEOUT:-300}"
TENANT=bench
PROTOCOL=2025-11-25             # session mode
STATELESS_PROTOCOL=2026-07-28   # stateless mode
LUA="$BENCH_DIR/wrk/tools-call.lua"
CLK_TCK="$(getconf CLK_TCK)"

RUN_DIR="$(mktemp -d /tmp/berth-bench.XXXXXX)"
chmod 700 "$RUN_DIR"
START_EPOCH=$(date +%s)
BERTH_PGID=""
BERTH_PID=""
PEER_PID=""
WRK_PID=""

log() { printf '[bench %3ss] %s\n' "$(( $(date +%s) - START_EPOCH ))" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------------- stop
wait_gone() {   # pid seconds
    local i
    for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    return 1
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$WRK_PID" ]; then kill "$WRK_PID" 2>/dev/null || true; fi
    if [ -n "$PEER_PID" ] && kill -0 "$PEER_PID" 2>/dev/null; then
        log "stopping the Java SDK peer (pid $PEER_PID)"
        kill "$PEER_PID" 2>/dev/null || true
        wait_gone "$PEER_PID" 10 || kill -9 "$PEER_PID" 2>/dev/null || true
    fi
    if [ -n "$BERTH_PID" ] && kill -0 "$BERTH_PID" 2>/dev/null; then
        log "stopping Berth (Liberty JVM pid $BERTH_PID)"
        kill "$BERTH_PID" 2>/dev/null || true
        wait_gone "$BERTH_PID" 30 || kill -9 "$BERTH_PID" 2>/dev/null || true
    fi
    if [ -n "$BERTH_PGID" ] && kill -0 -- "-$BERTH_PGID" 2>/dev/null; then
        # `./berth run` (Maven running liberty:run) and anything it still has running
        kill -- "-$BERTH_PGID" 2>/dev/null || true
        local i
        for ((i = 0; i < 100; i++)); do kill -0 -- "-$BERTH_PGID" 2>/dev/null || break; sleep 0.1; done
        kill -9 -- "-$BERTH_PGID" 2>/dev/null || true
    fi
    if [ "${BERTH_SRC_COPY:-0}" = 1 ] && [ -d "$RUN_DIR/src" ] && [ "${BENCH_KEEP_COPY:-0}" != 1 ]; then
        cp "$RUN_DIR/src/deploy/target/liberty/wlp/usr/servers/berth/logs/messages.log" "$RUN_DIR/berth-messages.log" \
            2>/dev/null || true
        rm -rf "$RUN_DIR/src"     # the private copy with its Liberty runtime (~500 MB)
    fi
    if [ -d "$RUN_DIR/m2" ] && [ "${BENCH_KEEP_COPY:-0}" != 1 ]; then
        rm -rf "$RUN_DIR/m2"      # the private Maven repository (~850 MB)
    fi
    log "logs and raw wrk output: $RUN_DIR"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------------------- helpers
port_pid() {    # pid of the process listening on 127.0.0.1:<port> (or any address), empty if none
    { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; } || true
}

port_free() { [ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

proc_ticks() {  # utime+stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
    awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$1/stat"
}

sys_ticks() {   # all ticks of all CPUs (elapsed time x cores)
    awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# CPU of every other process: utime+stime+cutime+cstime of each live process but the measured server and this shell
# (whose children are wrk), so that children reaped during the window count through their parent.
others_snapshot() {     # server-pid name
    # cat fails when a process exits between the glob and the read: not an error here (set -o pipefail would make it one)
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v a="$1" -v b="$$" '{ pid = $1; s = $0; sub(/^.*\) /, "", s);
        split(s, f, " "); if (pid != a && pid != b) print pid, f[12] + f[13] + f[14] + f[15] }' > "$RUN_DIR/others.$2"
}
others_delta() {        # ticks used by other processes between snapshots 0 and 1
    awk 'NR == FNR { before[$1] = $2; next } { after[$1] = $2 }
        END { d = 0
              for (p in after) d += after[p] - ((p in before) ? before[p] : 0)
              for (p in before) if (!(p in after)) d -= before[p]   # its parent reaped it: counted there in full
              print (d < 0 ? 0 : d) }' "$RUN_DIR/others.0" "$RUN_DIR/others.1"
}

# CPU of this shell's finished children (wrk), in ticks, from the `times` builtin. `times` must run in this shell,
# not in a $(...) subshell (whose children are not this shell's), hence a file per snapshot.
children_snapshot() { times > "$RUN_DIR/times.$1"; }
children_ticks() {  # snapshot name
    awk -v hz="$CLK_TCK" 'NR == 2 {
        t = 0
        for (i = 1; i <= 2; i++) { v = $i; sub(/s$/, "", v); split(v, p, "m"); t += p[1] * 60 + p[2] }
        printf "%d\n", t * hz + 0.5 }' "$RUN_DIR/times.$1"
}

to_ms() {       # wrk latency (123.45us, 1.23ms, 1.05s, 1.00m) -> milliseconds
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
        else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

mcp_post() {    # url session body headers-out body-out -> http code
    local url=$1 session=$2 body=$3 hout=$4 bout=$5
    local args=(-sS -m 10 -o "$bout" -D "$hout" -w '%{http_code}'
        -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
    if [ -n "$session" ]; then
        args+=(-H "Mcp-Session-Id: $session" -H "MCP-Protocol-Version: $PROTOCOL")
    fi
    curl "${args[@]}" --data-binary "$body" "$url" || true    # -w prints 000 when nothing was answered
}

# initialize, notifications/initialized, one checked tools/call; the session id goes to <name>.session
open_session() {    # name url
    local name=$1 url=$2 code sid i
    local init='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"'"$PROTOCOL"'","capabilities":{},"clientInfo":{"name":"berth-bench","version":"1.0"}}}'
    for ((i = 0; i < 30; i++)); do
        code=$(mcp_post "$url" "" "$init" "$RUN_DIR/$name.init.headers" "$RUN_DIR/$name.init.body")
        [ "$code" = 200 ] && break
        sleep 1
    done
    [ "$code" = 200 ] && grep -q '"result"' "$RUN_DIR/$name.init.body" \
        || die "$name: initialize answered $code: $(head -c 400 "$RUN_DIR/$name.init.body" 2>/dev/null)"
    grep -q "\"protocolVersion\":\"$PROTOCOL\"" "$RUN_DIR/$name.init.body" \
        || die "$name: initialize did not negotiate $PROTOCOL: $(head -c 400 "$RUN_DIR/$name.init.body")"
    sid=$(awk 'tolower($1) == "mcp-session-id:" { print $2 }' "$RUN_DIR/$name.init.headers" | tr -d '\r')
    [ -n "$sid" ] || die "$name: initialize returned no Mcp-Session-Id"
    code=$(mcp_post "$url" "$sid" '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
        "$RUN_DIR/$name.initialized.headers" "$RUN_DIR/$name.initialized.body")
    [ "$code" = 202 ] || die "$name: notifications/initialized answered $code"
    code=$(mcp_post "$url" "$sid" \
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello"}}}' \
        "$RUN_DIR/$name.call.headers" "$RUN_DIR/$name.call.body")
    [ "$code" = 200 ] && grep -q 'Echo: hello' "$RUN_DIR/$name.call.body" \
        || die "$name: tools/call echo answered $code: $(head -c 400 "$RUN_DIR/$name.call.body")"
    printf '%s\n' "$sid" > "$RUN_DIR/$name.session"
    log "$name: session $sid ($(grep -i '^content-type' "$RUN_DIR/$name.call.headers" | tr -d '\r' | cut -d' ' -f2-) answers)"
}

# one checked stateless tools/call, with the very request wrk sends (2026-07-28 headers, params._meta, no session)
check_stateless() {    # name url require-resultType(0|1)
    local name=$1 url=$2 strict=$3 code i
    local body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello"},"_meta":{"io.modelcontextprotocol/protocolVersion":"'"$STATELESS_PROTOCOL"'","io.modelcontextprotocol/clientCapabilities":{}}}}'
    for ((i = 0; i < 30; i++)); do
        code=$(curl -sS -m 10 -o "$RUN_DIR/$name.stateless.body" -D "$RUN_DIR/$name.stateless.headers" -w '%{http_code}' \
            -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
            -H "MCP-Protocol-Version: $STATELESS_PROTOCOL" -H 'Mcp-Method: tools/call' -H 'Mcp-Name: echo' \
            --data-binary "$body" "$url" || true)
        [ "$code" = 200 ] && break
        sleep 1
    done
    [ "$code" = 200 ] && grep -q 'Echo: hello' "$RUN_DIR/$name.stateless.body" \
        && ! grep -q '"error"' "$RUN_DIR/$name.stateless.body" \
        || die "$name: stateless tools/call echo answered $code: $(head -c 400 "$RUN_DIR/$name.stateless.body")"
    if [ "$strict" = 1 ]; then
        grep -q '"resultType":"complete"' "$RUN_DIR/$name.stateless.body" \
            || die "$name: stateless result without \"resultType\":\"complete\": $(head -c 400 "$RUN_DIR/$name.stateless.body")"
    fi
    if grep -qi '^mcp-session-id' "$RUN_DIR/$name.stateless.headers"; then
        die "$name: a stateless call was answered with an Mcp-Session-Id"
    fi
    log "$name: stateless tools/call answered ($(grep -i '^content-type' "$RUN_DIR/$name.stateless.headers" | tr -d '\r' | cut -d' ' -f2-)): $(head -c 200 "$RUN_DIR/$name.stateless.body")"
}

# one wrk run against a server; appends a row to rows.tsv (the warm-up's rows are dropped afterwards)
# columns: round mode server rps good_rps p50 p99 cpu_us_per_call server_cpu_pct wrk_cpu_pct other_load_pct errors
#          socket_errors requests
measure() {     # label mode name url pid seconds
    local label=$1 mode=$2 name=$3 url=$4 pid=$5 secs=$6 out="$RUN_DIR/wrk-$1-$2-$3.txt"
    local t0 t1 s0 s1 c0 c1 rc=0 strict=0 version=$PROTOCOL
    if [ "$mode" = stateless ]; then
        version=$STATELESS_PROTOCOL
        # 2026-07-28 requires resultType on every result; the SDK's stateless transport predates it
        if [ "$name" = berth ]; then strict=1; fi
    fi
    children_snapshot 0; others_snapshot "$pid" 0; t0=$(proc_ticks "$pid"); s0=$(sys_ticks)
    # In the background and waited for, so that Ctrl-C or a TERM stops the run at once (the trap runs during `wait`).
    MCP_MODE="$mode" MCP_SESSION_FILE="$RUN_DIR/$name.session" MCP_PROTOCOL_VERSION="$version" \
        MCP_REQUIRE_RESULT_TYPE="$strict" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency -s "$LUA" "$url" > "$out" 2>&1 < /dev/null &
    WRK_PID=$!
    wait "$WRK_PID" || rc=$?
    WRK_PID=""
    t1=$(proc_ticks "$pid"); s1=$(sys_ticks); children_snapshot 1; others_snapshot "$pid" 1
    c0=$(children_ticks 0); c1=$(children_ticks 1)
    [ $rc = 0 ] || die "wrk failed ($rc) against $name ($mode): $(tail -5 "$out")"
    local rps p50 p99 requests good errors sockerr
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    requests=$(sed -n 's/^mcp-check: .* responses=\([0-9]*\).*/\1/p' "$out")
    good=$(sed -n 's/^mcp-check: .* good=\([0-9]*\).*/\1/p' "$out")
    errors=$(sed -n 's/^mcp-check: .* errors=\([0-9]*\) (.*/\1/p' "$out")
    sockerr=$(sed -n 's/^mcp-check: .*socket_errors=\([0-9]*\).*/\1/p' "$out")
    [ -n "$rps" ] && [ -n "$requests" ] || die "could not parse wrk output $out"
    awk -v label="$label" -v mode="$mode" -v name="$name" -v rps="$rps" -v good="$good" -v req="$requests" -v p50="$p50" \
        -v p99="$p99" -v dt=$((t1 - t0)) -v hz="$CLK_TCK" -v secs="$secs" -v errors="$errors" -v sockerr="$sockerr" \
        -v dother="$(others_delta)" -v dtot=$((s1 - s0)) -v dwrk=$((c1 - c0)) 'BEGIN {
            us = req > 0 ? dt * 1e6 / hz / req : 0
            goodrps = req > 0 ? rps * good / req : 0
            other = dtot > 0 ? 100 * dother / dtot : 0
            printf "%s\t%s\t%s\t%.0f\t%.0f\t%s\t%s\t%.1f\t%.0f\t%.0f\t%.0f\t%d\t%d\t%d\n", label, mode, name, rps, goodrps, p50, p99,
                us, 100 * dt / hz / secs, 100 * dwrk / hz / secs, other, errors, sockerr, req }' >> "$RUN_DIR/rows.tsv"
    local row; row=$(tail -1 "$RUN_DIR/rows.tsv")
    log "$(awk -F'\t' '{ printf "%-7s %-9s %-8s %6s req/s (good %s)  p50 %s ms  p99 %s ms  %s us/call  errors %s  socket errors %s  wrk %s%%  other load %s%%", $1, $2, $3, $4, $5, $6, $7, $8, $12, $13, $10, $11 }' <<< "$row")"
    if [ "${errors:-0}" != 0 ]; then log "  $(grep '^mcp-check: first bad' "$out" | cut -c1-300)"; fi
}

# --------------------------------------------------------------------------------------------------------- preflight
for m in $MODES; do
    case "$m" in session|stateless) ;; *) die "MODES: unknown mode '$m' (session, stateless)" ;; esac
done
[ -n "${MODES// /}" ] || die "MODES is empty"
command -v curl >/dev/null || die "curl is missing"
command -v ss >/dev/null || die "ss (iproute2) is missing"
if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian packages"
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null || die "could not install wrk"
fi
for p in "$HTTP_PORT" "$HTTPS_PORT" "$CLUSTER_PORT" "$PEER_PORT"; do
    port_free "$p" || die "port $p is in use (set BENCH_HTTP_PORT, BENCH_HTTPS_PORT, BENCH_CLUSTER_PORT, BENCH_PEER_PORT)"
done
[ -x "$BERTH_SRC/berth" ] || die "no ./berth in $BERTH_SRC"

if [ "${BERTH_SRC_COPY:-0}" = 1 ]; then
    if ! command -v rsync >/dev/null; then
        (apt-get update -qq && apt-get install -y -qq rsync) >/dev/null || die "could not install rsync"
    fi
    log "copying the work tree of $BERTH_SRC to $RUN_DIR/src (target/ directories excluded)"
    rsync -a --exclude target/ --exclude node_modules/ --exclude .git/ --exclude /benchmarks/ \
        "$BERTH_SRC/" "$RUN_DIR/src/"
    BERTH_SRC="$RUN_DIR/src"
fi
if [ "${BENCH_PRIVATE_M2:-1}" = 1 ]; then
    command -v rsync >/dev/null || (apt-get update -qq && apt-get install -y -qq rsync) >/dev/null \
        || die "could not install rsync"
    M2_SHARED="$HOME/.m2/repository"
    log "seeding a private Maven repository $RUN_DIR/m2 from $M2_SHARED (io/berth excluded)"
    mkdir -p "$RUN_DIR/m2"
    if [ -d "$M2_SHARED" ]; then
        # a real copy, not hard links: Maven rewrites tracking files (_remote.repositories, ...) in place
        rsync -a --exclude /io/berth/ "$M2_SHARED/" "$RUN_DIR/m2/"
    fi
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Dmaven.repo.local=$RUN_DIR/m2"
fi
# Two Liberty processes must not run the same server directory.
for f in /proc/[0-9]*/cmdline; do
    if tr '\0' ' ' < "$f" 2>/dev/null | grep -q "$BERTH_SRC/deploy/target/liberty/wlp/bin/tools/ws-server.jar berth "; then
        die "a Liberty server 'berth' of $BERTH_SRC is already running (pid $(basename "$(dirname "$f")")): stop it first or use BERTH_SRC_COPY=1"
    fi
done

# ------------------------------------------------------------------------------------------------------------- build
log "run directory $RUN_DIR; Berth from $BERTH_SRC ($(git -C "$BERTH_SRC" rev-parse --short HEAD 2>/dev/null || echo copy))"
log "building the MCP Java SDK peer"
(cd "$BENCH_DIR/java-sdk-peer" && mvn -B -q package) > "$RUN_DIR/peer-build.log" 2>&1 \
    || die "peer build failed: $(tail -20 "$RUN_DIR/peer-build.log")"
log "building the conformance fixture plugin"
(cd "$BERTH_SRC" && mvn -B -q -pl examples/conformance-fixture -am install -DskipTests -DskipITs) \
    > "$RUN_DIR/fixture-build.log" 2>&1 || die "fixture build failed: $(tail -20 "$RUN_DIR/fixture-build.log")"
FIXTURE_JAR=$(ls "$BERTH_SRC"/examples/conformance-fixture/target/conformance-fixture-plugin-*.jar | grep -v -e sources -e javadoc | head -1)
[ -f "$FIXTURE_JAR" ] || die "no fixture jar in $BERTH_SRC/examples/conformance-fixture/target"

# ------------------------------------------------------------------------------------------------------------- Berth
export BERTH_DATA_DIR="$RUN_DIR/berth-data"
export BERTH_PLUGINS_DIR="$RUN_DIR/plugins"
export BERTH_HTTP_PORT="$HTTP_PORT" BERTH_HTTPS_PORT="$HTTPS_PORT" BERTH_HTTPS_HOST=127.0.0.1
export BERTH_CLUSTER_PORT="$CLUSTER_PORT" BERTH_CLUSTER_NAME="berth-bench-$$" BERTH_CLUSTER_BIND_ADDRESS=127.0.0.1
export BERTH_BOOTSTRAP_DEMO_TENANT=false
BERTH_OPERATOR_TOKEN="bench_$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40)"
export BERTH_OPERATOR_TOKEN
mkdir -p "$BERTH_PLUGINS_DIR/$TENANT"
cp "$FIXTURE_JAR" "$BERTH_PLUGINS_DIR/$TENANT/"

log "starting Berth: ./berth run (HTTP 127.0.0.1:$HTTP_PORT, HTTPS $HTTPS_PORT, cluster $CLUSTER_PORT); log $RUN_DIR/berth.log"
(cd "$BERTH_SRC" && exec setsid ./berth run) > "$RUN_DIR/berth.log" 2>&1 < /dev/null &
BERTH_PGID=$!
BERTH_URL="http://127.0.0.1:$HTTP_PORT"
deadline=$(( $(date +%s) + READY_TIMEOUT ))
until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$BERTH_URL/health/ready" || true)" = 200 ]; do
    kill -0 "$BERTH_PGID" 2>/dev/null || die "./berth run exited: $(tail -30 "$RUN_DIR/berth.log")"
    [ "$(date +%s)" -lt "$deadline" ] || die "Berth not ready after ${READY_TIMEOUT}s: $(tail -30 "$RUN_DIR/berth.log")"
    sleep 1
done
BERTH_PID=$(port_pid "$HTTP_PORT")
[ -n "$BERTH_PID" ] && tr '\0' ' ' < "/proc/$BERTH_PID/cmdline" | grep -q 'ws-server.jar berth' \
    || die "could not find the Liberty JVM listening on $HTTP_PORT"
log "Berth ready (Liberty JVM pid $BERTH_PID)"

code=$(curl -sS -m 10 -o "$RUN_DIR/tenant.json" -w '%{http_code}' -H "Authorization: Bearer $BERTH_OPERATOR_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"id\":\"$TENANT\",\"displayName\":\"Bench\"}" \
    "$BERTH_URL/admin/api/v1/tenants" || true)
[ "$code" = 201 ] || [ "$code" = 200 ] || die "creating tenant $TENANT answered $code: $(head -c 400 "$RUN_DIR/tenant.json")"
log "tenant $TENANT created"
# The echo calls carry no token: the bench tenant serves anonymous agents (a tenant setting, off by default).
code=$(curl -sS -m 10 -o "$RUN_DIR/agent-access.json" -w '%{http_code}' -X PUT \
    -H "Authorization: Bearer $BERTH_OPERATOR_TOKEN" -H 'Content-Type: application/json' -d '{"anonymous":true}' \
    "$BERTH_URL/admin/api/v1/tenants/$TENANT/agent-access" || true)
[ "$code" = 200 ] || die "allowing anonymous agents for $TENANT answered $code: $(head -c 400 "$RUN_DIR/agent-access.json")"

# -------------------------------------------------------------------------------------------------------------- peer
log "starting the Java SDK peer on 127.0.0.1:$PEER_PORT"
mkdir -p "$RUN_DIR/peer-tmp"     # Tomcat's base directory goes to java.io.tmpdir
java -Djava.io.tmpdir="$RUN_DIR/peer-tmp" -jar "$BENCH_DIR/java-sdk-peer/target/java-sdk-peer.jar" "$PEER_PORT" 127.0.0.1 \
    > "$RUN_DIR/peer.log" 2>&1 < /dev/null &
PEER_PID=$!
for ((i = 0; i < 300; i++)); do
    [ -n "$(port_pid "$PEER_PORT")" ] && break
    kill -0 "$PEER_PID" 2>/dev/null || die "peer exited: $(tail -20 "$RUN_DIR/peer.log")"
    sleep 0.1
done
[ "$(port_pid "$PEER_PORT")" = "$PEER_PID" ] || die "the peer (pid $PEER_PID) is not listening on $PEER_PORT"

# ----------------------------------------------------------------------------------------------------------- measure
BERTH_MCP="$BERTH_URL/t/$TENANT/mcp"               # both eras on one endpoint
PEER_SESSION_MCP="http://127.0.0.1:$PEER_PORT/mcp"
PEER_STATELESS_MCP="http://127.0.0.1:$PEER_PORT/stateless/mcp"
for m in $MODES; do
    if [ "$m" = session ]; then
        open_session berth "$BERTH_MCP"
        open_session java-sdk "$PEER_SESSION_MCP"
    else
        check_stateless berth "$BERTH_MCP" 1
        check_stateless java-sdk "$PEER_STATELESS_MCP" 0
    fi
done

measure_one() {     # label mode server
    local url pid
    if [ "$3" = berth ]; then url=$BERTH_MCP; pid=$BERTH_PID
    elif [ "$2" = session ]; then url=$PEER_SESSION_MCP; pid=$PEER_PID
    else url=$PEER_STATELESS_MCP; pid=$PEER_PID; fi
    measure "$1" "$2" "$3" "$url" "$pid" "$4"
}

: > "$RUN_DIR/rows.tsv"
log "warm-up: ${WARMUP}s per server and mode ($MODES)"
for m in $MODES; do
    measure_one warmup "$m" berth "$WARMUP"
    measure_one warmup "$m" java-sdk "$WARMUP"
done
: > "$RUN_DIR/rows.tsv"

MODES_REVERSED=$(printf '%s\n' $MODES | tac | tr '\n' ' ')
log "measuring: $ROUNDS rounds x modes ($MODES) x 2 servers x ${DURATION}s, c=$CONNECTIONS, $THREADS wrk threads (orders alternate)"
for ((r = 1; r <= ROUNDS; r++)); do
    if ((r % 2)); then order="berth java-sdk"; modes=$MODES; else order="java-sdk berth"; modes=$MODES_REVERSED; fi
    for m in $modes; do
        for s in $order; do measure_one "$r" "$m" "$s" "$DURATION"; done
    done
done

# ------------------------------------------------------------------------------------------------------------ report
: > "$RUN_DIR/medians.tsv"
# Liberty's own log (the console also carries Maven's output): warnings and errors while it ran, shutdown excluded.
LIBERTY_LOG="$BERTH_SRC/deploy/target/liberty/wlp/usr/servers/berth/logs/messages.log"
grep -E '^\[[^]]*\] [0-9a-f]{8} [^ ]+ +[EWF] ' "$LIBERTY_LOG" > "$RUN_DIR/berth-warnings.log" 2>/dev/null || true
median() {  # mode server column -> the median of that column over the rounds
    awk -F'\t' -v m="$1" -v s="$2" -v c="$3" '$2 == m && $3 == s { print $c }' "$RUN_DIR/rows.tsv" | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mode_title() {
    if [ "$1" = session ]; then
        echo "session era ($PROTOCOL; peer: streamable servlet transport, /mcp)"
    else
        echo "stateless (Berth: $STATELESS_PROTOCOL; peer: stateless servlet transport, /stateless/mcp)"
    fi
}
{
    echo "### Echo tools/call, modes: $MODES; c=$CONNECTIONS, $THREADS wrk threads, ${DURATION}s per measurement, $ROUNDS rounds"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory;" \
        "$(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2);" \
        "Berth $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null)$( [ -n "$(git -C "$REPO_ROOT" status --porcelain 2>/dev/null | grep -v ' benchmarks/\| docs/benchmarks.md')" ] && echo ' + uncommitted changes')"
    for m in $MODES; do
        echo
        echo "#### $(mode_title "$m")"
        echo
        echo "| round | server | req/s | good req/s | p50 ms | p99 ms | server CPU µs/call | server CPU % of a core | wrk CPU % of a core | other load % | errors | socket errors |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
        awk -F'\t' -v m="$m" '$2 == m { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }' \
            "$RUN_DIR/rows.tsv"
        echo
        echo "Medians over the rounds:"
        echo
        echo "| server | req/s | p50 ms | p99 ms | server CPU µs/call | errors (all rounds) |"
        echo "|---|---|---|---|---|---|"
        for s in berth java-sdk; do
            errs=$(awk -F'\t' -v m="$m" -v s="$s" '$2 == m && $3 == s { e += $12 + $13 } END { print e + 0 }' "$RUN_DIR/rows.tsv")
            rps=$(median "$m" "$s" 4); p50=$(median "$m" "$s" 6); p99=$(median "$m" "$s" 7); cpu=$(median "$m" "$s" 8)
            echo "| $s | $rps | $p50 | $p99 | $cpu | $errs |"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$s" "$rps" "$p50" "$p99" "$cpu" "$errs" >> "$RUN_DIR/medians.tsv"
        done
        echo
        awk -F'\t' -v m="$m" '$1 == m { n[$2] = $3; c[$2] = $6 } END {
            if (n["java-sdk"] > 0 && c["java-sdk"] > 0)
                printf "Berth / Java SDK (%s): throughput x%.2f, CPU per call x%.2f.\n", m, n["berth"] / n["java-sdk"], c["berth"] / c["java-sdk"] }' \
            "$RUN_DIR/medians.tsv"
    done
    echo
    echo "Summary (medians; ratio = Berth / Java SDK in the same run):"
    echo
    echo "| mode | Berth req/s | Java SDK req/s | throughput ratio | Berth p50 / p99 ms | Java SDK p50 / p99 ms | Berth CPU µs/call | Java SDK CPU µs/call | CPU ratio | errors Berth / Java SDK |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for m in $MODES; do
        awk -F'\t' -v m="$m" '$1 == m { r[$2] = $3; p50[$2] = $4; p99[$2] = $5; c[$2] = $6; e[$2] = $7 } END {
            b = "berth"; j = "java-sdk"
            printf "| %s | %s | %s | x%.2f | %s / %s | %s / %s | %s | %s | x%.2f | %s / %s |\n", m, r[b], r[j],
                (r[j] > 0 ? r[b] / r[j] : 0), p50[b], p99[b], p50[j], p99[j], c[b], c[j], (c[j] > 0 ? c[b] / c[j] : 0), e[b],
                e[j] }' \
            "$RUN_DIR/medians.tsv"
    done
    echo
    echo "Errors: responses that were not HTTP 200 with a JSON-RPC result holding \"Echo: hello\", no error, no isError:true and no resultType other than \"complete\" (Berth's stateless results must carry \"resultType\":\"complete\"); socket errors: wrk's connect/read/write/timeout errors."
    echo "Other load % = CPU used meanwhile by every process but the measured server and wrk (the idle server included), as a share of all $(nproc) cores (≈0 on a quiet machine)."
    echo "Warnings and errors in Berth's messages.log during the run: $(wc -l < "$RUN_DIR/berth-warnings.log")."
    if [ -s "$RUN_DIR/berth-warnings.log" ]; then
        echo; echo '```'; head -5 "$RUN_DIR/berth-warnings.log" | cut -c1-300; echo '```'
    fi
} > "$RUN_DIR/results.md"
echo
cat "$RUN_DIR/results.md"
if [ -n "${BENCH_RESULTS:-}" ]; then cp "$RUN_DIR/results.md" "$BENCH_RESULTS"; fi
