#!/usr/bin/env bash
# Patient-level 5-fold cross-validation of the paper's configurations, fold by fold: for each fold the
# teacher, then the student alone and distilled three ways from that fold's teacher. Each run writes
# its own report (results/<config>-fold<k>.json) and is skipped when the report exists, so the
# experiment can stop at any point and resume. Weights and checkpoints go to $RUNS (not committed).
#
#   deploy/training/cross-validate.sh [DATA] [IMAGE_SIZE] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data/pad-ufes-20}
size=${2:-96}
epochs=${3:-20}
runs=${RUNS:-artifacts/cv-runs}
results=deploy/training/results
mkdir -p "$runs" "$results"
dotnet build services/Triage.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
triage() { dotnet services/Triage.Host/bin/Release/net10.0/linux-x64/triage.dll "$@"; }
# One torch thread: with two, any other busy process on a 2-core machine stalls every OpenMP barrier.
common=(--data "$data" --image-size "$size" --epochs "$epochs" --patience 6 --batch-size 16 --folds 5 --threads "${THREADS:-1}")

. deploy/training/fold-runs.sh

for fold in 0 1 2 3 4; do
  run teacher-atto "$fold" train-teacher --variant atto
  teacher="$runs/teacher-atto-$size-fold$fold.weights"
  run student-focal "$fold" distill
  run student-logits "$fold" distill --teacher "$teacher" --logits 1
  run student-logits-features "$fold" distill --teacher "$teacher" --logits 1 --features 1
  run student-logits-features-attention "$fold" distill --teacher "$teacher" --logits 1 --features 1 --attention 100
done
