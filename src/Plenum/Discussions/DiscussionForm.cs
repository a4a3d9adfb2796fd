using System.ComponentModel.DataAnnotations;

namespace Plenum.Discussions;

/// <summary>Starting or editing a discussion, shared by pages and API; limits count the plain text before encryption.</summary>
public sealed class DiscussionForm
{
    [Required(ErrorMessage = "Give the discussion a title.")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "The title must be 3 to 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Write something to start the discussion.")]
    [StringLength(20000, ErrorMessage = "The text must be at most 20000 characters.")]
    public string Body { get; set; } = "";
}
