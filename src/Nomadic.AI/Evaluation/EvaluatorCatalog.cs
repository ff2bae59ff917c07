using System.Diagnostics.CodeAnalysis;
using Nomadic.AI.Models;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Evaluators by name: each is registered under its own <see cref="IEvaluator.Name"/>, and older spellings resolve
/// through aliases. <see cref="CreateDefault"/> holds the built-in evaluators that need no arguments; anyone can add
/// their own.
/// </summary>
/// <remarks>
/// Built-ins: <c>exact_match</c>, <c>token_f1</c>, <c>rouge_l</c>, <c>bleu</c> and <c>semantic_similarity</c> (with
/// the local MiniLM model), and the alias <c>semantic</c> for <c>semantic_similarity</c>. An LLM judge and a weighted
/// mean take arguments (<see cref="LlmJudgeEvaluator"/>, <see cref="WeightedEvaluator"/>) and are built directly.
/// Not thread-safe while being filled; reading it from several threads afterwards is safe.
/// </remarks>
public sealed class EvaluatorCatalog
{
    private readonly Dictionary<string, Func<IEvaluator>> _factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>Gets the registered names, in the order they were added.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the aliases and the names they stand for.</summary>
    public IReadOnlyDictionary<string, string> Aliases => _aliases;

    /// <summary>Creates a catalog of the built-in evaluators.</summary>
    /// <returns>A new catalog, which the caller may add to.</returns>
    public static EvaluatorCatalog CreateDefault() => new EvaluatorCatalog()
        .Add("exact_match", () => new ExactMatchEvaluator())
        .Add("token_f1", () => new TokenF1Evaluator())
        .Add("rouge_l", () => new RougeLEvaluator())
        .Add("bleu", () => new BleuEvaluator())
        .Add("semantic_similarity", () => new SemanticSimilarityEvaluator(new MiniLmEmbeddingGenerator()))
        .AddAlias("semantic", "semantic_similarity");

    /// <summary>Registers an evaluator.</summary>
    /// <param name="name">Its name, which must be the <see cref="IEvaluator.Name"/> of what <paramref name="create"/> returns.</param>
    /// <param name="create">Creates a new evaluator each time it is called.</param>
    /// <returns>This catalog.</returns>
    /// <exception cref="ArgumentException">The name is blank or already a name or an alias.</exception>
    public EvaluatorCatalog Add(string name, Func<IEvaluator> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        EnsureFree(name);
        _factories[name] = create;
        _names.Add(name);
        return this;
    }

    /// <summary>Registers another spelling of a registered name.</summary>
    /// <param name="alias">The other spelling.</param>
    /// <param name="name">The registered name it stands for.</param>
    /// <returns>This catalog.</returns>
    /// <exception cref="ArgumentException">The alias is blank or taken, or the name is not registered.</exception>
    public EvaluatorCatalog AddAlias(string alias, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(name);
        EnsureFree(alias);
        _aliases[alias] = _factories.ContainsKey(name) ? name : throw new ArgumentException($"\"{name}\" is not a registered evaluator.", nameof(name));
        return this;
    }

    /// <summary>Finds the registered name of a name or an alias.</summary>
    /// <param name="nameOrAlias">A name or an alias.</param>
    /// <param name="name">The registered name, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryResolve(string nameOrAlias, [NotNullWhen(true)] out string? name)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        name = _factories.ContainsKey(nameOrAlias) ? nameOrAlias : _aliases.GetValueOrDefault(nameOrAlias);
        return name is not null;
    }

    /// <summary>Creates the evaluator of a name or an alias.</summary>
    /// <param name="nameOrAlias">A name or an alias.</param>
    /// <returns>A new evaluator.</returns>
    /// <exception cref="ArgumentException">No evaluator has this name; the message lists the known names.</exception>
    /// <exception cref="InvalidOperationException">The registered factory returned an evaluator of another name.</exception>
    public IEvaluator Create(string nameOrAlias)
    {
        if (!TryResolve(nameOrAlias, out string? name))
        {
            throw new ArgumentException($"Unknown evaluator \"{nameOrAlias}\"; expected one of: {string.Join(", ", _names)}.", nameof(nameOrAlias));
        }

        IEvaluator evaluator = _factories[name]();
        return evaluator.Name == name
            ? evaluator
            : throw new InvalidOperationException($"The evaluator registered as \"{name}\" names itself \"{evaluator.Name}\".");
    }

    private void EnsureFree(string name)
    {
        if (_factories.ContainsKey(name) || _aliases.ContainsKey(name))
        {
            throw new ArgumentException($"\"{name}\" is already an evaluator name or alias.", nameof(name));
        }
    }
}
