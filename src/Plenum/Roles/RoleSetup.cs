using Plenum.Privacy;

namespace Plenum.Roles;

public static class RoleSetup
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddScoped<Rotation>();
        services.AddScoped<Draws>();
        services.AddScoped<IHousekeepingJob, RoleReminders>();
        return services;
    }
}
