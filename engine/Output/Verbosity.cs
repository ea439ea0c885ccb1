namespace Xooo.Engine;

public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
