using Plenum.Counting;

namespace Plenum.Counting.Tests;

public class CountingExceptionTests
{
    [Fact]
    public void Describe_names_file_and_line()
    {
        var error = new CountingException("expected a ballot weight", "ballots.blt", 7);
        Assert.Equal("ballots.blt:7: expected a ballot weight", error.Describe());
    }
}
