#!/usr/bin/env bash
# Runs drill scripts against the REAL Linux kernel of this machine with google/packetdrill, each in a fresh
# private network namespace (no interface but the script's tun device; nothing leaves the machine).
# This is how the scripts in src/test/resources/drill were checked (Linux 6.18): a script belongs there only
# if it passes here AND under `bin/tcptutor drill`.
#
#   PACKETDRILL=/path/to/packetdrill tools/packetdrill-real.sh src/test/resources/drill/*.pkt
#
# Needs root (or user namespaces), iproute2, ethtool/tc for defaults.sh, and a packetdrill binary of your own
# (PACKETDRILL=...); this repository does not ship or build packetdrill.
set -uo pipefail
pd="${PACKETDRILL:-packetdrill}"
command -v "$pd" >/dev/null || { echo "packetdrill-real: set PACKETDRILL to a packetdrill binary" >&2; exit 3; }
pd="$(command -v "$pd")"
pass=0; fail=0
for f in "$@"; do
  dir="$(cd "$(dirname "$f")" && pwd)"; base="$(basename "$f")"
  out="$(cd "$dir" && unshare -n sh -c "ip link set lo up; '$pd' --local_ip=198.51.100.1 --gateway_ip=198.51.100.2 \
        --netmask_ip=255.255.255.0 --remote_ip=192.0.2.1 '$base'" 2>&1)"
  if [ $? -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $f"; echo "$out" | head -4 | sed 's/^/  /'; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
