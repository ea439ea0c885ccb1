using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Xooo.Build.Deployer;

/// <summary>What <see cref="NixpacksConfig.Apply"/> did: the new text, what it changed, and which non-empty values it replaced.</summary>
public sealed record NixpacksEdit(string Text, IReadOnlyList<string> Changes, IReadOnlyList<string> Replaced)
{
    public bool Changed => Changes.Count > 0;
}

/// <summary>
/// Points a nixpacks.toml at the base image through Tomlyn's syntax tree, so every line it does not need to change
/// stays byte for byte: buildImage, providers with "python", and a setup phase that installs nothing the image has.
/// </summary>
public static class NixpacksConfig
{
    /// <summary>
    /// The setup phase's command. A TOML array replaces the provider's (Nixpacks' fill_auto_in_vec), so one harmless
    /// command replaces whatever setup ran before; `echo` prints in the deployment log why the phase does nothing.
    /// (Nixpacks would also render `cmds = []` as a no-op phase; the echo says so to whoever reads the log.)
    /// </summary>
    public const string NoOpSetupCommand = "echo 'xooo-backend-base: setup done in the image'";

    public const string PythonProvider = "python";

    private static readonly string[] EmptySetupLists = ["nixPkgs", "nixLibs", "aptPkgs"];

    /// <param name="text">The file's content; null when there is no nixpacks.toml yet.</param>
    /// <param name="path">Named in messages (file:line:column).</param>
    public static NixpacksEdit Apply(string? text, string path, string buildImage)
    {
        if (text is null)
            return new NixpacksEdit(NixpacksTemplate.Create(buildImage), [$"created {Path.GetFileName(path)} with buildImage {buildImage}"], []);

        var document = Parse(text, path);
        RefuseSetupOutsideItsTable(document, path);
        var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
        var edit = new Editor(document, newLine);
        edit.SetBuildImage(buildImage);
        edit.KeepPythonProvider();
        edit.EmptySetupPhase();

        var result = document.ToString();
        if (edit.Changes.Count > 0)
            // The edit must leave a file Nixpacks can read; a tree edit that does not is a bug here, not a file to write.
            Parse(result, path + " (as edited)");
        return new NixpacksEdit(edit.Changes.Count > 0 ? result : text, edit.Changes, edit.Replaced);
    }

    private static DocumentSyntax Parse(string text, string path)
    {
        var document = SyntaxParser.Parse(text, path, true);
        var errors = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).ToList();
        if (errors.Count > 0)
            throw new DeployerException(
                $"{path} is not valid TOML; it was left untouched:" + string.Concat(errors.Take(5).Select(e =>
                    $"{Environment.NewLine}  {path}:{e.Span.Start.Line + 1}:{e.Span.Start.Column + 1}: {e.Message}")));
        return document;
    }

    // Dotted keys ("phases.setup.nixPkgs = ..."), an inline table or an array of tables would make a new
    // [phases.setup] table a duplicate; such a file is for a person to tidy, not for this build to guess.
    private static void RefuseSetupOutsideItsTable(DocumentSyntax document, string path)
    {
        var found = new List<(string[] Path, SyntaxNode Node)>();
        found.AddRange(document.KeyValues.Select(kv => (TomlSyntax.KeyPath(kv.Key), (SyntaxNode)kv)));
        foreach (var table in document.Tables)
        {
            var tablePath = TomlSyntax.KeyPath(table.Name);
            if (table is TableArraySyntax || tablePath is ["phases", "setup", _, ..])
                found.Add((tablePath, table));
            else if (tablePath is not ["phases", "setup"])
                found.AddRange(table.Items.Select(kv => ((string[])[.. tablePath, .. TomlSyntax.KeyPath(kv.Key)], (SyntaxNode)kv)));
        }
        if (found.FirstOrDefault(f => f.Path is ["phases"] or ["phases", "setup", ..]) is { Node: not null } misplaced)
            throw new DeployerException(
                $"{path}:{TomlSyntax.Line(misplaced.Node)}: phases.setup is set through '{TomlSyntax.Dotted(misplaced.Path)}'; " +
                "this build edits a [phases.setup] table. Move those settings into one; the file was left untouched.");
    }

    private sealed class Editor(DocumentSyntax document, string newLine)
    {
        public List<string> Changes { get; } = [];
        public List<string> Replaced { get; } = [];

        public void SetBuildImage(string buildImage)
        {
            var entry = TomlSyntax.Find(document.KeyValues, "buildImage");
            if (entry is null)
            {
                AppendTopLevel(TomlSyntax.NewEntry("buildImage", new StringValueSyntax(buildImage), newLine));
                Changes.Add($"added buildImage = \"{buildImage}\"");
            }
            else if (entry.Value is not StringValueSyntax { Value: var current } || current != buildImage)
            {
                Changes.Add($"buildImage {TomlSyntax.Describe(entry.Value)} -> \"{buildImage}\" (line {TomlSyntax.Line(entry)})");
                TomlSyntax.ReplaceValue(entry, new StringValueSyntax(buildImage));
            }
        }

        public void KeepPythonProvider()
        {
            var entry = TomlSyntax.Find(document.KeyValues, "providers");
            if (entry is null)
            {
                AppendTopLevel(TomlSyntax.NewEntry("providers", new ArraySyntax([PythonProvider]), newLine));
                Changes.Add($"added providers = [\"{PythonProvider}\"]: without a provider Nixpacks detects nothing");
            }
            else if (TomlSyntax.StringArray(entry.Value) is not { } providers)
            {
                Replace(entry, "providers", new ArraySyntax([PythonProvider]));
            }
            else if (!providers.Contains(PythonProvider))
            {
                AppendItem((ArraySyntax)entry.Value!, PythonProvider);
                Changes.Add($"added \"{PythonProvider}\" to providers (line {TomlSyntax.Line(entry)})");
            }
        }

        public void EmptySetupPhase()
        {
            var table = document.Tables.OfType<TableSyntax>().FirstOrDefault(t => TomlSyntax.KeyPath(t.Name) is ["phases", "setup"]);
            if (table is null)
            {
                table = NewSetupTable();
                Changes.Add("added [phases.setup]");
            }
            foreach (var name in EmptySetupLists)
                Set(table, name, []);
            Set(table, "cmds", [NoOpSetupCommand]);
        }

        private void Set(TableSyntax table, string name, string[] wanted)
        {
            var entry = TomlSyntax.Find(table.Items, name);
            if (entry is null)
            {
                var anchor = TomlSyntax.Last(table.Items) is { } last ? last.EndOfLineToken : table.EndOfLineToken;
                TomlSyntax.Append(table.Items, TomlSyntax.NewEntry(name, new ArraySyntax(wanted), newLine), anchor, newLine);
                Changes.Add($"added phases.setup.{name} = {TomlSyntax.Describe(new ArraySyntax(wanted))}");
            }
            else if (TomlSyntax.StringArray(entry.Value) is not { } current || !current.SequenceEqual(wanted))
                Replace(entry, $"phases.setup.{name}", new ArraySyntax(wanted));
        }

        private void Replace(KeyValueSyntax entry, string name, ValueSyntax replacement)
        {
            var before = TomlSyntax.Describe(entry.Value);
            var line = TomlSyntax.Line(entry);
            TomlSyntax.ReplaceValue(entry, replacement);
            var after = TomlSyntax.Describe(replacement);
            Changes.Add($"{name} {before} -> {after} (line {line})");
            if (before != "[]")
                Replaced.Add($"{name} was {before} (line {line}); now {after}: the base image provides it");
        }

        private void AppendTopLevel(KeyValueSyntax entry)
        {
            var items = document.KeyValues;
            if (TomlSyntax.Last(items) is { } last)
            {
                TomlSyntax.Append(items, entry, last.EndOfLineToken, newLine);
                return;
            }
            if (document.Tables.ChildrenCount > 0)
                TakeHeaderFromFirstTable(entry, document.Tables.GetChild(0)!);
            else if (document.TrailingTrivia is { Count: > 0 } comments)
            {
                // A file of comments only: they stay at the top, the entry comes after them.
                document.TrailingTrivia = null;
                if (comments[^1].Kind != TokenKind.NewLine)
                    comments.Add(TomlSyntax.NewLine(newLine));
                entry.LeadingTrivia = comments;
            }
            items.Add(entry);
        }

        // Comments before the first table: those up to the last blank line head the file and stay above the new
        // entry; the ones right above the table describe it and stay with it.
        private void TakeHeaderFromFirstTable(KeyValueSyntax entry, TableSyntaxBase table)
        {
            var trivia = table.LeadingTrivia ?? [];
            var (lastBlank, lineHasText) = (-1, false);
            for (var i = 0; i < trivia.Count; i++)
            {
                if (trivia[i].Kind == TokenKind.NewLine)
                    (lastBlank, lineHasText) = (lineHasText ? lastBlank : i, false);
                else if (trivia[i].Kind != TokenKind.Whitespaces)
                    lineHasText = true;
            }
            entry.LeadingTrivia = lastBlank >= 0 ? trivia[..(lastBlank + 1)] : null;
            table.LeadingTrivia = trivia[(lastBlank + 1)..];
            entry.EndOfLineToken!.TrailingTrivia = [TomlSyntax.NewLine(newLine)];
        }

        private TableSyntax NewSetupTable()
        {
            var table = new TableSyntax(new KeySyntax("phases", "setup"));
            table.EndOfLineToken = new SyntaxToken(TokenKind.NewLine, newLine);
            var before = document.ToString();
            var separator = before.Length == 0 ? "" : before.EndsWith(newLine + newLine) ? "" : before.EndsWith(newLine) ? newLine : newLine + newLine;
            if (separator.Length > 0)
                table.LeadingTrivia = [.. Enumerable.Repeat(TomlSyntax.NewLine(newLine), separator.Length / newLine.Length)];
            document.Tables.Add(table);
            return table;
        }

        private void AppendItem(ArraySyntax array, string value)
        {
            var items = array.Items;
            var item = new ArrayItemSyntax { Value = new StringValueSyntax(value) };
            if (TomlSyntax.Last(items) is { } last)
            {
                var indent = TomlSyntax.IndentAfterLastNewLine(array.OpenBracket?.TrailingTrivia);
                if (last.Comma is not null)
                {
                    // A trailing comma: the new item copies the last one's layout.
                    item.Comma = TomlSyntax.Comma(TomlSyntax.Copy(last.Comma.TrailingTrivia));
                    if (TomlSyntax.HasNewLine(last.Comma.TrailingTrivia))
                        item.Value!.LeadingTrivia = TomlSyntax.Copy(indent);
                }
                else
                {
                    var lastToken = TomlSyntax.Tokens(last.Value!).Last();
                    var multiLine = TomlSyntax.HasNewLine(lastToken.TrailingTrivia);
                    if (multiLine)
                    {
                        // The line break before "]" now follows the new item.
                        TomlSyntax.Tokens(item.Value!).Last().TrailingTrivia = lastToken.TrailingTrivia;
                        lastToken.TrailingTrivia = null;
                    }
                    last.Comma = TomlSyntax.Comma(multiLine ? [TomlSyntax.NewLine(newLine), .. TomlSyntax.Copy(indent)!] : [new SyntaxTrivia(TokenKind.Whitespaces, " ")]);
                }
            }
            items.Add(item);
        }
    }
}
