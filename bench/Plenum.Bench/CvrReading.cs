using BenchmarkDotNet.Attributes;
using Plenum.Counting.Parsers;

namespace Plenum.Bench;

/// <summary>
/// Reading one ES&amp;S workbook (Minneapolis 2013 mayor, 80,101 rows) into grouped ballots, the part of
/// `plenum tally` that dominates end to end. Baseline: the same file read as raw bytes.
/// </summary>
[MemoryDiagnoser]
public class CvrReading
{
    RctabConfig _config = null!;
    string _file = null!;

    [GlobalSetup]
    public void Load()
    {
        _config = RctabConfig.Load(SharedData.PathOf("rctab", "2013_minneapolis_mayor", "2013_minneapolis_mayor_config.json"));
        _file = SharedData.PathOf("rctab", "2013_minneapolis_mayor", "2013_minneapolis_mayor_cvr.xlsx");
    }

    [Benchmark(Baseline = true)]
    public long RawBytes() => File.ReadAllBytes(_file).LongLength;

    [Benchmark]
    public object EssWorkbook() => _config.ReadElection();
}
