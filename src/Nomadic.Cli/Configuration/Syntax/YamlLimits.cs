using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// Walks the events of a YAML text, before any node is built, and refuses nesting deeper than
/// <see cref="ExperimentFileLimits.MaxDepth"/> and aliases that expand to more than
/// <see cref="ExperimentFileLimits.MaxYamlValues"/> values: building nodes recurses once per level, and each alias
/// stands for a copy of its anchor's whole value.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Reads every event of <paramref name="parser"/> and checks the limits.</summary>
    /// <param name="parser">A parser over the whole text, not yet read.</param>
    /// <param name="file">The file name for messages.</param>
    /// <exception cref="InputException">A limit is exceeded; the message gives its line and column.</exception>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static void Check(IParser parser, string file)
    {
        var sizes = new Dictionary<AnchorName, long>();
        var open = new Stack<(AnchorName Anchor, long Values)>();
        long total = 0;
        while (parser.MoveNext())
        {
            ParsingEvent current = parser.Current!;
            long added = current switch
            {
                MappingStart or SequenceStart => 1,
                Scalar => 1,
                AnchorAlias alias => sizes.GetValueOrDefault(alias.Value, 1),
                _ => 0,
            };
            total += added;
            if (total > ExperimentFileLimits.MaxYamlValues)
            {
                throw Refuse(current, file, $"holds more than {ExperimentFileLimits.MaxYamlValues:N0} values once its aliases are expanded (the limit)");
            }

            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (open.Count == ExperimentFileLimits.MaxDepth)
                    {
                        throw Refuse(current, file, $"lists and objects are nested deeper than {ExperimentFileLimits.MaxDepth} levels (the limit)");
                    }

                    open.Push((((NodeEvent)current).Anchor, 1));
                    break;
                case MappingEnd or SequenceEnd:
                    (AnchorName anchor, long values) = open.Pop();
                    Count(open, anchor, values, sizes);
                    break;
                case Scalar scalar:
                    Count(open, scalar.Anchor, 1, sizes);
                    break;
                case AnchorAlias:
                    Count(open, AnchorName.Empty, added, sizes);
                    break;
            }
        }
    }

    private static void Count(Stack<(AnchorName Anchor, long Values)> open, AnchorName anchor, long values, Dictionary<AnchorName, long> sizes)
    {
        if (!anchor.IsEmpty)
        {
            sizes[anchor] = values;
        }

        if (open.TryPop(out (AnchorName Anchor, long Values) parent))
        {
            open.Push((parent.Anchor, parent.Values + values));
        }
    }

    private static InputException Refuse(ParsingEvent at, string file, string problem) =>
        new(new SourcePosition((int)at.Start.Line, (int)at.Start.Column).Describe(file, problem));
}
