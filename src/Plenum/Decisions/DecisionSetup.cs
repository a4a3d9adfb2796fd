using Plenum.Privacy;

namespace Plenum.Decisions;

public static class DecisionSetup
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<Rulebooks>();
        services.AddScoped<DecisionOpening>();
        services.AddScoped<Voting>();
        services.AddScoped<Proxies>();
        services.AddSingleton<DecisionUpdates>();
        services.AddScoped<DecisionCloser>();
        services.AddScoped<IHousekeepingJob>(provider => provider.GetRequiredService<DecisionCloser>());
        services.AddScoped<IHousekeepingJob, AgreementReviews>();
        return services;
    }
}
