using System.Text;

namespace Xooo.Engine;

/// <summary>
/// A minimal indented JSON writer. The schema is rendered on every run to compare it with the file, and
/// System.Text.Json's writer costs tens of milliseconds to load and warm up at start; this costs next to none.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _hasItems = new();

    public JsonText StartObject(string? name = null) => Open(name, '{');
    public JsonText EndObject() => Close('}');
    public JsonText StartArray(string? name = null) => Open(name, '[');
    public JsonText EndArray() => Close(']');

    public JsonText String(string? name, string value)
    {
        Item(name);
        Quote(value);
        return this;
    }

    public JsonText Boolean(string name, bool value)
    {
        Item(name);
        _text.Append(value ? "true" : "false");
        return this;
    }

    public override string ToString() => _text.ToString() + "\n";

    private JsonText Open(string? name, char bracket)
    {
        Item(name);
        _text.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private JsonText Close(char bracket)
    {
        if (_hasItems.Pop())
            NewLine();
        _text.Append(bracket);
        return this;
    }

    private void Item(string? name)
    {
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Pop())
                _text.Append(',');
            _hasItems.Push(true);
            NewLine();
        }
        if (name is null)
            return;
        Quote(name);
        _text.Append(": ");
    }

    private void NewLine() => _text.Append('\n').Append(' ', _hasItems.Count * 2);

    private void Quote(string value)
    {
        _text.Append('"');
        foreach (var c in value)
            _ = c switch
            {
                '"' => _text.Append("\\\""),
                '\\' => _text.Append("\\\\"),
                '\n' => _text.Append("\\n"),
                '\r' => _text.Append("\\r"),
                '\t' => _text.Append("\\t"),
                < ' ' => _text.Append($"\\u{(int)c:x4}"),
                _ => _text.Append(c),
            };
        _text.Append('"');
    }
}
