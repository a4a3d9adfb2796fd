using Plenum.Privacy;

namespace Plenum.Federations;

public static class FederationSetup
{
    public static IServiceCollection AddFederations(this IServiceCollection services)
    {
        services.AddScoped<FederationMembership>();
        services.AddScoped<FederationFollowUp>();
        services.AddScoped<ReportBack>();
        services.AddScoped<IHousekeepingJob, EscalationRetry>();
        services.AddScoped<DelegateRotation>();
        services.AddScoped<IHousekeepingJob>(provider => provider.GetRequiredService<DelegateRotation>());
        return services;
    }
}
