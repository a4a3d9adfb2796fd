using Microsoft.EntityFrameworkCore;
using Plenum.Counting.Lots;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Roles;

/// <summary>Announcing a draw by lot (with the seed's commitment), taking volunteers, and drawing.</summary>
public sealed class Draws(PlenumDb db, Rotation rotation, TimeProvider clock)
{
    public async Task<Draw> AnnounceAsync(Group group, string purpose, int count, Guid? roleId, CancellationToken cancellationToken = default)
    {
        if (purpose.Trim().Length is < 3 or > 300) throw new GroupRuleException("Say in 3 to 300 characters what the draw is for.");
        if (count is < 1 or > 500) throw new GroupRuleException("A draw selects 1 to 500 people.");
        if (roleId is { } id && !await db.RotatingRoles.AnyAsync(r => r.Id == id && r.GroupId == group.Id, cancellationToken))
            throw new GroupRuleException("There is no such role in the group.");
        if (roleId is not null && count != 1) throw new GroupRuleException("A draw for a role selects one person, its next holder.");
        var seed = Sortition.NewSeed();
        var draw = new Draw
        {
            Id = Guid.NewGuid(), GroupId = group.Id, RoleId = roleId, Purpose = purpose.Trim(), Count = count,
            Seed = Sortition.Format(seed), Commitment = Sortition.Commitment(seed), CreatedAt = clock.GetUtcNow(),
        };
        db.Draws.Add(draw);
        await db.SaveChangesAsync(cancellationToken);
        return draw;
    }

    public async Task VolunteerAsync(Draw draw, Guid userId, bool volunteering, CancellationToken cancellationToken = default)
    {
        if (draw.DrawnAt is not null) throw new GroupRuleException("The draw has taken place.");
        var signedUp = await db.DrawVolunteers.AnyAsync(v => v.DrawId == draw.Id && v.UserId == userId, cancellationToken);
        if (volunteering && !signedUp) db.DrawVolunteers.Add(new DrawVolunteer { DrawId = draw.Id, UserId = userId });
        if (!volunteering && signedUp) await db.DrawVolunteers.Where(v => v.DrawId == draw.Id && v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (volunteering)
        {
            // A double tap volunteered twice at once: the person is in the draw, once.
            db.ChangeTracker.Clear();
            if (!await db.DrawVolunteers.AnyAsync(v => v.DrawId == draw.Id && v.UserId == userId, cancellationToken)) throw;
        }
    }

    /// <summary>Draws, publishes seed, volunteers and selection, and for a role starts the selected person's term.</summary>
    public async Task DrawAsync(Draw draw, CancellationToken cancellationToken = default)
    {
        if (draw.DrawnAt is not null) throw new GroupRuleException("The draw has taken place.");
        var volunteers = await db.DrawVolunteers.Where(v => v.DrawId == draw.Id && db.Memberships.Any(m => m.GroupId == draw.GroupId && m.UserId == v.UserId))
            .Select(v => new { v.UserId, v.User!.UserName }).ToListAsync(cancellationToken);
        var role = draw.RoleId is { } roleId ? await db.RotatingRoles.SingleAsync(r => r.Id == roleId, cancellationToken) : null;
        if (role is not null)
        {
            // Settled before drawing, so whoever is drawn can take the role and the published draw stands.
            if (await db.RoleTerms.AnyAsync(t => t.RoleId == role.Id && t.StartsAt > clock.GetUtcNow(), cancellationToken))
                throw new GroupRuleException($"The next {role.Name} term is settled already: there is no term left for the draw to fill.");
            var barred = await rotation.BarredByLimitAsync(role, cancellationToken);
            volunteers.RemoveAll(v => v.UserId == barred);
        }
        if (volunteers.Count < draw.Count) throw new GroupRuleException($"The draw needs at least {draw.Count} volunteer(s) who can take it up; there are {volunteers.Count}.");
        var names = volunteers.Select(v => v.UserName!).Order(StringComparer.Ordinal).ToList();
        var selected = Sortition.Draw(names, draw.Count, Sortition.Parse(draw.Seed));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (draw.DrawnAt, draw.Volunteers, draw.Selected) = (clock.GetUtcNow(), string.Join('\n', names), string.Join('\n', selected));
        await db.SaveChangesAsync(cancellationToken);
        if (role is not null)
            await rotation.HandOverAsync(role, volunteers.Single(v => v.UserName == selected[0]).UserId, TermChoice.Draw, draw.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
