using Plenum.Privacy;

namespace Plenum.Groups;

public static class GroupSetup
{
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddScoped<GroupMembership>();
        services.AddScoped<InviteLinks>();
        services.AddScoped<IHousekeepingJob, GroupArchiver>();
        return services;
    }
}
