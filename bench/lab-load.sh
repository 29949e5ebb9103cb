#!/usr/bin/env bash
# Load benchmark for the lab (issue 7): N concurrent SSH sessions on loopback, each typing one command a second
# (key by key into the text UI, or lines into the REPL with --mode line). Prints p50/p99 key->echo and
# enter->output latency, server CPU and heap per session.
#
#   bench/lab-load.sh [N ...]            default: 50 200 500
#   SECONDS_PER_RUN=30 MODE=pty APP=tutor bench/lab-load.sh 500
#   IDLE=1 bench/lab-load.sh 500          connect, type nothing: the cost of idle sessions
#   SERVER_OPTS="-XX:StartFlightRecording=filename=/tmp/lab.jfr" bench/lab-load.sh 500   profile the server
#
# APP=echo measures the lab itself with the stand-in echo app instead of the real tutor.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(50 200 500)
secs="${SECONDS_PER_RUN:-30}"
mode="${MODE:-pty}"
app="${APP:-tutor}"

if [ ! -f target/tcptutor.jar ] || [ ! -d target/test-classes/tcptutor/lab ] \
   || [ -n "$(find src pom.xml -newer target/tcptutor.jar -print -quit)" ]; then
  echo "lab-load: building (mvn -o -q package -DskipTests)..." >&2
  mvn -o -q -B package -DskipTests >&2
fi
cp="target/test-classes:target/classes:target/lib/*"

for n in "${sizes[@]}"; do
  data="$(mktemp -d)"
  port=$(( 20000 + RANDOM % 20000 ))
  # a heap big enough that it is never the limit; what is measured is the live set after a full GC
  # shellcheck disable=SC2086
  java -Xmx3g -Xss512k ${SERVER_OPTS:-} -jar target/tcptutor.jar serve --app "$app" --listen "127.0.0.1:$port" --data "$data" \
       --max-sessions $((n + 10)) --idle-timeout 1h >"$data/serve.out" 2>&1 &
  server=$!
  for _ in $(seq 100); do grep -q "listening on" "$data/serve.out" 2>/dev/null && break; sleep 0.1; done
  echo "== $n sessions, $mode, app $app, ${secs} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xss256k -cp "$cp" tcptutor.lab.LabLoadDriver --port "$port" --sessions "$n" --seconds "$secs" \
       --mode "$mode" ${IDLE:+--idle} --server-pid "$server" || echo "(driver reported failures)"
  echo "(load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$data"
done
