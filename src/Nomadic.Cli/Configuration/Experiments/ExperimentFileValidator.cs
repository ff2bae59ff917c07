using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Objectives;
using Nomadic.Experiments;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// Turns a read <see cref="ExperimentFile"/> into an <see cref="ExperimentPlan"/>: finds the built-in function, the
/// command's program, the retrieval dataset or the LLM's dataset and client (before any run starts), builds the search
/// space and checks the settings against each other.
/// </summary>
internal static class ExperimentFileValidator
{
    /// <summary>Validates the file.</summary>
    /// <param name="file">The declared experiment.</param>
    /// <param name="outputFolder">The folder output paths are relative to; the file's folder when null.</param>
    /// <param name="tuners">The tuners the file may name; <see cref="TunerCatalog.Default"/> when omitted.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InputException">Something declared cannot work; the message names it.</exception>
    public static ExperimentPlan Validate(ExperimentFile file, string? outputFolder, TunerCatalog? tuners = null)
    {
        tuners ??= TunerCatalog.Default;
        BenchmarkFunction? builtin = file.Objective is BuiltinObjectiveSpec b ? FindBuiltin(file, b) : null;
        SearchSpace space = file.SearchSpace is { } section ? SearchSpaceReader.Read(section)
            : builtin?.SearchSpace ?? throw Error(file, SourcePosition.Unknown, $"{Kind(file.Objective)} objective needs a \"search_space\"");
        if (space.Count == 0)
        {
            throw Error(file, file.SearchSpace?.Map.Position ?? SourcePosition.Unknown, "\"search_space\" declares no parameter");
        }

        CheckTuner(file, tuners);
        IReadOnlyList<ExperimentProblem> problems = ExperimentCheck.Problems(space, Settings(file, tuners), tuners);
        ThrowFirst(file, space, problems.Where(p => p.Kind != ExperimentProblemKind.EnqueuedOutsideSpace));
        CheckBuiltinParameters(file, builtin, space);
        ThrowFirst(file, space, problems);
        (IObjective objective, string objectiveName) = file.Objective switch
        {
            BuiltinObjectiveSpec => (Objective.Create(builtin!.Evaluate), "builtin " + builtin.Name),
            RagObjectiveSpec rag => RagObjectiveFactory.Create(file, rag, space),
            LlmObjectiveSpec llm => LlmObjectiveFactory.Create(file, llm, space),
            _ => CreateCommand(file, (CommandObjectiveSpec)file.Objective, space),
        };
        return new ExperimentPlan(
            file,
            space,
            objective,
            objectiveName,
            file.Direction ?? builtin?.Direction ?? Direction.Maximize,
            OutputPaths.Resolve(file.Output, outputFolder is null ? file.Folder : Path.GetFullPath(outputFolder)))
        {
            PriorRuns = WarmStartReader.ReadPriorRuns(file.WarmStart, file.Path),
            Tuners = tuners,
        };
    }

    private static BenchmarkFunction FindBuiltin(ExperimentFile file, BuiltinObjectiveSpec spec) =>
        BenchmarkFunctions.Find(spec.Name) ?? throw Error(
            file,
            spec.Position,
            $"unknown built-in objective \"{spec.Name}\"; expected one of: {string.Join(", ", BenchmarkFunctions.All.Select(f => f.Name))}");

    private static void CheckTuner(ExperimentFile file, TunerCatalog tuners)
    {
        if (file.Tuner is { } tuner && !tuners.Contains(tuner.Type))
        {
            throw Error(file, tuner.Position, $"unknown tuner \"{tuner.Type}\"; expected one of: {string.Join(", ", tuners.Names)}");
        }
    }

    private static ExperimentOptions Settings(ExperimentFile file, TunerCatalog tuners) => new()
    {
        Tuner = file.Tuner is { } tuner ? tuners.Create(tuner.Type) : null,
        NumSamples = file.NumSamples,
        TimeBudget = file.TimeBudget,
        FixedParams = file.FixedParams,
        EnqueuedConfigurations = file.Enqueue,
    };

    private static void ThrowFirst(ExperimentFile file, SearchSpace space, IEnumerable<ExperimentProblem> problems)
    {
        if (problems.FirstOrDefault() is not { } problem)
        {
            return;
        }

        throw problem.Kind switch
        {
            ExperimentProblemKind.GridOverContinuousDomain => Error(
                file,
                file.SearchSpace?.Map.Find(problem.Parameter!)?.Value.Position ?? file.Tuner?.Position ?? SourcePosition.Unknown,
                $"grid search cannot enumerate parameter \"{problem.Parameter}\" ({space[problem.Parameter!].Kind} is continuous); make it a choice, give it a step \"q\", or use the random tuner"),
            ExperimentProblemKind.NoRunBudget => Error(file, SourcePosition.Unknown, $"the {problem.Tuner} tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\""),
            ExperimentProblemKind.FixedParameterTuned => Error(file, SourcePosition.Unknown, $"parameter \"{problem.Parameter}\" is both in \"search_space\" and in \"fixed_params\"; a parameter is either tuned or fixed"),
            ExperimentProblemKind.EnqueuedOutsideSpace => Error(file, SourcePosition.Unknown, $"\"enqueue[{problem.Index}]\" is outside the search space: {problem.Reason}"),
            _ => Error(file, SourcePosition.Unknown, problem.Message),
        };
    }

    private static void CheckBuiltinParameters(ExperimentFile file, BenchmarkFunction? builtin, SearchSpace space)
    {
        var given = new HashSet<string>(space.Names.Concat(file.FixedParams?.Keys ?? []), StringComparer.Ordinal);
        string[] missing = builtin?.SearchSpace.Names.Where(n => !given.Contains(n)).ToArray() ?? [];
        if (missing.Length > 0)
        {
            throw Error(
                file,
                file.SearchSpace?.Map.Position ?? SourcePosition.Unknown,
                $"built-in objective \"{builtin!.Name}\" needs {(missing.Length == 1 ? "parameter" : "parameters")} {string.Join(", ", missing.Select(n => "\"" + n + "\""))}, missing from \"search_space\"; it takes {string.Join(", ", builtin.SearchSpace.Names)}");
        }
    }

    private static (IObjective, string) CreateCommand(ExperimentFile file, CommandObjectiveSpec spec, SearchSpace space)
    {
        string folder = Path.GetFullPath(spec.WorkingDirectory ?? ".", file.Folder);
        if (!Directory.Exists(folder))
        {
            throw Error(file, spec.Position, $"the objective's working directory \"{folder}\" does not exist");
        }

        string program = spec.Command[0];
        string executable = ExecutableResolver.Resolve(program, folder) ?? throw Error(
            file,
            spec.Position,
            program.Contains('/', StringComparison.Ordinal) || program.Contains('\\', StringComparison.Ordinal)
                ? $"objective command \"{program}\" not found (or not executable) in {folder}"
                : $"objective command \"{program}\" not found on PATH");
        var known = new HashSet<string>(space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []), StringComparer.Ordinal);
        string[] arguments = spec.Command.Skip(1).ToArray();
        if (arguments.SelectMany(Placeholders.Names).FirstOrDefault(n => !known.Contains(n)) is string unknown)
        {
            throw Error(file, spec.Position, $"placeholder {{{unknown}}} in \"objective.command\" names no parameter; parameters: {string.Join(", ", known)}");
        }

        var command = new CommandObjective(new CommandSpec(executable, arguments, folder, spec.Environment));
        return (command, "command " + string.Join(' ', spec.Command));
    }

    private static string Kind(ObjectiveSpec objective) => objective switch
    {
        RagObjectiveSpec => "a rag",
        LlmObjectiveSpec => "an llm",
        _ => "a command",
    };

    private static InputException Error(ExperimentFile file, SourcePosition position, string problem) =>
        new(position.Describe(file.Path, problem));
}
