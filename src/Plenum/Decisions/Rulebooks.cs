using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>Reading and adopting a group's rulebook versions.</summary>
public sealed class Rulebooks(PlenumDb db, TimeProvider clock)
{
    public Task<Rulebook?> CurrentAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        db.Rulebooks.Where(r => r.GroupId == groupId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<Rulebook?> VersionAsync(Guid groupId, int version, CancellationToken cancellationToken = default) =>
        db.Rulebooks.FirstOrDefaultAsync(r => r.GroupId == groupId && r.Version == version, cancellationToken);

    /// <summary>
    /// The first rulebook, chosen by a coordinator when the group starts deciding; every later
    /// change goes through a decision of class "rulebook" (see <see cref="DecisionCloser"/>).
    /// </summary>
    public async Task<Rulebook> AdoptFirstAsync(Group group, string templateKey, CancellationToken cancellationToken = default)
    {
        if (await CurrentAsync(group.Id, cancellationToken) is not null)
            throw new DecisionRuleException("This group has a rulebook already; changing it is a decision of class \"Rulebook change\".");
        return Add(group.Id, templateKey, 1);
    }

    /// <summary>Adds the next version (the caller saves, inside its transaction).</summary>
    public Rulebook Add(Guid groupId, string templateKey, int version)
    {
        var template = RulebookTemplates.Find(templateKey) ?? throw new DecisionRuleException("There is no such rulebook template.");
        var rulebook = new Rulebook
        {
            Id = Guid.NewGuid(), GroupId = groupId, Version = version, TemplateName = template.Name,
            AdoptedAt = clock.GetUtcNow(), ClassesJson = Rulebook.Serialize(template.Classes),
        };
        db.Rulebooks.Add(rulebook);
        return rulebook;
    }

    /// <summary>Adds the next version with classes a passed amendment wrote (the caller saves, inside its transaction).</summary>
    public Rulebook AddAmended(Guid groupId, string? currentName, string classesJson, int version)
    {
        const string amended = " (amended)";
        var name = (currentName ?? "Rulebook").EndsWith(amended, StringComparison.Ordinal) ? currentName! : $"{currentName ?? "Rulebook"}{amended}";
        var rulebook = new Rulebook { Id = Guid.NewGuid(), GroupId = groupId, Version = version, TemplateName = name, AdoptedAt = clock.GetUtcNow(), ClassesJson = classesJson };
        db.Rulebooks.Add(rulebook);
        return rulebook;
    }
}
