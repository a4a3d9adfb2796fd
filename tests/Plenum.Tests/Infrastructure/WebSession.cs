using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Plenum.Tests.Infrastructure;

/// <summary>
/// One person's browser without JavaScript: keeps cookies, reads pages as HTML, and submits forms
/// the way a browser would (including the antiforgery field the form carries).
/// </summary>
public sealed class WebSession : IDisposable
{
    readonly CookieContainer _cookies = new();
    readonly HttpClient _http;
    static readonly HtmlParser Parser = new();

    public HttpClient Http => _http;
    /// <summary>The sign-in cookie and the rest, to hand to another client (SignalR) acting as the same browser.</summary>
    public CookieContainer Cookies => _cookies;

    public WebSession(Uri baseAddress) =>
        _http = new(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true }) { BaseAddress = baseAddress };

    public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, string Html)
    {
        public string Path => Response.RequestMessage!.RequestUri!.AbsolutePath;
        public string Text => Document.Body?.TextContent ?? "";
        public HttpStatusCode Status => Response.StatusCode;
    }

    public async Task<Page> GetAsync(string path) => await ReadAsync(await _http.GetAsync(path));

    /// <summary>Fills the form matched by <paramref name="formSelector"/> (the page's first form if null, not the header's) and submits it.</summary>
    public async Task<Page> SubmitAsync(Page page, string? formSelector, IDictionary<string, string>? fields = null)
    {
        var (_, action, values) = Fill(page, formSelector, fields);
        return await ReadAsync(await _http.PostAsync(action, new FormUrlEncodedContent(values)));
    }

    /// <summary>Sends the same form several times at once, as a double (or triple) tap on a slow phone does; the answers as they come (after any redirect).</summary>
    public async Task<HttpResponseMessage[]> TapAsync(Page page, string formSelector, IDictionary<string, string>? fields = null, int times = 4)
    {
        var (_, action, values) = Fill(page, formSelector, fields);
        return await Task.WhenAll(Enumerable.Range(0, times).Select(_ => _http.PostAsync(action, new FormUrlEncodedContent(values))));
    }

    /// <summary>A file as a browser sends it: its name, the type the browser guesses, and its bytes.</summary>
    public sealed record Upload(string FieldName, string FileName, byte[] Content, string ContentType = "application/octet-stream");

    /// <summary>
    /// Like <see cref="SubmitAsync"/>, as multipart/form-data with files chosen in the form's file inputs.
    /// Fails as a browser would fail to send the files: if the form lacks the enctype or the file input.
    /// </summary>
    public async Task<Page> SubmitWithFilesAsync(Page page, string? formSelector, IDictionary<string, string>? fields, params Upload[] files)
    {
        var (form, action, values) = Fill(page, formSelector, fields);
        if (form.Enctype != "multipart/form-data") throw new InvalidOperationException($"The form on {page.Path} would send no files: its enctype is {form.Enctype}.");
        foreach (var file in files)
            if (form.Elements.OfType<IHtmlInputElement>().All(i => i.Type != "file" || i.Name != file.FieldName))
                throw new InvalidOperationException($"The form on {page.Path} has no file input named {file.FieldName}.");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }
        return await ReadAsync(await _http.PostAsync(action, content));
    }

    static (IHtmlFormElement Form, string Action, List<KeyValuePair<string, string>> Values) Fill(Page page, string? formSelector, IDictionary<string, string>? fields)
    {
        var form = (formSelector is null ? page.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
                                         : page.Document.QuerySelector("main " + formSelector) as IHtmlFormElement)
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Path}:\n{page.Text}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "file" && (i.Type is not ("checkbox" or "radio") || i.IsChecked))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name))
                .Select(s => KeyValuePair.Create(s.Name!, s.Value ?? "")))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name))
                .Select(t => KeyValuePair.Create(t.Name!, t.Value)))
            .ToList();
        // Like a browser, every field is sent, inputs in document order (a checkbox before its hidden "false"), so the first value wins on the server.
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(kv => kv.Key == name);
            values.Add(KeyValuePair.Create(name, value));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Response.RequestMessage!.RequestUri!.PathAndQuery : form.GetAttribute("action")!;
        return (form, action, values);
    }

    /// <summary>Registers through an invite link with a pseudonym and password.</summary>
    public async Task<Page> RegisterAsync(string invitePath, string pseudonym, string password = "correct horse battery")
    {
        var landing = await GetAsync(invitePath);
        return await SubmitAsync(landing, "form[action*='Register']", new Dictionary<string, string> { ["Pseudonym"] = pseudonym, ["Password"] = password });
    }

    public async Task<Page> LoginAsync(string pseudonym, string password = "correct horse battery")
    {
        var login = await GetAsync("/accounts/login");
        return await SubmitAsync(login, null, new Dictionary<string, string> { ["Pseudonym"] = pseudonym, ["Password"] = password });
    }

    static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, Parser.ParseDocument(html), html);
    }

    public void Dispose() => _http.Dispose();
}
