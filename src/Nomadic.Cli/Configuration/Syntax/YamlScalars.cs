using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// Gives YAML scalars the types of the YAML 1.2 core schema: plain <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>,
/// integers and floats become typed values; quoted scalars and everything else stay strings.
/// </summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static object? Resolve(YamlScalarNode node)
    {
        string text = node.Value ?? "";
        if (node.Style != ScalarStyle.Plain || (!node.Tag.IsEmpty && node.Tag.Value is StringTag or "!!str" or "!"))
        {
            return text;
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (text is "false" or "False" or "FALSE")
        {
            return false;
        }

        return Number(text) ?? text;
    }

    private static object? Number(string text)
    {
        if (Integer().IsMatch(text))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i))
            {
                return i;
            }

            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)
                ? l
                : (object)double.Parse(text, CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            return hex is >= int.MinValue and <= int.MaxValue ? (int)hex : hex;
        }

        if (Float().IsMatch(text))
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return text switch
        {
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ => null,
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
