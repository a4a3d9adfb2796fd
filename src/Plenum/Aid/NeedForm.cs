namespace Plenum.Aid;

/// <summary>The fields of the public and dispatcher forms.</summary>
public sealed class NeedForm
{
    public Guid CategoryId { get; set; }
    public Guid AreaId { get; set; }
    public AidUrgency Urgency { get; set; } = AidUrgency.ThisWeek;
    public AidTiming Timing { get; set; }
    public string? Details { get; set; }
    public string? ContactName { get; set; }
    public string? Contact { get; set; }
    public string? Address { get; set; }
    public int? Target { get; set; }
    public string? Unit { get; set; }
    public AidIntake Intake { get; set; } = AidIntake.Phone;

    public AidDraft ToDraft() => new(CategoryId, AreaId, Urgency, Timing, Details, ContactName, Contact, Address, Target, Unit);
}

/// <summary>What the fields partial needs: the form and the group's lists.</summary>
public sealed record NeedFieldsModel(NeedForm Form, IReadOnlyList<AidCategory> Categories, IReadOnlyList<AidArea> Areas, bool ByDispatcher);

/// <summary>One claim's message thread, as the requester or the volunteer sees it.</summary>
public sealed record MessagesModel(ClaimView Claim, bool AsRequester, bool MayWrite);
