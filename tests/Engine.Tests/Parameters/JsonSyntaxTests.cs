using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class JsonSyntaxTests
{
    [Fact]
    public void Reads_objects_arrays_strings_numbers_and_literals_with_their_lines()
    {
        var document = JsonSyntax.Parse("""
            {
              "text": "a \"quoted\" \\ path\/with\ttab \u00e9",
              "numbers": [0, -1.5e3, 42],
              "flags": [true, false, null],
              "empty": {}
            }
            """);

        Assert.Equal(JsonKind.Object, document.Kind);
        var members = document.Members!.ToDictionary(m => m.Name, m => m.Value);
        Assert.Equal("a \"quoted\" \\ path/with\ttab é", members["text"].Text);
        Assert.Equal(2, members["text"].Line);
        Assert.Equal(["0", "-1.5e3", "42"], members["numbers"].Items!.Select(i => i.Text));
        Assert.Equal([JsonKind.True, JsonKind.False, JsonKind.Null], members["flags"].Items!.Select(i => i.Kind));
        Assert.Equal(4, members["flags"].Line);
        Assert.Empty(members["empty"].Members!);
    }

    [Fact]
    public void Allows_comments_and_trailing_commas_as_editors_write_them()
    {
        var document = JsonSyntax.Parse("""
            // leading comment
            {
              /* block
                 comment */ "a": [1, 2,],
              "b": "x", // trailing comment
            }
            """);

        Assert.Equal(["a", "b"], document.Members!.Select(m => m.Name));
        Assert.Equal(2, document.Members![0].Value.Items!.Count);
    }

    [Theory]
    [InlineData("", "line 1, column 1: the file ends where a value was expected")]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected ',' but found '\"'")]
    [InlineData("{\n  \"a\": \"open\n}", "line 2, column 13: a string is not closed")]
    [InlineData("{ \"a\": yes }", "line 1, column 8: 'y' cannot start a value")]
    [InlineData("{ \"a\": tru }", "line 1, column 8: 't' cannot start a value (a string needs double quotes)")]
    [InlineData("{ a: 1 }", "line 1, column 3: expected a property name in double quotes")]
    [InlineData("{ \"a\": 1 } x", "line 1, column 12: more text after the end of the value")]
    [InlineData("{ \"a\": [1, 2 }", "line 1, column 14: expected ',' but found '}'")]
    [InlineData("{ \"a\": 1.}", "line 1, column 10: a number needs digits after the decimal point")]
    [InlineData("{ \"a\": \"\\q\" }", "line 1, column 10: '\\q' is not an escape JSON knows")]
    [InlineData("{ \"a\": 1", "line 1, column 9: the file ends where ',' was expected")]
    [InlineData("{ ", "line 1, column 3: the file ends inside an object")]
    [InlineData("/* open", "line 1, column 1: a comment is not closed")]
    public void A_mistake_is_reported_with_its_line_column_and_what_was_wrong(string text, string expected)
    {
        Assert.Equal(expected, Assert.Throws<JsonSyntaxException>(() => JsonSyntax.Parse(text)).Message);
    }
}
