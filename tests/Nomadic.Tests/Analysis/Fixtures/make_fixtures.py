"""Writes scipy_reference.json: inputs and SciPy 1.10 outputs the Analysis tests compare with.

Run with the system interpreter (SciPy 1.10, NumPy): /usr/bin/python3 make_fixtures.py
"""
import json
import warnings

import numpy as np
import scipy
from scipy import stats

warnings.simplefilter("ignore")
rng = np.random.default_rng(20231)


def floats(values):
    return [float(v) for v in values]


def mwu_method(x, y):
    # scipy.stats._mannwhitneyu._mwu_choose_method of SciPy 1.10
    if len(x) > 8 and len(y) > 8:
        return "asymptotic"
    xy = np.concatenate([x, y])
    return "asymptotic" if len(np.unique(xy)) != len(xy) else "exact"


def mann_whitney_cases():
    cases = {
        "exact_3_vs_5": (rng.normal(size=3), rng.normal(size=5)),
        "exact_1_vs_1": ([0.5], [1.5]),
        "exact_2_vs_3": ([1.0, 2.0], [3.0, 4.0, 5.0]),
        "exact_8_vs_8_separated": (np.arange(8) + 100.0, np.arange(8) * 1.0),
        "exact_5_vs_8": (rng.normal(0.5, 1, 5), rng.normal(size=8)),
        "exact_8_vs_20": (rng.normal(1, 1, 8), rng.normal(size=20)),
        "exact_4_vs_60": (rng.normal(2, 1, 4), rng.normal(size=60)),
        "exact_6_vs_300": (rng.normal(1, 1, 6), rng.normal(size=300)),
        "exact_center": ([1.0, 4.0], [2.0, 3.0]),
        "ties_small_asymptotic": ([1.0, 2.0, 2.0], [2.0, 3.0, 3.0, 4.0]),
        "ties_large": (np.round(rng.normal(0.3, 1, 40), 1), np.round(rng.normal(size=55), 1)),
        "large_no_ties": (rng.normal(0.2, 1, 30), rng.normal(size=45)),
        "large_9_vs_9": (rng.normal(size=9), rng.normal(size=9)),
        "all_equal": ([2.0, 2.0, 2.0], [2.0, 2.0]),
        "integers_with_ties": (rng.integers(0, 5, 25).astype(float), rng.integers(1, 6, 30).astype(float)),
    }
    out = []
    for name, (x, y) in cases.items():
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        r = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="auto")
        out.append({"name": name, "x": floats(x), "y": floats(y), "statistic": float(r.statistic),
                    "pvalue": float(r.pvalue), "method": mwu_method(x, y)})
    return out


def wilcoxon_cases():
    cases = {
        "exact_n10": (rng.normal(0.5, 1, 10), None),
        "exact_n1": (np.array([0.7]), None),
        "exact_n50": (rng.normal(0.3, 1, 50), None),
        "exact_center": (np.array([1.0, -2.0, 4.0, -3.0]), None),
        "exact_all_positive": (np.arange(1, 13) * 0.1 + 0.05, None),
        "approx_n51": (rng.normal(0.3, 1, 51), None),
        "approx_n200": (rng.normal(0.1, 1, 200), None),
        "zeros_small": (np.array([0.0, 1.5, -0.5, 2.0, 0.0, 3.0, 1.0, -1.25]), None),
        "zeros_and_ties": (np.round(rng.normal(0.2, 1, 30), 1), None),
        "one_nonzero": (np.array([0.0, 0.0, 0.0, 0.4]), None),
        "ties_no_zeros": (np.array([1.0, -1.0, 2.0, 2.0, 3.0, -3.0, 4.0, 5.0]), None),
    }
    out = []
    for name, (d, _) in cases.items():
        d = np.asarray(d, dtype=float)
        ties = len(np.unique(np.abs(d[d != 0]))) != np.count_nonzero(d)
        zeros = np.any(d == 0)
        exact = len(d) <= 50 and not zeros and not ties
        # With ties but no zeros SciPy 1.10's "auto" keeps the exact distribution on a truncated rank sum; the library uses
        # the normal approximation there, so the reference is SciPy's method="approx".
        r = stats.wilcoxon(d, method="exact" if exact else "approx")
        out.append({"name": name, "differences": floats(d), "statistic": float(r.statistic), "pvalue": float(r.pvalue),
                    "method": "exact" if exact else "asymptotic"})
    # The paired form: x - y.
    x, y = rng.normal(1, 1, 15), rng.normal(size=15)
    r = stats.wilcoxon(x, y)
    out.append({"name": "paired_x_y_n15", "x": floats(x), "y": floats(y), "statistic": float(r.statistic),
                "pvalue": float(r.pvalue), "method": "exact"})
    return out


def cohen(x, y):
    x, y = np.asarray(x), np.asarray(y)
    pooled = np.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
    return float((x.mean() - y.mean()) / pooled)


def label(d):
    d = abs(d)
    return "Large" if d >= 0.8 else "Medium" if d >= 0.5 else "Small" if d >= 0.2 else "Negligible"


def nomadic_cohen(top, rest):
    # nomadic's test_significance: the unweighted mean of the two sample variances, whatever the group sizes.
    pooled = np.sqrt((np.std(top, ddof=1) ** 2 + np.std(rest, ddof=1) ** 2) / 2)
    return float((np.mean(top) - np.mean(rest)) / pooled)


def nomadic_label(d):
    d = abs(d)
    return "Small" if d < 0.2 else "Medium" if d < 0.5 else "Large"


def cohens_d_cases():
    out = []
    for shift in [0.0, 0.1, 0.35, 0.65, 1.2, -0.9]:
        x, y = rng.normal(shift, 1, 40), rng.normal(size=50)
        d = cohen(x, y)
        out.append({"x": floats(x), "y": floats(y), "d": d, "label": label(d)})
    return out


def holm(p):
    # statsmodels.stats.multitest.multipletests(p, method="holm")[1], written out.
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.minimum(1, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return floats(out)


def holm_cases():
    examples = [[0.01, 0.04, 0.03, 0.005], [0.2, 0.5, 0.01], [0.001], [0.04, 0.04, 0.04], [0.5, 0.9, 0.7, 0.01, 0.02]]
    return [{"p": p, "adjusted": holm(p)} for p in examples]


def summary_cases():
    out = []
    for values in [rng.normal(10, 3, 37), np.array([1.0, 2.0, 3.0, 4.0]), np.array([5.0]), rng.exponential(2, 101)]:
        q = np.percentile(values, [0, 25, 50, 75, 100])
        out.append({"values": floats(values), "mean": float(values.mean()),
                    "std": float(values.std(ddof=1)) if len(values) > 1 else None,
                    "min": float(q[0]), "q25": float(q[1]), "median": float(q[2]), "q75": float(q[3]), "max": float(q[4])})
    return out


def significance_cases():
    out = []
    for n, scores in [(5, rng.normal(0.7, 0.1, 40)), (3, rng.normal(0.5, 0.2, 12)), (10, np.round(rng.normal(0.6, 0.1, 60), 2))]:
        ordered = np.sort(scores)[::-1]
        top, rest = ordered[:n], ordered[n:]
        r = stats.mannwhitneyu(top, rest, alternative="two-sided")
        d = nomadic_cohen(top, rest)
        out.append({"n": n, "scores": floats(scores), "statistic": float(r.statistic), "pvalue": float(r.pvalue),
                    "method": mwu_method(top, rest), "d": d, "label": nomadic_label(d)})
    return out


fixtures = {
    "scipy_version": scipy.__version__,
    "numpy_version": np.__version__,
    "mann_whitney": mann_whitney_cases(),
    "wilcoxon": wilcoxon_cases(),
    "cohens_d": cohens_d_cases(),
    "holm": holm_cases(),
    "summary": summary_cases(),
    "significance": significance_cases(),
}
with open("scipy_reference.json", "w") as f:
    json.dump(fixtures, f, indent=1)
    f.write("\n")
