"""Optuna's parameter importance on runs written by Nomadic.Bench.Importance.

Reads a JSON file of functions, each with its parameters (name, type, bounds, log, step, choices) and its runs
(params and value; a conditional parameter is absent from the runs where its condition does not hold); builds one
study per function from exactly those runs (optuna.trial.create_trial and study.add_trials, each trial with the
distributions of its own parameters) and writes, per function, the importances of FanovaImportanceEvaluator(seed=0) and of the default
evaluator of optuna.importance.get_param_importances, with the seconds each took. Both assess the parameters present
in every run (Optuna's intersection search space), so conditional parameters are left out.

Usage: python3 optuna_importance.py --runs RUNS.json --out OUT.json
Needs optuna and scikit-learn (apt-get install -y python3-optuna python3-sklearn).
"""
import argparse
import json
import platform
import sys
import time

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, get_param_importances


def distribution(p):
    if p["type"] == "float":
        return FloatDistribution(p["low"], p["high"], log=p.get("log", False))
    if p["type"] == "int":
        return IntDistribution(p["low"], p["high"], log=p.get("log", False), step=p.get("step", 1))
    return CategoricalDistribution(p["choices"])


def study_of(function):
    distributions = {p["name"]: distribution(p) for p in function["params"]}
    study = optuna.create_study(direction="minimize")
    study.add_trials([
        optuna.trial.create_trial(
            params=run["params"],
            distributions={name: distributions[name] for name in run["params"]},
            value=run["value"],
        )
        for run in function["runs"]
    ])
    return study


def timed(study, evaluator):
    start = time.perf_counter()
    importances = get_param_importances(study, evaluator=evaluator)
    return {name: float(value) for name, value in importances.items()}, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    with open(args.runs) as f:
        functions = json.load(f)["functions"]
    results = {}
    for function in functions:
        study = study_of(function)
        fanova, fanova_seconds = timed(study, FanovaImportanceEvaluator(seed=0))
        default, default_seconds = timed(study, None)
        results[function["name"]] = {
            "runs": len(function["runs"]),
            "fanova_seed0": fanova,
            "fanova_seed0_seconds": fanova_seconds,
            "default": default,
            "default_seconds": default_seconds,
        }
        print(f"{function['name']} ({len(function['runs'])} runs): fanova(seed=0) {fanova_seconds:.2f} s, default {default_seconds:.2f} s", flush=True)
    # In Optuna 3.x the default evaluator is FanovaImportanceEvaluator() without a seed.
    meta = {"optuna": optuna.__version__, "python": platform.python_version(), "argv": sys.argv[1:]}
    with open(args.out, "w") as f:
        json.dump({"meta": meta, "importances": results}, f, indent=1)


if __name__ == "__main__":
    main()
