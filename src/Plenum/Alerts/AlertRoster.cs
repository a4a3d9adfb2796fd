using Microsoft.EntityFrameworkCore;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>Setting up a network and its people: zones, duties, each person's skills and channels, and the on-call rota.</summary>
public sealed class AlertRoster(PlenumDb db, TimeProvider clock)
{
    public const int MaxZones = 50, MaxShiftHours = 24 * 7, MaxRepeatWeeks = 26;

    public async Task<AlertNetwork> StartAsync(Guid groupId, IEnumerable<string> zones)
    {
        if (await db.AlertNetworks.AnyAsync(n => n.GroupId == groupId)) throw new AlertRuleException("This group already runs an alert network.");
        var names = zones.Select(z => z.Trim()).Where(z => z.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0) throw new AlertRuleException("Name at least one zone the network covers (a district, a campus).");
        var network = new AlertNetwork { GroupId = groupId, CreatedAt = clock.GetUtcNow() };
        db.AlertNetworks.Add(network);
        foreach (var name in names) AddZone(groupId, name);
        await db.SaveChangesAsync();
        return network;
    }

    public async Task AddZoneAsync(Guid groupId, string name)
    {
        name = name.Trim();
        if (await db.AlertZones.CountAsync(z => z.GroupId == groupId) >= MaxZones) throw new AlertRuleException($"A network has at most {MaxZones} zones.");
        if (await db.AlertZones.AnyAsync(z => z.GroupId == groupId && z.Name == name)) throw new AlertRuleException("There is a zone of that name already.");
        AddZone(groupId, name);
        await db.SaveChangesAsync();
    }

    void AddZone(Guid groupId, string name)
    {
        if (name.Length is 0 or > 60) throw new AlertRuleException("A zone's name is 1 to 60 characters: a district or an area, never an address.");
        db.AlertZones.Add(new AlertZone { Id = Guid.NewGuid(), GroupId = groupId, Name = name });
    }

    /// <summary>The network's rules as the coordinators set them, each within bounds that keep the network working.</summary>
    public async Task UpdateRulesAsync(AlertNetwork network, int verificationsNeeded, bool publicReports, int reporterContactHours, int incidentRetentionDays,
        int checkInMinutes, int fallbackSeconds, int widenAfterSeconds, string? skills)
    {
        if (verificationsNeeded is < 1 or > 10) throw new AlertRuleException("Verifications needed before responders are alerted: 1 to 10.");
        if (reporterContactHours is < 1 or > 720) throw new AlertRuleException("A reporter's reply contact is kept 1 to 720 hours.");
        if (incidentRetentionDays is < 1 or > 3650) throw new AlertRuleException("A closed incident is kept 1 to 3650 days.");
        if (checkInMinutes is < 5 or > 720) throw new AlertRuleException("The check-in timer runs 5 to 720 minutes.");
        if (fallbackSeconds is < 10 or > 3600) throw new AlertRuleException("The next channel is tried after 10 to 3600 seconds.");
        if (widenAfterSeconds is < 30 or > 3600) throw new AlertRuleException("A roll-call widens after 30 to 3600 seconds.");
        var skillList = AlertText.SplitList((skills ?? "").Replace('\n', ','));
        if (skillList.Count is 0 or > 30 || skillList.Any(s => s.Length > 40 || s.Contains(':')))
            throw new AlertRuleException("Name 1 to 30 skills, each at most 40 characters and without \":\".");
        (network.VerificationsNeeded, network.PublicReports, network.ReporterContactHours, network.IncidentRetentionDays) =
            (verificationsNeeded, publicReports, reporterContactHours, incidentRetentionDays);
        (network.CheckInMinutes, network.FallbackSeconds, network.WidenAfterSeconds, network.Skills) =
            (checkInMinutes, fallbackSeconds, widenAfterSeconds, AlertText.JoinList(skillList));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Where the network's gateway listens. Only https, or plain http to this machine (a gateway beside Plenum),
    /// so alerts and their signatures do not cross a network in clear. A blank secret keeps the one set before.
    /// </summary>
    public async Task SetWebhookAsync(AlertNetwork network, string? url, string? secret)
    {
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        secret = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim();
        if (url is null)
        {
            (network.WebhookUrl, network.WebhookSecret) = (null, null);
            await db.SaveChangesAsync();
            return;
        }
        if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback && uri.Host is "127.0.0.1" or "localhost")))
            throw new AlertRuleException("The gateway address must start with https://, or be http://127.0.0.1 or http://localhost for a gateway on this machine.");
        if (secret is { Length: < 16 or > 200 }) throw new AlertRuleException("The gateway secret is 16 to 200 characters.");
        if (secret is null && network.WebhookSecret is null) throw new AlertRuleException("Give the gateway a secret (16 characters or more) to check each message's signature with.");
        network.WebhookUrl = url;
        if (secret is not null) network.WebhookSecret = secret;
        await db.SaveChangesAsync();
    }

    /// <summary>The person's profile in the network, made on first use with the responder duty.</summary>
    public async Task<Responder> ProfileAsync(Guid groupId, Guid userId)
    {
        var profile = await db.Responders.FirstOrDefaultAsync(r => r.GroupId == groupId && r.UserId == userId);
        if (profile is not null) return profile;
        profile = new Responder { GroupId = groupId, UserId = userId, JoinedAt = clock.GetUtcNow() };
        db.Responders.Add(profile);
        return profile;
    }

    public async Task SetDutiesAsync(Guid groupId, Guid userId, AlertDuty duties)
    {
        if (!await db.Memberships.AnyAsync(m => m.GroupId == groupId && m.UserId == userId)) throw new AlertRuleException("Only members of the group take duties in its network.");
        (await ProfileAsync(groupId, userId)).Duties = duties;
        await db.SaveChangesAsync();
    }

    public async Task UpdateProfileAsync(AlertNetwork network, Guid userId, IEnumerable<string> skills, IEnumerable<AlertChannel> channels, string? gatewayAddress)
    {
        var known = network.SkillList;
        var chosen = skills.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var unknown = chosen.Where(s => !known.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) throw new AlertRuleException($"The network has no skill called {string.Join(", ", unknown.Select(u => $"\"{u}\""))}.");
        var order = channels.Distinct().ToList();
        if (order.Count == 0) throw new AlertRuleException("Choose at least one way alerts can reach you.");
        gatewayAddress = string.IsNullOrWhiteSpace(gatewayAddress) ? null : gatewayAddress.Trim();
        if (gatewayAddress?.Length > 100) throw new AlertRuleException("The gateway address can be at most 100 characters.");
        var profile = await ProfileAsync(network.GroupId, userId);
        profile.Skills = AlertText.JoinList(known.Where(k => chosen.Contains(k, StringComparer.OrdinalIgnoreCase)));
        profile.Channels = string.Join(",", order);
        profile.GatewayAddress = gatewayAddress;
        await db.SaveChangesAsync();
    }

    /// <summary>A shift, and with <paramref name="repeatWeeks"/> the same time in each following week.</summary>
    public async Task AddShiftAsync(Guid groupId, Guid userId, Guid zoneId, string? role, DateTimeOffset startsAt, DateTimeOffset endsAt, int repeatWeeks = 0)
    {
        if (!await db.AlertZones.AnyAsync(z => z.Id == zoneId && z.GroupId == groupId)) throw new AlertRuleException("Choose one of the network's zones.");
        if (endsAt <= startsAt) throw new AlertRuleException("A shift ends after it starts.");
        if (endsAt - startsAt > TimeSpan.FromHours(MaxShiftHours)) throw new AlertRuleException("A shift can be at most a week long.");
        if (endsAt <= clock.GetUtcNow()) throw new AlertRuleException("That shift is already over.");
        if (repeatWeeks is < 0 or > MaxRepeatWeeks) throw new AlertRuleException($"A shift repeats for at most {MaxRepeatWeeks} weeks.");
        role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        if (role?.Length > 60) throw new AlertRuleException("A role can be at most 60 characters.");
        await ProfileAsync(groupId, userId);
        for (var week = 0; week <= repeatWeeks; week++)
            db.Shifts.Add(new Shift
            {
                Id = Guid.NewGuid(), GroupId = groupId, UserId = userId, ZoneId = zoneId, Role = role,
                StartsAt = startsAt.AddDays(7 * week), EndsAt = endsAt.AddDays(7 * week),
            });
        await db.SaveChangesAsync();
    }

    public async Task RemoveShiftAsync(Guid groupId, Guid shiftId, Guid userId, bool asDispatcher)
    {
        var shift = await db.Shifts.FirstOrDefaultAsync(s => s.Id == shiftId && s.GroupId == groupId && (asDispatcher || s.UserId == userId))
            ?? throw new AlertRuleException("No such shift of yours.");
        db.Shifts.Remove(shift);
        await db.SaveChangesAsync();
    }
}
