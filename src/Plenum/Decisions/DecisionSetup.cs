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
        services.AddScoped<Federations.FederationMembership>();
        services.AddScoped<Federations.FederationFollowUp>();
        services.AddScoped<Federations.ReportBack>();
        services.AddSingleton<DecisionUpdates>();
        services.AddScoped<DecisionCloser>();
        services.AddScoped<IHousekeepingJob>(provider => provider.GetRequiredService<DecisionCloser>());
        services.AddScoped<IHousekeepingJob, AgreementReviews>();
        return services;
    }
}
