namespace Plenum.Assemblies;

public static class AssemblySetup
{
    public static IServiceCollection AddAssemblies(this IServiceCollection services)
    {
        services.AddScoped<MeetingRoom>();
        services.AddSingleton<MeetingUpdates>();
        return services;
    }
}
