using System.Globalization;

namespace Nomadic.Bench;

/// <summary>Command-line options of the multi-objective benchmark.</summary>
internal sealed class MultiObjectiveOptions
{
    public const string Usage = """
        Nomadic multi-objective benchmark: the hypervolume of each tuner's front on ZDT1, ZDT2, DTLZ2 and a
        quality/cost problem, against Optuna's multi-objective TPE and NSGA-II on the same seeds.

        Usage: dotnet run -c Release --project bench/Nomadic.Bench.MultiObjective -- [options]

          --tuners LIST           our tuners, comma separated (default: auto,tpe,nsga2,random); also known:
                                  tpe-multivariate, and auto-nsga-from-N (N = 100, 150, 300, 500: the default tuner
                                  handing over to NSGA-II after N runs instead of 200)
          --problems LIST         problems (default: zdt1,zdt2,dtlz2,quality_cost)
          --seeds N               seeds 0..N-1 per problem and tuner (default 20)
          --budgets LIST          budgets in runs (default 50,100,200); one experiment of the largest per seed
          --optuna-samplers LIST  Optuna's samplers (default tpe,nsga2; random too is known)
          --no-optuna             no Optuna comparison
          --optuna-results PATH   a stored optuna_multi_objective.py result instead of running the script
          --python PATH           interpreter with optuna (default /usr/bin/python3)
          --out PATH              result JSON (default bench/results/multi_objective.json); the tables go next to it (.md)
          -h, --help              this help
        """;

    public required string RepositoryRoot { get; init; }

    public required string OutPath { get; set; }

    public IReadOnlyList<string> Tuners { get; set; } = ["auto", "tpe", "nsga2", "random"];

    public IReadOnlyList<Problem> Problems { get; set; } = Bench.Problems.All;

    public int Seeds { get; set; } = 20;

    public int[] Budgets { get; set; } = [50, 100, 200];

    public IReadOnlyList<string> OptunaSamplers { get; set; } = ["tpe", "nsga2"];

    public bool Optuna { get; set; } = true;

    public string? OptunaResults { get; set; }

    public string Python { get; set; } = "/usr/bin/python3";

    public bool Help { get; set; }

    public string Script => Path.Combine(RepositoryRoot, "bench", "optuna_multi_objective.py");

    public static MultiObjectiveOptions Parse(string[] args, string root)
    {
        var options = new MultiObjectiveOptions { RepositoryRoot = root, OutPath = Path.Combine(root, "bench", "results", "multi_objective.json") };
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--tuners": options.Tuners = [.. List(Value()).Select(MultiObjectiveTuners.Check)]; break;
                case "--problems": options.Problems = [.. List(Value()).Select(FindProblem)]; break;
                case "--seeds": options.Seeds = Positive(arg, Value()); break;
                case "--budgets": options.Budgets = [.. List(Value()).Select(b => Positive(arg, b)).Distinct().Order()]; break;
                case "--optuna-samplers": options.OptunaSamplers = List(Value()); break;
                case "--no-optuna": options.Optuna = false; break;
                case "--optuna-results": options.OptunaResults = Path.GetFullPath(Value()); break;
                case "--python": options.Python = Value(); break;
                case "--out": options.OutPath = Path.GetFullPath(Value()); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        return options;
    }

    private static Problem FindProblem(string name) =>
        Bench.Problems.All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"Unknown problem '{name}'; expected one of: {string.Join(", ", Bench.Problems.All.Select(p => p.Name))}.");

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{option}: '{text}' is not a positive integer.");
}
