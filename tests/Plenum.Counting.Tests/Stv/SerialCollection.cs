namespace Plenum.Counting.Tests.Stv;

/// <summary>Timing tests run alone, so parallel tests do not distort what they measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial timing";
}
