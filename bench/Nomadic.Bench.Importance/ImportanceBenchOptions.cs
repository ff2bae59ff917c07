using System.Globalization;

namespace Nomadic.Bench;

/// <summary>Command-line options of the importance benchmark.</summary>
internal sealed class ImportanceBenchOptions
{
    public const string Usage = """
        Nomadic importance benchmark: fANOVA parameter importance of the library against each function's exact main
        effects and against Optuna's on exactly the same random runs, for the functions of the shared suite and two
        conditional ones, and the time to compute it for 10,000 runs.

        Usage: dotnet run -c Release --project bench/Nomadic.Bench.Importance -- [options]

          --functions LIST    functions (default: the seven of the suite and the conditional
                              retrieval_conditional and model_branch)
          --runs N            random runs per function compared with Optuna (default 1000)
          --timing-runs N     runs per function for the timing of our importance (default 10000)
          --seed N            seed of the random runs (default 0); our forest uses seed 0 as Optuna's evaluator does
          --no-optuna         no Optuna comparison
          --shared-bench DIR  the shared harness holding suite.json (default ../shared/bench from the repository root)
          --python PATH       interpreter with optuna and scikit-learn (default /usr/bin/python3)
          --out PATH          result JSON (default bench/results/importance.json); the tables go next to it (.md)
          -h, --help          this help
        """;

    public required string RepositoryRoot { get; init; }

    public required string OutPath { get; set; }

    public required string SharedBench { get; set; }

    public IReadOnlyList<string>? Functions { get; set; }

    public int Runs { get; set; } = 1000;

    public int TimingRuns { get; set; } = 10_000;

    public int Seed { get; set; }

    public bool Optuna { get; set; } = true;

    public string Python { get; set; } = "/usr/bin/python3";

    public bool Help { get; set; }

    public static ImportanceBenchOptions Parse(string[] args, string root)
    {
        var options = new ImportanceBenchOptions
        {
            RepositoryRoot = root,
            OutPath = Path.Combine(root, "bench", "results", "importance.json"),
            SharedBench = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench")),
        };
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--functions": options.Functions = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--runs": options.Runs = Positive(arg, Value()); break;
                case "--timing-runs": options.TimingRuns = Positive(arg, Value()); break;
                case "--seed": options.Seed = NonNegative(arg, Value()); break;
                case "--no-optuna": options.Optuna = false; break;
                case "--shared-bench": options.SharedBench = Path.GetFullPath(Value()); break;
                case "--python": options.Python = Value(); break;
                case "--out": options.OutPath = Path.GetFullPath(Value()); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        if (!options.Help && !File.Exists(Path.Combine(options.SharedBench, "suite.json")))
        {
            throw new ArgumentException($"The shared harness is not at {options.SharedBench} (no suite.json); pass --shared-bench DIR.");
        }

        return options;
    }

    private static int Positive(string option, string text) =>
        NonNegative(option, text) is > 0 and int n ? n : throw new ArgumentException($"{option}: '{text}' is not a positive integer.");

    private static int NonNegative(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
            ? n
            : throw new ArgumentException($"{option}: '{text}' is not a non-negative integer.");
}
