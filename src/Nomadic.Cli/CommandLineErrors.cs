using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Nomadic.Cli;

/// <summary>
/// Turns what the command line parser refuses into one line: an option or argument given a value of the wrong type
/// (<c>--top abc</c>), outside what its command accepts (<c>--port 70000</c>) or not among its fixed values
/// (<c>--format xml</c>) names the option and the problem.
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>
    /// Makes every validator in the tree under <paramref name="root"/> skip a value that does not convert: the parser
    /// reports that value itself, while a validator reading it would throw out of <see cref="Command.Parse(string, ParserConfiguration?)"/>.
    /// </summary>
    /// <param name="root">The command whose options, arguments and subcommands are guarded, once, before parsing.</param>
    public static void Guard(Command root)
    {
        foreach (Option option in root.Options)
        {
            Action<OptionResult>[] validators = [.. option.Validators];
            option.Validators.Clear();
            option.Validators.AddRange(validators.Select(v => (Action<OptionResult>)(r => RunIfConverts(r, v))));
        }

        foreach (Argument argument in root.Arguments)
        {
            Action<ArgumentResult>[] validators = [.. argument.Validators];
            argument.Validators.Clear();
            argument.Validators.AddRange(validators.Select(v => (Action<ArgumentResult>)(r => RunIfConverts(r, v))));
        }

        foreach (Command command in root.Subcommands)
        {
            Guard(command);
        }
    }

    /// <summary>Describes the first thing the parser refused, in one line without the <c>error:</c> prefix.</summary>
    /// <param name="parse">A parse that failed.</param>
    /// <returns>Such as <c>--top: 'abc' is not a whole number</c>.</returns>
    public static string Describe(ParseResult parse)
    {
        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"unrecognized command or argument '{parse.UnmatchedTokens[0]}'";
        }

        ParseError error = parse.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { Tokens.Count: > 0 } option when IsTyped(option.Option.ValueType) && !Converts(option) =>
                Unparsable(option.Option.Name, option.Option.ValueType, option.Tokens),
            ArgumentResult { Tokens.Count: > 0, Parent: OptionResult option } argument when IsTyped(argument.Argument.ValueType) && !Converts(argument) =>
                Unparsable(option.Option.Name, argument.Argument.ValueType, argument.Tokens),
            ArgumentResult { Tokens.Count: > 0 } argument when IsTyped(argument.Argument.ValueType) && !Converts(argument) =>
                Unparsable($"<{argument.Argument.Name}>", argument.Argument.ValueType, argument.Tokens),
            ArgumentResult { Tokens.Count: 0, Parent: CommandResult command } argument when argument.Argument.Arity.MinimumNumberOfValues > 0 =>
                $"nomadic {Path(command)} needs <{argument.Argument.Name}>",
            ArgumentResult { Tokens.Count: > 0, Parent: OptionResult option } argument when NotAmong(option.Option, argument.Tokens) is { } line => line,
            OptionResult { Tokens.Count: > 0 } option when NotAmong(option.Option, option.Tokens) is { } line => line,
            _ => OneLine(error.Message),
        };
    }

    // An option limited to a fixed set of values (AcceptOnlyFromAmong) offers exactly that set as its completions.
    private static string? NotAmong(Option option, IReadOnlyList<Token> tokens)
    {
        string[] accepted = [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];
        string given = tokens[^1].Value;
        return accepted.Length == 0 || accepted.Contains(given, StringComparer.Ordinal)
            ? null
            : $"{option.Name}: '{given}' is not one of {string.Join(", ", accepted)}";
    }

    private static void RunIfConverts<T>(T result, Action<T> validator)
        where T : SymbolResult
    {
        if (Converts(result))
        {
            validator(result);
        }
    }

    // Text always converts; a text option fails only on its own rules (such as a list of accepted values), which say so.
    private static bool IsTyped(Type type) => type != typeof(string) && type != typeof(string[]);

    // The parser offers no public "did it convert"; reading the value is how it tells, by throwing.
    private static bool Converts(SymbolResult result)
    {
        try
        {
            _ = result switch
            {
                OptionResult option => option.GetValueOrDefault<object?>(),
                ArgumentResult argument => argument.GetValueOrDefault<object?>(),
                _ => null,
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The command's words after "nomadic", such as "workspace key create".
    private static string Path(CommandResult command) =>
        command.Parent is CommandResult parent && parent.Parent is not null ? $"{Path(parent)} {command.Command.Name}" : command.Command.Name;

    private static string Unparsable(string name, Type type, IReadOnlyList<Token> tokens) =>
        $"{name}: '{tokens[^1].Value}' is not {Expected(Nullable.GetUnderlyingType(type) ?? type)}";

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => $"a whole number up to {Bound(type)}",
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
        TypeCode.Boolean => "true or false",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a valid " + type.Name,
    };

    private static string Bound(Type type) =>
        System.Convert.ToString(type.GetField("MaxValue")!.GetValue(null), System.Globalization.CultureInfo.InvariantCulture)!;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
