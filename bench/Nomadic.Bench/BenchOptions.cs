using System.Globalization;

namespace Nomadic.Bench;

/// <summary>Command-line options.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Nomadic overhead benchmark: framework cost per trial with trivial objectives, side by side with Optuna.

        Usage: dotnet run -c Release --project bench/Nomadic.Bench -- [options]

          --out PATH            result JSON (default bench/results/overhead.json); a Markdown copy of the
                                tables is written next to it (same name, .md)
          --sizes LIST          random-search sizes, comma separated (default 100,1000,5000,10000,100000)
          --quick               smoke test: small sizes, few repeats, no profile (Optuna still runs unless
                                --no-optuna; combine with --optuna-quick)
          --no-profile          skip the hot-path breakdown
          --wait-quiet SECONDS  before measuring, wait up to SECONDS for the machine to be idle
                                (other processes using less than 25% of the CPUs over 2 s)
          --no-optuna           do not run or read the Optuna baseline
          --optuna-quick        run the Optuna script with --quick (about 10 s instead of 5 to 11 min)
          --optuna-script PATH  the Optuna overhead script (default ../shared/bench/optuna_overhead.py from
                                the repository root)
          --optuna-json PATH    read an existing Optuna result JSON instead of running the script
          --python PATH         interpreter with optuna and pandas (default /usr/bin/python3)
          -h, --help            this help
        """;

    public required string RepositoryRoot { get; init; }

    public required string OutPath { get; set; }

    public int[] Sizes { get; set; } = [100, 1_000, 5_000, 10_000, 100_000];

    public bool Quick { get; set; }

    public bool Profile { get; set; } = true;

    public double WaitQuietSeconds { get; set; }

    public bool Optuna { get; set; } = true;

    public bool OptunaQuick { get; set; }

    public required string OptunaScript { get; set; }

    public string? OptunaJson { get; set; }

    public string Python { get; set; } = "/usr/bin/python3";

    public bool Help { get; set; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on a bad one.</summary>
    public static BenchOptions Parse(string[] args, string root)
    {
        var options = new BenchOptions
        {
            RepositoryRoot = root,
            OutPath = Path.Combine(root, "bench", "results", "overhead.json"),
            OptunaScript = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "optuna_overhead.py")),
        };
        bool sizesGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--out": options.OutPath = Path.GetFullPath(Value()); break;
                case "--sizes":
                    options.Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 10
                            ? n
                            : throw new ArgumentException($"--sizes: '{s}' is not an integer of at least 10."))
                        .Distinct().Order().ToArray();
                    sizesGiven = true;
                    break;
                case "--quick": options.Quick = true; break;
                case "--no-profile": options.Profile = false; break;
                case "--wait-quiet":
                    options.WaitQuietSeconds = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0
                        ? s
                        : throw new ArgumentException("--wait-quiet needs a number of seconds.");
                    break;
                case "--no-optuna": options.Optuna = false; break;
                case "--optuna-quick": options.OptunaQuick = true; break;
                case "--optuna-script": options.OptunaScript = Path.GetFullPath(Value()); break;
                case "--optuna-json": options.OptunaJson = Path.GetFullPath(Value()); break;
                case "--python": options.Python = Value(); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        if (options.Quick)
        {
            options.Profile = false;
            if (!sizesGiven)
            {
                options.Sizes = [100, 1_000];
            }
        }

        if (options.Sizes.Length == 0)
        {
            throw new ArgumentException("--sizes is empty.");
        }

        return options;
    }
}
