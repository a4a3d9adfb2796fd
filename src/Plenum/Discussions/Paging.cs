namespace Plenum.Discussions;

/// <summary>One page of a longer list; a page number past the end shows the last page rather than an empty one.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;

    public static Paging Of(int? requested, int pageSize, int total)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new(Math.Clamp(requested ?? 1, 1, pages), pageSize, total);
    }
}
