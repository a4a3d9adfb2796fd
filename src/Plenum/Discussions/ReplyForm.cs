using System.ComponentModel.DataAnnotations;

namespace Plenum.Discussions;

/// <summary>Writing or editing a reply, shared by pages and API.</summary>
public sealed class ReplyForm
{
    [Required(ErrorMessage = "Write something before you send the reply.")]
    [StringLength(20000, ErrorMessage = "The reply must be at most 20000 characters.")]
    public string Body { get; set; } = "";
}
