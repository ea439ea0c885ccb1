namespace Xooo.Engine;

internal enum JsonKind { Object, Array, String, Number, True, False, Null }

/// <summary>A parsed JSON value: scalars keep their text (a number as written), with the line it starts on.</summary>
internal sealed record JsonNode(JsonKind Kind, int Line, string Text = "", IReadOnlyList<JsonNode>? Items = null, IReadOnlyList<JsonMember>? Members = null);

internal sealed record JsonMember(string Name, JsonNode Value);

internal sealed class JsonSyntaxException(int line, int column, string reason) : Exception($"line {line}, column {column}: {reason}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads the parameters files: JSON with the comments and trailing commas editors allow. Hand-written because
/// it runs on every build and System.Text.Json costs tens of milliseconds to load at start, against a 50 ms
/// budget for the whole engine; and it reports the line and column of a mistake in words.
/// </summary>
internal sealed class JsonSyntax
{
    private readonly string _text;
    private int _at;

    private JsonSyntax(string text) => _text = text;

    private char Next => _at < _text.Length ? _text[_at] : '\0';
    private bool AtEnd => _at >= _text.Length;

    public static JsonNode Parse(string text)
    {
        var reader = new JsonSyntax(text);
        var value = reader.Value();
        reader.SkipTrivia();
        return reader.AtEnd ? value : throw reader.Fail("more text after the end of the value");
    }

    private JsonNode Value()
    {
        SkipTrivia();
        var line = LineAt(_at);
        switch (Next)
        {
            case '{': return Object(line);
            case '[': return Array(line);
            case '"': return new JsonNode(JsonKind.String, line, String());
            case 't': return Literal("true", JsonKind.True, line);
            case 'f': return Literal("false", JsonKind.False, line);
            case 'n': return Literal("null", JsonKind.Null, line);
            case '-' or (>= '0' and <= '9'): return new JsonNode(JsonKind.Number, line, Number());
            default: throw Fail(AtEnd ? "the file ends where a value was expected" : $"'{Next}' cannot start a value");
        }
    }

    private JsonNode Object(int line)
    {
        _at++;
        var members = new List<JsonMember>();
        while (!Closes('}', members.Count))
        {
            if (Next != '"')
                throw Fail(AtEnd ? "the file ends inside an object" : "expected a property name in double quotes");
            var name = String();
            SkipTrivia();
            Expect(':');
            members.Add(new JsonMember(name, Value()));
        }
        return new JsonNode(JsonKind.Object, line, Members: members);
    }

    private JsonNode Array(int line)
    {
        _at++;
        var items = new List<JsonNode>();
        while (!Closes(']', items.Count))
            items.Add(Value());
        return new JsonNode(JsonKind.Array, line, Items: items);
    }

    /// <summary>Before the next member or item: true at the closing bracket (a trailing comma allowed), else past the comma.</summary>
    private bool Closes(char bracket, int count)
    {
        SkipTrivia();
        if (count > 0 && Next != bracket)
        {
            Expect(',');
            SkipTrivia();
        }
        if (Next != bracket)
            return false;
        _at++;
        return true;
    }

    private string String()
    {
        var text = new System.Text.StringBuilder();
        for (_at++; ; _at++)
        {
            var c = Next;
            if (AtEnd || c == '\n')
                throw Fail("a string is not closed");
            if (c == '"')
            {
                _at++;
                return text.ToString();
            }
            if (c < ' ')
                throw Fail("a control character inside a string (write it as an escape such as \\t)");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            _at++;
            if (Next == 'u')
            {
                if (_at + 4 >= _text.Length || !ushort.TryParse(_text.AsSpan(_at + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    throw Fail("'\\u' needs four hexadecimal digits");
                text.Append((char)code);
                _at += 4;
                continue;
            }
            text.Append(Next switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => throw Fail($"'\\{Next}' is not an escape JSON knows"),
            });
        }
    }

    private string Number()
    {
        var start = _at;
        if (Next == '-')
            _at++;
        if (!Digits())
            throw Fail("a number needs digits");
        if (Next == '.')
        {
            _at++;
            if (!Digits())
                throw Fail("a number needs digits after the decimal point");
        }
        if (Next is 'e' or 'E')
        {
            _at++;
            if (Next is '+' or '-')
                _at++;
            if (!Digits())
                throw Fail("a number needs digits in its exponent");
        }
        return _text[start.._at];
    }

    private bool Digits()
    {
        var start = _at;
        while (Next is >= '0' and <= '9')
            _at++;
        return _at > start;
    }

    private JsonNode Literal(string word, JsonKind kind, int line)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
            throw Fail($"'{Next}' cannot start a value (a string needs double quotes)");
        _at += word.Length;
        return new JsonNode(kind, line, word);
    }

    private void Expect(char c)
    {
        if (Next != c)
            throw Fail(AtEnd ? $"the file ends where '{c}' was expected" : $"expected '{c}' but found '{Next}'");
        _at++;
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Next))
                _at++;
            else if (_text.AsSpan(_at).StartsWith("//"))
                _at = _text.IndexOf('\n', _at) is var end and >= 0 ? end : _text.Length;
            else if (_text.AsSpan(_at).StartsWith("/*"))
                _at = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : throw Fail("a comment is not closed");
            else
                return;
        }
    }

    private int LineAt(int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < _text.Length; i++)
            if (_text[i] == '\n')
                line++;
        return line;
    }

    private JsonSyntaxException Fail(string reason)
    {
        var position = Math.Min(_at, _text.Length);
        var lineStart = position == 0 ? 0 : _text.LastIndexOf('\n', position - 1) + 1;
        return new JsonSyntaxException(LineAt(position), position - lineStart + 1, reason);
    }
}
