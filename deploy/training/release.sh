#!/usr/bin/env bash
# The released pair, from scratch, with one command: the ResNet18 + CBAM + metadata teacher started from the
# ImageNet weights of Microsoft.ML.DnnImageFeaturizer.ResNet18, the EfficientNet-B0 student distilled from it
# (logits + features + attention transfer), both trained on folds 1-4 of the patient-level split with fold 0
# held out for early stopping and the calibration temperature (the recipe of fold 0 in
# cross-validate-pretrained.sh), exported to ONNX, and the escalation thresholds chosen on fold 0 for a
# target escalation rate. Writes deploy/models/{student,teacher}.onnx, escalation.json and serving.json.
#
#   deploy/training/release.sh [DATA] [VERSION] [TARGET_ESCALATION_RATE]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data/pad-ufes-20}
version=${2:-1.0.0}
rate=${3:-0.3}
size=96
runs=${RUNS:-artifacts/release}
bin=${TRIAGE_BIN:-artifacts/triage-release}
models=deploy/models
mkdir -p "$runs"
# The ImageNet ResNet18 arrives with the test project's packages.
dotnet restore tests/Triage.Ml.Tests -nologo >/dev/null
pretrained=$(ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/microsoft.ml.dnnimagefeaturizer.resnet18/*/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx | head -n 1)
dotnet publish services/Triage.Host -c Release -nologo -clp:ErrorsOnly -o "$bin" >/dev/null
triage() { dotnet "$bin/triage.dll" "$@"; }
common=(--data "$data" --image-size "$size" --epochs 20 --patience 6 --batch-size 16 --folds 5 --fold 0 --threads "${THREADS:-1}")

. deploy/training/fold-runs.sh

train_resuming train-teacher "$runs/teacher.weights" --backbone resnet18-mlnet --pretrained "$pretrained"
train_resuming distill "$runs/student.weights" --teacher "$runs/teacher.weights" --logits 1 --features 1 --attention 100
triage export-onnx --weights "$runs/teacher.weights" --out "$models/teacher.onnx" --name teacher --version "$version" --float16-weights
triage export-onnx --weights "$runs/student.weights" --out "$models/student.onnx" --name student --version "$version"
triage choose-escalation --data "$data" --fold-models "0:$models/student.onnx:$models/teacher.onnx" --target-rate "$rate" \
  --out "$models/escalation.json" --serving-settings "$models/serving.json"
