using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Plenum.Infrastructure;
using Plenum.Privacy;

namespace Plenum.Fund;

public static class FundSetup
{
    /// <summary>Room beside the one receipt file for the form's other fields and the multipart framing.</summary>
    const long FormFieldsAllowance = 64 * 1024;

    public static IServiceCollection AddFund(this IServiceCollection services)
    {
        services.AddScoped<FundLedger>();
        services.AddScoped<SpendingProposals>();
        services.AddScoped<FundReceipts>();
        services.AddSingleton<RetentionRule, AnonymousRecipientRetention>();
        services.AddOptions<RazorPagesOptions>().PostConfigure<PlenumOptions>((pages, options) =>
            pages.Conventions.AddPageApplicationModelConvention("/Fund/Entry", model =>
                model.EndpointMetadata.Add(new RequestSizeLimitAttribute(ReceiptRequestBytes(options)))));
        return services;
    }

    public static long ReceiptRequestBytes(PlenumOptions options) => options.Attachments.MaxFileBytes + FormFieldsAllowance;
}
