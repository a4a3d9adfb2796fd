namespace Plenum.Counting.TimePoll;

public enum Availability
{
    Yes,
    IfNeedBe,
    No,
}
