using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Plenum.Infrastructure;
using Plenum.Privacy;

namespace Plenum.Discussions;

public static class DiscussionSetup
{
    /// <summary>The pages whose forms carry files.</summary>
    static readonly string[] UploadPages = ["/Discussions/New", "/Discussions/Thread"];

    public static IServiceCollection AddDiscussions(this IServiceCollection services)
    {
        // Stateless after construction, and building the pipeline and sanitizer once is the expensive part.
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<DiscussionBoard>();
        // Registered here rather than in PrivacySetup so the feature carries its own rule; /privacy lists every registered rule.
        services.AddSingleton<RetentionRule, EditHistoryRetention>();
        services.AddAttachments();
        return services;
    }

    static void AddAttachments(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<PlenumOptions>().Attachments);
        services.AddSingleton<AttachmentIntake>();
        services.AddSingleton<AttachmentVault>();
        services.AddScoped<IHousekeepingJob, AttachmentSealing>();
        // PostConfigure: AddRazorPages' own setup, which runs later, creates the conventions collection afresh.
        services.AddOptions<RazorPagesOptions>().PostConfigure<PlenumOptions>((pages, options) =>
        {
            // Only forms with files may send more than Kestrel's default 30 MB (or less, if the limits are set low).
            foreach (var page in UploadPages)
                pages.Conventions.AddPageApplicationModelConvention(page, model =>
                    model.EndpointMetadata.Add(new RequestSizeLimitAttribute(options.Attachments.MaxRequestBytes)));
        });
        services.AddOptions<FormOptions>().Configure<PlenumOptions>((form, options) =>
            // Uploads stay in memory: past this threshold ASP.NET would spool them, unencrypted, to a temporary file on disk.
            form.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, options.Attachments.MaxRequestBytes));
    }
}
