using System.Reflection;

namespace Xooo.Engine;

/// <summary>
/// Finds the build's targets (properties of type <see cref="Target"/> on the class and on the component
/// interfaces it implements), runs each delegate once to get its definition, and resolves the edges.
/// </summary>
internal static class TargetCollector
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<ExecutableTarget> Collect(object build)
    {
        var targets = new List<ExecutableTarget>();
        foreach (var property in TargetProperties(build.GetType()))
        {
            var factory = (Target?)property.GetValue(build)
                ?? throw new UsageException($"Target {property.DeclaringType?.Name}.{property.Name} returned null.");
            if (targets.FirstOrDefault(t => t.Identity == factory.Method) is not null)
                continue;
            if (targets.FirstOrDefault(t => t.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase)) is { } clash)
                throw new UsageException(
                    $"Two targets are named {property.Name}: {clash.Owner.Name}.{clash.Name} and {property.DeclaringType?.Name}.{property.Name}.");
            var definition = new TargetDefinition();
            try
            {
                factory(definition);
            }
            catch (Exception exception) when (exception is not UsageException)
            {
                throw new UsageException($"The definition of target {property.Name} is broken: {exception.Message}");
            }
            targets.Add(new ExecutableTarget(property.Name, property.DeclaringType!, factory.Method, definition, targets.Count));
        }
        ResolveEdges(build, targets);
        return targets;
    }

    private static IEnumerable<PropertyInfo> TargetProperties(Type type)
    {
        var seen = new HashSet<MethodInfo>();
        // The class first (including what it implements of its interfaces), then interface defaults.
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            foreach (var property in current.GetProperties(Instance | BindingFlags.DeclaredOnly))
                if (property.PropertyType == typeof(Target) && property.GetMethod is { } getter && seen.Add(getter.GetBaseDefinition()))
                    yield return property;

        foreach (var @interface in type.GetInterfaces())
        {
            var map = type.GetInterfaceMap(@interface);
            foreach (var property in @interface.GetProperties(Instance))
            {
                if (property.PropertyType != typeof(Target) || property.GetMethod is not { } getter)
                    continue;
                var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, getter)];
                if (implementation.DeclaringType != @interface && seen.Contains(implementation.GetBaseDefinition()))
                    continue;
                if (seen.Add(implementation))
                    yield return property;
            }
        }
    }

    private static void ResolveEdges(object build, List<ExecutableTarget> targets)
    {
        ExecutableTarget Find(TargetReference reference, ExecutableTarget from)
        {
            var method = reference.Resolve(build).Method;
            return targets.FirstOrDefault(t => t.Identity == method)
                ?? throw new UsageException($"Target {from.Name} refers to a target that is not part of the build.");
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var reference in definition.Dependencies)
                target.ExecutionDependencies.Add(Find(reference, target));
            foreach (var reference in definition.Dependents)
                Find(reference, target).ExecutionDependencies.Add(target);
            foreach (var reference in definition.RunsAfter)
                target.OrderDependencies.Add(Find(reference, target));
            foreach (var reference in definition.RunsBefore)
                Find(reference, target).OrderDependencies.Add(target);
            foreach (var reference in definition.TriggersTargets)
                target.Triggers.Add(Find(reference, target));
            foreach (var reference in definition.TriggeredByTargets)
                Find(reference, target).Triggers.Add(target);
        }
    }
}
