namespace Xooo.Engine;

/// <summary>
/// A target, as in Nuke: a property of this type, named after itself, that configures its definition.
/// Every read of the property makes a new delegate, so targets are identified by member, never by reference.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
