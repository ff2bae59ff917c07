using System.Text;

namespace Nomadic.Reports.Html;

/// <summary>A small writer for well-formed HTML: every element opened is closed, every text and attribute escaped.</summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new();

    public HtmlBuilder Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach ((string name, string? value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(HtmlText.Escape(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlBuilder Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlBuilder Text(string? text)
    {
        _html.Append(HtmlText.Escape(text));
        return this;
    }

    /// <summary>Appends markup produced elsewhere and already safe (an SVG rendered here, a nested builder's output).</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();
}
