namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// Typed access to one object of an experiment file. Every read and every error names the key by its dotted path
/// (<c>objective.command</c>) and its position, and <see cref="RejectUnknownKeys"/> makes typos errors.
/// </summary>
internal sealed class ConfigSection(string file, string path, ConfigMap map)
{
    public string File { get; } = file;

    public ConfigMap Map { get; } = map;

    /// <summary>Gets the object's dotted path in the file (<c>objective.llm</c>); empty for the whole file.</summary>
    public string Path { get; } = path;

    public bool Has(string key) => Map.Find(key) is not null;

    public ConfigNode? Node(string key) => Map.Find(key)?.Value;

    /// <summary>Fails on the first key not in <paramref name="known"/>, suggesting the nearest known key.</summary>
    public void RejectUnknownKeys(params string[] known)
    {
        foreach (ConfigEntry entry in Map.Entries)
        {
            if (!known.Contains(entry.Key, StringComparer.Ordinal))
            {
                string where = Path.Length == 0 ? "the experiment" : $"\"{Path}\"";
                string hint = KeySuggestion.Nearest(entry.Key, known) is string near
                    ? $"did you mean \"{near}\"?"
                    : "expected one of: " + string.Join(", ", known);
                throw Error(entry.KeyPosition, $"unknown key \"{entry.Key}\" in {where}; {hint}");
            }
        }
    }

    public ConfigSection? Section(string key)
    {
        ConfigNode? node = Node(key);
        return node switch
        {
            null => null,
            ConfigMap map => new ConfigSection(File, Name(key), map),
            _ => throw WrongType(key, node, "an object"),
        };
    }

    public string? String(string key)
    {
        ConfigNode? node = Node(key);
        return node switch
        {
            null => null,
            ConfigScalar { Value: string s } => s,
            _ => throw WrongType(key, node, "a string"),
        };
    }

    /// <summary>Reads an optional string that must not be blank, with its dotted path and position for messages.</summary>
    public LocatedText? Text(string key) => String(key) switch
    {
        null => null,
        string value when !string.IsNullOrWhiteSpace(value) => new LocatedText(value, Name(key), Node(key)!.Position),
        _ => throw Error(Node(key)!.Position, $"\"{Name(key)}\" is empty"),
    };

    public int? Integer(string key, int minimum)
    {
        ConfigNode? node = Node(key);
        return node switch
        {
            null => null,
            ConfigScalar { Value: int i } when i >= minimum => i,
            _ => throw WrongType(key, node, minimum switch
            {
                int.MinValue => "an integer",
                0 => "an integer, 0 or more",
                _ => $"an integer, at least {minimum}",
            }),
        };
    }

    public double? PositiveNumber(string key, bool allowZero = false)
    {
        ConfigNode? node = Node(key);
        double value = node is ConfigScalar scalar ? scalar.Value switch
        {
            int i => i,
            long l => l,
            double d => d,
            _ => double.NaN,
        } : double.NaN;
        return node switch
        {
            null => null,
            _ when double.IsFinite(value) && (value > 0 || (allowZero && value == 0)) => value,
            _ => throw WrongType(key, node, allowZero ? "a number, 0 or more" : "a positive number"),
        };
    }

    /// <summary>Reads an object of parameter values: each a number, string, boolean or null.</summary>
    public Dictionary<string, object?>? Parameters(string key)
    {
        if (Section(key) is not ConfigSection section)
        {
            return null;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (ConfigEntry entry in section.Map.Entries)
        {
            values[entry.Key] = entry.Value is ConfigScalar scalar
                ? scalar.Value
                : throw section.Error(entry.Value.Position, $"\"{section.Name(entry.Key)}\" must be a number, string, boolean or null, got {entry.Value.Description}");
        }

        return values;
    }

    public string Name(string key) => Path.Length == 0 ? key : Path + "." + key;

    public InputException Error(SourcePosition position, string problem) => new(position.Describe(File, problem));

    /// <summary>The error of a required key that is absent: <c>"objective.llm" needs "model", what it is</c>.</summary>
    public InputException Missing(string key, string what) => Error(Map.Position, $"\"{Path}\" needs \"{key}\", {what}");

    public InputException WrongType(string key, ConfigNode node, string expected)
    {
        string got = node switch
        {
            ConfigScalar { Value: string text } => $"\"{text}\"",
            ConfigScalar { Value: not null } scalar => scalar.Text,
            _ => node.Description,
        };
        return Error(node.Position, $"\"{Name(key)}\" must be {expected}, got {got}");
    }
}
