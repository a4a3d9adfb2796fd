using Plenum.Privacy;

namespace Plenum.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<UnreadNotifications>();
        services.AddScoped<IHousekeepingJob, DecisionReminders>();
        services.AddScoped<IHousekeepingJob, DailyDigests>();
        services.AddSingleton<RetentionRule, ReadNotifications>();
        return services;
    }
}
