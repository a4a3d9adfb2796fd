namespace Plenum.Aid;

/// <summary>A kind of help a group handles. Sensitive ones (childcare, housing, medical) are shown only to vetted volunteers.</summary>
public sealed class AidCategory
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public required string Name { get; set; }
    public bool Sensitive { get; set; }
    public bool Retired { get; set; }
}

/// <summary>A neighbourhood or grid cell the group names; needs and offers are placed in one, never at an address.</summary>
public sealed class AidArea
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public required string Name { get; set; }
    public bool Retired { get; set; }
}

/// <summary>A group's mutual aid settings; the group takes requests once a coordinator turns aid on.</summary>
public sealed class AidSettings
{
    public Guid GroupId { get; set; }
    /// <summary>Whether anyone (without an account) may post a need through the public form.</summary>
    public bool PublicIntake { get; set; } = true;
    /// <summary>Vouches (from joining by request) that vet a volunteer for sensitive categories; 0 means orientation only.</summary>
    public int VouchesToVet { get; set; } = 2;
    /// <summary>Days after a need is met or closed until its details, contact, address and messages are deleted.</summary>
    public int PurgeAfterDays { get; set; } = 14;
    /// <summary>Days without a claim after which an open need counts as stuck and is escalated to dispatchers.</summary>
    public int StaleAfterDays { get; set; } = 3;
}
