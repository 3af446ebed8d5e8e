#!/usr/bin/env bash
# Start a real one-node Slurm cluster (Debian's slurmctld, slurmd, munge) with everything under one folder:
#   scripts/slurm/start.sh            # folder: $REPRO_SLURM_DIR (default /tmp/repro-slurm); ports 6817/6818 or $REPRO_SLURM_PORT, +1
#   export SLURM_CONF=/tmp/repro-slurm/etc/slurm.conf    # printed at the end: sbatch/squeue/pnpm repro submit then use it
#   scripts/slurm/stop.sh             # cancels the jobs, stops the daemons by the PIDs in their pid files
# Needs root and: apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge
# Facts behind the settings (measured): /work/shared/notes/slurm-local.md. TaskPlugin=task/affinity binds each task to the
# CPUs it was given (--cpus-per-task), so Node's os.availableParallelism() — which sizes our job pool and GEMM threads —
# sees those CPUs only; with task/none two 1-CPU shards on a 2-CPU node each ran 2 threads (check-slurm tests this).
set -euo pipefail
D="${REPRO_SLURM_DIR:-/tmp/repro-slurm}"
PORT="${REPRO_SLURM_PORT:-6817}"
for b in munged slurmctld slurmd sbatch; do command -v "$b" >/dev/null || { echo "start.sh: $b not found (apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge)" >&2; exit 2; }; done
if [ -f "$D/run/slurmctld.pid" ] && kill -0 "$(cat "$D/run/slurmctld.pid")" 2>/dev/null; then echo "start.sh: a cluster is already running in $D (stop it with scripts/slurm/stop.sh)" >&2; exit 2; fi
t0=$(date +%s.%N)
mkdir -p "$D"/{etc,state,spool,log,run,munge}
chmod 0755 "$D" "$D/munge"
# MUNGE: a fresh key, its own socket (o+x folder), origin 127.0.0.1 (no name resolution needed).
head -c 1024 /dev/urandom > "$D/munge/munge.key"
chmod 0600 "$D/munge/munge.key"
munged --key-file="$D/munge/munge.key" --socket="$D/munge/munge.socket" --pid-file="$D/run/munged.pid" \
  --log-file="$D/log/munged.log" --seed-file="$D/munge/munged.seed" --origin=127.0.0.1 --force
HOST="$(hostname -s)"
NODE="$(slurmd -C | head -1 | sed -E "s/^NodeName=[^ ]+/NodeName=$HOST NodeAddr=127.0.0.1/")"
cat > "$D/etc/slurm.conf" <<CONF
ClusterName=repro
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$D/munge/munge.socket
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/run/slurmctld.pid
SlurmdPidFile=$D/run/slurmd.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$D/log/jobcomp.txt
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=300
$NODE State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$D/etc/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N "$HOST"
for _ in $(seq 1 100); do
  state="$(sinfo -h -o %T 2>/dev/null | head -1 || true)"
  [ "$state" = "idle" ] && break
  sleep 0.1
done
if [ "$state" != "idle" ]; then echo "start.sh: the node did not become idle (state '$state'); logs in $D/log" >&2; exit 3; fi
echo "export SLURM_CONF=$SLURM_CONF" > "$D/env"
echo "slurm: one-node cluster up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b - a}') s (node $HOST, $(sinfo -h -o %c) CPUs); export SLURM_CONF=$SLURM_CONF"
