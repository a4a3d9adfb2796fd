using Plenum.Privacy;

namespace Plenum.Aid;

public static class AidSetup
{
    public static IServiceCollection AddAid(this IServiceCollection services)
    {
        services.AddScoped<AidGroups>();
        services.AddScoped<AidDesk>();
        services.AddScoped<AidNotices>();
        services.AddScoped<AidBoard>();
        services.AddScoped<AidDisclosure>();
        services.AddScoped<AidDashboard>();
        services.AddSingleton<AidFollowLinks>();
        services.AddScoped<IHousekeepingJob, AidUpkeep>();
        services.AddSingleton<RetentionRule, AidContactPurge>();
        services.AddSingleton<RetentionRule, AidReportRetention>();
        return services;
    }
}
