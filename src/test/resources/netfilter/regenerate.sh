#!/usr/bin/env bash
# Regenerates the *.golden files next to the corpus by running the real tools (iptables-nft
# 1.8.9 on Debian 12) in a scratch network namespace; dockwire's netfilter tests compare the
# emulated kernel's iptables-restore/-save/-S/-L and error reports with them.
# Needs root, iproute2 and iptables. Touches only the namespace it creates.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ns=dwnfgold$$
trap 'ip netns del $ns 2>/dev/null' EXIT
fresh() { ip netns del $ns 2>/dev/null; ip netns add $ns; }
run() { # run CMD... ; prints "$ CMD", its stdout+stderr, and [exit N] when not 0
  echo "\$ $*"; ip netns exec $ns "$@" 2>&1; local rc=$?; [ $rc -ne 0 ] && echo "[exit $rc]"; return 0; }

for f in "$here"/good/*.rules; do
  fresh
  ip netns exec $ns iptables-restore -c < "$f" || { echo "$f does not load" >&2; exit 1; }
  {
    run iptables-save
    run iptables-save -c
    for t in $(grep -o '^\*[a-z]*' "$f" | tr -d '*'); do
      run iptables -t $t -S
      run iptables -t $t -v -S
      run iptables -t $t -L -n
      run iptables -t $t -L -n -v
      run iptables -t $t -L -n -v -x --line-numbers
      grep -q '^# golden: names' "$f" && run iptables -t $t -L
    done
    for c in $(sed -n 's/^# golden: chain //p' "$f"); do
      run iptables -S $c
      run iptables -L $c -n -v
      run iptables -L $c 1 -n
      run iptables -S $c 1
    done
  } > "${f%.rules}.golden"
done

for f in "$here"/bad/*.rules; do
  fresh
  {
    echo "\$ iptables-restore"; ip netns exec $ns iptables-restore < "$f" 2>&1; echo "[exit $?]"
    echo "\$ iptables-restore --test"; ip netns exec $ns iptables-restore --test < "$f" 2>&1; echo "[exit $?]"
  } > "${f%.rules}.golden"
done

fresh
ip netns exec $ns iptables-restore < "$here/commands.base"
while IFS= read -r line; do
  [ -z "$line" ] || [ "${line:0:1}" = "#" ] && continue
  # shellcheck disable=SC2086
  run $line
done < "$here/commands.txt" > "$here/commands.golden"
