#!/usr/bin/env bash
# Runs the Spark job on a real Spark standalone cluster of one master and one worker, on this machine,
# without a Spark installation (docs/spark.md, "On a cluster"):
#   scripts/spark-cluster-smoke.sh [--keep]
# spark-core, on the class path Maven resolved for -Pspark (target/spark-classpath.txt), holds the
# standalone cluster and spark-submit: the script starts org.apache.spark.deploy.master.Master and
# org.apache.spark.deploy.worker.Worker as their own JVMs on 127.0.0.1, submits the job through
# org.apache.spark.deploy.SparkSubmit exactly as the docs show (--class ... --master spark://... JAR
# --input ... --out ...) on a small generated file, checks that the desktop CLI opens the model
# (recommend, similar) and that it records spark.master=spark://127.0.0.1:PORT, and stops the cluster,
# also when a step fails. --keep leaves the work folder (logs, data, model) and prints where.
# Needs target/tastemap.jar, target/tastemap-spark.jar and target/spark-classpath.txt
# (mvn -Pspark -DskipTests package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/tastemap-spark.jar"
cli="$root/target/tastemap.jar"
classpath_file="$root/target/spark-classpath.txt"
log4j="$root/src/spark/resources/tastemap-spark-log4j2.properties"
keep=false
[ "${1:-}" = "--keep" ] && keep=true
for f in "$jar" "$cli" "$classpath_file"; do
  [ -f "$f" ] || { echo "spark-cluster-smoke: $f is missing: run mvn -Pspark -DskipTests package" >&2; exit 2; }
done
spark_cp="$(cat "$classpath_file")"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# the module flags spark-submit adds by itself (as scripts/tastemap-spark): every JVM of the cluster
# runs Spark's netty and serializers, which need them on Java 17
flags=(-XX:+IgnoreUnrecognizedVMOptions)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  flags+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
flags+=(--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
        -Dio.netty.tryReflectionSetAccessible=true)
# the master and worker log with Spark's defaults (INFO, to their log files: the script waits for lines
# there); the job logs as scripts/tastemap-spark does (warnings)
export SPARK_LOCAL_IP=127.0.0.1

work="$(mktemp -d "${TMPDIR:-/tmp}/tastemap-cluster.XXXXXX")"
pids=()
stop_cluster() {
  local code=$?
  # the worker first (it stops its executors), then the master; each by its own process id
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[$i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$code" -ne 0 ]; then
    echo "spark-cluster-smoke: FAILED (exit $code); logs:" >&2
    for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $log (last 25 lines)" >&2; tail -25 "$log" >&2; }; done
  fi
  if $keep; then echo "spark-cluster-smoke: work folder kept: $work" >&2; else rm -rf "$work"; fi
  exit "$code"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# a free TCP port on 127.0.0.1 (nothing answers on it)
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "spark-cluster-smoke: no free port found" >&2
  return 1
}

# waits up to $2 seconds for $1 (a pattern) in log $3; fails early when process $4 died
wait_for() {
  local pattern=$1 seconds=$2 log=$3 pid=$4
  for _ in $(seq $((seconds * 5))); do
    grep -q "$pattern" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "spark-cluster-smoke: process $pid ended before '$pattern' ($log)" >&2; return 1; }
    sleep 0.2
  done
  echo "spark-cluster-smoke: no '$pattern' in $log after $seconds s" >&2
  return 1
}

start=$(date +%s)
master_port=$(free_port)
master_ui=$(free_port)
worker_ui=$(free_port)
master_url="spark://127.0.0.1:$master_port"

"$java_bin" "${flags[@]}" -Xmx256m -cp "$spark_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui" >"$work/master.log" 2>&1 &
pids+=($!)
wait_for "I have been elected leader" 60 "$work/master.log" "${pids[0]}"

# The worker starts each executor as a new JVM with the command Spark's launcher builds: the class path
# is SPARK_HOME/jars/* plus spark.executor.extraClassPath. Without a Spark installation SPARK_HOME is an
# empty folder with an empty jars/ (the launcher refuses to start without one), and the executors get
# Maven's class path through spark.executor.extraClassPath below; the module flags reach them by
# themselves (SparkContext adds them to spark.executor.extraJavaOptions).
mkdir -p "$work/spark-home/jars" "$work/worker"
SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 \
"$java_bin" "${flags[@]}" -Xmx256m -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 1g --webui-port "$worker_ui" --work-dir "$work/worker" "$master_url" \
  >"$work/worker.log" 2>&1 &
pids+=($!)
wait_for "Successfully registered with master" 60 "$work/worker.log" "${pids[1]}"
up=$(date +%s)
echo "spark-cluster-smoke: master $master_url and one worker (2 cores, 1 GB) up in $((up - start)) s"

"$java_bin" -jar "$cli" generate --out "$work/plays.tsv" --users 400 --artists 300 --seed 3 >/dev/null

# spark-submit, as docs/spark.md gives it for a cluster: SparkSubmit is what bin/spark-submit runs.
# In the background with a wait, so that SIGTERM or Ctrl-C stops it and the cluster at once.
"$java_bin" "${flags[@]}" "-Dlog4j2.configurationFile=$log4j" -Xmx1g -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  --master "$master_url" --deploy-mode client --executor-memory 768m --total-executor-cores 2 \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf "spark.executor.extraClassPath=$spark_cp" \
  --class org.tastemap.spark.SparkTrainJob "$jar" \
  --input "$work/plays.tsv" --factors 8 --iterations 3 --history-sample 100 --seed 7 --no-ui \
  --out "$work/cluster.tsm" > >(tee "$work/submit.log") 2>&1 &
pids+=($!)
wait "${pids[2]}"
submitted=$(date +%s)

# the desktop CLI opens what the cluster wrote, for a held listener and an artist of the file
"$java_bin" -jar "$cli" recommend --model "$work/cluster.tsm" --all --out "$work/recs.csv" -n 3 2>/dev/null
user=$(sed -n 2p "$work/recs.csv" | cut -d, -f1)
"$java_bin" -jar "$cli" recommend --model "$work/cluster.tsm" --user "$user" -n 5
artist=$(head -1 "$work/plays.tsv" | cut -f3)
"$java_bin" -jar "$cli" similar --model "$work/cluster.tsm" --artist "$artist" -n 5
# the model's metadata, as `export` writes it into manifest.json
"$java_bin" -jar "$cli" export --model "$work/cluster.tsm" --out "$work/export" >/dev/null
grep -q "\"spark.master\": *\"$master_url\"" "$work/export/manifest.json" \
  || { echo "spark-cluster-smoke: the model does not record spark.master=$master_url" >&2; grep -n spark "$work/export/manifest.json" >&2; exit 1; }
echo "spark-cluster-smoke: ok: the job ran on $master_url (cluster up $((up - start)) s, job $((submitted - up)) s, all $(($(date +%s) - start)) s)"
