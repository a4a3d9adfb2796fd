using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Mail;

namespace Plenum.Alerts;

/// <summary>
/// A member's part in the network: duties (set by coordinators), skills, the order alerts try their channels,
/// the gateway address, a warning when no chosen channel can reach them, and their on-call shifts.
/// </summary>
public sealed class MeModel(PlenumDb db, UserManager<User> users, AlertNetworks networks, AlertRoster roster, Mailer mailer, TimeProvider clock)
    : AlertPageModel(db, users, networks)
{
    public const int MaxQuickHours = 24;

    public IReadOnlyList<string> Skills { get; private set; } = [];
    public IReadOnlyList<AlertChannel> Order { get; private set; } = [];
    public string? GatewayAddress { get; private set; }
    public IReadOnlyList<AlertZone> Zones { get; private set; } = [];
    public IReadOnlyList<Shift> Shifts { get; private set; } = [];
    public bool HasPush { get; private set; }
    public bool HasEmail { get; private set; }
    public bool MailWorks => mailer.IsConfigured;
    public bool NetworkHasGateway => Network!.WebhookUrl is { Length: > 0 };
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Whether alerts can reach the person on a channel when no page of theirs is open.</summary>
    public bool Works(AlertChannel channel) => channel switch
    {
        AlertChannel.Push => HasPush,
        AlertChannel.Email => HasEmail && MailWorks,
        AlertChannel.Webhook => NetworkHasGateway && GatewayAddress is { Length: > 0 },
        _ => false,
    };

    public bool NoWorkingChannel => !Order.Any(Works);

    public string ZoneName(Guid id) => Zones.FirstOrDefault(z => z.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync() => await LoadAlertsAsync() ?? await ShowAsync();

    public Task<IActionResult> OnPostProfileAsync(string[]? skills, string[]? channels, string? gatewayAddress) =>
        ActAsync(async () =>
        {
            var order = (channels ?? []).Select(c => Enum.TryParse<AlertChannel>(c, out var channel) ? channel : (AlertChannel?)null).OfType<AlertChannel>();
            // Without a network gateway the field is not shown: keep what was there.
            var gateway = NetworkHasGateway ? gatewayAddress : (await Networks.ResponderAsync(Group.Id, Me!.Id))?.GatewayAddress;
            await roster.UpdateProfileAsync(Network!, Me!.Id, skills ?? [], order, gateway);
        }, ShowAsync, MePath, "Your skills and channels are saved.");

    public Task<IActionResult> OnPostShiftAsync(Guid zone, string? role, DateTime? start, DateTime? end, int repeatWeeks) =>
        ActAsync(async () =>
        {
            if (start is null || end is null) throw new AlertRuleException("Give the shift's start and end.");
            await roster.AddShiftAsync(Group.Id, Me!.Id, zone, role, Utc(start.Value), Utc(end.Value), repeatWeeks);
        }, ShowAsync, MePath, repeatWeeks > 0 ? $"Your shift is added, and the same time in each of the next {repeatWeeks} weeks." : "Your shift is added.");

    public Task<IActionResult> OnPostOnCallAsync(Guid zone, int hours) =>
        ActAsync(async () =>
        {
            if (hours is < 1 or > MaxQuickHours) throw new AlertRuleException($"Choose from 1 to {MaxQuickHours} hours.");
            var now = clock.GetUtcNow();
            await roster.AddShiftAsync(Group.Id, Me!.Id, zone, null, now, now.AddHours(hours));
        }, ShowAsync, MePath, $"You are on call now for {hours} hours.");

    public Task<IActionResult> OnPostRemoveShiftAsync(Guid shift) =>
        ActAsync(() => roster.RemoveShiftAsync(Group.Id, shift, Me!.Id, asDispatcher: false), ShowAsync, MePath, "The shift is removed.");

    string MePath => $"/groups/{Slug}/alerts/me";

    /// <summary>The form's times are UTC, as labelled.</summary>
    static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    async Task<IActionResult> ShowAsync()
    {
        var me = Me!.Id;
        var profile = await Networks.ResponderAsync(Group.Id, me);
        Skills = profile?.SkillList ?? [];
        Order = profile?.ChannelOrder is { Count: > 0 } chosen ? chosen : AlertAddressBook.DefaultOrder;
        GatewayAddress = profile?.GatewayAddress;
        Zones = await Networks.ZonesAsync(Group.Id);
        var now = clock.GetUtcNow();
        Shifts = (await Db.Shifts.AsNoTracking().Where(s => s.GroupId == Group.Id && s.UserId == me).ToListAsync())
            .Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).ToList();
        HasPush = await Db.PushSubscriptions.AnyAsync(s => s.UserId == me);
        HasEmail = Me.EmailConfirmed && Me.Email is { Length: > 0 } && Me.DeletedAt is null;
        return Page();
    }

    public static string Label(AlertDuty duty) => duty switch
    {
        AlertDuty.Responder => "responder",
        AlertDuty.Verifier => "verifier",
        AlertDuty.Dispatcher => "dispatcher",
        _ => "legal support",
    };

    public static string Ordinal(int index) => index switch { 0 => "1st", 1 => "2nd", 2 => "3rd", _ => $"{index + 1}th" };
}
