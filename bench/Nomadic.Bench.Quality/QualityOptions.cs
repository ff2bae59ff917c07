using System.Globalization;

namespace Nomadic.Bench;

/// <summary>Command-line options of the quality benchmark.</summary>
internal sealed class QualityOptions
{
    public const string Usage = """
        Nomadic quality benchmark: regret of each tuner on the shared suite against Optuna, suggestion speed of TPE
        against Optuna's, and the speed-up of concurrent runs.

        Usage: dotnet run -c Release --project bench/Nomadic.Bench.Quality -- [options]

          --tuners LIST           our tuners, comma separated (default: every one in QualityTuners)
          --functions LIST        suite functions (default: all seven)
          --seeds N               seeds 0..N-1 per function and tuner (default 30; 5 with --quick)
          --budgets LIST          budgets in runs (default 50,100,200); one experiment of the largest per seed
          --parts LIST            quality,speed,concurrency (default all three)
          --quick                 smoke test: 5 seeds, stored Optuna results instead of running the scripts
          --no-optuna             no Optuna comparison
          --optuna-results PATH   a stored optuna_quality.py raw result (--raw-out) instead of running the script
                                  (default with --quick: <shared-bench>/results/optuna_quality_raw.json)
          --optuna-overhead PATH  a stored optuna_overhead.py result instead of measuring Optuna's TPE at n = 1,000
                                  (default with --quick: <shared-bench>/results/optuna_overhead.json)
          --shared-bench DIR      the shared Optuna harness (default ../shared/bench from the repository root)
          --python PATH           interpreter with optuna (default /usr/bin/python3)
          --out PATH              result JSON (default bench/results/quality.json); the tables go next to it (.md)
          -h, --help              this help
        """;

    public required string RepositoryRoot { get; init; }

    public required string OutPath { get; set; }

    public required string SharedBench { get; set; }

    public IReadOnlyList<string> Tuners { get; set; } = QualityTuners.Registered;

    public IReadOnlyList<string>? Functions { get; set; }

    public int Seeds { get; set; } = 30;

    public int[] Budgets { get; set; } = [50, 100, 200];

    public HashSet<string> Parts { get; set; } = ["quality", "speed", "concurrency"];

    public bool Quick { get; set; }

    public bool Optuna { get; set; } = true;

    public string? OptunaResults { get; set; }

    public string? OptunaOverhead { get; set; }

    public string Python { get; set; } = "/usr/bin/python3";

    public IReadOnlyList<string> OptunaSamplers { get; } = ["tpe", "random"];

    public bool Help { get; set; }

    public static QualityOptions Parse(string[] args, string root)
    {
        var options = new QualityOptions
        {
            RepositoryRoot = root,
            OutPath = Path.Combine(root, "bench", "results", "quality.json"),
            SharedBench = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench")),
        };
        int? seeds = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--tuners": options.Tuners = List(Value()); break;
                case "--functions": options.Functions = List(Value()); break;
                case "--seeds": seeds = Positive(arg, Value()); break;
                case "--budgets": options.Budgets = [.. List(Value()).Select(b => Positive(arg, b)).Distinct().Order()]; break;
                case "--parts": options.Parts = [.. List(Value())]; break;
                case "--quick": options.Quick = true; break;
                case "--no-optuna": options.Optuna = false; break;
                case "--optuna-results": options.OptunaResults = Path.GetFullPath(Value()); break;
                case "--optuna-overhead": options.OptunaOverhead = Path.GetFullPath(Value()); break;
                case "--shared-bench": options.SharedBench = Path.GetFullPath(Value()); break;
                case "--python": options.Python = Value(); break;
                case "--out": options.OutPath = Path.GetFullPath(Value()); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        foreach (string tuner in options.Tuners)
        {
            QualityTuners.Get(tuner);
        }

        options.Seeds = seeds ?? (options.Quick ? 5 : 30);
        if (options.Quick)
        {
            options.OptunaResults ??= Path.Combine(options.SharedBench, "results", "optuna_quality_raw.json");
            options.OptunaOverhead ??= Path.Combine(options.SharedBench, "results", "optuna_overhead.json");
        }

        if (!options.Help && !File.Exists(Path.Combine(options.SharedBench, "suite.json")))
        {
            throw new ArgumentException($"The shared Optuna harness is not at {options.SharedBench} (no suite.json); pass --shared-bench DIR.");
        }

        if (options.Parts.FirstOrDefault(p => p is not ("quality" or "speed" or "concurrency")) is string unknown)
        {
            throw new ArgumentException($"--parts: unknown part '{unknown}'.");
        }

        return options;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{option}: '{text}' is not a positive integer.");
}
