#!/bin/sh
# A stand-in for a training script: reads its parameters, "trains", prints one JSON line with the score last.
# Parameters arrive three ways; this script uses two of them:
#   - as arguments, from the {model} and {depth} placeholders of the experiment's command;
#   - as environment variables NOMADIC_PARAM_<NAME> (here the fixed parameter "dataset").
# A third, NOMADIC_PARAMS_FILE, names a JSON file holding all of them with their types.
set -eu

model=""
depth=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --depth) depth="$2"; shift 2 ;;
    *) echo "objective.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
dataset="${NOMADIC_PARAM_DATASET:?the fixed parameter dataset is missing}"

# Anything printed before the last line is ignored, so progress output is fine.
echo "training model $model, depth $depth, on $dataset"

# The "accuracy": model b is better, deeper is better, and NOISE (from the experiment's env) shifts it.
awk -v model="$model" -v depth="$depth" -v dataset="$dataset" -v noise="${NOISE:-0}" \
  -v trial="${NOMADIC_TRIAL_NUMBER:-0}" 'BEGIN {
    base = (model == "b") ? 0.80 : 0.70
    score = base + 0.05 * depth + noise
    printf "{\"score\": %.4f, \"metadata\": {\"dataset\": \"%s\", \"trial\": %d}}\n", score, dataset, trial
  }'
