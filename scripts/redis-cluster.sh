#!/usr/bin/env bash
# A Redis Cluster on loopback for tests and trials: 3 masters, each with one replica
# (or none with --no-replicas), no persistence. Stopped by the pids it wrote.
#
#   scripts/redis-cluster.sh start DIR [FIRST_PORT] [--no-replicas]
#       starts the nodes on FIRST_PORT.. (default 7100), waits until the cluster is ok,
#       and prints REDIS_CLUSTER_NODES=redis://127.0.0.1:port,... for the service
#   scripts/redis-cluster.sh restart DIR PORT
#       starts the node on PORT again (after it was killed): it keeps its place in the
#       cluster (its nodes.conf) but none of its data, like a restart without persistence
#   scripts/redis-cluster.sh stop DIR
#       stops every node started in DIR (kill by pid) and waits for them to exit
set -euo pipefail

usage() {
  echo "usage: $0 start DIR [FIRST_PORT] [--no-replicas] | restart DIR PORT | stop DIR" >&2
  exit 2
}

start() {
  local dir=$1 first=${2:-7100} replicas=${3:-1}
  local nodes=$((replicas == 1 ? 6 : 3))
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local addresses=() port
  for ((i = 0; i < nodes; i++)); do
    port=$((first + i))
    # A node that knows no cluster yet: its config file must not survive from an earlier run.
    rm -f "$dir/nodes-$port.conf"
    start_node "$dir" "$port"
    addresses+=("127.0.0.1:$port")
  done
  for address in "${addresses[@]}"; do
    wait_for 50 redis-cli -h 127.0.0.1 -p "${address#*:}" ping
  done
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas "$replicas" --cluster-yes >"$dir/create.log"
  for address in "${addresses[@]}"; do
    wait_for 100 cluster_ok "${address#*:}"
  done
  if ((replicas == 1)); then
    # Every replica must have its master's (empty) data before a failover can be tried.
    for address in "${addresses[@]}"; do
      wait_for 100 replica_synced "${address#*:}"
    done
  fi
  local urls
  urls=$(printf 'redis://%s,' "${addresses[@]}")
  echo "REDIS_CLUSTER_NODES=${urls%,}"
}

start_node() {
  local dir=$1 port=$2
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes \
    --cluster-enabled yes --cluster-config-file "$dir/nodes-$port.conf" \
    --cluster-node-timeout 1000 --cluster-require-full-coverage no \
    --save "" --appendonly no --dir "$dir" \
    --pidfile "$dir/redis-$port.pid" --logfile "$dir/redis-$port.log"
}

restart() {
  local dir=$1 port=$2
  dir=$(cd "$dir" && pwd)
  start_node "$dir" "$port"
  wait_for 50 redis-cli -h 127.0.0.1 -p "$port" ping
  wait_for 100 cluster_ok "$port"
}

stop() {
  local dir=$1 pid
  for pidfile in "$dir"/redis-*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

cluster_ok() {
  redis-cli -h 127.0.0.1 -p "$1" cluster info | grep -q '^cluster_state:ok'
}

replica_synced() {
  local info
  info=$(redis-cli -h 127.0.0.1 -p "$1" info replication)
  ! grep -q '^role:slave' <<<"$info" || grep -q '^master_link_status:up' <<<"$info"
}

wait_for() {
  local tries=$1
  shift
  for _ in $(seq 1 "$tries"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  echo "gave up waiting for: $*" >&2
  return 1
}

[ $# -ge 2 ] || usage
case "$1" in
  start)
    replicas=1
    args=()
    for arg in "${@:2}"; do
      if [ "$arg" = "--no-replicas" ]; then replicas=0; else args+=("$arg"); fi
    done
    start "${args[0]}" "${args[1]:-7100}" "$replicas"
    ;;
  restart) [ $# -eq 3 ] || usage; restart "$2" "$3" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
