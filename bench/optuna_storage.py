#!/usr/bin/python3
"""Storage throughput of Optuna: trials written per second with a trivial objective through its RDB storage.

Objective: x2, f = x*x with x float [-10, 10] (the shared suite's "overhead_objectives"), RandomSampler(seed).

Measured, on each engine (SQLite: a sqlite:/// file; PostgreSQL: a postgresql:// database on the server given by
--postgres-admin-url), with a new file or a new database for every measurement:
    * in-process: optuna.create_study(storage=url) (timed apart, "open"), then study.optimize(x2, n_trials=N);
      trials/s = N / wall(optimize)
    * k worker processes on one study (multiprocessing, "spawn"): the parent creates the study, each worker imports
      optuna, warms up, calls optuna.load_study(storage=url) and reports ready; when all are ready the clock starts and
      they are told to go; each runs study.optimize with its share of the N trials (N // k, the first N % k one more);
      trials/s = N / (start signal -> last worker exited). Per-process startup (spawn -> ready) is reported apart.
Warm-up (the same policy as the Nomadic side): every measuring process first runs 4 passes of a 100-trial study on a
storage of its own (a separate SQLite file, or a separate warm-up database), with a 0.3 s pause after each; and one
round of every configuration at full size is run and discarded before the repeats. Repeats are interleaved round-robin
across configurations; repeat r uses seed r (worker i: r + 1000 i). Min, median and max over the repeats.
Load: before each round the script can wait for quiet (--wait-quiet: other processes using < 25% of the CPUs over 2 s);
after it, other processes' share of the CPUs during the round is the machine's busy time (/proc/stat) minus ours (this
process with its workers, and the PostgreSQL server given by --postmaster-pid with its backends). With --wait-quiet a
round during which other processes used more than 10% of the CPUs is repeated (at most 3 rounds per repeat in all).

Usage (normally run by `dotnet run -c Release --project bench/Nomadic.Bench.Storage`, which starts the server):
    /usr/bin/python3 optuna_storage.py --out RESULT.json --sqlite-dir DIR [--postgres-admin-url URL]
        [--postmaster-pid PID] [--n-sqlite 500] [--n-postgres 500] [--repeats 5] [--wait-quiet S] [--no-discard]
Needs the Debian packages python3-optuna and (for PostgreSQL) python3-psycopg2.
"""
import argparse
import gc
import json
import multiprocessing as mp
import os
import platform
import queue
import sqlite3
import statistics
import sys
import time
import traceback
import warnings

import optuna

WARMUP_PASSES = 4
WARMUP_TRIALS = 100
WARMUP_PAUSE_S = 0.3
READY_TIMEOUT_S = 600
DISTURBED_SHARE = 0.10
MAX_ATTEMPTS_PER_REPEAT = 3
WARMUP_DATABASE = "optuna_bench_warmup"


def x2(trial):
    x = trial.suggest_float("x", -10.0, 10.0)
    return x * x


def quiet():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def now():
    """CLOCK_MONOTONIC: one clock for every process on the machine."""
    return time.monotonic()


def run_trials(study, n):
    """study.optimize for n trials; returns (start, end, callback timestamps)."""
    stamps = []
    start = now()
    study.optimize(x2, n_trials=n, callbacks=[lambda st, tr: stamps.append(now())])
    return start, now(), stamps


def head_tail_us(start, stamps):
    n = len(stamps)
    if n == 0:
        return None, None
    k = max(1, n // 10)
    head = (stamps[k - 1] - start) / k * 1e6
    tail = (stamps[-1] - stamps[-k - 1]) / k * 1e6 if n > k else head
    return head, tail


# ---------------------------------------------------------------------------------------------------------------
# How busy the machine is (between rounds every process of ours is idle, so this is everyone else)


def cpu_ticks():
    try:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:9]]
    except OSError:
        return None
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def busy_share(seconds):
    a = cpu_ticks()
    time.sleep(seconds)
    b = cpu_ticks()
    if a is None or b is None or b[1] <= a[1]:
        return None
    return (b[0] - a[0]) / (b[1] - a[1])


def wait_quiet(limit_s):
    """Waits until other processes use less than a quarter of the CPUs, for at most limit_s; returns the last share."""
    start = now()
    while True:
        share = busy_share(2.0)
        if share is None or share < 0.25 or now() - start >= limit_s:
            return share
        print("  machine busy (%.0f%% of the CPUs); waiting for quiet (%.0f/%.0f s)" % (
            share * 100, now() - start, limit_s), flush=True)


def tree_ticks(pid):
    """CPU ticks of a process and its waited-for children, plus the own ticks of its children still running."""
    ticks = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as fh:
                line = fh.read()
        except OSError:
            continue
        f = line[line.rindex(")") + 2:].split()
        ppid, own, children = int(f[1]), int(f[11]) + int(f[12]), int(f[13]) + int(f[14])
        if int(entry) == pid:
            ticks += own + children
        elif ppid == pid:
            ticks += own
    return ticks


def snapshot(args):
    """The machine's busy and total ticks, and ours: this process with its workers, and the PostgreSQL server."""
    ours = tree_ticks(os.getpid()) + (tree_ticks(args.postmaster_pid) if args.postmaster_pid else 0)
    return cpu_ticks(), ours


def others_share(start, end):
    (a, ours_a), (b, ours_b) = start, end
    if a is None or b is None or b[1] <= a[1]:
        return None
    return round(min(1.0, max(0.0, ((b[0] - a[0]) - (ours_b - ours_a)) / (b[1] - a[1]))), 3)


def before_round(args, name, record):
    share = wait_quiet(args.wait_quiet) if args.wait_quiet > 0 else busy_share(1.0)
    record.append({"round": name, "others_cpu_busy_share_before": None if share is None else round(share, 3)})
    return snapshot(args)


def after_round(args, start, record):
    """Other people's share of the CPUs during the round (the load average would count our own workers)."""
    record[-1]["others_cpu_busy_share_during"] = others_share(start, snapshot(args))
    record[-1]["loadavg_1_5_15_after"] = list(os.getloadavg())
    return record[-1]["others_cpu_busy_share_during"]


# ---------------------------------------------------------------------------------------------------------------
# Where the measurements write


class Stores:
    """A new SQLite file or PostgreSQL database for every measurement; warm-up places apart from the measured ones."""

    def __init__(self, sqlite_dir, admin_url):
        self.sqlite_dir = sqlite_dir
        self.admin_url = admin_url
        self.warmups = 0
        self.warmup_db = False

    def _admin(self, sql):
        import psycopg2
        conn = psycopg2.connect(self.admin_url)
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def _pg_url(self, database):
        base, _, _ = self.admin_url.rpartition("/")
        return base + "/" + database

    def _sqlite_path(self, label):
        return os.path.join(self.sqlite_dir, "optuna-%s.db" % label)

    def fresh(self, engine, label):
        if engine == "sqlite":
            remove_sqlite(self._sqlite_path(label))
            return "sqlite:///" + self._sqlite_path(label)
        name = "optuna_bench_" + label
        self._admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
        self._admin("CREATE DATABASE %s" % name)
        return self._pg_url(name)

    def remove(self, engine, label):
        if engine == "sqlite":
            remove_sqlite(self._sqlite_path(label))
        else:
            self._admin("DROP DATABASE IF EXISTS optuna_bench_%s WITH (FORCE)" % label)

    def warmup(self, engine):
        self.warmups += 1
        if engine == "sqlite":
            return "sqlite:///" + os.path.join(self.sqlite_dir, "optuna-warmup-%d-%d.db" % (os.getpid(), self.warmups))
        if not self.warmup_db:
            self._admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % WARMUP_DATABASE)
            self._admin("CREATE DATABASE %s" % WARMUP_DATABASE)
            # The tables are created here once, so the workers' first studies do not race to create them.
            create_and_close(self._pg_url(WARMUP_DATABASE), "tables", 0)
            self.warmup_db = True
        return self._pg_url(WARMUP_DATABASE)

    def drop_warmup(self):
        if self.warmup_db:
            self._admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % WARMUP_DATABASE)
            self.warmup_db = False


def remove_sqlite(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def create_and_close(url, name, seed):
    """Creates a study (and the tables) and closes the storage's connections."""
    storage = optuna.storages.RDBStorage(url)
    optuna.create_study(storage=storage, study_name=name, direction="minimize",
                        sampler=optuna.samplers.RandomSampler(seed=seed))
    storage.engine.dispose()


def stored_counts(url, name):
    storage = optuna.storages.RDBStorage(url)
    try:
        study = optuna.load_study(study_name=name, storage=storage)
        counts = {}
        for t in study.get_trials(deepcopy=False):
            key = t.state.name.lower()
            counts[key] = counts.get(key, 0) + 1
        return counts
    finally:
        storage.engine.dispose()


def warm_up(url, name, seed):
    for p in range(WARMUP_PASSES):
        study = optuna.create_study(storage=url, study_name="%s-%d" % (name, p), direction="minimize",
                                    sampler=optuna.samplers.RandomSampler(seed=seed + p))
        study.optimize(x2, n_trials=WARMUP_TRIALS)
        del study
        gc.collect()
        if url.startswith("sqlite:///"):
            remove_sqlite(url[len("sqlite:///"):])
        time.sleep(WARMUP_PAUSE_S)


# ---------------------------------------------------------------------------------------------------------------
# The worker process


def worker_main(index, spawned, url, warmup_url, name, n, seed, messages, go):
    entry = now()
    try:
        quiet()
        warm_up(warmup_url, "%s-warmup-%d" % (name, os.getpid()), seed)
        warmed_up = now()
        study = optuna.load_study(study_name=name, storage=url, sampler=optuna.samplers.RandomSampler(seed=seed))
        opened = now()
        messages.put(("ready", index, {"entry": entry, "warmed_up": warmed_up, "opened": opened}))
        go.wait()
        start, end, stamps = run_trials(study, n)
        head, tail = head_tail_us(start, stamps)
        messages.put(("result", index, {"own_runs": len(stamps), "start": start, "end": end,
                                        "last_run": stamps[-1] if stamps else end, "head10_us": head,
                                        "tail10_us": tail}))
    except BaseException:  # noqa: B036 - reported to the parent, then the worker fails
        messages.put(("error", index, traceback.format_exc()))
        sys.exit(1)


# ---------------------------------------------------------------------------------------------------------------
# Measurements


def measure_in_process(cfg, url, name, seed):
    gc.collect()
    t0 = now()
    study = optuna.create_study(storage=url, study_name=name, direction="minimize",
                                sampler=optuna.samplers.RandomSampler(seed=seed))
    open_ms = (now() - t0) * 1e3
    start, end, stamps = run_trials(study, cfg["n"])
    head, tail = head_tail_us(start, stamps)
    study._storage._backend.engine.dispose()
    del study
    return {"wall_ms": (end - start) * 1e3, "last_run_ms": ((stamps[-1] if stamps else end) - start) * 1e3,
            "open_ms": open_ms, "head10_us": head, "tail10_us": tail, "processes": [], "problem": None}


def measure_processes(cfg, url, name, seed, stores, ctx):
    k, n = cfg["processes"], cfg["n"]
    create_and_close(url, name, seed)
    messages = ctx.Queue()
    go = ctx.Event()
    procs, spawned = [], []
    for i in range(k):
        share = n // k + (1 if i < n % k else 0)
        t = now()
        p = ctx.Process(target=worker_main,
                        args=(i, t, url, stores.warmup(cfg["engine"]), name, share, seed + 1000 * i, messages, go))
        p.start()
        procs.append(p)
        spawned.append(t)

    ready, results, problem = {}, {}, None
    try:
        deadline = now() + READY_TIMEOUT_S
        while len(ready) < k:
            kind, index, payload = messages.get(timeout=max(1.0, deadline - now()))
            if kind != "ready":
                raise RuntimeError("worker %d failed before it was ready:\n%s" % (index, payload))
            ready[index] = payload
        time.sleep(0.1)
        t_go = now()
        go.set()
        while len(results) < k:
            try:
                kind, index, payload = messages.get(timeout=READY_TIMEOUT_S)
            except queue.Empty:
                problem = "timed out waiting for the workers' results"
                break
            if kind == "error":
                problem = "worker %d failed: %s" % (index, payload.strip().splitlines()[-1])
                print(payload, file=sys.stderr, flush=True)
                results[index] = None
            else:
                results[index] = payload
        for p in procs:
            p.join()
        exited = now()
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()

    processes = []
    for i in range(k):
        r, rd = results.get(i), ready[i]
        if r is None:
            continue
        processes.append({
            "runtime_start_ms": (rd["entry"] - spawned[i]) * 1e3,
            "warm_up_ms": (rd["warmed_up"] - rd["entry"]) * 1e3,
            "open_ms": (rd["opened"] - rd["warmed_up"]) * 1e3,
            "ready_ms": (rd["opened"] - spawned[i]) * 1e3,
            "go_latency_ms": (r["start"] - t_go) * 1e3,
            "own_runs": r["own_runs"],
            "head10_us": r["head10_us"],
            "tail10_us": r["tail10_us"],
            "last_run_ms": (r["last_run"] - t_go) * 1e3,
            "done_ms": (r["end"] - t_go) * 1e3,
        })
    if any(p.exitcode != 0 for p in procs) and problem is None:
        problem = "exit codes %s" % [p.exitcode for p in procs]
    heads = [p["head10_us"] for p in processes if p["head10_us"] is not None]
    tails = [p["tail10_us"] for p in processes if p["tail10_us"] is not None]
    return {
        "wall_ms": (exited - t_go) * 1e3,
        "last_run_ms": max([p["last_run_ms"] for p in processes] or [float("nan")]),
        "done_ms": max([p["done_ms"] for p in processes] or [float("nan")]),
        "open_ms": max([p["open_ms"] for p in processes] or [float("nan")]),
        "head10_us": statistics.median(heads) if heads else None,
        "tail10_us": statistics.median(tails) if tails else None,
        "processes": processes,
        "problem": problem,
    }


def measure(cfg, rep, attempt, stores, ctx):
    label = "%s_%s" % (cfg["label"], "w" if rep < 0 else "r%d_a%d" % (rep, attempt))
    name = "x2-" + label
    seed = max(rep, 0)
    url = stores.fresh(cfg["engine"], label)
    try:
        if cfg["mode"] == "in-process":
            sample = measure_in_process(cfg, url, name, seed)
        else:
            sample = measure_processes(cfg, url, name, seed, stores, ctx)
        counts = stored_counts(url, name)
        own = cfg["n"] if cfg["mode"] == "in-process" else sum(p["own_runs"] for p in sample["processes"])
        if sample["problem"] is None and (counts.get("complete", 0) != cfg["n"] or own != cfg["n"]
                                          or counts.get("running", 0) != 0):
            sample["problem"] = "expected %d complete trials: stored %s; the processes reported %d" % (
                cfg["n"], counts, own)
        sample["stored_counts"] = counts
        sample["runs_per_s"] = cfg["n"] / (sample["wall_ms"] / 1e3)
        sample["writes_per_s"] = cfg["n"] / (sample["last_run_ms"] / 1e3)
        return sample
    finally:
        stores.remove(cfg["engine"], label)


def stats(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return {"min": min(xs), "median": statistics.median(xs), "max": max(xs), "n": len(xs)}


def summarize(cfg, samples):
    row = {
        "engine": cfg["engine"],
        "mode": cfg["mode"],
        "processes": cfg["processes"],
        "n": cfg["n"],
        "repeats": len(samples),
        "runs_per_s": stats([s["runs_per_s"] for s in samples]),
        "writes_per_s": stats([s["writes_per_s"] for s in samples]),
        "wall_ms": stats([s["wall_ms"] for s in samples]),
        "open_ms": stats([s["open_ms"] for s in samples]),
        "head10_per_run_us": stats([s["head10_us"] for s in samples]),
        "tail10_per_run_us": stats([s["tail10_us"] for s in samples]),
        "raw_runs_per_s": [s["runs_per_s"] for s in samples],
        "stored_counts": [s["stored_counts"] for s in samples],
        "valid": all(s["problem"] is None for s in samples),
        "problems": [s["problem"] for s in samples if s["problem"] is not None],
    }
    if cfg["mode"] == "processes":
        def slowest(key):
            return stats([max(p[key] for p in s["processes"]) for s in samples if s["processes"]])

        row["per_process_slowest_ms"] = {
            "runtime_start": slowest("runtime_start_ms"),
            "warm_up": slowest("warm_up_ms"),
            "open": slowest("open_ms"),
            "spawn_to_ready": slowest("ready_ms"),
            "go_latency": slowest("go_latency_ms"),
            "wait_after_own_last_run": stats([max(p["done_ms"] - p["last_run_ms"] for p in s["processes"])
                                              for s in samples if s["processes"]]),
            "exit_after_run": stats([s["wall_ms"] - s["done_ms"] for s in samples if s["processes"]]),
        }
        row["own_runs_per_process"] = [[p["own_runs"] for p in s["processes"]] for s in samples]
        row["last_run_ms"] = stats([s["last_run_ms"] for s in samples])
        row["done_ms"] = stats([s["done_ms"] for s in samples])
    return row


def build_configs(args):
    cfgs = []
    engines = [("sqlite", args.n_sqlite, args.sqlite_processes)]
    if args.postgres_admin_url:
        engines.append(("postgres", args.n_postgres, args.postgres_processes))
    for engine, n, counts in engines:
        cfgs.append(dict(engine=engine, mode="in-process", processes=1, n=n, label="%s_inproc" % engine))
        for k in counts:
            cfgs.append(dict(engine=engine, mode="processes", processes=k, n=n, label="%s_p%d" % (engine, k)))
    return cfgs


def env_info(args):
    import sqlalchemy
    info = {
        "optuna": optuna.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "argv": sys.argv,
    }
    if args.postgres_admin_url:
        import psycopg2
        info["psycopg2"] = psycopg2.__version__
        conn = psycopg2.connect(args.postgres_admin_url)
        try:
            with conn.cursor() as cur:
                cur.execute("SHOW server_version")
                info["postgres_server_version"] = cur.fetchone()[0]
        finally:
            conn.close()
    return info


def counts_list(text):
    return sorted({int(s) for s in text.split(",") if s.strip()})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--sqlite-dir", required=True, help="directory for the SQLite files (deleted after each use)")
    ap.add_argument("--postgres-admin-url", help="postgresql://user@host:port/postgres, allowed to create databases")
    ap.add_argument("--n-sqlite", type=int, default=500)
    ap.add_argument("--n-postgres", type=int, default=500)
    ap.add_argument("--sqlite-processes", type=counts_list, default=[1, 2])
    ap.add_argument("--postgres-processes", type=counts_list, default=[1, 2, 4, 8])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-discard", action="store_true", help="skip the discarded round (smoke tests)")
    ap.add_argument("--postmaster-pid", type=int, help="the PostgreSQL server's process, whose CPU time counts as ours")
    ap.add_argument("--wait-quiet", type=float, default=0,
                    help="before each round, wait up to this many seconds for other processes to use < 25%% of the CPUs")
    args = ap.parse_args()

    quiet()
    ctx = mp.get_context("spawn")
    stores = Stores(args.sqlite_dir, args.postgres_admin_url)
    cfgs = build_configs(args)
    meta = env_info(args)
    t_all = now()
    rounds_load = []
    try:
        for engine in sorted({c["engine"] for c in cfgs}):
            warm_up(stores.warmup(engine), "parent-warmup-%s" % engine, 0)
        if not args.no_discard:
            start = before_round(args, "discarded round", rounds_load)
            line = []
            for c in cfgs:
                s = measure(c, -1, 0, stores, ctx)
                line.append("%s %.0f/s" % (c["label"], s["runs_per_s"]))
            others = after_round(args, start, rounds_load)
            print("discarded round: %s (other processes used %s of the CPUs)" % (
                "; ".join(line), "n/a" if others is None else "%.0f%%" % (others * 100)), flush=True)
        # With --wait-quiet, a round during which other processes used more than DISTURBED_SHARE of the CPUs is
        # repeated, up to MAX_ATTEMPTS_PER_REPEAT rounds per repeat in all; rounds are kept regardless once the
        # attempts left are only enough for the repeats still missing.
        samples = [[] for _ in cfgs]
        max_attempts = args.repeats * MAX_ATTEMPTS_PER_REPEAT if args.wait_quiet > 0 else args.repeats
        rep, attempt = 0, 0
        while rep < args.repeats and attempt < max_attempts:
            attempt += 1
            start = before_round(args, "repeat %d, attempt %d" % (rep + 1, attempt), rounds_load)
            line, round_samples = [], []
            for c in cfgs:
                s = measure(c, rep, attempt, stores, ctx)
                round_samples.append(s)
                line.append("%s %.0f/s%s" % (c["label"], s["runs_per_s"], "" if s["problem"] is None else " INVALID"))
                if s["problem"] is not None:
                    print("%s repeat %d: %s" % (c["label"], rep, s["problem"]), flush=True)
            others = after_round(args, start, rounds_load)
            print("repeat %d/%d: %s (other processes used %s of the CPUs)" % (
                rep + 1, args.repeats, "; ".join(line), "n/a" if others is None else "%.0f%%" % (others * 100)), flush=True)
            disturbed = others is not None and others > DISTURBED_SHARE and max_attempts - attempt >= args.repeats - rep
            rounds_load[-1]["kept"] = not disturbed
            if disturbed:
                print("    disturbed by other processes: repeated", flush=True)
                continue
            for i, s in enumerate(round_samples):
                samples[i].append(s)
            rep += 1
    finally:
        stores.drop_warmup()

    rows = [summarize(c, s) for c, s in zip(cfgs, samples)]
    meta.update({
        "objective": "x2: f = x*x, x = trial.suggest_float('x', -10, 10); RandomSampler(seed)",
        "timer": "time.monotonic; in-process: wall(study.optimize); processes: start signal -> last worker exited",
        "warmup": "every measuring process: %d passes of a %d-trial study on a storage of its own, %.1f s pause after "
                  "each; one discarded round of every configuration%s" % (
                      WARMUP_PASSES, WARMUP_TRIALS, WARMUP_PAUSE_S, " (skipped: --no-discard)" if args.no_discard else ""),
        "seeds": "repeat r uses RandomSampler(seed=r); worker i uses r + 1000 i",
        "processes": "multiprocessing spawn context; the parent creates the study, workers call optuna.load_study",
        "rounds_load": rounds_load,
        "total_wall_s": now() - t_all,
    })
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as fh:
        json.dump({"meta": meta, "results": rows}, fh, indent=2)
        fh.write("\n")

    print()
    print("Optuna %s storage throughput (trials/s; median and best over repeats)" % optuna.__version__)
    for r in rows:
        print("%-8s %-10s %2d proc n=%-6d %9.1f %9.1f %s" % (
            r["engine"], r["mode"], r["processes"], r["n"], r["runs_per_s"]["median"], r["runs_per_s"]["max"],
            "" if r["valid"] else "INVALID"))
    print("total %.1f s; wrote %s" % (now() - t_all, args.out))


if __name__ == "__main__":
    main()
