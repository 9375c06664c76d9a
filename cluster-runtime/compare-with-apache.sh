#!/usr/bin/env bash
# Runs RelayMQ and Apache RocketMQ side by side on this machine and prints the medians of three runs of
# sync send (16 threads), async send (one thread, 1,000 sends in flight) and
# consume, 128-byte bodies, 8-queue topic, each system driven by its own client, after one unmeasured
# round that warms both brokers up. Needs the runtime jar and the test classes:
#   mvn -B -ntp -DskipTests package && mvn -B -ntp -q -pl cluster-runtime test-compile
# Usage: [APACHE_HEAP="-Xms4g -Xmx4g"] cluster-runtime/compare-with-apache.sh [SECONDS=10] [RUNS=3]
# (our broker runs with the JVM defaults, as its launcher does)
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-10}
RUNS=${2:-3}
JAR=target/relaymq-runtime.jar
WORK=$(mktemp -d /tmp/relaymq-compare.XXXXXX)
[ -f "$JAR" ] && [ -d target/test-classes ] || { echo "build first (see the header of $0)" >&2; exit 1; }
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/test-classes:$(cat "$WORK/cp.txt")"
OPENS="--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
--add-opens java.base/java.util=ALL-UNNAMED"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_line() { for _ in $(seq 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; cat "$1" >&2; exit 1; }

java -jar "$JAR" namesrv --host 127.0.0.1 --port 0 >"$WORK/ns.out" 2>"$WORK/ns.err" & PIDS+=($!)
await_line "$WORK/ns.out" READY
OURS=$(awk '/READY/ {print $3}' "$WORK/ns.out")
java -jar "$JAR" broker --namesrv "$OURS" --host 127.0.0.1 --port 0 --store "$WORK/ours" --topic BenchTopic:8 \
  >"$WORK/br.out" 2>"$WORK/br.err" & PIDS+=($!)
await_line "$WORK/br.out" READY

APORT=$(free_port); ABPORT=$(free_port)
# shellcheck disable=SC2086
java $OPENS ${APACHE_HEAP:--Xms4g -Xmx4g} -cp "$CP" org.relaymq.runtime.bench.ApacheReference cluster "$WORK/apache" "$APORT" "$ABPORT" \
  >"$WORK/apache.out" 2>"$WORK/apache.err" & PIDS+=($!)
await_line "$WORK/apache.out" READY
APACHE=127.0.0.1:$APORT
for _ in $(seq 30); do java -jar "$JAR" admin topic create --namesrv "$APACHE" --cluster DefaultCluster --queues 8 \
  BenchTopic >/dev/null 2>&1 && break; sleep 1; done

ours() { java -jar "$JAR" bench "$@" --seconds "$SECONDS_PER_RUN" | awk '/msg\/s/ {gsub(",","",$0); for(i=1;i<=NF;i++) if($(i+1)=="msg/s") print $i}'; }
apache() { java -cp "$CP" org.relaymq.runtime.bench.ApacheReference "$@" "$SECONDS_PER_RUN" 2>/dev/null \
  | awk '/msg\/s/ {gsub(",","",$0); for(i=1;i<=NF;i++) if($(i+1)=="msg/s") print $i}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# warm both brokers (JIT) with an unmeasured round of sync and async sends
ours produce --namesrv "$OURS" --topic BenchTopic --mode sync --threads 16 --size 128 >/dev/null
apache produce "$APACHE" BenchTopic sync >/dev/null
ours produce --namesrv "$OURS" --topic BenchTopic --mode async --threads 1 --size 128 >/dev/null
apache produce "$APACHE" BenchTopic async >/dev/null
echo "warmed up" >&2

declare -A R
for run in $(seq "$RUNS"); do
  R[ours_sync]+="$(ours produce --namesrv "$OURS" --topic BenchTopic --mode sync --threads 16 --size 128) "
  R[apache_sync]+="$(apache produce "$APACHE" BenchTopic sync) "
  R[ours_async]+="$(ours produce --namesrv "$OURS" --topic BenchTopic --mode async --threads 1 --size 128) "
  R[apache_async]+="$(apache produce "$APACHE" BenchTopic async) "
  R[ours_consume]+="$(ours consume --namesrv "$OURS" --topic BenchTopic --group "cmp$run$RANDOM") "
  R[apache_consume]+="$(apache consume "$APACHE" BenchTopic) "
  echo "run $run done" >&2
done
printf '%-8s %12s %12s   (msg/s, median of %d runs of %d s; load now %s)\n' "" RelayMQ Apache "$RUNS" \
  "$SECONDS_PER_RUN" "$(cut -d' ' -f1 /proc/loadavg)"
for k in sync async consume; do
  printf '%-8s %12s %12s\n' "$k" "$(tr ' ' '\n' <<<"${R[ours_$k]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${R[apache_$k]}" | grep . | median)"
done
ps -o rss=,args= -p "${PIDS[1]}" -p "${PIDS[2]}" | awk '{printf "RSS %5d MiB  %s\n", $1/1024, ($3 ~ /jar/ ? "RelayMQ broker" : "Apache NameServer+broker JVM")}'
