using System.Globalization;

namespace Nomadic.Bench;

/// <summary>Command-line options of the storage benchmark.</summary>
internal sealed class StorageBenchOptions
{
    public const string Usage = """
        Nomadic storage benchmark: runs written per second (random search on x2) through the SQLite and PostgreSQL
        storages, in this process and in several worker processes on one experiment, side by side with Optuna's RDB
        storage on the same engines.

        Usage: dotnet run -c Release --project bench/Nomadic.Bench.Storage -- [options]

          --out PATH                result JSON (default bench/results/storage.json); a Markdown copy of the
                                    tables is written next to it (same name, .md)
          --repeats R               measured repeats of every configuration (default 5)
          --n-sqlite N              Nomadic's runs per SQLite measurement (default 20000)
          --n-postgres N            Nomadic's runs per PostgreSQL measurement (default 4000)
          --optuna-n-sqlite N       Optuna's trials per SQLite measurement (default 500)
          --optuna-n-postgres N     Optuna's trials per PostgreSQL measurement (default 500)
          --sqlite-processes LIST   worker-process counts on SQLite (default 1,2)
          --postgres-processes LIST worker-process counts on PostgreSQL (default 1,2,4,8)
          --postgres CONNECTION     use this server (keywords or postgresql:// URL, allowed to create databases)
                                    instead of starting a throwaway cluster
          --no-postgres             SQLite only
          --quick                   smoke test: small budgets, one repeat, no discarded round
          --wait-quiet SECONDS      before each side and each round of measurements, wait up to SECONDS
                                    for the machine to be idle (other processes using less than 25% of
                                    the CPUs over 2 s)
          --no-optuna               do not run or read the Optuna side
          --optuna-script PATH      the Optuna script (default bench/optuna_storage.py)
          --optuna-json PATH        read an existing Optuna result instead of running the script
          --python PATH             interpreter with optuna and psycopg2 (default /usr/bin/python3)
          -h, --help                this help
        """;

    public required string RepositoryRoot { get; init; }

    public required string OutPath { get; set; }

    public int Repeats { get; set; } = 5;

    public int NomadicSqliteN { get; set; } = 20_000;

    public int NomadicPostgresN { get; set; } = 4_000;

    public int OptunaSqliteN { get; set; } = 500;

    public int OptunaPostgresN { get; set; } = 500;

    public int[] SqliteProcesses { get; set; } = [1, 2];

    public int[] PostgresProcesses { get; set; } = [1, 2, 4, 8];

    public string? Postgres { get; set; }

    public bool UsePostgres { get; set; } = true;

    public bool Quick { get; set; }

    public double WaitQuietSeconds { get; set; }

    public bool Optuna { get; set; } = true;

    public required string OptunaScript { get; set; }

    public string? OptunaJson { get; set; }

    public string Python { get; set; } = "/usr/bin/python3";

    public bool Help { get; set; }

    public IReadOnlyList<Engine> Engines => UsePostgres ? [Engine.Sqlite, Engine.Postgres] : [Engine.Sqlite];

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on a bad one.</summary>
    public static StorageBenchOptions Parse(string[] args, string root)
    {
        var options = new StorageBenchOptions
        {
            RepositoryRoot = root,
            OutPath = Path.Combine(root, "bench", "results", "storage.json"),
            OptunaScript = Path.Combine(root, "bench", "optuna_storage.py"),
        };
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            given.Add(arg);
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Count(int min) => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min
                ? n
                : throw new ArgumentException($"{arg} needs an integer of at least {min}.");
            switch (arg)
            {
                case "--out": options.OutPath = Path.GetFullPath(Value()); break;
                case "--repeats": options.Repeats = Count(1); break;
                case "--n-sqlite": options.NomadicSqliteN = Count(10); break;
                case "--n-postgres": options.NomadicPostgresN = Count(10); break;
                case "--optuna-n-sqlite": options.OptunaSqliteN = Count(10); break;
                case "--optuna-n-postgres": options.OptunaPostgresN = Count(10); break;
                case "--sqlite-processes": options.SqliteProcesses = List(arg, Value()); break;
                case "--postgres-processes": options.PostgresProcesses = List(arg, Value()); break;
                case "--postgres": options.Postgres = Value(); break;
                case "--no-postgres": options.UsePostgres = false; break;
                case "--quick": options.Quick = true; break;
                case "--wait-quiet":
                    options.WaitQuietSeconds = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0
                        ? s
                        : throw new ArgumentException("--wait-quiet needs a number of seconds.");
                    break;
                case "--no-optuna": options.Optuna = false; break;
                case "--optuna-script": options.OptunaScript = Path.GetFullPath(Value()); break;
                case "--optuna-json": options.OptunaJson = Path.GetFullPath(Value()); break;
                case "--python": options.Python = Value(); break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }

        if (options.Quick)
        {
            options.Repeats = given.Contains("--repeats") ? options.Repeats : 1;
            options.NomadicSqliteN = given.Contains("--n-sqlite") ? options.NomadicSqliteN : 2_000;
            options.NomadicPostgresN = given.Contains("--n-postgres") ? options.NomadicPostgresN : 500;
            options.OptunaSqliteN = given.Contains("--optuna-n-sqlite") ? options.OptunaSqliteN : 50;
            options.OptunaPostgresN = given.Contains("--optuna-n-postgres") ? options.OptunaPostgresN : 100;
        }

        return options;
    }

    private static int[] List(string option, string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k >= 1 && k <= 64
                ? k
                : throw new ArgumentException($"{option}: '{s}' is not a process count from 1 to 64."))
            .Distinct().Order()];
}
