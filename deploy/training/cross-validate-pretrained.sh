#!/usr/bin/env bash
# Does ImageNet pretraining help? Patient-level 5-fold cross-validation (the folds, seed, epochs, patience
# and batch size of cross-validate.sh) of the ResNet18 + CBAM + metadata teacher started from the ImageNet
# weights of the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 and from random initialisation,
# fold by fold; with STUDENTS=1 also the EfficientNet-B0 student distilled (logits + features + attention)
# from each fold's pretrained teacher. Reports go to results/<config>-fold<k>.json; a finished run is skipped.
# COMMIT_RESULTS=1 commits each report as it arrives.
#
#   deploy/training/cross-validate-pretrained.sh RESNET18_ONNX [DATA] [IMAGE_SIZE] [EPOCHS]
#
# RESNET18_ONNX: tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx in the restored package folder, e.g.
# ~/.nuget/packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1/... (its ResNetPrepOnnx folder beside it).
set -euo pipefail
cd "$(dirname "$0")/../.."
pretrained=$(realpath "$1")
data=${2:-../shared/data/pad-ufes-20}
size=${3:-96}
epochs=${4:-20}
runs=${RUNS:-artifacts/cv-runs}
results=deploy/training/results
bin=${TRIAGE_BIN:-artifacts/triage-cv}
mkdir -p "$runs" "$results"
# A published copy, so that building the repository while this runs does not replace the binaries in use.
[ -n "${SKIP_PUBLISH:-}" ] || dotnet publish services/Triage.Host -c Release -nologo -clp:ErrorsOnly -o "$bin" >/dev/null
triage() { dotnet "$bin/triage.dll" "$@"; }
common=(--data "$data" --image-size "$size" --epochs "$epochs" --patience 6 --batch-size 16 --folds 5 --threads "${THREADS:-1}")

. deploy/training/fold-runs.sh

for fold in ${FOLDS:-0 1 2 3 4}; do
  run teacher-resnet18-imagenet "$fold" train-teacher --backbone resnet18-mlnet --pretrained "$pretrained"
  run teacher-resnet18-random "$fold" train-teacher --backbone resnet18-mlnet
  if [ -n "${STUDENTS:-}" ]; then
    teacher="$runs/teacher-resnet18-imagenet-$size-fold$fold.weights"
    run student-resnet18-imagenet-logits-features-attention "$fold" distill --teacher "$teacher" --logits 1 --features 1 --attention 100
  fi
done
