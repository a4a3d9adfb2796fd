using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>What a member does in a network's rapid response; one person may hold several duties.</summary>
[Flags]
public enum AlertDuty { None = 0, Responder = 1, Verifier = 2, Dispatcher = 4, Legal = 8 }

/// <summary>How a message may reach a person, tried in the order they chose.</summary>
public enum AlertChannel { Live, Push, Email, Webhook }

/// <summary>A member's part in a network: duties, skills, and how alerts reach them.</summary>
public sealed class Responder
{
    public Guid GroupId { get; set; }
    public Guid UserId { get; set; }
    public AlertDuty Duties { get; set; } = AlertDuty.Responder;
    /// <summary>Comma-separated, from the network's list.</summary>
    public string Skills { get; set; } = "";
    /// <summary>Comma-separated <see cref="AlertChannel"/> names in the order to try them.</summary>
    public string Channels { get; set; } = "Live,Push,Email";
    /// <summary>Where the network's gateway reaches this person (a phone number or Signal name): only the gateway gets it.</summary>
    [Sensitive] public string? GatewayAddress { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public bool Has(AlertDuty duty) => (Duties & duty) == duty;
    public IReadOnlyList<string> SkillList => AlertText.SplitList(Skills);
    public IReadOnlyList<AlertChannel> ChannelOrder => AlertText.SplitList(Channels)
        .Select(c => Enum.TryParse<AlertChannel>(c, out var channel) ? channel : (AlertChannel?)null)
        .OfType<AlertChannel>().Distinct().ToList();
}
