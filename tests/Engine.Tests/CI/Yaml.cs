using YamlDotNet.RepresentationModel;

namespace Xooo.Engine.Tests.CI;

/// <summary>Reads generated YAML back with a real parser, so the tests check what GitHub would read, not our text.</summary>
internal static class Yaml
{
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
                ? child
                : throw new KeyNotFoundException($"No '{key}' in {node}");
        return node;
    }

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    public static string? Text(this YamlNode node) => ((YamlScalarNode)node).Value;

    public static List<string?> Texts(this YamlNode node) => ((YamlSequenceNode)node).Children.Select(Text).ToList();
}
