#!/usr/bin/python3
"""Optuna's TPE sampler cost per trial once n trials exist: the TPE rows of the shared optuna_overhead.py, alone.

Runs the shared script's own measurement (optuna_overhead.run_config) for TPESampler(seed=r), in-memory storage, on
the overhead objectives x2 and mixed5 at n trials, after the same kind of discarded warm-up (a 60-trial study per
space), with repeats interleaved round-robin; repeat r uses seed r. The JSON has the form of optuna_overhead.py's
(meta, results with per_trial_ms and tail10_per_trial_ms as min/median/max/n), so either can be read back.

Usage (normally run by `dotnet run -c Release --project bench/Nomadic.Bench.Quality`):
    /usr/bin/python3 optuna_tpe_overhead.py --shared-bench ../shared/bench --out RESULT.json [--n 1000] [--repeats 3]
"""
import argparse
import json
import os
import sys
import time
import warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared-bench", required=True, help="folder of optuna_overhead.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--spaces", default="x2,mixed5")
    args = ap.parse_args()

    sys.path.insert(0, os.path.abspath(args.shared_bench))
    import optuna
    import optuna_overhead as oo

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    spaces = args.spaces.split(",")
    cfgs = [dict(space=s, sampler="tpe", storage="memory", n=args.n, repeats=args.repeats) for s in spaces]
    for space in spaces:
        oo.run_config(dict(space=space, sampler="tpe", storage="memory", n=60), 0, None, 0)

    t_all = time.perf_counter()
    meas = [[] for _ in cfgs]
    for rep in range(args.repeats):
        for i, c in enumerate(cfgs):
            r = oo.run_config(c, rep, None, 0)
            meas[i].append(r)
            print("rep %d %-6s tpe n=%d per-trial %.3f ms (tail %.3f ms)" % (
                rep, c["space"], c["n"], r["per_trial_ms"], r["tail10_per_trial_ms"]), flush=True)

    rows = []
    for c, ms in zip(cfgs, meas):
        row = dict(c)
        for key in ("per_trial_ms", "head10_per_trial_ms", "tail10_per_trial_ms", "create_study_ms"):
            row[key] = oo.stats([m[key] for m in ms])
        row["raw_per_trial_ms"] = [m["per_trial_ms"] for m in ms]
        rows.append(row)

    meta = oo.env_info()
    meta.update({
        "script": "optuna_tpe_overhead.py (the TPE in-memory rows of optuna_overhead.py)",
        "timer": "time.perf_counter; per_trial_ms = wall(study.optimize) / n_trials; create_study excluded",
        "head10/tail10": "mean per-trial ms over the first / last 10% of trials (callback timestamps)",
        "seeds": "repeat r uses sampler seed r",
        "warmup": "one discarded 60-trial TPE study per space",
        "total_wall_s": time.perf_counter() - t_all,
    })
    with open(args.out, "w") as fh:
        json.dump({"meta": meta, "results": rows}, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
