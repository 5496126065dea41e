#!/usr/bin/env bash
# Network namespaces joined by a bridge, and faults injected with nftables, for real agents on
# one machine (docs/RELIABILITY.md, "Partitions in network namespaces"). Run as root.
#
#   netns.sh up N                     namespaces gvnet-1..N (10.250.77.K/24 on eth0, lo up), each
#                                     a veth port nK of bridge br0 in namespace gvnet-hub; the root
#                                     namespace reaches them through gvnet-root (10.250.77.254)
#   netns.sh down                     removes every namespace, interface and rule made here
#   netns.sh loss NODE PERCENT [DIR [WHAT]]
#                                     drops PERCENT % of the frames node NODE exchanges with the
#                                     other nodes (numgen random), DIR in|out|both (default both:
#                                     each direction loses PERCENT %, a round trip about twice);
#                                     WHAT all (default: every frame, ARP too) or udp-tcp (only
#                                     its IPv4 UDP and TCP packets: the gossip, datagrams and streams)
#   netns.sh cut "1 2" "3 4 5"        full partition: nothing crosses between the two groups
#   netns.sh oneway A B               drops what A sends to B only (B's frames reach A)
#   netns.sh flap "1 2" "3 4 5" PERIOD_MS COUNT
#                                     COUNT times: cut for PERIOD_MS, then healed for PERIOD_MS
#   netns.sh heal                     removes every fault rule
#   netns.sh rules                    prints the fault rules
#   netns.sh exec NODE CMD...         runs CMD in node NODE's namespace
#
# Faults act only between node ports, in the bridge's forward hook: traffic between the root
# namespace and a node (a test's HTTP requests) is never dropped. Only addresses of 10.250.77.0/24
# and names starting gvnet- are touched in the root namespace; everything else lives in the
# namespaces this script creates.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin # ip and nft live there; a test's environment may lack them

readonly PREFIX=gvnet
readonly HUB=${PREFIX}-hub
readonly ROOT_IF=${PREFIX}-root
readonly SUBNET=10.250.77
readonly ROOT_ADDR=${SUBNET}.254
readonly TABLE=${PREFIX}-faults
readonly MAX_NODES=32

die() {
  echo "netns.sh: $*" >&2
  exit 2
}

usage() {
  sed -n '4,21p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

need_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (network namespaces and nftables need CAP_NET_ADMIN)"
  command -v ip >/dev/null || die "ip (iproute2) is not installed"
  command -v nft >/dev/null || die "nft (nftables) is not installed: apt-get install nftables"
}

hub() {
  ip netns exec "$HUB" "$@"
}

node_count() {
  ip netns list | awk '{print $1}' | grep -c "^${PREFIX}-[0-9][0-9]*$" || true
}

check_up() {
  ip netns list | awk '{print $1}' | grep -qx "$HUB" || die "the harness is not up (no namespace $HUB): run netns.sh up N"
}

check_node() {
  [[ $1 =~ ^[0-9]+$ ]] || die "node must be a number: $1"
  ip netns list | awk '{print $1}' | grep -qx "${PREFIX}-$1" || die "no node $1 (is the harness up? $(node_count) nodes)"
}

check_group() {
  local label=$1 group=$2 node
  [[ -n ${group// /} ]] || die "$label group is empty"
  for node in $group; do
    check_node "$node"
  done
}

# "1 2" -> { "n1", "n2" }
port_set() {
  local ports="" node
  for node in $1; do
    ports+="${ports:+, }\"n${node}\""
  done
  echo "{ $ports }"
}

add_rule() {
  hub nft add rule bridge "$TABLE" forward "$@"
}

cmd_down() {
  local ns
  for ns in $(ip netns list | awk '{print $1}' | grep "^${PREFIX}-" || true); do
    ip netns delete "$ns"
  done
  if ip link show "$ROOT_IF" >/dev/null 2>&1; then
    ip link delete "$ROOT_IF"
  fi
}

cmd_up() {
  local n=${1:-}
  [[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= MAX_NODES)) || die "up needs a node count in 1..$MAX_NODES: ${n:-(none)}"
  cmd_down
  local route
  route=$(ip route show "${SUBNET}.0/24")
  [[ -z $route ]] || die "${SUBNET}.0/24 is already routed here ($route): refusing to touch it"
  trap cmd_down EXIT
  ip netns add "$HUB"
  hub sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
  hub ip link set lo up
  hub ip link add br0 type bridge stp_state 0 forward_delay 0
  hub ip link set br0 up
  ip link add "$ROOT_IF" type veth peer name root netns "$HUB"
  hub ip link set root master br0 up
  ip addr add "${ROOT_ADDR}/24" dev "$ROOT_IF"
  ip link set "$ROOT_IF" up
  local k ns
  for ((k = 1; k <= n; k++)); do
    ns=${PREFIX}-$k
    ip netns add "$ns"
    ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
    ip netns exec "$ns" ip link set lo up
    hub ip link add "n$k" type veth peer name eth0 netns "$ns"
    hub ip link set "n$k" master br0 up
    ip netns exec "$ns" ip addr add "${SUBNET}.$k/24" dev eth0
    ip netns exec "$ns" ip link set eth0 up
  done
  hub nft add table bridge "$TABLE"
  hub nft add chain bridge "$TABLE" forward '{ type filter hook forward priority 0; policy accept; }'
  for ((k = 1; k <= n; k++)); do
    ping_ok "$k" || die "node $k does not answer a ping from the root namespace"
  done
  trap - EXIT
  echo "up: $n nodes, ${SUBNET}.1..${SUBNET}.$n, root namespace at $ROOT_ADDR"
}

# Reachable (within about 5 s of the links coming up) when a TCP connection to a closed port is refused (the node's kernel answered with a
# reset) rather than timed out; no ping is needed.
ping_ok() {
  local attempt answer
  for ((attempt = 1; attempt <= 50; attempt++)); do
    answer=$(timeout 1 bash -c "exec 3<>/dev/tcp/${SUBNET}.$1/9" 2>&1 || true)
    [[ $answer == *refused* ]] && return 0
    sleep 0.1
  done
  return 1
}

cmd_loss() {
  local node=${1:-} percent=${2:-} dir=${3:-both} what=${4:-all}
  check_node "$node"
  [[ $percent =~ ^[0-9]+$ ]] && ((percent <= 100)) || die "loss PERCENT must be a whole number in 0..100: ${percent:-(none)}"
  local match=()
  case $what in
    all) ;;
    udp-tcp) match=(ip protocol '{ udp, tcp }') ;;
    *) die "loss WHAT must be all or udp-tcp: $what" ;;
  esac
  case $dir in
    out) add_rule iifname "n$node" oifname '"n*"' "${match[@]}" numgen random mod 100 '<' "$percent" drop comment '"loss"' ;;
    in) add_rule oifname "n$node" iifname '"n*"' "${match[@]}" numgen random mod 100 '<' "$percent" drop comment '"loss"' ;;
    both)
      cmd_loss "$node" "$percent" out "$what"
      cmd_loss "$node" "$percent" in "$what"
      ;;
    *) die "loss DIR must be in, out or both: $dir" ;;
  esac
}

cut_rules() {
  local a=$1 b=$2 comment=$3
  check_group first "$a"
  check_group second "$b"
  add_rule iifname "$(port_set "$a")" oifname "$(port_set "$b")" drop comment "\"$comment\""
  add_rule iifname "$(port_set "$b")" oifname "$(port_set "$a")" drop comment "\"$comment\""
}

cmd_oneway() {
  local from=${1:-} to=${2:-}
  check_node "$from"
  check_node "$to"
  [[ $from != "$to" ]] || die "oneway needs two different nodes: $from $to"
  add_rule iifname "n$from" oifname "n$to" drop comment '"oneway"'
}

delete_rules() {
  local comment=$1 handle
  for handle in $(hub nft -a list chain bridge "$TABLE" forward | awk -v c="comment \"$comment\"" 'index($0, c) {print $NF}'); do
    hub nft delete rule bridge "$TABLE" forward handle "$handle"
  done
}

cmd_flap() {
  local a=${1:-} b=${2:-} period=${3:-} count=${4:-}
  [[ $period =~ ^[0-9]+$ ]] && ((period >= 10 && period <= 600000)) || die "flap PERIOD_MS must be in 10..600000: ${period:-(none)}"
  [[ $count =~ ^[0-9]+$ ]] && ((count >= 1 && count <= 1000)) || die "flap COUNT must be in 1..1000: ${count:-(none)}"
  local seconds i
  seconds=$(awk -v ms="$period" 'BEGIN { printf "%.3f", ms / 1000 }')
  trap 'delete_rules flap' EXIT
  for ((i = 1; i <= count; i++)); do
    cut_rules "$a" "$b" flap
    sleep "$seconds"
    delete_rules flap
    sleep "$seconds"
  done
  trap - EXIT
}

main() {
  local cmd=${1:-}
  [[ -n $cmd ]] || usage
  shift
  case $cmd in
    -h | --help | help) usage ;;
  esac
  need_root
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    loss) cmd_loss "$@" ;;
    cut) [[ $# -eq 2 ]] || die "cut needs two quoted groups, e.g. cut \"1 2\" \"3 4 5\""; cut_rules "$1" "$2" cut ;;
    oneway) cmd_oneway "$@" ;;
    flap) cmd_flap "$@" ;;
    heal) check_up; hub nft flush chain bridge "$TABLE" forward ;;
    rules) check_up; hub nft list chain bridge "$TABLE" forward ;;
    exec)
      local node=${1:-}
      check_node "$node"
      shift
      [[ $# -gt 0 ]] || die "exec needs a command"
      exec ip netns exec "${PREFIX}-$node" "$@"
      ;;
    *) die "unknown command: $cmd (try --help)" ;;
  esac
}

main "$@"
