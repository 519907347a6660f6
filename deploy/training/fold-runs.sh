# Sourced by the training scripts: one training run that survives TorchSharp's native faults, and one
# cross-validation fold whose report is kept (and skipped when it exists). The caller defines `triage`,
# the array `common` (options every run takes), and for `run` also `size`, `runs` and `results`.

# TorchSharp 0.107's optimisers now and then fail natively in step() ("toFloat ... Expected false to be
# true"), seemingly a scalar freed while in use; the run then resumes from its last finished epoch.
train_resuming() { # verb out args...
  local verb=$1 out=$2; shift 2
  for attempt in 1 2 3; do
    triage "$verb" "${common[@]}" --out "$out" "$@" && return 0
    [ "$attempt" -lt 3 ] || { echo "$verb $out failed three times" >&2; return 1; }
    echo "-- $verb $out stopped (attempt $attempt); resuming"
  done
}

run() { # name fold verb args...: results/NAME-SIZE-foldK.json, committed when COMMIT_RESULTS is set
  local name=$1-$size fold=$2 verb=$3; shift 3
  local report="$results/$name-fold$fold.json"
  [ -f "$report" ] && { echo "skip $name fold $fold"; return; }
  echo "== $name fold $fold ($(date -u +%H:%M:%S))"
  train_resuming "$verb" "$runs/$name-fold$fold.weights" --fold "$fold" "$@"
  cp "$runs/$name-fold$fold.weights.json" "$report"
  if [ -n "${COMMIT_RESULTS:-}" ]; then
    git add "$report" && git commit -q -m "Cross-validation report: $name, fold $fold" -- "$report" || echo "could not commit $report" >&2
  fi
}
