namespace Plenum.Notifications;

/// <summary>How much mail and push a person wants from one group. In-app notices are always kept.</summary>
public enum NotificationVolume
{
    /// <summary>Every notice by e-mail and push.</summary>
    All,
    /// <summary>Decisions opening, closing soon and closed, by e-mail and push.</summary>
    DecisionsOnly,
    /// <summary>At most one e-mail a day listing what happened; no push.</summary>
    DailyDigest,
    /// <summary>No e-mail and no push from this group.</summary>
    None,
}

/// <summary>A person's choice for one group; no row means the default.</summary>
public sealed class NotificationSetting
{
    public const NotificationVolume DefaultVolume = NotificationVolume.DecisionsOnly;

    public Guid UserId { get; set; }
    public Guid GroupId { get; set; }
    public NotificationVolume Volume { get; set; } = DefaultVolume;
    /// <summary>When this group's last digest went out, so it goes at most once a day.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }
}
