using Plenum.Privacy;

namespace Plenum.Discussions;

public static class DiscussionSetup
{
    public static IServiceCollection AddDiscussions(this IServiceCollection services)
    {
        // Stateless after construction, and building the pipeline and sanitizer once is the expensive part.
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<DiscussionBoard>();
        // Registered here rather than in PrivacySetup so the feature carries its own rule; /privacy lists every registered rule.
        services.AddSingleton<RetentionRule, EditHistoryRetention>();
        return services;
    }
}
