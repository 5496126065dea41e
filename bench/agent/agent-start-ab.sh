#!/usr/bin/env bash
# Usage: flock /tmp/mvn.lock bench/agent/agent-start-ab.sh JAR... (from a built jar each)
# one agent, launch to banner, N times per jar, alternating
F="-Xms8m -Xmx64m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Dio.netty.allocator.type=unpooled"
for i in 1 2 3 4 5; do
  for jar in "$@"; do
    rm -f /tmp/ab.out
    t0=$(date +%s%N)
    java $F -cp $jar io.grapevine.agent.GrapevineCommand agent --node solo --bind 127.0.0.1:0 --http-addr 127.0.0.1:0 --plaintext --profile local > /tmp/ab.out 2>/dev/null &
    p=$!
    for k in $(seq 1 2000); do grep -q "grapevine agent:" /tmp/ab.out 2>/dev/null && break; sleep 0.01; done
    t1=$(date +%s%N)
    echo "$(basename $jar) $(( (t1-t0)/1000000 )) ms"
    kill -TERM $p; wait $p 2>/dev/null
  done
done
