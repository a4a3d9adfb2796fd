using Plenum.Alerts.Channels;
using Plenum.Privacy;

namespace Plenum.Alerts;

public static class AlertSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<AlertNetworks>();
        services.AddScoped<AlertRoster>();
        services.AddScoped<AlertDesk>();
        services.AddScoped<AlertSending>();
        services.AddScoped<AlertAnswers>();
        services.AddScoped<AlertReceipts>();
        services.AddScoped<AlertAddressBook>();
        services.AddScoped<RollCallPaging>();
        services.AddScoped<CheckIns>();
        services.AddScoped<IncidentRecord>();
        services.AddScoped<AlertMetrics>();
        services.AddSingleton<AlertHeartbeat>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertHeartbeat>());
        services.AddSingleton<RetentionRule, ReporterContactPurge>();
        services.AddSingleton<RetentionRule, IncidentRetention>();
        services.AddScoped<PublicReports>();
        services.AddScoped<ResponderActs>();
        services.AddSingleton<AlertLinks>();
        services.AddSingleton<AlertPresence>();
        services.AddSingleton<AlertReceiptWriter>();
        services.AddSingleton<AlertDeskUpdates>();
        services.AddSingleton<AlertPipelineHealth>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertDispatcher>());
        services.AddScoped<IAlertChannel, LiveChannel>();
        services.AddScoped<IAlertChannel, PushChannel>();
        services.AddScoped<IAlertChannel, EmailChannel>();
        services.AddScoped<IAlertChannel, WebhookChannel>();
        // No request logging: it would write the gateway's address (kept encrypted) to the log, four lines per message.
        // A gateway's answer only lists failed addresses: a bigger one is refused (and everyone falls back) rather than buffered.
        services.AddHttpClient(WebhookChannel.ClientName, client => (client.Timeout, client.MaxResponseContentBufferSize) = (TimeSpan.FromSeconds(10), 1 << 20))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        return services;
    }
}
