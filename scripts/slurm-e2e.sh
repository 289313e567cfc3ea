#!/usr/bin/env bash
# End-to-end check of sharded sweeps on a real Slurm (issue #8): starts a single-node Slurm cluster on localhost
# (munged, slurmctld, slurmd), writes a job array with `sim plan --slurm --shards 4 --parallel 2`, submits it and its
# merge job (--dependency=afterok), waits for both, and checks that the merged points.csv and layers.csv (and
# breakdown.csv, manifest.json, report.html) are byte-identical to an unsharded `sim sweep` of the same spec. Prints PASS or FAIL.
#
# Usage: scripts/slurm-e2e.sh [SPEC]          (SPEC defaults to workloads/sweeps/default.yaml; run from the repo root)
#   SIM=/path/to/sim   run this sim (self-contained, or framework-dependent where every node has the .NET 10 runtime, as here)
#                      instead of publishing one (publishing takes ~3 min on 2 cores)
#   KEEP=1             keep the temporary directory (logs, scripts, outputs) for inspection
#
# Needs root: it installs Debian's slurm-wlm and munge with apt-get when they are missing, and runs the daemons
# (as root, with their state, spool, logs and sockets in a temporary directory). Debian bookworm ships Slurm 22.05.
# The configuration avoids what a container usually lacks: no cgroups (ProctrackType=proctrack/linuxproc,
# TaskPlugin=task/none, JobAcctGatherType=jobacct_gather/none), no accounting database, no systemd.
# Exit status: 0 PASS, 1 FAIL, 2 cannot set up (not root, no apt, daemons fail to start).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$(realpath "${1:-$REPO/workloads/sweeps/default.yaml}")"
SHARDS=4
PARALLEL=2
START=$(date +%s)

say() { echo "slurm-e2e: $*" >&2; }
die() { say "$1"; exit "${2:-2}"; }

# --- 1. Slurm and munge -------------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "slurm-wlm and munge are not installed and installing them needs root. Fix: run as root, or apt-get install slurm-wlm munge first"
  command -v apt-get >/dev/null || die "apt-get not found. Fix: install Slurm (slurmctld, slurmd, sbatch) and munge with your package manager"
  say "installing slurm-wlm and munge (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
[[ $(id -u) -eq 0 ]] || die "the daemons run as root here (SlurmUser=root). Fix: run this script as root (e.g. in a container)"
say "$(slurmctld -V), munge $(munged --version 2>&1 | awk '{print $1; exit}')"

WORK="$(mktemp -d /tmp/sim-slurm-e2e.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ "${KEEP:-0}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- 2. munged, with its own socket (so a munged already running on the machine is left alone) ---------------------
MUNGE_SOCKET="$WORK/munge/munge.socket"
mkdir -p "$WORK/munge"
# A key of our own in the temp dir: nothing outside it is created or changed.
mungekey --create --keyfile="$WORK/munge/munge.key"
chmod 711 "$WORK/munge"; chmod 400 "$WORK/munge/munge.key"
# --force: munged refuses to run as root otherwise; -F: stay in the foreground so the trap can stop it.
munged -F --force --key-file="$WORK/munge/munge.key" --socket="$MUNGE_SOCKET" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" >"$WORK/munge/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [[ -S "$MUNGE_SOCKET" ]] && break; sleep 0.1; done
[[ -S "$MUNGE_SOCKET" ]] || die "munged did not start: $(cat "$WORK/munge/munged.log" 2>/dev/null)"

# --- 3. a one-node cluster on localhost ---------------------------------------------------------------------------
HOST="$(hostname -s)"
CPUS="$(nproc)"
mkdir -p "$WORK/state" "$WORK/spool"
export SLURM_CONF="$WORK/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=sime2e
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MinJobAge=600
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=e2e Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -i -f "$SLURM_CONF" >>"$WORK/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >>"$WORK/slurmd.out" 2>&1 &
PIDS+=($!)
state=""
for _ in $(seq 60); do
  state="$(sinfo -h -n "$HOST" -o %T 2>/dev/null || true)"
  [[ "$state" == idle ]] && break
  sleep 0.5
done
if [[ "$state" != idle ]]; then
  tail -n 20 "$WORK/slurmctld.log" "$WORK/slurmd.log" "$WORK/slurmctld.out" "$WORK/slurmd.out" >&2 || true
  die "the node did not come up (state '$state')"
fi
say "cluster up: node $HOST, $CPUS CPUs, partition e2e ($WORK)"

# --- 4. a self-contained sim --------------------------------------------------------------------------------------
if [[ -z "${SIM:-}" ]]; then
  say "publishing a self-contained sim (dotnet publish, a few minutes)"
  dotnet publish "$REPO/Sim.Explorer" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o "$WORK/sim" >"$WORK/publish.log" 2>&1 ||
    { tail -n 20 "$WORK/publish.log" >&2; die "dotnet publish failed"; }
  SIM="$WORK/sim/sim"
fi
SIM="$(realpath "$SIM")"

# --- 5. plan, submit, wait ----------------------------------------------------------------------------------------
OUT="$WORK/sharded"
"$SIM" plan "$SPEC" --slurm --shards "$SHARDS" --parallel "$PARALLEL" --sim "$SIM" -o "$OUT" >"$WORK/submit.txt"
say "sim plan wrote $(ls "$OUT" | tr '\n' ' ')"
ARRAY_ID="$(sbatch --parsable "$OUT/sweep.sbatch")"; ARRAY_ID="${ARRAY_ID%%;*}"
MERGE_ID="$(sbatch --parsable --dependency="afterok:$ARRAY_ID" "$OUT/merge.sbatch")"; MERGE_ID="${MERGE_ID%%;*}"
say "submitted array job $ARRAY_ID (0-$((SHARDS - 1))%$PARALLEL) and merge job $MERGE_ID (afterok:$ARRAY_ID)"
SUBMITTED=$(date +%s)
for _ in $(seq 600); do
  [[ -z "$(squeue -h -j "$ARRAY_ID,$MERGE_ID" 2>/dev/null)" ]] && break
  sleep 1
done
WAITED=$(($(date +%s) - SUBMITTED))
sacct_state() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | sort | uniq -c | tr -s ' ' | tr '\n' ' '; }
say "array tasks: $(sacct_state "$ARRAY_ID")"
say "merge job:   $(sacct_state "$MERGE_ID")"

# --- 6. compare with an unsharded run -----------------------------------------------------------------------------
"$SIM" sweep "$SPEC" -o "$WORK/full" >/dev/null 2>"$WORK/full.err" || { cat "$WORK/full.err" >&2; die "the unsharded run failed" 1; }
status=0
for file in points.csv layers.csv breakdown.csv manifest.json report.html; do
  if cmp "$WORK/full/$file" "$OUT/$file"; then
    say "$file: identical ($(wc -l <"$OUT/$file") lines)"
  else
    status=1
  fi
done
if [[ $status -ne 0 ]]; then
  for log in "$OUT"/logs/*.out "$WORK/slurmctld.log"; do echo "--- $log" >&2; tail -n 15 "$log" >&2 || true; done
fi
say "shard logs: $(grep -h '^shard [0-9]*/[0-9]*:' "$OUT"/logs/shard-*.out | tr '\n' ';')"
say "merge log: $(grep -h '^merged' "$OUT/logs/merge.out" || echo none)"
say "array + merge took ${WAITED} s in Slurm; whole script $(($(date +%s) - START)) s"
if [[ $status -eq 0 ]]; then echo "PASS: merged $SHARDS-shard Slurm array == unsharded sim sweep ($(basename "$SPEC"))"; else echo "FAIL: merged output differs from the unsharded run"; fi
exit $status
