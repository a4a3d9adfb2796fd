using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Plenum.Shared;

/// <summary>The page for errors and refusals: a plain message, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(Discussions.AttachmentIntake attachments) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "Plenum could not finish this. Nothing was half-saved; please try again.";

    public void OnGet() => Describe();
    public void OnPost() => Describe();

    /// <summary>
    /// The code is read from the route, not bound as a parameter: binding reads a posted form, and after a
    /// refused upload that form is the very thing too large to read.
    /// </summary>
    void Describe()
    {
        int? code = int.TryParse(RouteData.Values["code"] as string, out var number) ? number : null;
        (Heading, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing here, or you cannot see it."),
            403 => ("Not allowed", "Your role in this group does not allow this."),
            400 => ("Bad request", "The form was out of date or incomplete. Go back, reload the page and try again."),
            413 => ("Too large", $"What you sent is more than Plenum takes at once, so nothing was saved. {attachments.LimitsInWords}"),
            429 => ("Too many attempts", "Please wait a minute and try again."),
            _ => (Heading, Explanation),
        };
        if (code is >= 400 and < 600) Response.StatusCode = code.Value;
    }
}
