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
    /// <returns>The plan.</returns>
    /// <exception cref="InputException">Something declared cannot work; the message names it.</exception>
    public static ExperimentPlan Validate(ExperimentFile file, string? outputFolder)
    {
        BenchmarkFunction? builtin = file.Objective is BuiltinObjectiveSpec b ? FindBuiltin(file, b) : null;
        SearchSpace space = file.SearchSpace is { } section ? SearchSpaceReader.Read(section)
            : builtin?.SearchSpace ?? throw Error(file, SourcePosition.Unknown, $"{Kind(file.Objective)} objective needs a \"search_space\"");
        if (space.Count == 0)
        {
            throw Error(file, file.SearchSpace?.Map.Position ?? SourcePosition.Unknown, "\"search_space\" declares no parameter");
        }

        CheckTuner(file, space);
        CheckFixedParams(file, space);
        CheckBuiltinParameters(file, builtin, space);
        CheckEnqueue(file, space);
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
        };
    }

    private static void CheckEnqueue(ExperimentFile file, SearchSpace space)
    {
        for (int i = 0; i < (file.Enqueue?.Count ?? 0); i++)
        {
            if (space.FindProblem(space.Activate(file.Enqueue![i])) is string problem)
            {
                throw Error(file, SourcePosition.Unknown, $"\"enqueue[{i}]\" is outside the search space: {problem}");
            }
        }
    }

    private static BenchmarkFunction FindBuiltin(ExperimentFile file, BuiltinObjectiveSpec spec) =>
        BenchmarkFunctions.Find(spec.Name) ?? throw Error(
            file,
            spec.Position,
            $"unknown built-in objective \"{spec.Name}\"; expected one of: {string.Join(", ", BenchmarkFunctions.All.Select(f => f.Name))}");

    private static void CheckTuner(ExperimentFile file, SearchSpace space)
    {
        if (file.Tuner is { } tuner && !TunerCatalog.Contains(tuner.Type))
        {
            throw Error(file, tuner.Position, $"unknown tuner \"{tuner.Type}\"; expected one of: {string.Join(", ", TunerCatalog.Names)}");
        }

        if (file.Tuner?.Type == "grid" && space.FirstOrDefault(p => !p.Value.IsEnumerable) is { Key: { } name } continuous)
        {
            SourcePosition position = file.SearchSpace?.Map.Find(name)?.Value.Position ?? file.Tuner.Position;
            throw Error(file, position, $"grid search cannot enumerate parameter \"{name}\" ({continuous.Value.Kind} is continuous); make it a choice, give it a step \"q\", or use the random tuner");
        }

        string tunerName = file.Tuner?.Type ?? (space.IsEnumerable && file.NumSamples is null ? "grid" : "auto");
        bool endless = tunerName is "random" or "sobol" || (tunerName != "grid" && !space.IsEnumerable);
        if (endless && file.NumSamples is null && file.TimeBudget is null)
        {
            throw Error(file, SourcePosition.Unknown, $"the {tunerName} tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\"");
        }
    }

    private static void CheckFixedParams(ExperimentFile file, SearchSpace space)
    {
        if (file.FixedParams?.Keys.FirstOrDefault(space.ContainsKey) is string both)
        {
            throw Error(file, SourcePosition.Unknown, $"parameter \"{both}\" is both in \"search_space\" and in \"fixed_params\"; a parameter is either tuned or fixed");
        }
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
