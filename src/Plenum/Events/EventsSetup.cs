using Plenum.Privacy;

namespace Plenum.Events;

public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventNotices>();
        services.AddScoped<RsvpBook>();
        services.AddScoped<EventPlanner>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<IHousekeepingJob, EventReminders>();
        services.AddSingleton<RetentionRule, PastEvents>();
        return services;
    }
}
