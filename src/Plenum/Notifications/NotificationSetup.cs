using Plenum.Infrastructure;
using Plenum.Notifications.Push;
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
        services.AddPush();
        return services;
    }

    static IServiceCollection AddPush(this IServiceCollection services)
    {
        services.AddSingleton(provider => VapidKeys.FromKeyFile(
            Path.Combine(provider.GetRequiredService<PlenumOptions>().KeysDir, "vapid.key"), provider.GetRequiredService<FieldEncryption>()));
        services.AddScoped<PushSubscriptions>();
        services.AddSingleton<PushQueue>();
        services.AddSingleton<PushSender>();
        services.AddHostedService<PushDelivery>();
        services.AddSingleton<RetentionRule, StalePushSubscriptions>();
        // Request logging would write each endpoint, which identifies a browser, into the log.
        services.AddHttpClient(PushSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        return services;
    }
}
