#!/usr/bin/env bash
# Stop the cluster started by scripts/slurm/start.sh: cancel its jobs while slurmctld is up, then stop slurmd, slurmctld and
# munged by the PIDs in their pid files (TERM, then KILL after 10 s). A daemon left as a zombie counts as stopped.
set -uo pipefail
D="${REPRO_SLURM_DIR:-/tmp/repro-slurm}"
export SLURM_CONF="$D/etc/slurm.conf"
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != "Z" ]; }
if [ -f "$D/run/slurmctld.pid" ] && alive "$(cat "$D/run/slurmctld.pid")"; then
  jobs="$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')"
  if [ -n "${jobs// /}" ]; then
    scancel $jobs 2>/dev/null
    for _ in $(seq 1 50); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.2; done
  fi
fi
for d in slurmd slurmctld munged; do
  f="$D/run/$d.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$f"
done
echo "slurm: stopped (state and logs stay in $D)"
