namespace Plenum.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<RetentionRule, Retention.IdleSessions>();
        services.AddSingleton<RetentionRule, Retention.SpentInvitations>();
        services.AddSingleton<RetentionRule, Retention.DecidedJoinRequests>();
        services.AddSingleton<RetentionRule, Retention.GroupLog>();
        services.AddScoped<IHousekeepingJob, RetentionJob>();
        services.AddSingleton<HousekeepingService>();
        services.AddHostedService(provider => provider.GetRequiredService<HousekeepingService>());
        return services;
    }
}
