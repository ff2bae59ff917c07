#!/usr/bin/python3
"""Optuna's multi-objective samplers on the problems of Nomadic.Bench.MultiObjective.

For every problem x sampler x seed, ONE study of max(budgets) trials (a sampler never knows the budget, so the first
50 trials of a 200-trial study are those of a 50-trial study with the same seed). Each trial's parameters and
objective values are written out, with the hypervolume after each budget computed by Optuna's own WFG, so the .NET
side can check its formulas and its hypervolume against these.

Samplers (Optuna defaults except the seed):
    tpe    optuna.samplers.TPESampler(seed=s)      multi-objective TPE (MOTPE) on a study with several directions
    nsga2  optuna.samplers.NSGAIISampler(seed=s)
    random optuna.samplers.RandomSampler(seed=s)

Optuna 3.1's TPE solves the same hypervolume subset selection once per parameter of a trial, with identical inputs;
that function and the weight computation are memoized on their inputs here (the samples are the same, the run about
six times faster on the 6-variable problems).

Usage (normally run by `dotnet run -c Release --project bench/Nomadic.Bench.MultiObjective`):
    /usr/bin/python3 optuna_multi_objective.py --out RESULT.json [--samplers tpe,nsga2] [--seeds 10]
        [--budgets 50,100,200] [--problems zdt1,zdt2,dtlz2,quality_cost] [--jobs 2]
"""
import argparse
import json
import math
import multiprocessing as mp
import platform
import sys
import time
import warnings

import numpy as np
import optuna
import optuna.samplers._tpe.sampler as tpe_module
from optuna._hypervolume import WFG

VARIABLES = 6
MODELS = ["small", "medium", "large"]


def unit_cube(trial):
    return [trial.suggest_float(f"x{i}", 0, 1) for i in range(VARIABLES)]


def zdt(h):
    def evaluate(trial):
        x = unit_cube(trial)
        g = 1 + (9 * sum(x[1:]) / (VARIABLES - 1))
        return x[0], g * h(x[0] / g)

    return evaluate


def dtlz2(trial):
    x = unit_cube(trial)
    g = sum((v - 0.5) * (v - 0.5) for v in x[2:])
    a = x[0] * math.pi / 2
    b = x[1] * math.pi / 2
    return (1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)


def quality_cost(trial):
    model = MODELS.index(trial.suggest_categorical("model", MODELS))
    temperature = trial.suggest_float("temperature", 1e-3, 1, log=True)
    top_k = trial.suggest_int("top_k", 1, 20)
    miss = math.log10(temperature / [0.02, 0.1, 0.4][model])
    quality = [0.55, 0.70, 0.80][model] + (0.15 * (1 - math.exp(-top_k / 5.0))) - (0.25 * miss * miss)
    cost = [1.0, 4.0, 15.0][model] * (1 + (0.2 * top_k))
    return quality, cost


# name -> (objective, directions, reference point in the objectives' own units)
PROBLEMS = {
    "zdt1": (zdt(lambda f: 1 - math.sqrt(f)), ["minimize", "minimize"], [1.1, 5.0]),
    "zdt2": (zdt(lambda f: 1 - (f * f)), ["minimize", "minimize"], [1.1, 5.0]),
    "dtlz2": (dtlz2, ["minimize"] * 3, [1.1, 1.1, 1.1]),
    "quality_cost": (quality_cost, ["maximize", "minimize"], [0.5, 40.0]),
}


def memoize_last(function, key):
    """Remembers the last call's result: Optuna repeats each call once per parameter of a trial."""
    last = {}

    def wrapper(*args):
        k = key(*args)
        if last.get("key") != k:
            last["key"], last["value"] = k, function(*args)
        return last["value"].copy()

    return wrapper


def array_key(*args):
    return tuple((a.tobytes(), a.shape) if isinstance(a, np.ndarray) else a for a in args)


def weights_key(loss_vals, indices, violations):
    return (tuple((s, tuple(v)) for s, v in loss_vals), indices.tobytes(), None if violations is None else tuple(violations))


tpe_module._solve_hssp = memoize_last(tpe_module._solve_hssp, array_key)
tpe_module._calculate_weights_below_for_multi_objective = memoize_last(
    tpe_module._calculate_weights_below_for_multi_objective, weights_key
)


def make_sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError(name)


def hypervolume(values, directions, reference):
    signs = np.array([-1.0 if d == "maximize" else 1.0 for d in directions])
    points = np.asarray(values, dtype=float) * signs
    ref = np.asarray(reference, dtype=float) * signs
    inside = points[(points < ref).all(axis=1)] if len(points) else points
    return float(WFG().compute(inside, ref)) if len(inside) else 0.0


def run_study(task):
    problem, sampler, seed, budgets = task
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    objective, directions, reference = PROBLEMS[problem]
    study = optuna.create_study(directions=directions, sampler=make_sampler(sampler, seed))
    start = time.perf_counter()
    study.optimize(objective, n_trials=max(budgets))
    wall = time.perf_counter() - start
    trials = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    values = [list(t.values) for t in trials]
    return problem, sampler, seed, {
        "values": values,
        "params": [t.params for t in trials],
        "hypervolume": {str(b): hypervolume(values[:b], directions, reference) for b in budgets},
        "wall_s": wall,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--samplers", default="tpe,nsga2")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--budgets", default="50,100,200")
    ap.add_argument("--problems", default=",".join(PROBLEMS))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    budgets = sorted(int(b) for b in args.budgets.split(","))
    # The slow sampler on the slow problem first, so the workers finish together.
    tasks = [(p, s, seed, budgets) for s in args.samplers.split(",") for p in args.problems.split(",") for seed in range(args.seeds)]
    tasks.sort(key=lambda t: (t[1] != "tpe", t[0] != "dtlz2"))
    studies = {}
    start = time.perf_counter()
    with mp.Pool(args.jobs) as pool:
        for done, (problem, sampler, seed, study) in enumerate(pool.imap_unordered(run_study, tasks), 1):
            studies.setdefault(problem, {}).setdefault(sampler, {})[str(seed)] = study
            if done % 10 == 0 or done == len(tasks):
                print(f"{done}/{len(tasks)} studies ({time.perf_counter() - start:.0f} s)", flush=True)

    meta = {
        "optuna": optuna.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "argv": sys.argv,
        "seeds": args.seeds,
        "budgets": budgets,
        "wall_s": time.perf_counter() - start,
        "memoized": "_solve_hssp and _calculate_weights_below_for_multi_objective, on their inputs",
    }
    with open(args.out, "w") as f:
        json.dump({"meta": meta, "studies": studies}, f)


if __name__ == "__main__":
    main()
